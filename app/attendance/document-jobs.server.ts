// The roll-call sheet and the attendance report of a large conference are built as jobs (app/jobs/), as the
// posters and the packet are: 10,000 attendees take seconds to draw (100,000 take most of a minute), so
// the organiser presses "build", watches the progress, and downloads the finished PDF from any instance.
// Unlike the posters, each build is new: attendance changes with every scan, and a build shows the list
// as it was when it was drawn. Only the latest build of each document is kept; one in progress is
// returned instead of queuing another.
import { randomBytes } from "node:crypto";
import { attendanceReportPdf } from "#app/attendance/report-pdf.server.ts";
import { rollCallSheetPdf } from "#app/attendance/roll-call-sheet.server.ts";
import { enqueueJob, findJobById, jobResult, latestJob, registerJobKind, type JobView } from "#app/jobs/jobs.server.ts";

/** Above this many attendees the page builds the two documents as jobs; below, its links draw them at once. */
export const DOCUMENT_JOB_ATTENDEES = 2_000;

export type AttendanceDocument = "sheet" | "report";

export interface DocumentJob {
  id: string;
  status: "building" | "ready" | "failed";
  done: number;
  total: number;
  error?: string;
}

const DOCUMENTS = {
  sheet: {
    kind: "attendance-sheet",
    file: "danh-sach-diem-danh.pdf",
    stage: "Vẽ danh sách điểm danh",
    what: "danh sách điểm danh (PDF)",
    render: rollCallSheetPdf,
  },
  report: {
    kind: "attendance-report",
    file: "diem-danh.pdf",
    stage: "Vẽ báo cáo điểm danh",
    what: "báo cáo điểm danh (PDF)",
    render: attendanceReportPdf,
  },
} as const;

interface DocumentParams {
  conferenceId: string;
}

for (const d of Object.values(DOCUMENTS)) {
  registerJobKind(d.kind, {
    async run(params, ctx) {
      const { conferenceId } = params as DocumentParams;
      const pdf = await d.render(conferenceId, (done, total) => ctx.progress(done, total, d.stage));
      if (!pdf) throw new Error("Hội nghị chưa có danh sách đại biểu.");
      return { name: d.file, contentType: "application/pdf", bytes: pdf };
    },
    describe(params) {
      return { what: d.what, conferenceId: (params as DocumentParams).conferenceId };
    },
    keepOnlyLatest: true,
  });
}

function documentView(job: JobView): DocumentJob {
  const base = { id: job.id, done: job.done, total: job.total };
  if (job.status === "DONE") return { ...base, done: job.total, status: "ready" };
  if (job.status === "FAILED") return { ...base, status: "failed", error: job.error ?? "" };
  // Until the build reports (its stage is set then), the job's total is a placeholder: not known yet.
  return { ...base, status: "building", ...(job.stage ? {} : { done: 0, total: 0 }) };
}

/** The latest build of this document of the conference, whichever instance runs or ran it. */
export async function documentJob(document: AttendanceDocument, conferenceId: string): Promise<DocumentJob | null> {
  const job = await latestJob(DOCUMENTS[document].kind, conferenceId);
  return job ? documentView(job) : null;
}

/** A new build of the document as the conference is now, or the one still in progress. */
export async function buildDocument(document: AttendanceDocument, conferenceId: string): Promise<DocumentJob> {
  const latest = await documentJob(document, conferenceId);
  if (latest?.status === "building") return latest;
  const params: DocumentParams = { conferenceId };
  const key = `${conferenceId}/${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
  return documentView(await enqueueJob({ kind: DOCUMENTS[document].kind, key, scope: conferenceId, params }));
}

/** The PDF of one finished build of this conference's document; null for another conference's or one not finished. */
export async function documentPdf(
  document: AttendanceDocument,
  conferenceId: string,
  jobId: string,
): Promise<Buffer | null> {
  const job = await findJobById(jobId);
  if (!job || job.kind !== DOCUMENTS[document].kind || job.scope !== conferenceId || job.status !== "DONE") return null;
  const file = await jobResult(job);
  return file ? Buffer.from(file.bytes) : null;
}
