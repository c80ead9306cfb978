import fs from "node:fs/promises";
import path from "node:path";
import { agendaItems } from "#app/agenda/agenda.server.ts";
import { listAwards } from "#app/awards/awards.server.ts";
import { listSpeeches } from "#app/speeches/speeches.server.ts";
import { roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { env } from "#app/env.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { timeAgenda } from "#app/agenda/timing.ts";
import { formatTime } from "#app/lib/vietnamese-date.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import type { ConferenceDetail } from "#app/plans/plans.server.ts";
import { toDocumentInput } from "#app/plans/plans.server.ts";
import {
  packetFingerprint,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";

// Packets are built in the background inside the server process and kept as
// files named by the fingerprint of their data, so they are reused until the
// data changes.

export interface PacketJob {
  fingerprint: string;
  status: "building" | "ready" | "failed";
  done: number;
  total: number;
  stage: string;
  error?: string;
}

const jobs = new Map<string, PacketJob>();

function packetDir(): string {
  return path.resolve(process.cwd(), env().DATA_DIR, "packets");
}

export function packetFile(fingerprint: string, ext: "pdf" | "xlsx"): string {
  return path.join(packetDir(), `${fingerprint}.${ext}`);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export async function packetInput(
  c: ConferenceDetail & { scoringRoundId: string | null },
): Promise<PacketInput | null> {
  if (!c.scoringRoundId) return null;
  const { loaded, summary } = await roundSummaryFor(c.scoringRoundId);
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

/** The job for this data: a finished file, a build in progress, or a new build started now. */
export async function ensurePacket(conferenceId: string, input: PacketInput): Promise<PacketJob> {
  const fingerprint = packetFingerprint(input);
  if (await exists(packetFile(fingerprint, "pdf")))
    return { fingerprint, status: "ready", done: 1, total: 1, stage: "Hoàn tất" };
  const current = jobs.get(conferenceId);
  if (current && current.fingerprint === fingerprint && current.status === "building") return current;
  const job: PacketJob = { fingerprint, status: "building", done: 0, total: 1, stage: "Bắt đầu" };
  jobs.set(conferenceId, job);
  void (async () => {
    try {
      const pdf = await renderPacketPdf(input, (done, total, stage) => Object.assign(job, { done, total, stage }));
      await fs.mkdir(packetDir(), { recursive: true });
      await fs.writeFile(`${packetFile(fingerprint, "pdf")}.tmp`, pdf);
      await fs.rename(`${packetFile(fingerprint, "pdf")}.tmp`, packetFile(fingerprint, "pdf"));
      job.status = "ready";
    } catch (error) {
      job.status = "failed";
      job.error = error instanceof Error ? error.message : String(error);
    }
  })();
  return job;
}

export function packetJob(conferenceId: string): PacketJob | undefined {
  return jobs.get(conferenceId);
}

/** The spreadsheet, built on first download (it is cheaper than the PDF and needs no progress). */
export async function packetXlsx(input: PacketInput): Promise<Buffer> {
  const file = packetFile(packetFingerprint(input), "xlsx");
  if (await exists(file)) return fs.readFile(file);
  const xlsx = await renderPacketXlsx(input);
  await fs.mkdir(packetDir(), { recursive: true });
  await fs.writeFile(file, xlsx);
  return xlsx;
}

export function readPacketPdf(fingerprint: string): Promise<Buffer> {
  return fs.readFile(packetFile(fingerprint, "pdf"));
}
