// A large conference's roll-call sheet and attendance report (thousands of lines): each built as a job
// with its progress shown here, then downloaded. A smaller conference's page links to the PDFs directly.
import type { DocumentJob } from "#app/attendance/document-jobs.server.ts";
import { count, JobBuild } from "#app/components/attendance/job-build.tsx";

export function SheetBuild({ conferenceId, initial }: { conferenceId: string; initial: DocumentJob | null }) {
  return (
    <JobBuild
      url={`/conferences/${conferenceId}/attendance/sheet.json`}
      initial={initial}
      id="sheet-progress"
      buildLabel="Tạo danh sách điểm danh để in (PDF)"
      progressLabel={(job) => `Đang tạo danh sách điểm danh: ${count(job.done)}/${count(job.total)} đại biểu`}
      failedLabel="Không tạo được danh sách điểm danh"
      download={(job) => ({
        href: `/conferences/${conferenceId}/attendance/sheet.pdf?job=${job.id}`,
        label: `Tải danh sách điểm danh (${count(job.total)} đại biểu, PDF)`,
      })}
    />
  );
}

export function ReportBuild({ conferenceId, initial }: { conferenceId: string; initial: DocumentJob | null }) {
  return (
    <JobBuild
      url={`/conferences/${conferenceId}/attendance-report.json`}
      initial={initial}
      id="report-progress"
      buildLabel="Tạo báo cáo điểm danh (PDF)"
      progressLabel={(job) => `Đang tạo báo cáo điểm danh: ${count(job.done)}/${count(job.total)} đại biểu`}
      failedLabel="Không tạo được báo cáo điểm danh"
      download={(job) => ({
        href: `/conferences/${conferenceId}/attendance-report.pdf?job=${job.id}`,
        label: `Tải báo cáo điểm danh (${count(job.total)} đại biểu, PDF)`,
      })}
    />
  );
}
