// A bulk send to a large conference (the invitation, a change notice, a reminder round, the cancellation):
// the organiser's request queues a job (app/jobs/) and returns at once; the job puts the messages into the
// outbox a chunk at a time, with progress (n/N) on the attendees page, and the outbox starts sending after
// the first chunk. A change notice, a reminder round and the cancellation first open their round in the
// request (bulk-send.server.ts: the version moves on, the conference is cancelled, with its audit record),
// so the job only queues the messages of that version. Up to INLINE_SEND_LIMIT attendees concerned, all of
// it happens in the request (well under a second, and the organiser sees the count at once).
//
// Exactly once: each chunk is one transaction that queues, for its attendees, only the messages not already
// in the outbox (same attendee, kind and version: queueInvitationsIn, backed by the unique index), with the
// audit record of what it added. A job run again (its instance died, its lease ran out) or a second job of
// the same conference and version finds the chunks already done and adds nothing.
import { auditEventData, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { enqueueJob, jobResult, registerJobKind } from "#app/jobs/jobs.server.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import { BULK_MESSAGE_NOUN } from "#app/conferences/vocabulary.ts";
import { audienceIds, openRoundForJob, type OpenedRound, type RoundSend } from "#app/invitations/bulk-send.server.ts";
import { cannotInviteReason } from "#app/invitations/can-invite.ts";
import { MESSAGE_SUBJECT, queueInvitationsIn } from "#app/invitations/queue.server.ts";

/** Up to this many attendees still invited, the invitation is queued inside the request. */
export const INLINE_SEND_LIMIT = 2_000;
/** Attendees per transaction: each commits its messages and its audit record, and moves the progress on. */
const CHUNK = 1_000;
const KIND = "invitation-send";

/** The invitation (no round: attachPdf), or a round opened in the request. */
type SendParams = { conferenceId: string; actor: AuditActor } & ({ attachPdf: boolean } | { round: OpenedRound });

type SentKind = keyof typeof BULK_MESSAGE_NOUN;
const kindOf = (params: SendParams): SentKind => ("round" in params ? params.round.kind : "INVITATION");
const stageOf = (kind: SentKind) => `Đưa ${BULK_MESSAGE_NOUN[kind]} vào hàng đợi gửi`;

/** The queuing of one press of "send": what the attendees page shows of it. */
export interface InvitationSendJob {
  kind: SentKind;
  status: "queuing" | "done" | "failed";
  /** Attendees gone through, of `total`. */
  done: number;
  total: number;
  /** Messages added to the outbox (the others had the invitation already). */
  queued: number;
  error: string | null;
}

type Progress = (done: number, total: number) => void;
type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/**
 * Queues for `ids` a chunk at a time, each chunk one transaction (`queueChunk` adds its messages and its
 * audit record), waking the outbox after the first and reporting progress; returns how many were added.
 * An empty list still runs one (empty) chunk: the invitation's moves the conference on all the same.
 */
async function inChunks(
  ids: readonly string[],
  progress: Progress,
  queueChunk: (tx: Tx, chunk: string[], label: string) => Promise<number>,
): Promise<number> {
  progress(0, ids.length);
  const parts = Math.max(1, Math.ceil(ids.length / CHUNK));
  let queued = 0;
  for (let part = 1; part <= parts; part++) {
    const at = (part - 1) * CHUNK;
    const label = parts > 1 ? ` (phần ${part}/${parts})` : "";
    const chunk = ids.slice(at, at + CHUNK);
    queued += await prisma.$transaction((tx) => queueChunk(tx, chunk, label), { maxWait: 10_000, timeout: 60_000 });
    // The outbox starts on the first chunk while the rest is queued.
    if (queued > 0) outboxWorker().kick();
    progress(Math.min(ids.length, at + CHUNK), ids.length);
  }
  return queued;
}

async function runInvitation(
  params: { conferenceId: string; actor: AuditActor; attachPdf: boolean },
  progress: Progress,
): Promise<number> {
  const { conferenceId, attachPdf, actor } = params;
  const c = await prisma.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { title: true, status: true, startsAt: true, endsAt: true, tentativeMonth: true, calendarSequence: true },
  });
  // Read again where the job runs: the conference may have been cancelled or unscheduled meanwhile.
  const reason = cannotInviteReason(c);
  if (reason) throw new Error(reason);
  const targets = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return inChunks(
    targets.map((t) => t.id),
    progress,
    async (tx, chunk, label) => {
      const { status } = await tx.conference.findUniqueOrThrow({
        where: { id: conferenceId },
        select: { status: true },
      });
      const moved = status === "DRAFT" || status === "ISSUED";
      if (moved) await tx.conference.update({ where: { id: conferenceId }, data: { status: "INVITATIONS_SENT" } });
      const n = await queueInvitationsIn(tx, {
        conferenceId,
        kind: "INVITATION",
        version: c.calendarSequence,
        attendeeIds: chunk,
        attachPdf,
        subject: MESSAGE_SUBJECT.INVITATION(c.title),
      });
      // A chunk that adds nothing (a run repeated) writes nothing, so it records nothing either.
      if (n > 0 || moved)
        await tx.auditEvent.create({
          data: auditEventData(actor, {
            action: "invitation.send",
            entity: "Conference",
            entityId: conferenceId,
            summary: `Đưa ${n} giấy mời vào hàng đợi gửi${attachPdf ? " (kèm giấy mời PDF)" : ""}${label}`,
            before: { status },
            after: { status: moved ? "INVITATIONS_SENT" : status, count: n },
            conferenceId,
          }),
          select: { id: true },
        });
      return n;
    },
  );
}

/** A round's messages (its version moved on in the request), a chunk per transaction with its audit record. */
async function runRound(
  params: { conferenceId: string; actor: AuditActor; round: OpenedRound },
  progress: Progress,
): Promise<number> {
  const { conferenceId, actor, round } = params;
  const { status } = await prisma.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { status: true },
  });
  // Read again where the job runs: a change notice or a reminder of a conference cancelled meanwhile is not sent.
  if (round.kind !== "CANCELLATION" && status === "CANCELLED")
    throw new Error("Hội nghị đã bị hủy: thư không được đưa vào hàng đợi.");
  const ids = await audienceIds(prisma, conferenceId, round);
  return inChunks(ids, progress, async (tx, chunk, label) => {
    const n = await queueInvitationsIn(tx, {
      conferenceId,
      kind: round.kind,
      version: round.version,
      attendeeIds: chunk,
      changeNote: round.changeNote || undefined,
      subject: round.subject,
    });
    if (n > 0)
      await tx.auditEvent.create({
        data: auditEventData(actor, {
          action: round.action,
          entity: "Conference",
          entityId: conferenceId,
          summary: `Đưa ${n} ${BULK_MESSAGE_NOUN[round.kind]} vào hàng đợi gửi${label}`,
          after: { count: n },
          conferenceId,
        }),
        select: { id: true },
      });
    return n;
  });
}

registerJobKind(KIND, {
  async run(raw, ctx) {
    const params = raw as SendParams;
    const stage = stageOf(kindOf(params));
    const onProgress: Progress = (done, total) => ctx.progress(done, total, stage);
    const queued = "round" in params ? await runRound(params, onProgress) : await runInvitation(params, onProgress);
    const bytes = Buffer.from(JSON.stringify({ queued }), "utf8");
    return { name: "giay-moi-hang-doi.json", contentType: "application/json", bytes };
  },
  describe(raw) {
    const params = raw as SendParams;
    return { what: `đợt ${stageOf(kindOf(params)).toLowerCase()}`, conferenceId: params.conferenceId };
  },
  keepOnlyLatest: true,
});

/** Starts queuing the invitation for the conference; a queuing already waiting or running is returned instead. */
export async function startInvitationSend(
  actor: AuditActor,
  conferenceId: string,
  attachPdf: boolean,
): Promise<InvitationSendJob> {
  const running = await prisma.job.findFirst({
    where: {
      kind: KIND,
      scope: conferenceId,
      key: { startsWith: `${conferenceId}/INVITATION/` },
      status: { in: ["QUEUED", "RUNNING"] },
    },
    select: { id: true },
  });
  if (!running) {
    const params: SendParams = { conferenceId, attachPdf, actor };
    await enqueueJob({ kind: KIND, key: `${conferenceId}/INVITATION/${Date.now()}`, scope: conferenceId, params });
  }
  return (await invitationSendJob(conferenceId))!;
}

/**
 * A change notice, a reminder round or the cancellation of a large conference: the round opens now (the
 * version moves on, with its audit record) and a job queues its `reach` messages. One job per version: the
 * same round started twice is one job.
 */
export async function startRoundSend(
  actor: AuditActor,
  conference: { id: string; title: string },
  send: RoundSend,
  reach: number,
): Promise<InvitationSendJob> {
  const round = await openRoundForJob(actor, conference, send, reach);
  const params: SendParams = { conferenceId: conference.id, actor, round };
  await enqueueJob({
    kind: KIND,
    key: `${conference.id}/${round.kind}/${round.version}`,
    scope: conference.id,
    params,
  });
  return (await invitationSendJob(conference.id))!;
}

/** How long after it finished the page still reports a queuing. */
const SHOWN_AFTER_MS = 10 * 60_000;

/** The conference's latest queuing of invitations, while it runs and shortly after (null: none to show). */
export async function invitationSendJob(conferenceId: string, now = new Date()): Promise<InvitationSendJob | null> {
  const job = await prisma.job.findFirst({
    where: { kind: KIND, scope: conferenceId },
    orderBy: { createdAt: "desc" },
    select: { status: true, done: true, total: true, error: true, resultFileId: true, finishedAt: true, params: true },
  });
  if (!job) return null;
  if (job.finishedAt && now.getTime() - job.finishedAt.getTime() > SHOWN_AFTER_MS) return null;
  const status = job.status === "DONE" ? "done" : job.status === "FAILED" ? "failed" : "queuing";
  const file = job.status === "DONE" ? await jobResult(job) : null;
  const queued = file ? (JSON.parse(Buffer.from(file.bytes).toString("utf8")) as { queued: number }).queued : 0;
  // Until the job reports, the total is the row's placeholder: the page says it is waiting to start.
  const total = status === "queuing" && job.done === 0 ? 0 : job.total;
  return {
    kind: kindOf(JSON.parse(job.params) as SendParams),
    status,
    done: job.done,
    total,
    queued,
    error: job.error,
  };
}
