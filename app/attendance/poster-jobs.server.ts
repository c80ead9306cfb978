// The self check-in posters (one A4 page per bridge point) are built as jobs (app/jobs/), as the packet is:
// a nation-wide conference's 3,300 pages take seconds, so any instance builds them with progress, and any
// instance serves the progress and the finished PDF, kept in the database. A job is keyed by the conference
// and the fingerprint of what the posters print, so a PDF is reused until a bridge point or the conference
// changes.
import { createHash } from "node:crypto";
import { ensurePosterKey } from "#app/attendance/attendance.server.ts";
import { renderPosters, type PosterInput } from "#app/attendance/sheets-pdf.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import {
  enqueueJob,
  findJob,
  jobResult,
  latestJob,
  registerJobKind,
  waitForJob,
  type JobView,
} from "#app/jobs/jobs.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export interface PosterJob {
  fingerprint: string;
  status: "building" | "ready" | "failed";
  done: number;
  total: number;
  stage: string;
  error?: string;
}

const KIND = "posters";
const STAGE = "Vẽ áp phích các điểm cầu";

interface PosterParams {
  conferenceId: string;
  fingerprint: string;
}

const jobKey = (conferenceId: string, fingerprint: string) => `${conferenceId}/${fingerprint}`;

/** What the posters print (poster keys made for the bridge points that have none yet), or null without bridges. */
export async function posterInput(conferenceId: string): Promise<PosterInput | null> {
  const c = await prisma.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { title: true, startsAt: true, organization: { select: { documentName: true } } },
  });
  const select = { id: true, name: true, address: true, posterKey: true } as const;
  const where = { conferenceId };
  let bridges = await prisma.bridgePoint.findMany({ where, orderBy: { position: "asc" }, select });
  if (!bridges.length) return null;
  const missing = bridges.filter((b) => !b.posterKey);
  if (missing.length) {
    for (const b of missing) await ensurePosterKey(b.id);
    bridges = await prisma.bridgePoint.findMany({ where, orderBy: { position: "asc" }, select });
  }
  const base = env().APP_URL.replace(/\/$/, "");
  return {
    issuingBody: c.organization.documentName,
    meeting: meetingName(c.title),
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    bridges: bridges.map((b) => ({ name: b.name, address: b.address, url: `${base}/d/${b.posterKey!}` })),
  };
}

export function posterFingerprint(input: PosterInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("base64url").slice(0, 32);
}

registerJobKind(KIND, {
  async run(params, ctx) {
    const { conferenceId, fingerprint } = params as PosterParams;
    // Read again where the job runs; the fingerprint proves it is what was asked for.
    const input = await posterInput(conferenceId);
    if (!input || posterFingerprint(input) !== fingerprint)
      throw new Error("Điểm cầu đã thay đổi trong khi chờ; hãy tạo lại áp phích.");
    const pdf = await renderPosters(input, (done, total) => ctx.progress(done, total, STAGE));
    return { name: "ap-phich-diem-danh.pdf", contentType: "application/pdf", bytes: pdf };
  },
  describe(params) {
    return { what: "áp phích tự điểm danh (PDF)", conferenceId: (params as PosterParams).conferenceId };
  },
  keepOnlyLatest: true,
});

function posterView(job: JobView): PosterJob {
  const fingerprint = job.key.slice(job.key.indexOf("/") + 1);
  if (job.status === "DONE")
    return { fingerprint, status: "ready", done: job.total, total: job.total, stage: job.stage };
  if (job.status === "FAILED")
    return {
      fingerprint,
      status: "failed",
      done: job.done,
      total: job.total,
      stage: job.stage,
      error: job.error ?? "",
    };
  return { fingerprint, status: "building", done: job.done, total: job.total, stage: job.stage || "Đang chờ" };
}

/** The job for these posters: finished, queued or in progress, or queued now. */
export async function ensurePosters(conferenceId: string, input: PosterInput): Promise<PosterJob> {
  const fingerprint = posterFingerprint(input);
  const params: PosterParams = { conferenceId, fingerprint };
  return posterView(
    await enqueueJob({ kind: KIND, key: jobKey(conferenceId, fingerprint), scope: conferenceId, params }),
  );
}

/** The conference's latest poster build, whichever instance runs or ran it. */
export async function postersJob(conferenceId: string): Promise<PosterJob | null> {
  const job = await latestJob(KIND, conferenceId);
  return job ? posterView(job) : null;
}

/** The built PDF of these posters, waiting up to `waitMs` for a build in progress; null when none finished. */
export async function readPostersPdf(conferenceId: string, fingerprint: string, waitMs = 0): Promise<Buffer | null> {
  let job = await findJob(KIND, jobKey(conferenceId, fingerprint));
  if (job && waitMs > 0) job = await waitForJob(job.id, waitMs);
  if (job?.status !== "DONE") return null;
  const file = await jobResult(job);
  return file ? Buffer.from(file.bytes) : null;
}
