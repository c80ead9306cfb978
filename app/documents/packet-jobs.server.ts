import { agendaItems } from "#app/agenda/agenda.server.ts";
import { listAwards } from "#app/awards/awards.server.ts";
import { listSpeeches } from "#app/speeches/speeches.server.ts";
import { roundSummaryFor, type LoadedRound } from "#app/scoring/rounds.server.ts";
import { analysisBasisOf } from "#app/scoring/round-analysis.server.ts";
import { remediationLoopInto } from "#app/scoring/remediation-loop.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { putKeyedFile, readKeyedFile } from "#app/files/stored-files.server.ts";
import {
  enqueueJob,
  findJob,
  jobResult,
  latestJob,
  registerJobKind,
  waitForJob,
  type JobView,
} from "#app/jobs/jobs.server.ts";
import { XLSX_TYPE } from "#app/lib/file-names.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { timeAgenda } from "#app/agenda/timing.ts";
import { formatTime } from "#app/lib/vietnamese-date.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import type { ConferenceDetail } from "#app/plans/plans.server.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";
import {
  packetFingerprint,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketAnalysis,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";

// Packets are built as jobs (app/jobs/): any app instance may run the build, and any instance serves
// its progress and the finished PDF, kept in the database. A job is keyed by the conference and the
// fingerprint of the packet's data, so a packet is reused until the data changes.

export interface PacketJob {
  fingerprint: string;
  status: "building" | "ready" | "failed";
  done: number;
  total: number;
  stage: string;
  error?: string;
}

const KIND = "packet";

interface PacketParams {
  conferenceId: string;
  fingerprint: string;
}

const jobKey = (conferenceId: string, fingerprint: string) => `${conferenceId}/${fingerprint}`;

registerJobKind(KIND, {
  async run(params, ctx) {
    const { conferenceId, fingerprint } = params as PacketParams;
    // The input is read again where the job runs; the fingerprint proves it is the data that was asked for.
    const input = await packetInput(await getConference(conferenceId));
    if (!input || packetFingerprint(input) !== fingerprint)
      throw new Error("Số liệu đã thay đổi trong khi chờ; hãy tạo lại bộ tài liệu.");
    const pdf = await renderPacketPdf(input, (done, total, stage) => ctx.progress(done, total, stage));
    return { name: "bo-tai-lieu.pdf", contentType: "application/pdf", bytes: pdf };
  },
  describe(params) {
    return { what: "bộ tài liệu hội nghị (PDF)", conferenceId: (params as PacketParams).conferenceId };
  },
  // A packet of data that has since changed is not served again: only the newest one is kept.
  keepOnlyLatest: true,
});

function packetView(job: JobView): PacketJob {
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

const VI = new Intl.Collator("vi");
const byName = <U extends { unitId: string; unitName: string }>(units: U[]): U[] =>
  [...units].sort(
    (a, b) => VI.compare(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );

/**
 * What the year-on-year sections read: the criterion analysis' basis (this round against its previous
 * round, through the stored or suggested mapping) and the remediation plans made after the previous round,
 * measured in this one; null when the round has no previous round.
 */
async function packetAnalysis(loaded: LoadedRound, previousLoaded: LoadedRound | null): Promise<PacketAnalysis | null> {
  const previous = loaded.round.previousRound;
  if (!previous) return null;
  const load = await analysisBasisOf(loaded, previousLoaded);
  if (!load.ok) return { state: "refused", message: load.message };
  const { basis } = load;
  const loop = await remediationLoopInto(basis);
  return {
    state: "ok",
    year: loaded.round.year,
    previousYear: previous.year,
    previousTitle: previous.title,
    mappingSource: basis.mapping.source,
    // Units by name (then id), whatever order the database returned them in: ties among the units
    // that lost most on a criterion are then always settled the same way.
    input: {
      ...basis.input,
      current: { ...basis.input.current, units: byName(basis.input.current.units) },
      previous: { ...basis.input.previous, units: byName(basis.input.previous.units) },
    },
    remediation:
      loop.state === "ok" && loop.actions.length
        ? {
            actions: loop.actions.map((a) => ({
              planId: a.planId,
              unitName: a.unitName,
              code: a.code,
              title: a.title,
              pointsLost: a.pointsLost,
              outcome: a.outcome,
            })),
            plans: loop.plans,
            tally: loop.tally,
          }
        : null,
  };
}

export async function packetInput(
  c: ConferenceDetail & { scoringRoundId: string | null },
): Promise<PacketInput | null> {
  if (!c.scoringRoundId) return null;
  const { loaded, summary, previousLoaded } = await roundSummaryFor(c.scoringRoundId);
  const plan = buildPlanDocument(toDocumentInput(c));
  const items = await agendaItems(c.id);
  return {
    conference: {
      title: meetingName(c.title),
      organizerName: c.organization.name,
      issuingBody: c.organization.documentName,
      placeAndDate: plan.header.placeAndDate,
      startsAt: c.startsAt,
    },
    round: {
      title: loaded.round.title,
      year: loaded.round.year,
      frameworkName: loaded.stored?.framework.name ?? null,
      previousTitle: loaded.round.previousRound?.title ?? null,
    },
    summary,
    analysis: await packetAnalysis(loaded, previousLoaded),
    programme: c.startsAt
      ? timeAgenda(c.startsAt, items).map((t) => ({
          time: `${formatTime(t.startsAt)} - ${formatTime(t.endsAt)}`,
          title: t.item.title,
          presenter: t.item.presenter,
        }))
      : [],
    // Only approved awards and the chosen speeches, in their order, go into the packet.
    awards: (await listAwards(c.id))
      .filter((a) => a.status === "APPROVED")
      .map((a) => ({
        recipient: a.recipientName,
        organization: a.organizationName,
        form: a.form,
        achievement: a.achievement,
      })),
    speeches: (await listSpeeches(c.id))
      .filter((s) => s.speakingOrder !== null)
      .map((s) => ({
        order: s.speakingOrder!,
        title: s.title,
        speaker: s.speakerName,
        organization: s.organizationName,
      })),
  };
}

/** The job for this data: a finished packet, a build queued or in progress, or a new build queued now. */
export async function ensurePacket(conferenceId: string, input: PacketInput): Promise<PacketJob> {
  const fingerprint = packetFingerprint(input);
  const params: PacketParams = { conferenceId, fingerprint };
  return packetView(
    await enqueueJob({ kind: KIND, key: jobKey(conferenceId, fingerprint), scope: conferenceId, params }),
  );
}

/** The conference's latest packet build, whichever instance runs or ran it. */
export async function packetJob(conferenceId: string): Promise<PacketJob | null> {
  const job = await latestJob(KIND, conferenceId);
  return job ? packetView(job) : null;
}

/**
 * The built PDF of this data, waiting up to `waitMs` for a build in progress (on any instance);
 * null when there is no finished build.
 */
export async function readPacketPdf(conferenceId: string, fingerprint: string, waitMs = 0): Promise<Buffer | null> {
  let job = await findJob(KIND, jobKey(conferenceId, fingerprint));
  if (job && waitMs > 0) job = await waitForJob(job.id, waitMs);
  if (job?.status !== "DONE") return null;
  return (await jobResult(job))?.bytes ?? null;
}

/** The spreadsheet, built on first download (it is cheaper than the PDF and needs no progress) and kept. */
export async function packetXlsx(input: PacketInput): Promise<Buffer> {
  const fingerprint = packetFingerprint(input);
  const stored = await readKeyedFile(prisma, "packet-xlsx", fingerprint);
  if (stored) return stored.bytes;
  const xlsx = await renderPacketXlsx(input);
  await putKeyedFile(prisma, {
    kind: "packet-xlsx",
    key: fingerprint,
    name: "bo-tai-lieu.xlsx",
    contentType: XLSX_TYPE,
    bytes: xlsx,
  });
  return xlsx;
}
