import { ErrorMessage } from "#app/ui/field.tsx";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Candidate } from "#app/attendance/self-checkin.server.ts";
import { letterCount, NAME_SEARCH_MIN_LETTERS } from "#app/attendance/summary.ts";

/** One "I am …" button per attendee the code or the name found. */
export function ConfirmButtons({ candidates, nonce }: { candidates: Candidate[]; nonce: string }) {
  const navigation = useNavigation();
  return (
    <ul className="matches">
      {candidates.map((c) => (
        <li key={c.id}>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="attendeeId" value={c.id} />
            <input type="hidden" name="nonce" value={nonce} />
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              Tôi là {c.name}
              {c.position ? `, ${c.position}` : ""}
              {c.organizationName ? <span className="org">{c.organizationName}</span> : null}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

/** The check-in recorded (or already recorded earlier), and a way back for the next attendee. */
export function CheckedIn({
  reply,
  bridgeName,
  posterKey,
}: {
  reply:
    | { kind: "accepted"; name: string; position: string; at: string }
    | { kind: "already"; name: string; since: string; where: string };
  bridgeName: string;
  posterKey: string;
}) {
  return (
    <div role="status" aria-live="polite">
      {reply.kind === "accepted" ? (
        <p className="done">
          <strong>Đã điểm danh.</strong> Đồng chí {reply.name}
          {reply.position ? `, ${reply.position}` : ""} có mặt trực tuyến tại {bridgeName} lúc {reply.at}. Xin cảm ơn!
        </p>
      ) : (
        <p className="already">
          Đồng chí {reply.name} đã điểm danh từ {reply.since}
          {reply.where ? ` (${reply.where})` : ""}. Không cần điểm danh lại.
        </p>
      )}
      <p>
        <a href={`/d/${posterKey}`}>Điểm danh cho đại biểu khác</a>
      </p>
    </div>
  );
}

/** Step 1: the code printed under the QR code of the invitation. Works without JavaScript. */
export function CodeForm({ error }: { error: { message: string; code?: string } | null }) {
  const navigation = useNavigation();
  return (
    <>
      <h2>Nhập mã điểm danh trên giấy mời</h2>
      <Form method="post" replace noValidate>
        <input type="hidden" name="intent" value="code" />
        <div className={`field ${error ? "has-error" : ""}`}>
          <label htmlFor="code">Mã điểm danh</label>
          <input
            id="code"
            name="code"
            type="text"
            className="code-input"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="VD: K7Q-M3X"
            defaultValue={error ? (error.code ?? "") : ""}
            aria-describedby={error ? "code-error" : "code-hint"}
            aria-invalid={error ? true : undefined}
            maxLength={20}
          />
          {error ? (
            <ErrorMessage id="code-error">{error.message}</ErrorMessage>
          ) : (
            <p className="hint" id="code-hint">
              Mã gồm 6 ký tự, in dưới mã QR trong giấy mời và thư mời.
            </p>
          )}
        </div>
        <button type="submit" className="primary big" disabled={navigation.state === "submitting"}>
          Tiếp tục
        </button>
      </Form>
    </>
  );
}

interface SearchResult {
  q: string;
  matches: Candidate[];
  throttled: string | null;
}

/** Or find one's name: results come from the page's loader while typing; the plain form works without JS. */
export function NameSearch({ posterKey, initial, nonce }: { posterKey: string; initial: SearchResult; nonce: string }) {
  const search = useFetcher<SearchResult>();
  const [q, setQ] = useState(initial.q);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const enough = letterCount(q) >= NAME_SEARCH_MIN_LETTERS;
  useEffect(() => () => clearTimeout(timer.current), []);
  const onType = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    if (letterCount(value) >= NAME_SEARCH_MIN_LETTERS) {
      timer.current = setTimeout(() => search.load(`/d/${posterKey}?q=${encodeURIComponent(value)}`), 200);
    }
  };
  const current = search.data && search.data.q === q ? search.data : initial.q === q ? initial : null;
  const matches = current?.matches ?? [];
  const throttled = current?.throttled ?? null;
  return (
    <>
      <h2>Tìm theo họ tên</h2>
      <Form method="get" replace>
        <div className="field">
          <label htmlFor="q">Họ và tên của Đồng chí</label>
          <input
            id="q"
            name="q"
            type="search"
            autoComplete="off"
            value={q}
            onChange={(e) => onType(e.currentTarget.value)}
            aria-describedby="q-hint"
            aria-controls="name-matches"
          />
          <p className="hint" id="q-hint">
            Gõ ít nhất 3 chữ cái (có dấu hoặc không dấu); chỉ hiện đại biểu dự tại điểm cầu này.
          </p>
        </div>
        <noscript>
          <button type="submit">Tìm</button>
        </noscript>
      </Form>
      <div id="name-matches" aria-live="polite">
        {enough && matches.length > 0 ? <ConfirmButtons candidates={matches} nonce={nonce} /> : null}
        {enough && throttled ? (
          <p className="refused" role="alert">
            {throttled}
          </p>
        ) : enough && matches.length === 0 && (search.state === "idle" || !search.data) && current ? (
          <p className="muted">Không tìm thấy đại biểu có tên này tại điểm cầu. Hãy nhập mã điểm danh trên giấy mời.</p>
        ) : null}
      </div>
    </>
  );
}
