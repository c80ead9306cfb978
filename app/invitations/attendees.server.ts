import { notFound } from "#app/auth/guard.server.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { listSnapshot, personKey } from "#app/database/audit-snapshot.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { queueMessagesIn } from "#app/mailing/outbox.server.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";
import { newToken } from "#app/invitations/context.server.ts";
import { groupLabel, meetingName } from "#app/conferences/naming.ts";

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

export async function createAttendees(
  actor: AuditActor,
  conferenceId: string,
  values: AttendeeValues[],
  source: AttendeeSource,
): Promise<number> {
  await prisma.$transaction(async (tx) => {
    const names = await referenceNames(tx, conferenceId);
    const created: Array<{ id: string; v: AttendeeValues }> = [];
    for (const v of values) {
      const { token, invitationKey } = newToken(conferenceId);
      const row = await tx.attendee.create({
        data: {
          conferenceId,
          name: v.name,
          position: v.position,
          organizationName: v.organizationName,
          groupId: v.groupId || null,
          email: v.email,
          phone: v.phone,
          bridgePointId: v.bridgePointId || null,
          token,
          invitationKey,
        },
        select: { id: true },
      });
      created.push({ id: row.id, v });
    }
    const describe = (v: AttendeeValues) =>
      attendeeAuditFields(v, names.group(v.groupId), names.bridge(v.bridgePointId));
    if (source.kind === "form") {
      for (const { id, v } of created) {
        await recordAudit(tx, actor, {
          action: "attendee.create",
          entity: "Attendee",
          entityId: id,
          summary: `Thêm đại biểu ${v.name}${v.position ? `, ${v.position}` : ""}`,
          after: describe(v),
          conferenceId,
        });
      }
    } else if (created.length) {
      // A list is one action: one record with the count and who was added.
      const from =
        source.kind === "file" ? `từ tệp “${source.fileName}”` : `là thành viên của ${source.organizationName}`;
      await recordAudit(tx, actor, {
        action: "attendee.import",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Thêm ${created.length} đại biểu ${from}`,
        after: listSnapshot(
          created.map(({ v }) => [
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
  return values.length;
}

/** Names of the conference's groups and bridge points, for audit records. */
async function referenceNames(tx: Prisma.TransactionClient, conferenceId: string) {
  const [groups, bridges] = await Promise.all([
    tx.attendeeGroup.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
    }),
    tx.bridgePoint.findMany({ where: { conferenceId }, select: { id: true, name: true } }),
  ]);
  const groupName = new Map(groups.map((g, i) => [g.id, groupLabel(g, i)]));
  const bridgeName = new Map(bridges.map((b) => [b.id, b.name]));
  return {
    group: (id: string | null | undefined) => (id ? (groupName.get(id) ?? "") : ""),
    bridge: (id: string | null | undefined) => (id ? (bridgeName.get(id) ?? "") : "Hội trường"),
  };
}

// Subjects as listed in the outbox; the e-mail itself is composed at send time.
const SUBJECT = {
  INVITATION: (t: string) => `Giấy mời: ${meetingName(t)}`,
  UPDATE: (t: string) => `[Thay đổi] Giấy mời: ${meetingName(t)}`,
  CANCELLATION: (t: string) => `[Hủy] ${meetingName(t)}`,
  REMINDER: (t: string) => `[Cần phản hồi] Giấy mời: ${meetingName(t)}`,
} as const;

type InvitationConference = { id: string; title: string };

/** The audit record of a bulk send: one per action, with how many messages it queued. */
async function recordSend(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  conference: InvitationConference,
  action: "invitation.send" | "invitation.update" | "invitation.cancel" | "invitation.remind",
  summary: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  await recordAudit(tx, actor, {
    action,
    entity: "Conference",
    entityId: conference.id,
    summary,
    before,
    after,
    conferenceId: conference.id,
  });
}

/** Queues the current invitation for every attendee who has not had it; returns how many. */
export async function sendInvitations(
  actor: AuditActor,
  conference: InvitationConference & { calendarSequence: number },
  attachPdf: boolean,
  attendeeIds?: string[],
) {
  const count = await prisma.$transaction(async (tx) => {
    const ids =
      attendeeIds ??
      (
        await tx.attendee.findMany({ where: { conferenceId: conference.id, revokedAt: null }, select: { id: true } })
      ).map((a) => a.id);
    const queued = await queueMessagesIn(tx, {
      conferenceId: conference.id,
      kind: "INVITATION",
      version: conference.calendarSequence,
      attendeeIds: ids,
      attachPdf,
      subject: SUBJECT.INVITATION(conference.title),
    });
    const before = await tx.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { status: true } });
    const moved = before.status === "DRAFT" || before.status === "ISSUED";
    if (moved) await tx.conference.update({ where: { id: conference.id }, data: { status: "INVITATIONS_SENT" } });
    await recordSend(
      tx,
      actor,
      conference,
      "invitation.send",
      `Đưa ${queued} giấy mời vào hàng đợi gửi${attachPdf ? " (kèm giấy mời PDF)" : ""}`,
      { status: before.status },
      { status: moved ? "INVITATIONS_SENT" : before.status, count: queued },
    );
    return queued;
  });
  outboxWorker().kick();
  return count;
}

/** Everyone already invited gets the update, with SEQUENCE + 1. */
export async function sendUpdate(actor: AuditActor, conference: InvitationConference, changeNote: string) {
  const count = await prisma.$transaction(async (tx) => {
    const updated = await tx.conference.update({
      where: { id: conference.id },
      data: { calendarSequence: { increment: 1 } },
      select: { calendarSequence: true },
    });
    const invited = await tx.attendee.findMany({
      where: {
        conferenceId: conference.id,
        revokedAt: null,
        messages: { some: { kind: { in: ["INVITATION", "UPDATE"] } } },
      },
      select: { id: true },
    });
    const queued = await queueMessagesIn(tx, {
      conferenceId: conference.id,
      kind: "UPDATE",
      version: updated.calendarSequence,
      attendeeIds: invited.map((a) => a.id),
      changeNote,
      subject: SUBJECT.UPDATE(conference.title),
    });
    await recordSend(
      tx,
      actor,
      conference,
      "invitation.update",
      `Đưa ${queued} thư báo thay đổi vào hàng đợi gửi`,
      { calendarSequence: updated.calendarSequence - 1 },
      { calendarSequence: updated.calendarSequence, changeNote, count: queued },
    );
    return queued;
  });
  outboxWorker().kick();
  return count;
}

export async function sendCancellation(actor: AuditActor, conference: InvitationConference) {
  const count = await prisma.$transaction(async (tx) => {
    const before = await tx.conference.findUniqueOrThrow({
      where: { id: conference.id },
      select: { status: true, calendarSequence: true },
    });
    const updated = await tx.conference.update({
      where: { id: conference.id },
      data: { status: "CANCELLED", calendarSequence: { increment: 1 } },
      select: { calendarSequence: true },
    });
    const invited = await tx.attendee.findMany({
      where: {
        conferenceId: conference.id,
        revokedAt: null,
        messages: { some: { kind: { in: ["INVITATION", "UPDATE"] } } },
      },
      select: { id: true },
    });
    const queued = await queueMessagesIn(tx, {
      conferenceId: conference.id,
      kind: "CANCELLATION",
      version: updated.calendarSequence,
      attendeeIds: invited.map((a) => a.id),
      subject: SUBJECT.CANCELLATION(conference.title),
    });
    await recordSend(
      tx,
      actor,
      conference,
      "invitation.cancel",
      `Hủy hội nghị “${conference.title}”; đưa ${queued} thư báo hủy vào hàng đợi gửi`,
      { status: before.status, calendarSequence: before.calendarSequence },
      { status: "CANCELLED", calendarSequence: updated.calendarSequence, count: queued },
    );
    return queued;
  });
  outboxWorker().kick();
  return count;
}

/** A reminder round to the chosen attendees, or to everyone who has not answered. */
export async function sendReminders(actor: AuditActor, conference: InvitationConference, attendeeIds: string[] | null) {
  const count = await prisma.$transaction(async (tx) => {
    const updated = await tx.conference.update({
      where: { id: conference.id },
      data: { reminderRound: { increment: 1 } },
      select: { reminderRound: true },
    });
    const targets = await tx.attendee.findMany({
      where: {
        conferenceId: conference.id,
        revokedAt: null,
        ...(attendeeIds ? { id: { in: attendeeIds } } : { rsvp: "NO_ANSWER" }),
      },
      select: { id: true },
    });
    const queued = await queueMessagesIn(tx, {
      conferenceId: conference.id,
      kind: "REMINDER",
      version: updated.reminderRound,
      attendeeIds: targets.map((a) => a.id),
      subject: SUBJECT.REMINDER(conference.title),
    });
    await recordSend(
      tx,
      actor,
      conference,
      "invitation.remind",
      `Đưa ${queued} thư nhắc trả lời vào hàng đợi gửi${attendeeIds ? " (người được chọn)" : " (người chưa trả lời)"}`,
      { reminderRound: updated.reminderRound - 1 },
      { reminderRound: updated.reminderRound, count: queued },
    );
    return queued;
  });
  outboxWorker().kick();
  return count;
}

export { SUBJECT as MESSAGE_SUBJECT };
