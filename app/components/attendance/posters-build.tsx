// The self check-in posters of a nation-wide conference (thousands of pages): built as a job with its
// progress shown here, then downloaded at once. A smaller conference's page links to the PDF directly.
import type { PosterJob } from "#app/attendance/poster-jobs.server.ts";
import { count, JobBuild } from "#app/components/attendance/job-build.tsx";

export function PostersBuild({ conferenceId, initial }: { conferenceId: string; initial: PosterJob | null }) {
  return (
    <JobBuild
      url={`/conferences/${conferenceId}/attendance/posters.json`}
      initial={initial}
      id="posters-progress"
      buildLabel="Tạo áp phích tự điểm danh tại điểm cầu (PDF)"
      progressLabel={(job) => `Đang tạo áp phích: ${count(job.done)}/${count(job.total)} trang`}
      failedLabel="Không tạo được áp phích"
      download={(job) => ({
        href: `/conferences/${conferenceId}/attendance/posters.pdf`,
        label: `Tải áp phích tự điểm danh (${count(job.total)} trang, PDF)`,
      })}
    />
  );
}
