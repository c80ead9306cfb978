import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { currentUserByEmail, type CurrentUser } from "#app/auth/session.server.ts";
import { conferenceFor } from "#app/auth/guard.server.ts";
import { bridgeConference, mayOperate } from "#app/bridges/access.server.ts";
import { bulkCreateBridges } from "#app/bridges/placement.server.ts";
import { readinessBoard, recordTest } from "#app/bridges/readiness.server.ts";
import { requestBridgeTests } from "#app/bridges/test-request.server.ts";
import { prisma } from "#app/database/db.server.ts";
import "#app/mail-composers.server.ts";
import { composeMessage } from "#app/mailing/composers.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import { smtpTransport, type MailTransport } from "#app/mailing/transport.server.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

const QN_PLAN = "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023";
const DN_PLAN = "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026";

async function user(email: string): Promise<CurrentUser> {
  const u = await currentUserByEmail(email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
}

async function conference(titleStart: string) {
  return prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: titleStart } },
    select: { id: true, organizationId: true, startsAt: true, bridgeTestRound: true },
  });
}

async function expectStatus(p: Promise<unknown>, status: number) {
  const thrown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(status);
}

const expect404 = (p: Promise<unknown>) => expectStatus(p, 404);

const transports: MailTransport[] = [];
const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  for (const s of servers.splice(0)) await s.close();
});

describe("bulk creation from the organisation tree", () => {
  it("creates one bridge point per child commune or ward, skips existing hosts, moves their attendees, and does nothing the second time", async () => {
    const c = await conference(DN_PLAN);
    const daNang = await prisma.organization.findFirstOrThrow({
      where: { name: "UBND thành phố Đà Nẵng" },
      select: { id: true },
    });
    const thanhKhe = await prisma.organization.findFirstOrThrow({
      where: { name: "UBND phường Thanh Khê" },
      select: { id: true },
    });
    const attendee = await prisma.attendee.create({
      data: {
        conferenceId: c.id,
        name: "Phan Thị Thanh Tâm",
        organizationName: "UBND phường Thanh Khê",
        organizationId: thanhKhe.id,
        email: "ptttam@danang.hoinghi.local",
        token: "t-bulk",
        invitationKey: "k-bulk",
      },
      select: { id: true },
    });
    const before = await prisma.bridgePoint.count({ where: { conferenceId: c.id } });
    const communes = await prisma.organization.findMany({
      where: { parentId: daNang.id, level: { code: "XA" } },
      select: { id: true },
    });
    // Ten wards and communes of the conference seed, and seven more with the special zone Hoàng Sa that
    // the 2025 index round ranks (prisma/seed-data/organizations.ts).
    expect(communes.length).toBe(18);

    const first = await bulkCreateBridges(SYSTEM_ACTOR, c.id, daNang.id, { onlyAdministrative: true, at: c.startsAt! });
    // Hải Châu, Hội An and Bà Nà already host one; departments are not administrative units, and the
    // districts were closed on 1 July 2025.
    expect(first.skippedExisting.sort()).toEqual(
      ["UBND phường Hội An", "UBND phường Hải Châu", "UBND xã Bà Nà"].sort(),
    );
    expect(first.created).toHaveLength(15);
    expect(first.created).toContain("UBND phường Thanh Khê");
    expect(first.created.some((n) => n.startsWith("Sở"))).toBe(false);
    expect(await prisma.bridgePoint.count({ where: { conferenceId: c.id } })).toBe(before + 15);
    const created = await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId: c.id, hostOrganizationId: thanhKhe.id },
      select: { id: true, name: true, accessKey: true, posterKey: true, position: true },
    });
    expect(created.name).toBe("Điểm cầu UBND phường Thanh Khê");
    expect(created.accessKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.posterKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.position).toBeGreaterThanOrEqual(before);
    expect(
      (await prisma.attendee.findUniqueOrThrow({ where: { id: attendee.id }, select: { bridgePointId: true } }))
        .bridgePointId,
    ).toBe(created.id);

    const again = await bulkCreateBridges(SYSTEM_ACTOR, c.id, daNang.id, { onlyAdministrative: true, at: c.startsAt! });
    expect(again.created).toEqual([]);
    expect(again.skippedExisting).toHaveLength(18);
    expect(await prisma.bridgePoint.count({ where: { conferenceId: c.id } })).toBe(before + 15);
  });

  it("judges dissolution at the conference's date: a 2024 conference still gets its districts, a 2026 one would not", async () => {
    const c = await conference(QN_PLAN);
    const quangNam = await prisma.organization.findFirstOrThrow({
      where: { name: "UBND tỉnh Quảng Nam" },
      select: { id: true },
    });
    const r = await bulkCreateBridges(SYSTEM_ACTOR, c.id, quangNam.id, { onlyAdministrative: true, at: c.startsAt! });
    expect(r.created).toEqual(["UBND thành phố Tam Kỳ"]);
    expect(r.skippedExisting).toHaveLength(5);
    expect(r.skippedDissolved).toEqual([]);
    const later = await bulkCreateBridges(SYSTEM_ACTOR, c.id, quangNam.id, {
      onlyAdministrative: true,
      at: new Date("2026-01-01T00:00:00+07:00"),
    });
    expect(later.created).toEqual([]);
    expect(later.skippedDissolved).toHaveLength(6);
  });
});

describe("access", () => {
  it("is a 404 for another organisation, read-only for IT support of the organiser, and full for the organisers", async () => {
    const c = await conference(QN_PLAN);
    await expect404(conferenceFor(await user("vanphong.tamduong@hoinghi.local"), c.id, "bridges.support"));
    await expect404(conferenceFor(await user("vanphong.danang@hoinghi.local"), c.id, "bridges.support"));
    const it = await user("cntt.quangnam@hoinghi.local");
    expect((await bridgeConference(await conferenceFor(it, c.id, "bridges.support"))).canManage).toBe(false);
    // IT support reads the board but does not act on it: refused, not hidden (it knows the conference).
    await expectStatus(conferenceFor(it, c.id, "bridges.manage"), 403);
    expect(
      (
        await bridgeConference(
          await conferenceFor(await user("vanphong.quangnam@hoinghi.local"), c.id, "bridges.manage"),
        )
      ).canManage,
    ).toBe(true);
    // IT support of Quảng Nam follows nothing in Đà Nẵng.
    await expect404(conferenceFor(it, (await conference(DN_PLAN)).id, "bridges.support"));
  });

  it("lets a bridge operator operate only the bridge points their organisation hosts", async () => {
    const operator = await user("diemcau.hoian@hoinghi.local");
    const bridges = await prisma.bridgePoint.findMany({
      where: { conference: { title: { startsWith: DN_PLAN } } },
      select: { name: true, hostOrganizationId: true, conference: { select: { organizationId: true } } },
    });
    const allowed = [];
    for (const b of bridges) if (await mayOperate(operator, b)) allowed.push(b.name);
    expect(allowed).toEqual(["Điểm cầu UBND phường Hội An"]);
  });
});

describe("the test-request e-mail", () => {
  it("goes once per round to the bridge points that have not confirmed, with their own link and no passcode", async () => {
    const c = await conference(QN_PLAN);
    // The seeded invitations are not part of this run.
    await prisma.outboxMessage.deleteMany({ where: { kind: { not: "BRIDGE_TEST" } } });
    // A name that must be escaped in the HTML.
    await prisma.bridgePoint.updateMany({
      where: { conferenceId: c.id, name: "Điểm cầu UBND huyện Duy Xuyên" },
      data: { name: "Điểm cầu UBND huyện Duy Xuyên <b>&</b>" },
    });
    const bridges = await prisma.bridgePoint.findMany({
      where: { conferenceId: c.id },
      select: { id: true, name: true, readiness: true, contactEmail: true, accessKey: true, videoPasscode: true },
    });
    const expected = bridges.filter((b) => b.readiness !== "PASSED" && b.contactEmail);
    expect(expected.map((b) => b.contactEmail).sort()).toEqual([
      "hvphuoc.duyxuyen@quangnam.gov.vn",
      "lvthang.thangbinh@quangnam.gov.vn",
    ]);

    const first = await requestBridgeTests(SYSTEM_ACTOR, c.id, c.bridgeTestRound);
    expect(first?.round).toBe(c.bridgeTestRound + 1);
    expect(first?.queued).toBe(2);
    expect(first?.withoutEmail).toContain("Điểm cầu UBND huyện Đại Lộc");
    // The same form submitted again (double click, resubmission) finds its round gone.
    expect(await requestBridgeTests(SYSTEM_ACTOR, c.id, c.bridgeTestRound)).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { kind: "BRIDGE_TEST" } })).toBe(2);
    const requested = await prisma.bridgePoint.findMany({
      where: { conferenceId: c.id, testRequestedAt: { not: null } },
      select: { id: true },
    });
    expect(requested.map((b) => b.id).sort()).toEqual(expected.map((b) => b.id).sort());

    const smtp = await startSmtp();
    servers.push(smtp);
    const transport = smtpTransport(smtp.url);
    transports.push(transport);
    expect(await drainOnce({ transport, compose: composeMessage })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
    const passcodes = bridges.map((b) => b.videoPasscode).filter(Boolean);
    for (const { raw } of smtp.received) {
      const mail = await simpleParser(raw);
      const to = (Array.isArray(mail.to) ? mail.to[0]! : mail.to!).value[0]!.address!;
      const bridge = expected.find((b) => b.contactEmail === to)!;
      expect(bridge).toBeDefined();
      expect(mail.subject).toBe(
        "[Kiểm tra điểm cầu] Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024",
      );
      const link = `http://localhost:3000/b/${bridge.accessKey}`;
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.text).toContain("14 giờ 00, ngày 17 tháng 01 năm 2024");
      expect(mail.text).toContain("08 giờ 00, Thứ Năm, ngày 18 tháng 01 năm 2024");
      expect(mail.text).toContain("cchc.snv@quangnam.hoinghi.local");
      // The test session as a calendar entry: 14:00 on 17/01/2024 in Asia/Ho_Chi_Minh, one per bridge.
      const ics = mail.attachments.find((x) => x.contentType.startsWith("text/calendar"));
      expect(ics).toBeDefined();
      const cal = new ICAL.Component(ICAL.parse(ics!.content.toString("utf8")));
      expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
      ICAL.TimezoneService.register(cal.getFirstSubcomponent("vtimezone")!);
      const vevent = cal.getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Ho_Chi_Minh");
      const event = new ICAL.Event(vevent);
      expect(event.startDate.toJSDate().toISOString()).toBe("2024-01-17T07:00:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2024-01-17T08:00:00.000Z");
      expect(event.uid).toBe(`bridge-test-${bridge.id}@hoinghi.local`);
      expect(event.sequence).toBe(c.bridgeTestRound + 1);
      expect(event.description).toContain(link);
      for (const code of passcodes) expect(ics!.content.toString("utf8")).not.toContain(code);
      for (const code of passcodes) {
        expect(mail.text).not.toContain(code);
        expect(mail.html).not.toContain(code);
      }
      for (const other of bridges.filter((b) => b.id !== bridge.id)) expect(mail.text).not.toContain(other.accessKey!);
      if (bridge.name.includes("<b>")) {
        expect(mail.html).toContain("Duy Xuyên &lt;b&gt;&amp;&lt;/b&gt;");
        expect(mail.html).not.toContain("<b>&</b>");
      }
    }
    const board = await readinessBoard(c.id);
    expect(board.counts.requested).toBe(2);
    expect(board.bridges.filter((b) => b.message?.status === "SENT")).toHaveLength(2);

    // A bridge that confirms is left out of the next round.
    const thangBinh = expected.find((b) => b.contactEmail.startsWith("lvthang"))!;
    await recordTest(
      SYSTEM_ACTOR,
      thangBinh.id,
      {
        operatorName: "Lê Văn Thắng",
        latencyMs: 30,
        jitterMs: 3,
        lossPercent: 0,
        downloadMbps: 40,
        uploadMbps: 20,
        camera: true,
        microphone: true,
        screen: true,
        sound: true,
        backupConnection: true,
        notes: "",
        result: "PASSED",
      },
      { userId: null, userAgent: "test" },
    );
    const second = await requestBridgeTests(SYSTEM_ACTOR, c.id, c.bridgeTestRound + 1);
    expect(second?.queued).toBe(1);
    const queued = await prisma.outboxMessage.findMany({
      where: { kind: "BRIDGE_TEST", version: c.bridgeTestRound + 2 },
      select: { toAddress: true, attendeeId: true, messageId: true },
    });
    expect(queued).toEqual([
      {
        toAddress: "hvphuoc.duyxuyen@quangnam.gov.vn",
        attendeeId: null,
        messageId: expect.stringMatching(/^<bridge_test-2-bridge-.+@hoinghi\.local>$/),
      },
    ]);
  });

  it("fails a message whose bridge lost its contact e-mail, and the board shows it", async () => {
    const c = await conference(QN_PLAN);
    await prisma.outboxMessage.deleteMany({});
    await prisma.bridgePoint.updateMany({
      where: { conferenceId: c.id, contactEmail: "hvphuoc.duyxuyen@quangnam.gov.vn" },
      data: { readiness: "UNTESTED" },
    });
    const r = await requestBridgeTests(SYSTEM_ACTOR, c.id, c.bridgeTestRound);
    expect(r?.queued).toBe(1);
    // The contact leaves before the worker sends the message.
    await prisma.bridgePoint.updateMany({
      where: { conferenceId: c.id, contactEmail: "hvphuoc.duyxuyen@quangnam.gov.vn" },
      data: { contactEmail: "" },
    });
    const smtp = await startSmtp();
    servers.push(smtp);
    const transport = smtpTransport(smtp.url);
    transports.push(transport);
    expect(await drainOnce({ transport, compose: composeMessage })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const board = await readinessBoard(c.id);
    const failed = board.bridges.find((b) => b.message?.status === "FAILED")!;
    expect(failed.name).toContain("Duy Xuyên");
    expect(failed.message!.lastError).toContain("chưa có thư điện tử liên hệ");
  });
});
