import ICAL from "ical.js";
import jsQR from "jsqr";
import { simpleParser, type ParsedMail } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import type { SendMailOptions } from "nodemailer";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { composeInvitation, invitationIcs, qrContentId } from "#app/invitations/compose.server.ts";
import type { InvitationKind } from "#app/invitations/types.ts";
import { BASE, bridgeData, mailData, TOKEN } from "#tests/helpers/invitation-mail-data.ts";
import { renderInvitationEmail } from "#emails/invitation.ts";

async function roundTrip(options: SendMailOptions): Promise<{ raw: string; mail: ParsedMail }> {
  const raw = await new MailComposer(options).compile().build();
  return { raw: raw.toString("utf8"), mail: await simpleParser(raw) };
}

function headerBlock(raw: string): string {
  return raw.slice(0, raw.indexOf("\r\n\r\n"));
}

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
      ?.data ?? null
  );
}

function calendarOf(mail: ParsedMail): { text: string; event: ICAL.Event; root: ICAL.Component } {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error("no text/calendar part");
  const text = part.content.toString("utf8");
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  return { text, root, event: new ICAL.Event(root.getFirstSubcomponent("vevent")!) };
}

describe("composed invitation e-mail", () => {
  it("has subject, from, to, Message-ID and the kind header", async () => {
    const { mail, raw } = await roundTrip(await composeInvitation(mailData()));
    expect(mail.subject).toBe("Giấy mời: Hội nghị công bố Chỉ số CCHC năm 2023");
    expect(mail.from?.value).toEqual([{ name: "UBND tỉnh Quảng Nam", address: "vanphong@quangnam.gov.vn" }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: "Nguyễn Thị Ánh", address: "anh.nt@quangnam.gov.vn" }]);
    expect(mail.messageId).toBe("<inv-att_01-INVITATION-0@hoinghi.local>");
    expect(mail.headers.get("x-hoinghi-kind")).toBe("INVITATION");
    expect(headerBlock(raw)).toMatch(/^Message-ID: <inv-att_01-INVITATION-0@hoinghi\.local>$/m);
  });

  it("carries the facts in HTML and text: greeting, time in Vietnam, place, chair, content, links", async () => {
    const { mail } = await roundTrip(await composeInvitation(mailData()));
    const html = String(mail.html);
    const text = mail.text ?? "";
    for (const body of [html, text]) {
      expect(body).toContain("Kính gửi Đồng chí Nguyễn Thị Ánh, Phó Giám đốc – Sở Nội vụ tỉnh Quảng Nam");
      expect(body).toContain(
        "UBND tỉnh Quảng Nam trân trọng kính mời Đồng chí tham dự Hội nghị công bố Chỉ số CCHC năm 2023.",
      );
      expect(body).toContain("09 giờ 00, Thứ Tư, ngày 10 tháng 01 năm 2024");
      expect(body).toContain("11 giờ 30");
      expect(body).toContain("Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ");
      expect(body).toContain("Đồng chí Lê Văn Dũng, Phó Chủ tịch UBND tỉnh");
      expect(body).toContain("Công bố Chỉ số CCHC năm 2023 và Chỉ số SIPAS; khen thưởng tập thể, cá nhân.");
      expect(body).toContain("Nghiên cứu báo cáo kết quả Chỉ số CCHC gửi kèm.");
      expect(body).toContain("Trần Văn Bình, điện thoại 0235 3812 345, e-mail binh.tv@quangnam.gov.vn");
      expect(body).toContain("Tệp lịch (.ics)");
      expect(body).toContain("Giấy mời số 12/GM-UBND");
    }
    expect(html).toContain(`href="${BASE}/i/${TOKEN}"`);
    expect(html).toContain(`href="${BASE}/i/${TOKEN}/letter.pdf"`);
    expect(html).toContain(`href="${BASE}/i/${TOKEN}/invite.ics"`);
    expect(html).toMatch(/>Xác nhận tham dự<\/a>/);
    expect(text).toContain(`${BASE}/i/${TOKEN}\n`);
    expect(text).toContain(`${BASE}/i/${TOKEN}/letter.pdf`);
    expect(text).toContain(`${BASE}/i/${TOKEN}/invite.ics`);
    expect(text).toMatch(/Trân trọng,\nUBND tỉnh Quảng Nam/);
    expect(html).toContain("xuất trình mã QR");
  });

  it("puts the QR inline with the cid the HTML references, decoding to the token", async () => {
    const { mail } = await roundTrip(await composeInvitation(mailData()));
    const cid = qrContentId("att_01");
    // mailparser rewrites cid: references to data: URIs in mail.html; read the original part instead.
    const raw = await new MailComposer(await composeInvitation(mailData())).compile().build();
    expect(raw.toString("utf8")).toContain(`Content-ID: <${cid}>`);
    const rendered = renderInvitationEmail(mailData(), cid);
    expect(rendered.html).toContain(`<img src="cid:${cid}" alt="Mã QR điểm danh">`);
    const qr = mail.attachments.find((a) => a.cid === cid);
    expect(qr).toBeDefined();
    expect(qr!.contentType).toBe("image/png");
    expect(qr!.filename).toBe("ma-qr.png");
    expect(qr!.contentDisposition).toBe("inline");
    expect(decodeQr(qr!.content)).toBe(TOKEN);
  });

  it("adds a METHOD:REQUEST calendar alternative and invite.ics that parse with the meeting's local time", async () => {
    const { mail, raw } = await roundTrip(await composeInvitation(mailData()));
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail.attachments.some((a) => a.filename === "invite.ics")).toBe(true);
    const { text, root, event } = calendarOf(mail);
    expect(root.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(text).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20240110T090000");
    expect(event.startDate.toJSDate().toISOString()).toBe("2024-01-10T02:00:00.000Z");
    expect(event.uid).toBe("inv-att_01@hoinghi.local");
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe("Hội nghị công bố Chỉ số CCHC năm 2023");
    expect(event.location).toBe("Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ");
    expect(event.description).toContain(`Xác nhận tham dự: ${BASE}/i/${TOKEN}`);
    expect(event.description).toContain("Công bố Chỉ số CCHC năm 2023");
    expect(root.getFirstSubcomponent("vevent")!.getFirstPropertyValue("url")).toBe(`${BASE}/i/${TOKEN}`);
  });

  it("attaches the PDF only when given", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% giấy mời\n%%EOF\n", "utf8");
    const withPdf = (await roundTrip(await composeInvitation(mailData({ pdf })))).mail;
    const attached = withPdf.attachments.find((a) => a.filename === "giay-moi.pdf");
    expect(attached?.contentType).toBe("application/pdf");
    expect(attached?.content.equals(pdf)).toBe(true);
    const without = (await roundTrip(await composeInvitation(mailData()))).mail;
    expect(without.attachments.some((a) => a.filename === "giay-moi.pdf" || a.contentType === "application/pdf")).toBe(
      false,
    );
  });

  it("escapes names and text in the HTML", async () => {
    const data = mailData({
      attendee: { ...mailData().attendee, name: "<script>alert(1)</script>", organization: 'Nguyễn "A" & B' },
      conference: { ...mailData().conference, title: "Hội nghị <b>CCHC</b>", content: "<img src=x onerror=alert(1)>" },
    });
    const { mail } = await roundTrip(await composeInvitation(data));
    const html = String(mail.html);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>CCHC</b>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Nguyễn &quot;A&quot; &amp; B");
    expect(html).toContain("Hội nghị &lt;b&gt;CCHC&lt;/b&gt;");
    expect(mail.text).toContain('Nguyễn "A" & B');
    expect(mail.subject).toBe("Giấy mời: Hội nghị <b>CCHC</b>");
  });

  it("does not let line breaks in names or titles inject headers", async () => {
    const data = mailData({
      from: { name: "UBND tỉnh\r\nBcc: evil@x", address: "vanphong@quangnam.gov.vn" },
      attendee: { ...mailData().attendee, name: "Nguyễn Văn A\r\nBcc: evil@x" },
      conference: { ...mailData().conference, title: "Hội nghị\r\nBcc: evil@x\nX-Evil: 1" },
    });
    const options = await composeInvitation(data);
    expect(options.to).toEqual({ name: "Nguyễn Văn A Bcc: evil@x", address: "anh.nt@quangnam.gov.vn" });
    const { mail, raw } = await roundTrip(options);
    const headers = headerBlock(raw);
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^X-Evil:/im);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.headers.has("x-evil")).toBe(false);
    // One logical To header (a long encoded name may be folded onto continuation lines, which is not a new header).
    const unfolded = headers.replace(/\r\n[ \t]+/g, " ").split("\r\n");
    const toLines = unfolded.filter((l) => /^To:/i.test(l));
    expect(toLines).toHaveLength(1);
    expect(toLines[0]).toMatch(/<anh\.nt@quangnam\.gov\.vn>$/);
    expect(unfolded.filter((l) => /^(Bcc|Cc|X-Evil):/i.test(l))).toEqual([]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toHaveLength(1);
    expect(to?.value[0]?.address).toBe("anh.nt@quangnam.gov.vn");
    expect(mail.subject).toBe("Giấy mời: Hội nghị Bcc: evil@x X-Evil: 1");
    // The ICS keeps each name on its own property.
    const { root } = calendarOf(mail);
    expect(root.getFirstSubcomponent("vevent")!.getAllProperties("attendee")).toHaveLength(1);
  });

  it("refuses an address that is not a bare e-mail address", async () => {
    await expect(
      composeInvitation(mailData({ attendee: { ...mailData().attendee, email: "a@x.vn\r\nBcc: evil@x" } })),
    ).rejects.toThrow(/e-mail/);
    await expect(
      composeInvitation(mailData({ attendee: { ...mailData().attendee, email: "a@x.vn, b@y.vn" } })),
    ).rejects.toThrow();
  });

  it("sends an UPDATE with SEQUENCE from the conference and the change highlighted", async () => {
    const data = mailData({
      kind: "UPDATE",
      messageId: "<inv-att_01-UPDATE-1@hoinghi.local>",
      changeNote: "Thời gian chuyển sang 14 giờ 00 cùng ngày.",
      conference: {
        ...mailData().conference,
        sequence: 1,
        startsAt: new Date("2024-01-10T07:00:00Z"),
        endsAt: new Date("2024-01-10T09:30:00Z"),
      },
    });
    const { mail } = await roundTrip(await composeInvitation(data));
    expect(mail.subject).toBe("[Thay đổi] Giấy mời: Hội nghị công bố Chỉ số CCHC năm 2023");
    expect(mail.headers.get("x-hoinghi-kind")).toBe("UPDATE");
    const html = String(mail.html);
    const box = html.match(/<div data-note="update" style="([^"]*)">([\s\S]*?)<\/div>/);
    expect(box).not.toBeNull();
    expect(box![1]).toMatch(/background:#/);
    expect(box![2]).toContain("THAY ĐỔI:");
    expect(box![2]).toContain("Thời gian chuyển sang 14 giờ 00 cùng ngày.");
    expect(html.indexOf("THAY ĐỔI:")).toBeLessThan(html.indexOf("Kính gửi"));
    expect(mail.text).toMatch(/^THAY ĐỔI: Thời gian chuyển sang 14 giờ 00 cùng ngày\.$/m);
    expect((mail.text ?? "").indexOf("THAY ĐỔI:")).toBeLessThan((mail.text ?? "").indexOf("Kính gửi"));
    expect(mail.text).toContain("14 giờ 00, Thứ Tư, ngày 10 tháng 01 năm 2024");
    const { root, event, text } = calendarOf(mail);
    expect(root.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.sequence).toBe(1);
    expect(event.uid).toBe("inv-att_01@hoinghi.local");
    expect(text).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20240110T140000");
  });

  it("sends a CANCELLATION with METHOD:CANCEL, no QR and no RSVP button", async () => {
    const data = mailData({
      kind: "CANCELLATION",
      messageId: "<inv-att_01-CANCELLATION-2@hoinghi.local>",
      conference: { ...mailData().conference, sequence: 2 },
    });
    const { mail, raw } = await roundTrip(await composeInvitation(data));
    expect(mail.subject).toBe("[Hủy] Hội nghị công bố Chỉ số CCHC năm 2023");
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const { root, event } = calendarOf(mail);
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(root.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe("inv-att_01@hoinghi.local");
    expect(event.sequence).toBe(2);
    expect(mail.attachments.some((a) => a.contentType === "image/png")).toBe(false);
    expect(String(mail.html)).not.toContain("cid:");
    expect(String(mail.html)).toContain("đã được hủy");
    expect(mail.text).toContain("đã được hủy");
    expect(mail.text).not.toContain(`${BASE}/i/${TOKEN}`);
  });

  it("sends a REMINDER asking for an answer, with the REQUEST calendar", async () => {
    const data = mailData({ kind: "REMINDER", messageId: "<inv-att_01-REMINDER-0-1@hoinghi.local>" });
    const { mail } = await roundTrip(await composeInvitation(data));
    expect(mail.subject).toBe("[Cần phản hồi] Giấy mời: Hội nghị công bố Chỉ số CCHC năm 2023");
    expect(mail.subject!.startsWith("[Cần phản hồi]")).toBe(true);
    expect(mail.text).toContain("Kính đề nghị Đồng chí xác nhận tham dự");
    expect(String(mail.html)).toContain("Kính đề nghị Đồng chí xác nhận tham dự");
    expect(calendarOf(mail).root.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(mail.attachments.some((a) => a.contentType === "image/png")).toBe(true);
  });

  it("gives a bridge attendee the bridge point, its address and the video link, never a passcode", async () => {
    const { mail } = await roundTrip(await composeInvitation(bridgeData()));
    const html = String(mail.html);
    const text = mail.text ?? "";
    for (const body of [html, text]) {
      expect(body).toContain("Điểm cầu UBND huyện Duy Xuyên, Thị trấn Nam Phước, huyện Duy Xuyên");
      expect(body).toContain("https://meet.quangnam.gov.vn/hoi-nghi-cchc-2023");
      expect(body).toContain("theo hình thức trực tuyến tại Điểm cầu UBND huyện Duy Xuyên");
    }
    expect(html).toContain('href="https://meet.quangnam.gov.vn/hoi-nghi-cchc-2023"');
    const { event } = calendarOf(mail);
    expect(event.location).toBe(
      "Điểm cầu UBND huyện Duy Xuyên, Thị trấn Nam Phước, huyện Duy Xuyên – https://meet.quangnam.gov.vn/hoi-nghi-cchc-2023",
    );
    expect(event.description).toContain("Đường dẫn họp trực tuyến: https://meet.quangnam.gov.vn/hoi-nghi-cchc-2023");
  });

  it("never turns a javascript: video link into a live link", () => {
    const { html } = renderInvitationEmail(bridgeData({ videoLink: "javascript:alert(1)" }), "qr@x");
    expect(html).not.toContain('href="javascript:');
  });

  it("leaves the video link out for the main hall", async () => {
    const { mail } = await roundTrip(
      await composeInvitation(mailData({ videoLink: "https://meet.example/secret-room" })),
    );
    expect(String(mail.html)).not.toContain("secret-room");
    expect(mail.text).not.toContain("secret-room");
    expect(calendarOf(mail).event.location).not.toContain("secret-room");
  });

  it("renders all four kinds with the same ICS as the /invite.ics route would serve", () => {
    const subjects: Record<InvitationKind, string> = {
      INVITATION: "Giấy mời: ",
      UPDATE: "[Thay đổi] Giấy mời: ",
      CANCELLATION: "[Hủy] ",
      REMINDER: "[Cần phản hồi] Giấy mời: ",
    };
    for (const kind of Object.keys(subjects) as InvitationKind[]) {
      expect(renderInvitationEmail(mailData({ kind }), "qr@x").subject.startsWith(subjects[kind])).toBe(true);
    }
    const stamp = new Date("2024-01-05T00:00:00Z");
    expect(invitationIcs(mailData(), { stamp })).toBe(invitationIcs(mailData({ kind: "REMINDER" }), { stamp }));
    expect(invitationIcs(mailData({ kind: "CANCELLATION" }), { stamp })).toContain("METHOD:CANCEL");
  });
});
