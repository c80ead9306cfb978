// Search by name, the fallback when an attendee has no readable code: online only, scoped by the server
// (a bridge operator finds only their bridge point's attendees).

import { useCallback, useEffect, useState } from "react";
import type { Outcome } from "#app/checkin/scanner/client.ts";
import type { SearchHit } from "#app/checkin/types.ts";

const MIN_CHARS = 2;

export function NameSearch({
  base,
  offline,
  onCheckIn,
}: {
  base: string;
  offline: boolean;
  onCheckIn: (attendeeId: string) => Promise<Outcome | null>;
}) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [problem, setProblem] = useState("");
  const [busyId, setBusyId] = useState("");
  const active = q.trim().length >= MIN_CHARS;

  const run = useCallback(
    async (query: string, signal?: AbortSignal) => {
      if (!navigator.onLine) {
        setProblem("Ngoại tuyến: không tìm được theo tên. Hãy quét mã QR.");
        setHits(null);
        return;
      }
      try {
        const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`, { signal, cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { hits: SearchHit[] };
        setHits(body.hits);
        setProblem("");
      } catch (error) {
        if ((error as { name?: string }).name === "AbortError") return;
        setProblem("Không tìm được: mất kết nối với máy chủ.");
        setHits(null);
      }
    },
    [base],
  );

  // Typing: the search runs a quarter of a second after the last key.
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = setTimeout(() => void run(q.trim(), controller.signal), 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, active, run]);

  const type = (value: string) => {
    setQ(value);
    // Below two characters the list goes away, and an old answer does not come back with the next query.
    if (value.trim().length < MIN_CHARS) {
      setHits(null);
      setProblem("");
    }
  };

  return (
    <section className="scanner-section" aria-labelledby="search-heading">
      <h2 id="search-heading">Tìm theo tên</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="attendee-search">Họ tên đại biểu (ít nhất 2 ký tự)</label>
          <input
            type="search"
            id="attendee-search"
            value={q}
            onChange={(e) => type(e.target.value)}
            autoComplete="off"
          />
        </div>
      </form>
      {active && problem ? <p className="form-error">{problem}</p> : null}
      {active && hits ? (
        hits.length === 0 ? (
          <p className="muted" role="status">
            Không có đại biểu nào khớp “{q.trim()}”.
          </p>
        ) : (
          <ul className="search-results" aria-label="Kết quả tìm kiếm">
            {hits.map((h) => (
              <li key={h.id}>
                <div>
                  <span className="strong">{h.name}</span>
                  {h.present ? <span className="badge present"> đã có mặt</span> : null}
                  {h.walkIn ? <span className="badge"> đăng ký tại chỗ</span> : null}
                  <br />
                  <span className="muted small">{[h.position, h.organizationName].filter(Boolean).join(" · ")}</span>
                </div>
                <button
                  type="button"
                  className={h.present ? "" : "primary"}
                  disabled={busyId === h.id || offline}
                  aria-label={`Điểm danh ${h.name}`}
                  onClick={async () => {
                    setBusyId(h.id);
                    await onCheckIn(h.id);
                    setBusyId("");
                    await run(q.trim());
                  }}
                >
                  Điểm danh
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
