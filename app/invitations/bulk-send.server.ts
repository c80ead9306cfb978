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
        who: {},
        chosen: send.attendeeIds ?? null,
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
        who: INVITED,
        chosen: null,
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
        who: INVITED,
        chosen: null,
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
        who: chosen ? {} : { rsvp: "NO_ANSWER" as const },
        chosen,
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
    // Chosen attendees are looked up a chunk at a time: one bound parameter per id.
    const where: Prisma.AttendeeWhereInput = { conferenceId: conference.id, revokedAt: null, ...round.who };
    const targets = round.chosen
      ? await readInChunks(round.chosen, (ids) =>
          tx.attendee.findMany({ where: { ...where, id: { in: ids } }, select: { id: true } }),
        )
      : await tx.attendee.findMany({ where, select: { id: true } });
    const queued = await queueInvitationsIn(tx, {
      conferenceId: conference.id,
      kind: send.kind,
      version: round.version,
      attendeeIds: targets.map((a) => a.id),
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
