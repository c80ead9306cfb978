// The connectivity test request, the outbox message kind BRIDGE_TEST: queued per bridge point by
// "Gửi e-mail đề nghị kiểm tra" and composed at send time for the bridge's technical contact (the composer
// is registered in app/mail-composers.server.ts).

import type { SendMailOptions } from "nodemailer";
import { renderBridgeTestEmail } from "#emails/bridge-test.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { buildInvitationIcs } from "#app/invitations/ics.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";
import { checkedAddress, headerText } from "#app/mailing/escape.ts";
import { fromAddress } from "#app/mailing/from-address.server.ts";
import { queueMessagesIn } from "#app/mailing/queue.server.ts";
import { ensureKeys, operatorLink } from "#app/bridges/links.server.ts";

export function bridgeTestSubject(title: string): string {
  return `[Kiểm tra điểm cầu] ${meetingName(title)
    .replace(/[\r\n\t]+/g, " ")
    .trim()}`;
}

/**
 * "Gửi e-mail đề nghị kiểm tra": when `round` is still the conference's current round, starts the next
 * one and queues one e-mail per bridge point that has not confirmed and has a contact e-mail.
 * A second press for the same round (double click, resubmitted form) finds the round moved on and
 * queues nothing. Returns null for a stale round.
 */
export async function requestBridgeTests(
  actor: AuditActor,
  conferenceId: string,
  round: number,
): Promise<{ round: number; queued: number; withoutEmail: string[] } | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.conference.updateMany({
      where: { id: conferenceId, bridgeTestRound: round },
      data: { bridgeTestRound: round + 1 },
    });
    if (count !== 1) return null;
    const version = round + 1;
    const c = await tx.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { title: true } });
    const pending = await tx.bridgePoint.findMany({
      where: { conferenceId, readiness: { not: "PASSED" } },
      orderBy: { position: "asc" },
      select: { id: true, name: true, contactEmail: true },
    });
    const withEmail = pending.filter((b) => b.contactEmail.trim());
    const fresh = await queueMessagesIn(tx, {
      conferenceId,
      kind: "BRIDGE_TEST",
      version,
      recipients: withEmail.map((b) => ({ bridgePointId: b.id, toAddress: b.contactEmail.trim(), name: b.name })),
      subject: bridgeTestSubject(c.title),
    });
    if (fresh.length) {
      await tx.bridgePoint.updateMany({
        where: { id: { in: fresh.map((b) => b.bridgePointId) } },
        data: { testRequestedAt: new Date() },
      });
    }
    const withoutEmail = pending.filter((b) => !b.contactEmail.trim()).map((b) => b.name);
    await recordAudit(tx, actor, {
      action: "bridge.test-request",
      entity: "Conference",
      entityId: conferenceId,
      summary: `Đưa ${fresh.length} thư đề nghị kiểm tra kết nối vào hàng đợi gửi (lượt ${version})`,
      before: { bridgeTestRound: round },
      after: { bridgeTestRound: version, count: fresh.length, recipients: fresh.map((b) => b.name), withoutEmail },
      conferenceId,
    });
    return {
      round: version,
      queued: fresh.length,
      withoutEmail,
    };
  });
}

/** How long the calendar entry of the connectivity test session lasts. */
const TEST_SESSION_MINUTES = 60;

// The "please test your bridge point's link" e-mail to a bridge's technical contact, composed from the
// current data at send time. Never carries the meeting passcode.
export async function composeBridgeTestMessage(row: OutboxRow): Promise<SendMailOptions> {
  if (!row.bridgePointId) throw new Error("Thư đề nghị kiểm tra không gắn với điểm cầu nào");
  await ensureKeys({ ids: [row.bridgePointId] });
  const b = await prisma.bridgePoint.findUnique({
    where: { id: row.bridgePointId },
    select: {
      id: true,
      name: true,
      address: true,
      room: true,
      contactName: true,
      contactEmail: true,
      accessKey: true,
      conference: {
        select: {
          title: true,
          startsAt: true,
          endsAt: true,
          bridgeTestAt: true,
          bridgeTestNote: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!b) throw new Error("Điểm cầu không còn trong hội nghị");
  if (!b.contactEmail.trim()) throw new Error(`Điểm cầu “${b.name}” chưa có thư điện tử liên hệ`);
  const c = b.conference;
  const link = operatorLink(b.accessKey!);
  const rendered = renderBridgeTestEmail({
    conference: {
      title: meetingName(c.title),
      organizerName: c.organization.name,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      contact: { name: c.contactName, phone: c.contactPhone, email: c.contactEmail },
    },
    bridge: { name: b.name, address: b.address, room: b.room, contactName: b.contactName },
    test: { at: c.bridgeTestAt, note: c.bridgeTestNote },
    operatorLink: link,
  });
  const from = fromAddress();
  // The test session as a calendar entry, one per bridge point: each new round re-sends it with a
  // higher SEQUENCE, so a moved session updates the entry instead of adding a second one.
  const calendar = c.bridgeTestAt
    ? buildInvitationIcs({
        method: "REQUEST",
        uid: `bridge-test-${b.id}@hoinghi.local`,
        sequence: row.version,
        organizer: { name: from.name || c.organization.name, email: checkedAddress(from.address) },
        attendee: { name: b.contactName || b.name, email: checkedAddress(b.contactEmail) },
        summary: `Kiểm tra kết nối điểm cầu: ${meetingName(c.title)}`,
        description: [c.bridgeTestNote.trim(), `Trang kiểm tra của điểm cầu: ${link}`].filter(Boolean).join("\n\n"),
        location:
          [b.room, b.address]
            .map((x) => x.trim())
            .filter(Boolean)
            .join(", ") || b.name,
        url: link,
        startsAt: c.bridgeTestAt,
        endsAt: new Date(c.bridgeTestAt.getTime() + TEST_SESSION_MINUTES * 60_000),
        stamp: new Date(),
        alarmMinutesBefore: 30,
      })
    : null;
  return {
    from: { name: headerText(from.name), address: checkedAddress(from.address) },
    to: { name: headerText(b.contactName || b.name), address: checkedAddress(b.contactEmail) },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { "X-Hoinghi-Kind": "bridge-test" },
    ...(calendar ? { icalEvent: { method: "REQUEST", filename: "kiem-tra-ket-noi.ics", content: calendar } } : {}),
  };
}
