// The self check-in posters of a nation-wide conference (thousands of pages): built as a job with its
// progress shown here, then downloaded at once. A smaller conference's page links to the PDF directly.
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import type { PosterJob } from "#app/attendance/poster-jobs.server.ts";

export function PostersBuild({ conferenceId, initial }: { conferenceId: string; initial: PosterJob | null }) {
  const url = `/conferences/${conferenceId}/attendance/posters.json`;
  const build = useFetcher<PosterJob | { error: string }>();
  const poll = useFetcher<PosterJob | null>();
  const started = build.data && "status" in build.data ? build.data : null;
  // The newest of what the page, the build request and the polls said.
  const job = poll.data ?? started ?? initial;
  useEffect(() => {
    if (job?.status !== "building") return;
    const t = setTimeout(() => poll.load(url), 500);
    return () => clearTimeout(t);
  }, [job, poll, url]);
  const busy = build.state !== "idle" || job?.status === "building";
  return (
    <div className="att-posters" aria-live="polite">
      <build.Form method="post" action={url}>
        <input type="hidden" name="intent" value="build" />
        <button type="submit" className="button" disabled={busy}>
          Tạo áp phích tự điểm danh tại điểm cầu (PDF)
        </button>
      </build.Form>
      {build.data && "error" in build.data ? (
        <p className="form-error" role="alert">
          {build.data.error}
        </p>
      ) : null}
      {job?.status === "failed" ? (
        <p className="form-error" role="alert">
          Không tạo được áp phích: {job.error}
        </p>
      ) : null}
      {job?.status === "building" ? (
        <>
          <label htmlFor="posters-progress">
            {`Đang tạo áp phích: ${job.done.toLocaleString("vi-VN")}/${job.total.toLocaleString("vi-VN")} trang (${Math.round((job.done / Math.max(1, job.total)) * 100)}%)`}
          </label>{" "}
          <progress id="posters-progress" max={Math.max(1, job.total)} value={job.done} />
        </>
      ) : null}
      {job?.status === "ready" ? (
        <a href={`/conferences/${conferenceId}/attendance/posters.pdf`} className="button">
          Tải áp phích tự điểm danh ({job.total.toLocaleString("vi-VN")} trang, PDF)
        </a>
      ) : null}
    </div>
  );
}
