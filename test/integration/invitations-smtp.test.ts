import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import jsQR from "jsqr";
import { simpleParser } from "mailparser";
import { PNG } from "pngjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import "#app/mail-composers.server.ts";
import { queueInvitations } from "#app/invitations/queue.server.ts";
import { composeMessage } from "#app/mailing/composers.server.ts";
import { drainOnce, startOutboxWorker } from "#app/mailing/outbox.server.ts";
import { smtpTransport, type MailTransport } from "#app/mailing/transport.server.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

const NAMES = ["Nguyễn Thị Ánh Tuyết", "Hồ Quang Bửu", "Tôn Nữ Thị Ửng", "Lương Văn Ẩn", "Đặng Thị Mỹ Dạ"];
let conferenceId = "";
const transports: MailTransport[] = [];
const servers: Array<{ close: () => Promise<void> }> = [];

beforeAll(async () => {
  // A conference of its own, 09:00–11:30 on 18 December 2026 in Vietnam, with 50 attendees.
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND thành phố Đà Nẵng" },
    select: { id: true },
  });
  const c = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Hội nghị thử gửi giấy mời; tổng kết, năm 2026",
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt: new Date("2026-12-18T09:00:00+07:00"),
      endsAt: new Date("2026-12-18T11:30:00+07:00"),
      venue: "Hội trường Trung tâm Hành chính thành phố",
      chair: "Chủ tịch UBND thành phố",
      content: "Tổng kết công tác cải cách hành chính năm 2026",
      signerName: "Lê Trung Chinh",
    },
    select: { id: true },
  });
  conferenceId = c.id;
  // The seeded demo invitations are not part of these runs.
  await prisma.outboxMessage.deleteMany({ where: { conferenceId: { not: conferenceId } } });
  await createAttendees(
    SYSTEM_ACTOR,
    conferenceId,
    Array.from({ length: 50 }, (_, i) => ({
      name: `${NAMES[i % NAMES.length]} ${i + 1}`,
      position: "Chuyên viên",
      organizationName: "Sở Nội vụ",
      email: `daibieu${i + 1}@danang.hoinghi.local`,
      phone: "",
      groupId: undefined,
      bridgePointId: undefined,
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
});

afterEach(async () => {
  // Pooled client connections first, or the server waits for them to close.
  for (const t of transports.splice(0)) t.close();
  for (const s of servers.splice(0)) await s.close();
});

async function smtpServer(reject?: Parameters<typeof startSmtp>[0]) {
  const smtp = await startSmtp(reject);
  servers.push(smtp);
  return smtp;
}

async function queueAll(version: number, attachPdfFor = new Set<number>()) {
  const attendees = await prisma.attendee.findMany({
    where: { conferenceId },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const withPdf = attendees.filter((_, i) => attachPdfFor.has(i)).map((a) => a.id);
  await queueInvitations({
    conferenceId,
    kind: "REMINDER",
    version,
    attendeeIds: attendees.map((a) => a.id).filter((id) => !withPdf.includes(id)),
    subject: "x",
  });
  if (withPdf.length)
    await queueInvitations({
      conferenceId,
      kind: "REMINDER",
      version,
      attendeeIds: withPdf,
      subject: "x",
      attachPdf: true,
    });
  return attendees.length;
}

function transportFor(url: string) {
  const t = smtpTransport(url);
  transports.push(t);
  return t;
}

describe("invitations through a real SMTP server", () => {
  it("delivers 50 invitations whose calendar, QR code and letter are right", async () => {
    const smtp = await smtpServer();
    const attendees = await prisma.attendee.findMany({
      where: { conferenceId },
      select: { id: true, name: true, token: true, email: true },
    });
    await queueInvitations({
      conferenceId,
      kind: "INVITATION",
      version: 0,
      attendeeIds: attendees.map((a) => a.id),
      subject: "x",
      attachPdf: false,
    });
    // Two of them with the letter attached.
    await prisma.outboxMessage.updateMany({
      where: { conferenceId, attendeeId: { in: attendees.slice(0, 2).map((a) => a.id) } },
      data: { attachPdf: true },
    });
    const result = await drainOnce({ transport: transportFor(smtp.url), compose: composeMessage });
    expect(result).toEqual({ sent: 50, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(50);
    const byEmail = new Map(attendees.map((a) => [a.email, a]));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-mail-"));
    let pdfs = 0;
    for (const { raw } of smtp.received) {
      const mail = await simpleParser(raw, { keepCidLinks: true });
      const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
      const a = byEmail.get(to.value[0]!.address!)!;
      expect(mail.subject).toBe("Giấy mời: Hội nghị thử gửi giấy mời; tổng kết, năm 2026");
      expect(mail.html).toContain(a.name);

      const ics = mail.attachments.find((x) => x.contentType.startsWith("text/calendar"));
      expect(ics).toBeDefined();
      const cal = new ICAL.Component(ICAL.parse(ics!.content.toString("utf8")));
      expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
      // Read the time zone from the file's own VTIMEZONE, as a calendar client does.
      ICAL.TimezoneService.register(cal.getFirstSubcomponent("vtimezone")!);
      const vevent = cal.getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Ho_Chi_Minh");
      const event = new ICAL.Event(vevent);
      expect(event.startDate.hour).toBe(9);
      expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-18T02:00:00.000Z");
      expect(event.uid).toBe(`inv-${a.id}@hoinghi.local`);

      const qr = mail.attachments.find((x) => x.contentType === "image/png")!;
      expect(mail.html).toContain(`cid:${qr.contentId!.replace(/[<>]/g, "")}`);
      const png = PNG.sync.read(qr.content);
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(a.token);

      const pdf = mail.attachments.find((x) => x.contentType === "application/pdf");
      if (pdf) {
        pdfs++;
        const file = path.join(tmp, `${a.id}.pdf`);
        fs.writeFileSync(file, pdf.content);
        const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
        expect(text).toContain(a.name);
      }
    }
    expect(pdfs).toBe(2);
  });

  it("retries refused deliveries with back-off and delivers each message exactly once", async () => {
    const smtp = await smtpServer((_id, attempt) => attempt <= 2);
    const total = await queueAll(101);
    let now = Date.now();
    const rounds: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await drainOnce({
        transport: transportFor(smtp.url),
        compose: composeMessage,
        now: () => new Date(now),
      });
      rounds.push(r.sent);
      now += 10 * 60_000; // past the back-off of the next attempt
    }
    expect(rounds.slice(0, 2)).toEqual([0, 0]);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(total);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toHaveLength(total);
    const rows = await prisma.outboxMessage.findMany({
      where: { conferenceId, version: 101 },
      select: { status: true, attempts: true },
    });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 3)).toBe(true);
  });

  it("stopped mid-batch and restarted: none missing, none twice", async () => {
    const smtp = await smtpServer();
    const total = await queueAll(102);
    const slow: MailTransport = {
      kind: "smtp",
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 15));
        await fast.send(m);
      },
      close: () => {},
    };
    const fast = transportFor(smtp.url);
    const first = startOutboxWorker({ transport: slow, compose: composeMessage, concurrency: 4, batchSize: 10 });
    await expect.poll(() => smtp.received.length, { timeout: 10_000, interval: 5 }).toBeGreaterThan(5);
    await first.stop();
    const afterStop = smtp.received.length;
    expect(afterStop).toBeLessThan(total);
    expect(await prisma.outboxMessage.count({ where: { conferenceId, version: 102, status: "SENDING" } })).toBe(0);

    const second = startOutboxWorker({ transport: fast, compose: composeMessage });
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(total);
    await second.stop();
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(total);
    expect(await prisma.outboxMessage.count({ where: { conferenceId, version: 102, status: "SENT" } })).toBe(total);
  });
});
