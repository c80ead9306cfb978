import type { SendMailOptions } from "nodemailer";
import { renderBridgeTestEmail } from "../../emails/bridge-test.ts";
import { prisma } from "../db.server.ts";
import { fromAddress, meetingName } from "../invitations/context.server.ts";
import { checkedAddress, headerText } from "../invitations/escape.ts";
import type { OutboxRow } from "../mailing/outbox.server.ts";
import { operatorLink } from "./bridges.server.ts";
import { ensureKeys } from "./bridges.server.ts";

// The "please test your bridge point's link" e-mail to a bridge's technical contact, composed from the
// current data at send time. Never carries the meeting passcode.
export async function composeBridgeTestMessage(row: OutboxRow): Promise<SendMailOptions> {
  if (!row.bridgePointId) throw new Error("Thư đề nghị kiểm tra không gắn với điểm cầu nào");
  await ensureKeys({ ids: [row.bridgePointId] });
  const b = await prisma.bridgePoint.findUnique({
    where: { id: row.bridgePointId },
    select: {
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
    operatorLink: operatorLink(b.accessKey!),
  });
  const from = fromAddress();
  return {
    from: { name: headerText(from.name), address: checkedAddress(from.address) },
    to: { name: headerText(b.contactName || b.name), address: checkedAddress(b.contactEmail) },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { "X-Hoinghi-Kind": "bridge-test" },
  };
}
