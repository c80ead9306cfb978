// A long document built as a job (posters, roll-call sheet, attendance report of a large conference): a
// button queues the build, its progress is polled and shown, then the finished file is one link away.
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";

export interface BuildState {
  status: "building" | "ready" | "failed";
  done: number;
  total: number;
  error?: string;
}

export interface JobBuildProps<J extends BuildState> {
  /** GET: the latest build (JSON); POST intent=build: start one. */
  url: string;
  initial: J | null;
  /** The progress bar's id, unique on the page. */
  id: string;
  buildLabel: string;
  /** "Đang tạo …: 10/20 trang", with the percentage added here. */
  progressLabel: (job: J) => string;
  failedLabel: string;
  download: (job: J) => { href: string; label: string };
}

/** A count as Vietnamese writes it (1.234). */
export const count = (n: number) => n.toLocaleString("vi-VN");

export function JobBuild<J extends BuildState>(props: JobBuildProps<J>) {
  const { url, initial, id } = props;
  const build = useFetcher<J | { error: string }>();
  const poll = useFetcher<J | null>();
  const started = build.data && "status" in build.data ? build.data : null;
  // The newest of what the page, the build request and the polls said.
  // Plain JSON both ways: what the fetchers return is the job as the server wrote it.
  const job = (poll.data ?? started ?? initial) as J | null;
  useEffect(() => {
    if (job?.status !== "building") return;
    const t = setTimeout(() => poll.load(url), 500);
    return () => clearTimeout(t);
  }, [job, poll, url]);
  const busy = build.state !== "idle" || job?.status === "building";
  const download = job?.status === "ready" ? props.download(job) : null;
  return (
    <div className="att-build" aria-live="polite">
      <build.Form method="post" action={url}>
        <input type="hidden" name="intent" value="build" />
        <button type="submit" className="button" disabled={busy}>
          {props.buildLabel}
        </button>
      </build.Form>
      {build.data && "error" in build.data ? (
        <p className="form-error" role="alert">
          {build.data.error}
        </p>
      ) : null}
      {job?.status === "failed" ? (
        <p className="form-error" role="alert">
          {props.failedLabel}: {job.error}
        </p>
      ) : null}
      {job?.status === "building" ? (
        <>
          <label htmlFor={id}>
            {job.total > 0
              ? `${props.progressLabel(job)} (${Math.round((job.done / job.total) * 100)}%)`
              : "Đang chờ bắt đầu…"}
          </label>{" "}
          {/* Without a total yet, an indeterminate bar. */}
          {job.total > 0 ? <progress id={id} max={job.total} value={job.done} /> : <progress id={id} />}
        </>
      ) : null}
      {download ? (
        <a href={download.href} className="button">
          {download.label}
        </a>
      ) : null}
    </div>
  );
}
