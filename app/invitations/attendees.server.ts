import { notFound } from "../auth/guard.server.ts";
import type { CurrentUser } from "../auth/session.server.ts";
import { prisma } from "../db.server.ts";
import { queueMessages } from "../mailing/outbox.server.ts";
import { outboxWorker } from "../mailing/worker.server.ts";
import type { AttendeeValues } from "./attendee-form.ts";
import { meetingName, newToken } from "./context.server.ts";

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
      attendeeGroups: { orderBy: { position: "asc" }, select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } } },
      bridgePoints: { orderBy: { position: "asc" }, select: { id: true, name: true, address: true } },
    },
  });
  if (!c) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  return c;
}

/** How a plan group is named in lists: its heading, or its first role line. */
export function groupLabel(g: { heading: string; lines: Array<{ text: string }> }, index: number): string {
  return g.heading || g.lines[0]?.text.replace(/[;.]$/, "") || `Nhóm ${index + 1}`;
}

export async function createAttendees(conferenceId: string, values: AttendeeValues[]): Promise<number> {
  await prisma.$transaction(async (tx) => {
    for (const v of values) {
      const { token, invitationKey } = newToken(conferenceId);
      await tx.attendee.create({
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
      });
    }
  });
  return values.length;
}

// Subjects as listed in the outbox; the e-mail itself is composed at send time.
const SUBJECT = {
  INVITATION: (t: string) => `Giấy mời: ${meetingName(t)}`,
  UPDATE: (t: string) => `[Thay đổi] Giấy mời: ${meetingName(t)}`,
  CANCELLATION: (t: string) => `[Hủy] ${meetingName(t)}`,
  REMINDER: (t: string) => `[Cần phản hồi] Giấy mời: ${meetingName(t)}`,
} as const;

/** Queues the current invitation for every attendee who has not had it; returns how many. */
export async function sendInvitations(conference: { id: string; title: string; calendarSequence: number }, attachPdf: boolean, attendeeIds?: string[]) {
  const ids =
    attendeeIds ??
    (await prisma.attendee.findMany({ where: { conferenceId: conference.id, revokedAt: null }, select: { id: true } })).map((a) => a.id);
  const count = await queueMessages({
    conferenceId: conference.id,
    kind: "INVITATION",
    version: conference.calendarSequence,
    attendeeIds: ids,
    attachPdf,
    subject: SUBJECT.INVITATION(conference.title),
  });
  await prisma.conference.updateMany({ where: { id: conference.id, status: { in: ["DRAFT", "ISSUED"] } }, data: { status: "INVITATIONS_SENT" } });
  outboxWorker().kick();
  return count;
}

/** Everyone already invited gets the update, with SEQUENCE + 1. */
export async function sendUpdate(conference: { id: string; title: string }, changeNote: string) {
  const updated = await prisma.conference.update({ where: { id: conference.id }, data: { calendarSequence: { increment: 1 } }, select: { calendarSequence: true } });
  const invited = await prisma.attendee.findMany({
    where: { conferenceId: conference.id, revokedAt: null, messages: { some: { kind: { in: ["INVITATION", "UPDATE"] } } } },
    select: { id: true },
  });
  const count = await queueMessages({
    conferenceId: conference.id,
    kind: "UPDATE",
    version: updated.calendarSequence,
    attendeeIds: invited.map((a) => a.id),
    changeNote,
    subject: SUBJECT.UPDATE(conference.title),
  });
  outboxWorker().kick();
  return count;
}

export async function sendCancellation(conference: { id: string; title: string }) {
  const updated = await prisma.conference.update({
    where: { id: conference.id },
    data: { status: "CANCELLED", calendarSequence: { increment: 1 } },
    select: { calendarSequence: true },
  });
  const invited = await prisma.attendee.findMany({
    where: { conferenceId: conference.id, revokedAt: null, messages: { some: { kind: { in: ["INVITATION", "UPDATE"] } } } },
    select: { id: true },
  });
  const count = await queueMessages({
    conferenceId: conference.id,
    kind: "CANCELLATION",
    version: updated.calendarSequence,
    attendeeIds: invited.map((a) => a.id),
    subject: SUBJECT.CANCELLATION(conference.title),
  });
  outboxWorker().kick();
  return count;
}

/** A reminder round to the chosen attendees, or to everyone who has not answered. */
export async function sendReminders(conference: { id: string; title: string }, attendeeIds: string[] | null) {
  const updated = await prisma.conference.update({ where: { id: conference.id }, data: { reminderRound: { increment: 1 } }, select: { reminderRound: true } });
  const targets = await prisma.attendee.findMany({
    where: {
      conferenceId: conference.id,
      revokedAt: null,
      ...(attendeeIds ? { id: { in: attendeeIds } } : { rsvp: "NO_ANSWER" }),
    },
    select: { id: true },
  });
  const count = await queueMessages({
    conferenceId: conference.id,
    kind: "REMINDER",
    version: updated.reminderRound,
    attendeeIds: targets.map((a) => a.id),
    subject: SUBJECT.REMINDER(conference.title),
  });
  outboxWorker().kick();
  return count;
}

export { SUBJECT as MESSAGE_SUBJECT };
