// The DOCUMENTS e-mail, composed at send time from the current data (registered in
// app/mail-composers.server.ts): which documents were published, and the recipient's own page where
// they open them: the invitation page /i/:token for an attendee, the operator page /b/:key for a bridge
// point. No attachment: the documents open through the link, where each opening is counted.
import type { SendMailOptions } from "nodemailer";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";
import { checkedAddress, escapeHtml, headerText, safeHref } from "#app/mailing/escape.ts";
import { fromAddress } from "#app/mailing/from-address.server.ts";
import { documentsSubject } from "#app/meeting-documents/publish.server.ts";

const base = () => env().APP_URL.replace(/\/$/, "");

async function recipientOf(row: OutboxRow) {
  if (row.attendeeId) {
    const a = await prisma.attendee.findUnique({
      where: { id: row.attendeeId },
      select: {
        name: true,
        email: true,
        token: true,
        revokedAt: true,
        conference: { select: { id: true, title: true } },
      },
    });
    if (!a) throw new Error("Người được mời không còn trong danh sách");
    if (a.revokedAt) throw new Error("Giấy mời đã chuyển cho người dự thay");
    return {
      greeting: `Kính gửi Đồng chí ${a.name},`,
      name: a.name,
      email: a.email,
      link: `${base()}/i/${a.token}`,
      conference: a.conference,
    };
  }
  if (row.bridgePointId) {
    const b = await prisma.bridgePoint.findUnique({
      where: { id: row.bridgePointId },
      select: {
        name: true,
        contactName: true,
        contactEmail: true,
        accessKey: true,
        conference: { select: { id: true, title: true } },
      },
    });
    if (!b) throw new Error("Điểm cầu không còn trong hội nghị");
    if (!b.accessKey) throw new Error(`Điểm cầu “${b.name}” chưa có đường dẫn vận hành`);
    return {
      greeting: `Kính gửi bộ phận vận hành điểm cầu ${b.name},`,
      name: b.contactName || b.name,
      email: b.contactEmail,
      link: `${base()}/b/${b.accessKey}`,
      conference: b.conference,
    };
  }
  throw new Error("Thư tài liệu họp không gắn với người nhận nào");
}

export async function composeDocumentsMessage(row: OutboxRow): Promise<SendMailOptions> {
  const r = await recipientOf(row);
  const titles = row.changeNote.split("\n").filter(Boolean);
  const meeting = meetingName(r.conference.title);
  const from = fromAddress();
  const text = [
    r.greeting,
    "",
    `Ban tổ chức ${meeting} đã gửi tài liệu họp:`,
    ...titles.map((t) => `- ${t}`),
    "",
    `Xem và tải tài liệu tại: ${r.link}`,
    "",
    "Đường dẫn này dành riêng cho người nhận, đề nghị không chuyển tiếp.",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(r.greeting)}</p>`,
    `<p>Ban tổ chức ${escapeHtml(meeting)} đã gửi tài liệu họp:</p>`,
    `<ul>${titles.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`,
    `<p><a href="${escapeHtml(safeHref(r.link))}">Xem và tải tài liệu</a></p>`,
    `<p style="color:#555">Đường dẫn này dành riêng cho người nhận, đề nghị không chuyển tiếp.</p>`,
  ].join("\n");
  return {
    from: { name: headerText(from.name), address: checkedAddress(from.address) },
    to: { name: headerText(r.name), address: checkedAddress(r.email) },
    subject: documentsSubject(r.conference.title),
    messageId: row.messageId,
    headers: {
      "X-Hoinghi-Kind": "DOCUMENTS",
      "X-Hoinghi-Conference": headerText(r.conference.id),
      "Auto-Submitted": "auto-generated",
    },
    text,
    html,
  };
}
