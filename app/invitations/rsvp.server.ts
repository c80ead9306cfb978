import { prisma } from "../db.server.ts";
import { queueMessages } from "../mailing/outbox.server.ts";
import { outboxWorker } from "../mailing/worker.server.ts";
import type { InvitationRecord } from "./context.server.ts";
import { newToken } from "./context.server.ts";
import { MESSAGE_SUBJECT } from "./attendees.server.ts";

export async function answer(a: InvitationRecord, rsvp: "ACCEPTED" | "DECLINED", declineReason = "") {
  await prisma.attendee.update({ where: { id: a.id }, data: { rsvp, declineReason: rsvp === "DECLINED" ? declineReason : "", respondedAt: new Date() } });
}

/**
 * The invited person sends someone in their place: the substitute gets their
 * own invitation and QR code, the original token stops admitting anyone.
 * Returns an error for the e-mail field, or null.
 */
export async function substitute(a: InvitationRecord, s: { name: string; position: string; email: string }): Promise<string | null> {
  const c = a.conference;
  if (s.email === a.email) return "Người dự thay cần một địa chỉ thư điện tử khác";
  const taken = await prisma.attendee.findUnique({ where: { conferenceId_email: { conferenceId: c.id, email: s.email } }, select: { id: true } });
  if (taken) return "Địa chỉ này đã có trong danh sách đại biểu";
  const { token, invitationKey } = newToken(c.id);
  const created = await prisma.$transaction(async (tx) => {
    const original = await tx.attendee.findUniqueOrThrow({ where: { id: a.id }, select: { groupId: true, bridgePointId: true, organizationName: true, organizationId: true } });
    const sub = await tx.attendee.create({
      data: {
        conferenceId: c.id,
        name: s.name,
        position: s.position,
        organizationName: original.organizationName,
        organizationId: original.organizationId,
        groupId: original.groupId,
        bridgePointId: original.bridgePointId,
        email: s.email,
        token,
        invitationKey,
        substituteForId: a.id,
        rsvp: "ACCEPTED",
        respondedAt: new Date(),
      },
      select: { id: true },
    });
    await tx.attendee.update({ where: { id: a.id }, data: { rsvp: "SUBSTITUTED", revokedAt: new Date(), respondedAt: new Date() } });
    return sub;
  });
  await queueMessages({
    conferenceId: c.id,
    kind: "INVITATION",
    version: c.calendarSequence,
    attendeeIds: [created.id],
    subject: MESSAGE_SUBJECT.INVITATION(c.title),
  });
  outboxWorker().kick();
  return null;
}
