import { Link, useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

interface Progress {
  queued: number;
  sending: number;
  /** Claimed by a sender that stopped: back in the queue within a minute, or sent again by hand. */
  stuck: number;
  sent: number;
  failed: number;
}

/** Polls delivery while messages are waiting, and refreshes the list when the queue empties. */
export function DeliveryProgress({ conferenceId }: { conferenceId: string }) {
  const fetcher = useFetcher<Progress>();
  const revalidator = useRevalidator();
  const wasBusy = useRef(false);
  const p = fetcher.data;
  const busy = !!p && p.queued + p.sending > 0;
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load(`/conferences/${conferenceId}/outbox.json`);
  }, [fetcher, conferenceId]);
  useEffect(() => {
    if (!busy) {
      if (wasBusy.current) {
        wasBusy.current = false;
        revalidator.revalidate();
      }
      return;
    }
    wasBusy.current = true;
    const t = setTimeout(() => fetcher.load(`/conferences/${conferenceId}/outbox.json`), 700);
    return () => clearTimeout(t);
  }, [busy, p, fetcher, conferenceId, revalidator]);
  if (!p) return null;
  const total = p.queued + p.sending + p.stuck + p.sent + p.failed;
  if (!total) return null;
  return (
    <div className="delivery" aria-live="polite">
      <label htmlFor="delivery-progress">
        Đã gửi {p.sent}/{total} thư{p.failed ? `, ${p.failed} lỗi` : ""}
        {p.stuck ? `, ${p.stuck} bị treo` : ""}
        {busy ? " — đang gửi…" : ""}
      </label>
      {p.failed + p.stuck > 0 ? (
        <Link to={`/conferences/${conferenceId}/outbox`} className="small">
          Gửi lại các thư lỗi
        </Link>
      ) : null}
      <progress id="delivery-progress" max={total} value={p.sent + p.failed} />
    </div>
  );
}
