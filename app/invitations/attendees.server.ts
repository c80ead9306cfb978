import { notFound } from "#app/auth/guard.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { insertRows, type Cell } from "#app/database/bulk-insert.server.ts";
import { sortableRowIds } from "#app/database/row-id.server.ts";
import { listSnapshot, personKey } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import { readInChunks } from "#app/invitations/chunks.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";
import { MESSAGE_SUBJECT, queueInvitationsIn } from "#app/invitations/queue.server.ts";
import { newToken } from "#app/invitations/signing.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { reminderLock } from "#app/invitations/scheduled-reminders.server.ts";
import { cancelRemindersIn } from "#app/invitations/scheduled-reminders-send.server.ts";

/** The conference fields the invitation screens need, by id: the access guard has already let the user in. */
export async function invitationConference(id: string) {
  const c = await prisma.conference.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      tentativeMonth: true,
      tentativeYear: true,
      venue: true,
      calendarSequence: true,
      reminderRound: true,
      organizationId: true,
      attendeeGroups: {
        orderBy: { position: "asc" },
        select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
      },
      bridgePoints: { orderBy: { position: "asc" }, select: { id: true, name: true, address: true } },
    },
  });
  if (!c) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  return c;
}

/** Where new attendees came from: the form (one person), a file, or an organisation's members. */
export type AttendeeSource =
  { kind: "form" } | { kind: "file"; fileName: string } | { kind: "members"; organizationName: string };

/** The fields of an attendee the audit trail shows (never the token). */
export function attendeeAuditFields(
  v: { name: string; position: string; organizationName: string; email: string; phone: string },
  group: string,
  bridge: string,
) {
  return {
    name: v.name,
    position: v.position,
    organizationName: v.organizationName,
    email: v.email,
    phone: v.phone,
    group,
    bridgePoint: bridge,
  };
}

// Tokens signed between two turns of the event loop (Ed25519, about 50 µs each): a list of 20,000 would
// otherwise hold every other request of this process, the door's scans among them, for a second.
const SIGN_CHUNK = 200;

const ATTENDEE_COLUMNS = [
  "id",
  "conferenceId",
  "name",
  "position",
  "organizationName",
  "groupId",
  "email",
  "phone",
  "bridgePointId",
  "token",
  "invitationKey",
  "createdAt",
] as const;

/** Each new attendee's row, in ATTENDEE_COLUMNS order: signed before the transaction, which then only writes. */
async function attendeeRows(conferenceId: string, values: AttendeeValues[]): Promise<Cell[][]> {
  const ids = sortableRowIds(values.length);
  const createdAt = new Date();
  const rows: Cell[][] = [];
  for (let at = 0; at < values.length; at += SIGN_CHUNK) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const [i, v] of values.slice(at, at + SIGN_CHUNK).entries()) {
      const { token, invitationKey } = newToken(conferenceId);
      rows.push([
        ids[at + i]!,
        conferenceId,
        v.name,
        v.position,
        v.organizationName,
        v.groupId || null,
        v.email,
        v.phone,
        v.bridgePointId || null,
        token,
        invitationKey,
        createdAt,
      ]);
    }
  }
  return rows;
}

export async function createAttendees(
  actor: AuditActor,
  conferenceId: string,
  values: AttendeeValues[],
  source: AttendeeSource,
): Promise<number> {
  // A list of 20,000 used to be 20,000 single-row statements in one transaction (about 16 s, during which
  // the door's scans waited for the write lock): the rows are now signed first, then written in a few
  // multi-row statements, still in one transaction with the audit record.
  const rows = await attendeeRows(conferenceId, values);
  const started = performance.now();
  await prisma.$transaction(async (tx) => {
    const names = await referenceNames(tx, conferenceId);
    await insertRows(tx, "Attendee", ATTENDEE_COLUMNS, rows);
    const describe = (v: AttendeeValues) =>
      attendeeAuditFields(v, names.group(v.groupId), names.bridge(v.bridgePointId));
    if (source.kind === "form") {
      for (const [i, v] of values.entries()) {
        await recordAudit(tx, actor, {
          action: "attendee.create",
          entity: "Attendee",
          entityId: String(rows[i]![0]),
          summary: `Thêm đại biểu ${v.name}${v.position ? `, ${v.position}` : ""}`,
          after: describe(v),
          conferenceId,
        });
      }
    } else if (values.length) {
      // A list is one action: one record with the count and who was added.
      const from =
        source.kind === "file" ? `từ tệp “${source.fileName}”` : `là thành viên của ${source.organizationName}`;
      await recordAudit(tx, actor, {
        action: "attendee.import",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Thêm ${values.length} đại biểu ${from}`,
        after: listSnapshot(
          values.map((v) => [
            personKey(v),
            [v.position, v.organizationName, names.group(v.groupId), names.bridge(v.bridgePointId)]
              .filter(Boolean)
              .join(" · "),
          ]),
        ),
        conferenceId,
      });
    }
  });
  if (source.kind !== "form")
    logger.info(
      {
        event: "attendees.imported",
        conferenceId,
        count: values.length,
        writeMs: Math.round(performance.now() - started),
      },
      `${values.length} attendees written`,
    );
  return values.length;
}

/** Names of the conference's groups and bridge points, for audit records. */
async function referenceNames(tx: Prisma.TransactionClient, conferenceId: string) {
  // One after the other: a transaction is one connection, which runs one query at a time (pg deprecates
  // queueing a second query on a busy client).
  const groups = await tx.attendeeGroup.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
  });
  const bridges = await tx.bridgePoint.findMany({ where: { conferenceId }, select: { id: true, name: true } });
  const groupName = new Map(groups.map((g, i) => [g.id, groupLabel(g, i)]));
  const bridgeName = new Map(bridges.map((b) => [b.id, b.name]));
  return {
    group: (id: string | null | undefined) => (id ? (groupName.get(id) ?? "") : ""),
    bridge: (id: string | null | undefined) => (id ? (bridgeName.get(id) ?? "") : "Hội trường"),
  };
}

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
