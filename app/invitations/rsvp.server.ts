import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import type { InvitationRecord } from "#app/invitations/invitation-record.server.ts";
import { newToken } from "#app/invitations/signing.server.ts";
import { MESSAGE_SUBJECT, queueInvitationsIn } from "#app/invitations/queue.server.ts";

// What an invited person does on their invitation page (/i/:token). The actor is whoever holds the
// link (`inviteeActor`); every answer is recorded in the audit trail with the change it made.

export async function answer(
  actor: AuditActor,
  a: InvitationRecord,
  rsvp: "ACCEPTED" | "DECLINED",
  declineReason = "",
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.attendee.findUniqueOrThrow({
      where: { id: a.id },
      select: { rsvp: true, declineReason: true, respondedAt: true },
    });
    const after = await tx.attendee.update({
      where: { id: a.id },
      data: { rsvp, declineReason: rsvp === "DECLINED" ? declineReason : "", respondedAt: new Date() },
      select: { rsvp: true, declineReason: true, respondedAt: true },
    });
    await recordAudit(tx, actor, {
      action: "attendee.rsvp",
      entity: "Attendee",
      entityId: a.id,
      // One line: a long reason is shortened here and kept whole in the changes.
      summary:
        rsvp === "ACCEPTED"
          ? `${a.name} xác nhận tham dự`
          : `${a.name} báo vắng: ${declineReason.length > 100 ? `${declineReason.slice(0, 100)}…` : declineReason}`,
      before,
      after,
      conferenceId: a.conference.id,
    });
  });
}

/**
 * The invited person sends someone in their place: the substitute gets their
 * own invitation and QR code, the original token stops admitting anyone.
 * Returns an error for the e-mail field, or null.
 */
export async function substitute(
  actor: AuditActor,
  a: InvitationRecord,
  s: { name: string; position: string; email: string },
): Promise<string | null> {
  const c = a.conference;
  if (s.email === a.email) return "Người dự thay cần một địa chỉ thư điện tử khác";
  const taken = await prisma.attendee.findUnique({
    where: { conferenceId_email: { conferenceId: c.id, email: s.email } },
    select: { id: true },
  });
  if (taken) return "Địa chỉ này đã có trong danh sách đại biểu";
  const { token, invitationKey } = newToken(c.id);
  await prisma.$transaction(async (tx) => {
    const original = await tx.attendee.findUniqueOrThrow({
      where: { id: a.id },
      select: {
        groupId: true,
        bridgePointId: true,
        organizationName: true,
        organizationId: true,
        rsvp: true,
        revokedAt: true,
        respondedAt: true,
      },
    });
    const now = new Date();
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
        respondedAt: now,
      },
      select: { id: true },
    });
    await tx.attendee.update({ where: { id: a.id }, data: { rsvp: "SUBSTITUTED", revokedAt: now, respondedAt: now } });
    await recordAudit(tx, actor, {
      action: "attendee.substitute",
      entity: "Attendee",
      entityId: a.id,
      summary: `${a.name} cử ${s.name} dự thay; giấy mời của ${a.name} bị thu hồi`,
      before: { rsvp: original.rsvp, revokedAt: original.revokedAt, respondedAt: original.respondedAt },
      after: { rsvp: "SUBSTITUTED", revokedAt: now, respondedAt: now },
      conferenceId: c.id,
    });
    await recordAudit(tx, actor, {
      action: "attendee.create",
      entity: "Attendee",
      entityId: sub.id,
      summary: `Thêm người dự thay ${s.name} (thay ${a.name}); giấy mời mới đưa vào hàng đợi gửi`,
      after: {
        name: s.name,
        position: s.position,
        email: s.email,
        organizationName: original.organizationName,
        substituteFor: a.name,
        rsvp: "ACCEPTED",
      },
      conferenceId: c.id,
    });
    await queueInvitationsIn(tx, {
      conferenceId: c.id,
      kind: "INVITATION",
      version: c.calendarSequence,
      attendeeIds: [sub.id],
      subject: MESSAGE_SUBJECT.INVITATION(c.title),
    });
  });
  outboxWorker().kick();
  return null;
}

/** The invited agency registers its discussion paper; the organisers choose and order them. */
export async function registerPaper(
  actor: AuditActor,
  a: InvitationRecord,
  paper: { title: string; durationMinutes: number },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const data = {
      conferenceId: a.conference.id,
      kind: "DISCUSSION" as const,
      title: paper.title,
      speakerName: a.name,
      speakerPosition: a.position,
      organizationName: a.organizationName,
      durationMinutes: paper.durationMinutes,
    };
    const speech = await tx.speech.create({ data, select: { id: true, status: true } });
    await recordAudit(tx, actor, {
      action: "speech.create",
      entity: "Speech",
      entityId: speech.id,
      summary: `${a.name} đăng ký tham luận “${paper.title}”`,
      after: {
        kind: data.kind,
        status: speech.status,
        title: data.title,
        speakerName: data.speakerName,
        speakerPosition: data.speakerPosition,
        organizationName: data.organizationName,
        durationMinutes: data.durationMinutes,
      },
      conferenceId: a.conference.id,
    });
  });
}
