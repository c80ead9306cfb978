import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { BULK_MESSAGE_NOUN } from "#app/conferences/vocabulary.ts";

/** A large conference's bulk send being put into the outbox by a job (app/invitations/send-job.server.ts). */
export interface SendJobState {
  kind: keyof typeof BULK_MESSAGE_NOUN;
  status: "queuing" | "done" | "failed";
  done: number;
  total: number;
  queued: number;
  error: string | null;
}

const count = (n: number) => n.toLocaleString("vi-VN");

/** The queuing's progress (n/N), refreshed every second while it runs, then what it queued or why it failed. */
export function SendProgress({ job }: { job: SendJobState | null }) {
  const revalidator = useRevalidator();
  const queuing = job?.status === "queuing";
  useEffect(() => {
    if (!queuing) return;
    const t = setTimeout(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearTimeout(t);
  }, [queuing, job, revalidator]);
  if (!job) return null;
  const noun = BULK_MESSAGE_NOUN[job.kind];
  if (job.status === "failed")
    return (
      <p className="form-error" role="alert">
        Không đưa được {noun} vào hàng đợi: {job.error}
      </p>
    );
  if (job.status === "done")
    return (
      <p className="up" role="status">
        Đã đưa {count(job.queued)} {noun} vào hàng đợi gửi.
      </p>
    );
  return (
    <div className="att-build" aria-live="polite">
      <label htmlFor="invitation-send-progress">
        {job.total > 0
          ? `Đang đưa ${noun} vào hàng đợi: ${count(job.done)}/${count(job.total)} đại biểu`
          : `Đang chờ bắt đầu đưa ${noun} vào hàng đợi…`}
      </label>{" "}
      {job.total > 0 ? (
        <progress id="invitation-send-progress" max={job.total} value={job.done} />
      ) : (
        <progress id="invitation-send-progress" />
      )}
    </div>
  );
}
