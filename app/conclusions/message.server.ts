// The e-mail of an issued conclusion notice (MessageKind CONCLUSION), composed at send time: a short
// Vietnamese letter with the notice's PDF as issued attached. Registered in app/mail-composers.server.ts.
import type { SendMailOptions } from "nodemailer";
import { prisma } from "#app/database/db.server.ts";
import { readFile } from "#app/files/stored-files.server.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";
import { checkedAddress, escapeHtml, headerText } from "#app/mailing/escape.ts";
import { fromAddress } from "#app/mailing/from-address.server.ts";
import { formatDate } from "#app/lib/vietnamese-date.ts";

export async function composeConclusionMessage(row: OutboxRow): Promise<SendMailOptions> {
  const message = await prisma.outboxMessage.findUnique({
    where: { id: row.id },
    select: {
      toAddress: true,
      subject: true,
      conferenceId: true,
      attendee: { select: { name: true, position: true } },
      noticeRecipient: { select: { text: true } },
    },
  });
  if (!message) throw new Error("Thư không còn trong hàng đợi");
  const notice = await prisma.conclusionNotice.findUnique({
    where: { conferenceId: message.conferenceId },
    select: {
      status: true,
      documentNumber: true,
      documentSymbol: true,
      issuedOn: true,
      title: true,
      pdfFileId: true,
      conference: { select: { organization: { select: { name: true } } } },
    },
  });
  if (!notice || notice.status !== "ISSUED" || !notice.pdfFileId) throw new Error("Thông báo kết luận chưa ban hành");
  const pdf = await readFile(prisma, notice.pdfFileId);
  if (!pdf) throw new Error("Không còn tệp PDF của thông báo kết luận");
  const who = message.attendee
    ? `Đồng chí ${message.attendee.name}${message.attendee.position ? `, ${message.attendee.position}` : ""}`
    : (message.noticeRecipient?.text ?? "").replace(/^[-–•+]\s*/, "").replace(/[;.,]+$/, "");
  const number = `${notice.documentNumber}/${notice.documentSymbol}`;
  const issued = notice.issuedOn ? ` ${formatDate(notice.issuedOn)}` : "";
  const organizer = notice.conference.organization.name;
  const paragraphs = [
    `Kính gửi: ${who}`,
    `${organizer} gửi Thông báo số ${number}${issued} về ${notice.title.charAt(0).toLocaleLowerCase("vi")}${notice.title.slice(1)}.`,
    "Toàn văn thông báo (bản PDF đã ban hành) được gửi kèm thư này. Đề nghị các cơ quan, đơn vị được giao nhiệm vụ triển khai thực hiện đúng thời hạn.",
    "Thư này được gửi tự động từ hệ thống Hội nghị CCHC; vui lòng không trả lời thư.",
  ];
  const from = fromAddress();
  return {
    from: { name: headerText(from.name || organizer), address: checkedAddress(from.address) },
    to: { name: headerText(message.attendee?.name ?? who), address: checkedAddress(message.toAddress) },
    subject: headerText(message.subject),
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    headers: { "X-Hoinghi-Kind": "conclusion" },
    attachments: row.attachPdf ? [{ filename: pdf.name, content: pdf.bytes, contentType: "application/pdf" }] : [],
  };
}
