// The big answer of the last scan (accepted, already checked in, refused), read aloud by screen readers.

import { useEffect, useState } from "react";
import { formatScanTime } from "#app/checkin/format.ts";
import type { Shown } from "#app/checkin/scanner/use-scanner.ts";

const STALE_AFTER_MS = 15_000;

export function ResultPanel({ shown }: { shown: Shown | null }) {
  // An old result fades, so that nobody reads it as the answer for the next person in the queue.
  const [staleSeq, setStaleSeq] = useState<number | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setStaleSeq(shown.seq), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const stale = shown !== null && staleSeq === shown.seq;
  const classes = ["scan-result", shown ? shown.kind : "idle", shown?.offline ? "offline" : "", stale ? "stale" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <section className={classes} aria-live="assertive" aria-atomic="true" data-result={shown?.kind ?? "idle"}>
      {shown ? (
        <>
          <p className="scan-heading">{shown.heading}</p>
          {shown.name ? <p className="scan-name">{shown.name}</p> : null}
          {shown.details.length ? (
            <ul>
              {shown.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
          {shown.note ? <p className="scan-note">{shown.note}</p> : null}
          <p className="scan-when">Lượt quét {formatScanTime(shown.at)}</p>
        </>
      ) : (
        <>
          <p className="scan-heading" style={{ fontSize: "1.15rem" }}>
            Sẵn sàng quét
          </p>
          <p className="scan-note">Đưa mã QR trên giấy mời vào khung hình camera, hoặc nhập mã, tìm theo tên ở dưới.</p>
        </>
      )}
    </section>
  );
}
