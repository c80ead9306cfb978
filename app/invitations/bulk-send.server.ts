// Bulk sends to a conference's attendees: the invitation, a change notice (SEQUENCE + 1), a reminder round
// and the cancellation. Each moves the conference on as its kind requires and queues one message per
// attendee concerned who has not had this one (same kind and version), with its audit record. Up to
// INLINE_SEND_LIMIT attendees concerned, all of it happens in one transaction inside the request; above,
// the request opens the round (the version moves on, the conference is cancelled, with the audit record)
// and a job queues the messages a chunk at a time with progress on the page (send-job.server.ts).
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import { readInChunks } from "#app/invitations/chunks.ts";
import { MESSAGE_SUBJECT, queueInvitationsIn } from "#app/invitations/queue.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { reminderLock } from "#app/invitations/scheduled-reminders.server.ts";
import { cancelRemindersIn } from "#app/invitations/scheduled-reminders-send.server.ts";

/** One bulk send: the kind of message and what it depends on. */
export type InvitationSend =
  | { kind: "INVITATION"; attachPdf: boolean; attendeeIds?: string[] }
  | { kind: "UPDATE"; changeNote: string }
  | { kind: "CANCELLATION" }
  | { kind: "REMINDER"; attendeeIds: string[] | null };

type Conference = { id: string; title: string; calendarSequence?: number };
type Json = Record<string, unknown>;

/** Who has had the invitation (or an update): they get the updates and the cancellation. */
const INVITED = { messages: { some: { kind: { in: ["INVITATION", "UPDATE"] } } } } satisfies Prisma.AttendeeWhereInput;

/** Who a send goes to, among the attendees still invited: those concerned by its kind, or the chosen. */
function audienceOf(send: InvitationSend): { who: Prisma.AttendeeWhereInput; chosen: string[] | null } {
  switch (send.kind) {
    case "INVITATION":
      return { who: {}, chosen: send.attendeeIds ?? null };
    case "UPDATE":
    case "CANCELLATION":
      return { who: INVITED, chosen: null };
    case "REMINDER":
      return send.attendeeIds ? { who: {}, chosen: send.attendeeIds } : { who: { rsvp: "NO_ANSWER" }, chosen: null };
  }
}

type Reader = Pick<Prisma.TransactionClient, "attendee">;

/** The ids of the attendees a send reaches: still invited, concerned by its kind, among the chosen if any. */
export async function audienceIds(
  db: Reader,
  conferenceId: string,
  audience: { who: Prisma.AttendeeWhereInput; chosen: string[] | null },
): Promise<string[]> {
  const where: Prisma.AttendeeWhereInput = { conferenceId, revokedAt: null, ...audience.who };
  // Chosen attendees are looked up a chunk at a time: one bound parameter per id.
  const rows = audience.chosen
    ? await readInChunks(audience.chosen, (ids) =>
        db.attendee.findMany({ where: { ...where, id: { in: ids } }, select: { id: true } }),
      )
    : await db.attendee.findMany({ where, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((a) => a.id);
}

/** How many attendees a send would reach now: what decides between the request and a job. */
export async function audienceSize(conferenceId: string, send: InvitationSend): Promise<number> {
  const audience = audienceOf(send);
  const where: Prisma.AttendeeWhereInput = { conferenceId, revokedAt: null, ...audience.who };
  if (!audience.chosen) return prisma.attendee.count({ where });
  // Of the chosen, those still on the list (a chunk at a time: one bound parameter per id).
  return readInChunks(audience.chosen, async (ids) => [
    await prisma.attendee.count({ where: { ...where, id: { in: ids } } }),
  ]).then((counts) => counts.reduce((a, b) => a + b, 0));
}

/**
 * The conference side of a send, per kind: the version its messages carry (SEQUENCE or reminder round,
 * moved on for an update, a cancellation and a reminder round), who gets one, the audit record's action,
 * before and after, and its summary for the number queued.
 */
async function openRound(tx: Prisma.TransactionClient, c: Conference, send: InvitationSend) {
  const where = { id: c.id };
  switch (send.kind) {
    case "INVITATION": {
      if (c.calendarSequence === undefined) throw new Error("sendToAttendees: the invitation needs the SEQUENCE");
      const { status } = await tx.conference.findUniqueOrThrow({ where, select: { status: true } });
      const moved = status === "DRAFT" || status === "ISSUED";
      if (moved) await tx.conference.update({ where, data: { status: "INVITATIONS_SENT" } });
      return {
        version: c.calendarSequence,
        ...audienceOf(send),
        action: "invitation.send" as const,
        before: { status } as Json,
        after: { status: moved ? "INVITATIONS_SENT" : status } as Json,
        summary: (n: number) => `Đưa ${n} giấy mời vào hàng đợi gửi${send.attachPdf ? " (kèm giấy mời PDF)" : ""}`,
      };
    }
    case "UPDATE": {
      const data = { calendarSequence: { increment: 1 } };
      const { calendarSequence } = await tx.conference.update({ where, data, select: { calendarSequence: true } });
      return {
        version: calendarSequence,
        ...audienceOf(send),
        action: "invitation.update" as const,
        before: { calendarSequence: calendarSequence - 1 } as Json,
        after: { calendarSequence, changeNote: send.changeNote } as Json,
        summary: (n: number) => `Đưa ${n} thư báo thay đổi vào hàng đợi gửi`,
      };
    }
    case "CANCELLATION": {
      // Scheduled reminders stop with the conference; the lock keeps a due one from being queued meanwhile.
      await serializeOn(tx, reminderLock(c.id));
      const reminders = await cancelRemindersIn(tx, c.id);
      const before = await tx.conference.findUniqueOrThrow({
        where,
        select: { status: true, calendarSequence: true },
      });
      const data = { status: "CANCELLED" as const, calendarSequence: { increment: 1 } };
      const { calendarSequence } = await tx.conference.update({ where, data, select: { calendarSequence: true } });
      return {
        version: calendarSequence,
        ...audienceOf(send),
        action: "invitation.cancel" as const,
        before: { status: before.status, calendarSequence: before.calendarSequence } as Json,
        after: { status: "CANCELLED", calendarSequence, ...reminders } as Json,
        summary: (n: number) =>
          `Hủy hội nghị “${c.title}”; đưa ${n} thư báo hủy vào hàng đợi gửi` +
          (reminders.remindersCancelled || reminders.reminderMessagesRemoved
            ? `; hủy ${reminders.remindersCancelled} thư nhắc đã hẹn giờ, bỏ ${reminders.reminderMessagesRemoved} thư nhắc chưa gửi`
            : ""),
      };
    }
    case "REMINDER": {
      const data = { reminderRound: { increment: 1 } };
      const { reminderRound } = await tx.conference.update({ where, data, select: { reminderRound: true } });
      const chosen = send.attendeeIds;
      return {
        version: reminderRound,
        ...audienceOf(send),
        action: "invitation.remind" as const,
        before: { reminderRound: reminderRound - 1 } as Json,
        after: { reminderRound } as Json,
        summary: (n: number) =>
          `Đưa ${n} thư nhắc trả lời vào hàng đợi gửi${chosen ? " (người được chọn)" : " (người chưa trả lời)"}`,
      };
    }
  }
}

// Queuing tens of thousands of messages, all or nothing, takes longer than Prisma's default 5 s.
const SEND_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/**
 * A bulk send of one kind: moves the conference on as the kind requires, queues one message per
 * attendee concerned who has not had this one, records the action (with how many it queued) and wakes
 * the outbox worker. Returns how many messages were queued.
 */
export async function sendToAttendees(actor: AuditActor, conference: Conference, send: InvitationSend) {
  const count = await prisma.$transaction(async (tx) => {
    const round = await openRound(tx, conference, send);
    const targets = await audienceIds(tx, conference.id, round);
    const queued = await queueInvitationsIn(tx, {
      conferenceId: conference.id,
      kind: send.kind,
      version: round.version,
      attendeeIds: targets,
      attachPdf: send.kind === "INVITATION" ? send.attachPdf : undefined,
      changeNote: send.kind === "UPDATE" ? send.changeNote : undefined,
      subject: MESSAGE_SUBJECT[send.kind](conference.title),
    });
    await recordAudit(tx, actor, {
      action: round.action,
      entity: "Conference",
      entityId: conference.id,
      summary: round.summary(queued),
      before: round.before,
      after: { ...round.after, count: queued },
      conferenceId: conference.id,
    });
    return queued;
  }, SEND_TRANSACTION);
  outboxWorker().kick();
  return count;
}

/** A send other than the invitation: it opens a round (moves a version on) before any message is queued. */
export type RoundSend = Exclude<InvitationSend, { kind: "INVITATION" }>;

/** A round opened in the request, as the job that queues its messages reads it (send-job.server.ts). */
export interface OpenedRound {
  kind: RoundSend["kind"];
  version: number;
  who: Prisma.AttendeeWhereInput;
  chosen: string[] | null;
  changeNote: string;
  subject: string;
  action: "invitation.update" | "invitation.cancel" | "invitation.remind";
}

/**
 * A large conference's round: the request moves the version on (cancels the conference, stops its timed
 * reminders) with the audit record of it, as an inline send does, and leaves its messages to a job.
 * Returns what the job needs; the job is idempotent per version (the outbox's unique index).
 */
export async function openRoundForJob(
  actor: AuditActor,
  conference: Conference,
  send: RoundSend,
  reach: number,
): Promise<OpenedRound> {
  return prisma.$transaction(async (tx) => {
    const round = await openRound(tx, conference, send);
    if (round.action === "invitation.send") throw new Error("openRoundForJob: the invitation opens no round");
    await recordAudit(tx, actor, {
      action: round.action,
      entity: "Conference",
      entityId: conference.id,
      summary: `${round.summary(reach)} (từng phần, tiến độ trên trang đại biểu)`,
      before: round.before,
      after: { ...round.after, count: reach },
      conferenceId: conference.id,
    });
    return {
      kind: send.kind,
      version: round.version,
      who: round.who,
      chosen: round.chosen,
      changeNote: send.kind === "UPDATE" ? send.changeNote : "",
      subject: MESSAGE_SUBJECT[send.kind](conference.title),
      action: round.action,
    };
  }, SEND_TRANSACTION);
}

/** Queues the current invitation for every attendee (or these) who has not had it; returns how many. */
export const sendInvitations = (
  actor: AuditActor,
  conference: Conference & { calendarSequence: number },
  attachPdf: boolean,
  attendeeIds?: string[],
) => sendToAttendees(actor, conference, { kind: "INVITATION", attachPdf, attendeeIds });

/** Everyone already invited gets the update, with SEQUENCE + 1. */
export const sendUpdate = (actor: AuditActor, conference: Conference, changeNote: string) =>
  sendToAttendees(actor, conference, { kind: "UPDATE", changeNote });

/** Cancels the conference; everyone already invited gets the cancellation (SEQUENCE + 1). */
export const sendCancellation = (actor: AuditActor, conference: Conference) =>
  sendToAttendees(actor, conference, { kind: "CANCELLATION" });

/** A reminder round to the chosen attendees, or to everyone who has not answered. */
export const sendReminders = (actor: AuditActor, conference: Conference, attendeeIds: string[] | null) =>
  sendToAttendees(actor, conference, { kind: "REMINDER", attendeeIds });
