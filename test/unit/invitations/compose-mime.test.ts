// The hand-written MIME message against what nodemailer's composer made of the same content (the
// options the invitation used to hand it, rebuilt here as the reference): both parsed by mailparser, an
// independent reader, must give the same headers, texts, parts, files and calendar; the QR still scans.
import jsQR from "jsqr";
import { simpleParser, type ParsedMail } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import type { SendMailOptions } from "nodemailer";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { composeInvitation, icsMethodFor, invitationIcs, qrContentId } from "#app/invitations/compose.server.ts";
import { qrPng } from "#app/invitations/qr.server.ts";
import type { InvitationMailData } from "#app/invitations/types.ts";
import { checkedAddress, headerText } from "#app/mailing/escape.ts";
import { bridgeData, mailData } from "#tests/helpers/invitation-mail-data.ts";
import { invitationSubject, renderInvitationEmail } from "#emails/invitation.ts";

/** What composeInvitation handed nodemailer before it wrote the message itself. */
async function nodemailerReference(data: InvitationMailData): Promise<SendMailOptions> {
  const cid = qrContentId(data.attendee.id);
  const rendered = renderInvitationEmail(data, cid);
  const attachments: NonNullable<SendMailOptions["attachments"]> = [];
  if (data.kind !== "CANCELLATION")
    attachments.push({
      filename: "ma-qr.png",
      content: await qrPng(data.token),
      contentType: "image/png",
      cid,
      contentDisposition: "inline",
    });
  if (data.pdf) attachments.push({ filename: "giay-moi.pdf", content: data.pdf, contentType: "application/pdf" });
  const method = icsMethodFor(data.kind);
  return {
    from: { name: headerText(data.from.name), address: checkedAddress(data.from.address) },
    to: { name: headerText(data.attendee.name), address: checkedAddress(data.attendee.email) },
    subject: invitationSubject(data.kind, data.conference.title),
    messageId: data.messageId,
    headers: {
      "X-Hoinghi-Kind": data.kind,
      "X-Hoinghi-Conference": headerText(data.conference.id),
      "X-Hoinghi-Attendee": headerText(data.attendee.id),
      "X-Hoinghi-Sequence": String(data.conference.sequence),
      "Auto-Submitted": "auto-generated",
    },
    html: rendered.html,
    text: rendered.text,
    attachments,
    icalEvent: { method, filename: "invite.ics", content: invitationIcs(data, { method }) },
  };
}

async function build(options: SendMailOptions): Promise<{ raw: Buffer; mail: ParsedMail }> {
  const raw = await new MailComposer(options).compile().build();
  return { raw, mail: await simpleParser(raw) };
}

/** The parts' content types in the order they appear: the tree, read depth first. */
function tree(raw: string): string {
  return [...raw.matchAll(/^Content-Type: ([\w/-]+)/gm)].map((m) => m[1]).join(",");
}

// The calendar's DTSTAMP is the time of writing: compared without it.
function calendarText(content: Buffer): string {
  return content.toString("utf8").replace(/DTSTAMP:\d{8}T\d{6}Z/g, "DTSTAMP:…");
}

function parsedSummary(mail: ParsedMail) {
  return {
    subject: mail.subject,
    from: mail.from?.value,
    to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value,
    messageId: mail.messageId,
    headers: [
      "x-hoinghi-kind",
      "x-hoinghi-conference",
      "x-hoinghi-attendee",
      "x-hoinghi-sequence",
      "auto-submitted",
    ].map((h) => mail.headers.get(h)),
    mimeVersion: mail.headers.get("mime-version"),
    text: mail.text?.replace(/\r\n/g, "\n").trimEnd(),
    html: String(mail.html).replace(/\r\n/g, "\n").trimEnd(),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentDisposition: a.contentDisposition,
      cid: a.cid,
      method: (a.headers.get("content-type") as { params?: { method?: string } } | undefined)?.params?.method,
      content: /calendar|ics/.test(a.contentType) ? calendarText(a.content) : a.content.toString("base64"),
    })),
  };
}

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}

async function ours(data: InvitationMailData) {
  const options = await composeInvitation(data);
  const raw = String(options.raw);
  return { options, raw, mail: await simpleParser(Buffer.from(raw)) };
}

const PDF = Buffer.from("%PDF-1.4\n% giấy mời\n" + "x".repeat(5000) + "\n%%EOF\n", "utf8");
const CASES: Array<[string, InvitationMailData]> = [
  ["an invitation", mailData()],
  ["an invitation with the letter", mailData({ pdf: PDF })],
  ["a bridge attendee's update", bridgeData({ kind: "UPDATE", changeNote: "Đổi sang 14 giờ 00." })],
  ["a cancellation (no QR)", mailData({ kind: "CANCELLATION" })],
  ["a reminder", mailData({ kind: "REMINDER" })],
];

describe("the invitation's MIME message, against nodemailer's composer", () => {
  for (const [label, data] of CASES) {
    it(`reads the same as nodemailer's for ${label}`, async () => {
      const reference = await build(await nodemailerReference(data));
      const mine = await ours(data);
      const a = parsedSummary(mine.mail);
      const b = parsedSummary(reference.mail);
      expect(a.attachments.find((x) => x.contentType === "text/calendar")?.method).toBe(icsMethodFor(data.kind));
      expect(a).toEqual(b);
      expect(tree(mine.raw)).toBe(tree(reference.raw.toString("utf8")));
    });
  }

  it("hands nodemailer the envelope and a message with CRLF lines of at most 78 characters", async () => {
    const long = mailData({
      conference: {
        ...mailData().conference,
        title:
          "Hội nghị tổng kết công tác cải cách hành chính năm 2026 và triển khai nhiệm vụ năm 2027 của Ủy ban nhân dân tỉnh",
      },
      attendee: { ...mailData().attendee, name: "Tôn Nữ Thị Mỹ Ánh Tuyết Nguyễn Phước Hoàng Thượng Khiết" },
      pdf: PDF,
    });
    const { options, raw, mail } = await ours(long);
    expect(options.envelope).toEqual({ from: "vanphong@quangnam.gov.vn", to: ["anh.nt@quangnam.gov.vn"] });
    expect(mail.subject).toBe(invitationSubject("INVITATION", long.conference.title));
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.name).toBe(long.attendee.name);
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).not.toMatch(/\r[^\n]/);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect(raw).toMatch(/^Message-ID: <inv-att_01-INVITATION-0@hoinghi\.local>\r$/m);
    expect(raw).toMatch(/^MIME-Version: 1\.0\r$/m);
    expect(raw).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000\r$/m);
    expect(raw).toContain("Content-Type: text/calendar; charset=utf-8; method=REQUEST");
  });

  it("reuses the QR image for a second message to the same attendee, and it still scans", async () => {
    const first = (await ours(mailData())).mail;
    const second = (await ours(mailData({ kind: "UPDATE" }))).mail;
    const qr = (m: ParsedMail) => m.attachments.find((x) => x.contentType === "image/png")!.content;
    expect(qr(second).equals(qr(first))).toBe(true);
    expect(decodeQr(qr(second))).toBe(mailData().token);
  });
});
