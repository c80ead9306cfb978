// The audit trail (issue 10): a representative write of every kind records one AuditEvent with the
// exact actor, action, record, page keys and field changes, in the same transaction as the write.

import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createRound, setRoundStatus } from "#app/scoring/round-writes.server.ts";
import { addNode, replaceBands, updateNode } from "#app/scoring/framework-editor.server.ts";
import { loadRound } from "#app/scoring/rounds.server.ts";
import { importScores } from "#app/scoring/score-import.server.ts";
import { saveUnitScores } from "#app/scoring/unit-scores.server.ts";
import { addItem, reorder } from "#app/agenda/agenda.server.ts";
import { recordAudit, SYSTEM_ACTOR, userActor } from "#app/database/audit.server.ts";
import { currentUserByEmail, type CurrentUser } from "#app/auth/session.server.ts";
import { addAwards, setAwardStatus } from "#app/awards/awards.server.ts";
import { createBridge, deleteBridge, updateBridge } from "#app/bridges/bridges.server.ts";
import { assignAttendees } from "#app/bridges/placement.server.ts";
import { requestBridgeTests } from "#app/bridges/test-request.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { setPacketRound } from "#app/documents/packet-settings.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { sendInvitations } from "#app/invitations/bulk-send.server.ts";
import { isPostgresUrl } from "#app/env.server.ts";
import { CLIENT_IP_HEADER } from "#app/lib/client-ip.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";
import { createOrganization, updateOrganization } from "#app/organizations/organization-writes.server.ts";
import { planFormSchema, type PlanFormValues } from "#app/plans/plan-form.ts";
import { createConference, setConferenceStatus, updateConference } from "#app/plans/plans.server.ts";
import { action as bridgeAction } from "#app/routes/b.$key.tsx";
import { action as rsvpAction } from "#app/routes/i.$token._index.tsx";
import { registerSpeech, setSpeechStatus } from "#app/speeches/speeches.server.ts";
import { createUser, updateUser } from "#app/users/user-writes.server.ts";

const QN_PLAN = "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023";
const DN_PLAN = "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026";
const IP = "203.0.113.7";

async function user(email: string): Promise<CurrentUser> {
  const u = await currentUserByEmail(email);
  if (!u) throw new Error(`no demo user ${email}`);
  return { ...u, ip: "198.51.100.20" };
}

const conference = (title: string) =>
  prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: title } },
    select: {
      id: true,
      title: true,
      organizationId: true,
      calendarSequence: true,
      bridgeTestRound: true,
      attendeeGroups: { select: { id: true } },
    },
  });

/** The newest event matching `where` (there must be one). */
async function last(where: Prisma.AuditEventWhereInput) {
  return prisma.auditEvent.findFirstOrThrow({ where, orderBy: [{ at: "desc" }, { id: "desc" }] });
}

/** The recorded changes as { field: [before, after] }. */
function changes(e: { changes: string }): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    (JSON.parse(e.changes) as Array<{ field: string; before: unknown; after: unknown }>).map((c) => [
      c.field,
      [c.before, c.after],
    ]),
  );
}

function byUser(u: CurrentUser) {
  return { actorKind: "USER", actorUserId: u.id, actorLabel: `${u.name} <${u.email}>`, ip: "198.51.100.20" };
}

function planValues(organizationId: string, extra: Record<string, string> = {}): PlanFormValues {
  const fd = new FormData();
  const fields: Record<string, string> = {
    kind: "CONFERENCE",
    organizationId,
    title: "Hội nghị kiểm thử nhật ký",
    documentSymbol: "KH-UBND",
    issuePlace: "Đà Nẵng",
    issueYear: "2026",
    format: "IN_PERSON",
    scheduleKind: "NONE",
    "attendeeGroups[0].lines[0].text": "Giám đốc các sở;",
    "tasks[0].assignee": "Sở Nội vụ",
    "tasks[0].duties": "Chuẩn bị tài liệu.",
    recipients: "Lưu: VT.",
    signerTitle: "CHỦ TỊCH",
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const s = parseWithZod(fd, { schema: planFormSchema });
  if (s.status !== "success") throw new Error(JSON.stringify(s.reply().error));
  return s.value;
}

function post(url: string, fields: Record<string, string>): Request {
  return new Request(url, {
    method: "POST",
    headers: { [CLIENT_IP_HEADER]: IP, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

describe("plans", () => {
  it("records creation, each changed field of an edit, and a status change, by the signed-in user", async () => {
    const office = await user("vanphong.danang@hoinghi.local");
    const id = await createConference(office, planValues(office.organizationId));
    const created = await last({ entityId: id, action: "plan.create" });
    expect(created).toMatchObject({
      ...byUser(office),
      entity: "Conference",
      conferenceId: id,
      organizationId: office.organizationId,
      summary: "Lập kế hoạch “Hội nghị kiểm thử nhật ký”",
    });
    expect(changes(created).title).toEqual([null, "Hội nghị kiểm thử nhật ký"]);

    await updateConference(
      office,
      id,
      planValues(office.organizationId, { title: "Hội nghị kiểm thử nhật ký (sửa)", venue: "Hội trường B" }),
    );
    const edit = await last({ entityId: id, action: "plan.update" });
    expect(edit).toMatchObject({ ...byUser(office), entity: "Conference", conferenceId: id });
    const c = changes(edit);
    expect(c.title).toEqual(["Hội nghị kiểm thử nhật ký", "Hội nghị kiểm thử nhật ký (sửa)"]);
    expect(c.venue).toEqual(["", "Hội trường B"]);
    expect(Object.keys(c).sort()).toEqual(["title", "venue"]);

    await setConferenceStatus(office, id, "ISSUED");
    const status = await last({ entityId: id, action: "plan.status" });
    expect(status).toMatchObject({
      ...byUser(office),
      conferenceId: id,
      summary: "Chuyển kế hoạch “Hội nghị kiểm thử nhật ký (sửa)” từ “Dự thảo” sang “Đã ban hành”",
    });
    expect(changes(status)).toEqual({ status: ["DRAFT", "ISSUED"] });
  });

  it("records the packet's scoring round", async () => {
    const office = await user("vanphong.tamduong@hoinghi.local");
    const c = await prisma.conference.findFirstOrThrow({
      where: { organizationId: office.organizationId, kind: "CONFERENCE" },
      select: { id: true, scoringRound: { select: { title: true } } },
    });
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { organizationId: office.organizationId, year: 2022 },
      select: { id: true, title: true },
    });
    await setPacketRound(userActor(office), c.id, round.id);
    const e = await last({ conferenceId: c.id, action: "plan.packet-round" });
    expect(e).toMatchObject({ ...byUser(office), entity: "Conference", entityId: c.id });
    expect(changes(e).scoringRound).toEqual([c.scoringRound?.title ?? "", round.title]);
  });
});

describe("attendees, answers and substitutes", () => {
  it("records an attendee added by hand, a list from a file as one record, and a move to a bridge point", async () => {
    const office = await user("vanphong.danang@hoinghi.local");
    const c = await conference(DN_PLAN);
    const one = {
      name: "Phan Văn Kiểm",
      position: "Chuyên viên",
      organizationName: "Sở Nội vụ",
      email: "kiem@danang.hoinghi.local",
      phone: "0905000111",
      groupId: c.attendeeGroups[0]!.id,
      bridgePointId: "",
    };
    await createAttendees(userActor(office), c.id, [one], { kind: "form" });
    const attendee = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, email: one.email },
      select: { id: true },
    });
    const added = await last({ entityId: attendee.id, action: "attendee.create" });
    expect(added).toMatchObject({
      ...byUser(office),
      entity: "Attendee",
      conferenceId: c.id,
      summary: "Thêm đại biểu Phan Văn Kiểm, Chuyên viên",
    });
    expect(changes(added)).toMatchObject({
      name: [null, "Phan Văn Kiểm"],
      email: [null, one.email],
      phone: [null, "0905000111"],
      bridgePoint: [null, "Hội trường"],
    });

    const list = Array.from({ length: 3 }, (_, i) => ({
      ...one,
      name: `Người nhập ${i}`,
      email: `nhap${i}@danang.hoinghi.local`,
      phone: "",
    }));
    const before = await prisma.auditEvent.count({ where: { conferenceId: c.id } });
    await createAttendees(userActor(office), c.id, list, { kind: "file", fileName: "dai-bieu.xlsx" });
    expect(await prisma.auditEvent.count({ where: { conferenceId: c.id } })).toBe(before + 1);
    const imported = await last({ conferenceId: c.id, action: "attendee.import" });
    expect(imported).toMatchObject({
      ...byUser(office),
      entity: "Conference",
      entityId: c.id,
      summary: "Thêm 3 đại biểu từ tệp “dai-bieu.xlsx”",
    });
    expect(Object.keys(changes(imported))).toEqual(list.map((a) => `${a.name} <${a.email}>`));

    const bridge = await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId: c.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    });
    expect(await assignAttendees(userActor(office), c.id, bridge.id, [attendee.id])).toBe(1);
    const moved = await last({ conferenceId: c.id, action: "attendee.assign-bridge" });
    expect(moved).toMatchObject({
      ...byUser(office),
      entity: "Conference",
      entityId: c.id,
      summary: `Chuyển 1 đại biểu về điểm cầu “${bridge.name}”`,
    });
    expect(changes(moved)).toEqual({ [`Phan Văn Kiểm <${one.email}>`]: ["Hội trường", bridge.name] });
  });

  it("records an answer with its decline reason, a substitute and a paper as the invitee, with the IP", async () => {
    const c = await conference(QN_PLAN);
    const [first, second] = await prisma.attendee.findMany({
      where: { conferenceId: c.id, rsvp: "NO_ANSWER", revokedAt: null },
      orderBy: { createdAt: "asc" },
      take: 2,
      select: { id: true, name: true, token: true },
    });
    const invitee = (a: { name: string }) => ({
      actorKind: "INVITEE",
      actorUserId: null,
      actorLabel: `Đại biểu ${a.name} (qua giấy mời)`,
      ip: IP,
    });

    await rsvpAction({
      request: post(`http://localhost/i/${first!.token}`, { intent: "decline", reason: "Trùng lịch họp Thành ủy" }),
      params: { token: first!.token },
      context: {},
    } as ActionFunctionArgs);
    const declined = await last({ entityId: first!.id, action: "attendee.rsvp" });
    expect(declined).toMatchObject({
      ...invitee(first!),
      entity: "Attendee",
      conferenceId: c.id,
      summary: `${first!.name} báo vắng: Trùng lịch họp Thành ủy`,
    });
    expect(changes(declined)).toMatchObject({
      rsvp: ["NO_ANSWER", "DECLINED"],
      declineReason: ["", "Trùng lịch họp Thành ủy"],
    });

    await rsvpAction({
      request: post(`http://localhost/i/${second!.token}`, {
        intent: "paper",
        title: "Số hóa hồ sơ thủ tục hành chính",
        durationMinutes: "7",
      }),
      params: { token: second!.token },
      context: {},
    } as ActionFunctionArgs);
    const paper = await last({ conferenceId: c.id, action: "speech.create" });
    const speech = await prisma.speech.findFirstOrThrow({
      where: { conferenceId: c.id, title: "Số hóa hồ sơ thủ tục hành chính" },
      select: { id: true },
    });
    expect(paper).toMatchObject({
      ...invitee(second!),
      entity: "Speech",
      entityId: speech.id,
      summary: `${second!.name} đăng ký tham luận “Số hóa hồ sơ thủ tục hành chính”`,
    });
    expect(changes(paper).durationMinutes).toEqual([null, 7]);

    await rsvpAction({
      request: post(`http://localhost/i/${second!.token}`, {
        intent: "substitute",
        name: "Võ Thị Thay",
        position: "Phó Chánh Văn phòng",
        email: "vothithay@quangnam.hoinghi.local",
      }),
      params: { token: second!.token },
      context: {},
    } as ActionFunctionArgs);
    const sub = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, email: "vothithay@quangnam.hoinghi.local" },
      select: { id: true },
    });
    const revoked = await last({ entityId: second!.id, action: "attendee.substitute" });
    expect(revoked).toMatchObject({ ...invitee(second!), entity: "Attendee", conferenceId: c.id });
    expect(changes(revoked).rsvp).toEqual(["NO_ANSWER", "SUBSTITUTED"]);
    expect(changes(revoked).revokedAt![0]).toBeNull();
    const created = await last({ entityId: sub.id, action: "attendee.create" });
    expect(created).toMatchObject({ ...invitee(second!), entity: "Attendee", conferenceId: c.id });
    expect(changes(created)).toMatchObject({ name: [null, "Võ Thị Thay"], substituteFor: [null, second!.name] });
  });

  it("writes nothing, audit record included, when the write fails after its record was made", async () => {
    const c = await conference(QN_PLAN);
    const a = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, rsvp: "NO_ANSWER", revokedAt: null },
      select: { id: true, token: true },
    });
    const events = await prisma.auditEvent.count();
    // The substitute's invitation is queued after both audit records are written: make that fail.
    const pg = isPostgresUrl(process.env.DATABASE_URL!);
    if (pg) {
      await prisma.$executeRawUnsafe(
        `CREATE FUNCTION "test_outbox_down"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END; $$`,
      );
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_outbox_fails" BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION "test_outbox_down"()`,
      );
    } else {
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_outbox_fails" BEFORE INSERT ON "OutboxMessage" BEGIN SELECT RAISE(ABORT, 'outbox down'); END;`,
      );
    }
    try {
      const request = post(`http://localhost/i/${a.token}`, {
        intent: "substitute",
        name: "Người Không Thành",
        position: "",
        email: "khongthanh@quangnam.hoinghi.local",
      });
      await expect(
        rsvpAction({ request, params: { token: a.token }, context: {} } as ActionFunctionArgs),
      ).rejects.toThrow();
    } finally {
      if (pg) {
        await prisma.$executeRawUnsafe(`DROP TRIGGER "test_outbox_fails" ON "OutboxMessage"`);
        await prisma.$executeRawUnsafe(`DROP FUNCTION "test_outbox_down"()`);
      } else {
        await prisma.$executeRawUnsafe(`DROP TRIGGER "test_outbox_fails"`);
      }
    }
    expect(await prisma.auditEvent.count()).toBe(events);
    expect(
      await prisma.attendee.findUniqueOrThrow({ where: { id: a.id }, select: { rsvp: true, revokedAt: true } }),
    ).toEqual({ rsvp: "NO_ANSWER", revokedAt: null });
    expect(await prisma.attendee.count({ where: { email: "khongthanh@quangnam.hoinghi.local" } })).toBe(0);
  });
});

describe("messages", () => {
  it("records a bulk send as one record with the count, and each delivery or failure as the system", async () => {
    const office = await user("vanphong.danang@hoinghi.local");
    await prisma.outboxMessage.deleteMany({});
    const c = await prisma.conference.create({
      data: {
        organizationId: office.organizationId,
        title: "Hội nghị thử thư mời",
        issuePlace: "Đà Nẵng",
        issueYear: 2026,
        startsAt: new Date("2026-12-20T08:00:00+07:00"),
        endsAt: new Date("2026-12-20T11:00:00+07:00"),
      },
      select: { id: true, title: true, calendarSequence: true },
    });
    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      [
        { name: "Người Nhận Một", position: "", organizationName: "", email: "nhan1@danang.hoinghi.local", phone: "" },
        { name: "Người Nhận Hai", position: "", organizationName: "", email: "nhan2@danang.hoinghi.local", phone: "" },
      ],
      { kind: "file", fileName: "ds.csv" },
    );
    expect(await sendInvitations(userActor(office), c, false)).toBe(2);
    const send = await last({ conferenceId: c.id, action: "invitation.send" });
    expect(send).toMatchObject({
      ...byUser(office),
      entity: "Conference",
      entityId: c.id,
      summary: "Đưa 2 giấy mời vào hàng đợi gửi",
    });
    expect(changes(send)).toEqual({ status: ["DRAFT", "INVITATIONS_SENT"], count: [null, 2] });

    const failing = await prisma.outboxMessage.findFirstOrThrow({
      where: { conferenceId: c.id, toAddress: "nhan2@danang.hoinghi.local" },
      select: { id: true },
    });
    const sent: string[] = [];
    const transport: MailTransport = {
      kind: "folder",
      send: async (m) => void sent.push(String(m.messageId)),
      close: () => undefined,
    };
    const result = await drainOnce({
      transport,
      compose: async (row) => {
        if (row.id === failing.id) throw new Error("Địa chỉ không hợp lệ");
        return { to: "nhan1@danang.hoinghi.local", subject: "x", text: "x" };
      },
    });
    expect(result).toEqual({ sent: 1, retried: 0, failed: 1 });
    const delivered = await last({ conferenceId: c.id, action: "message.sent" });
    expect(delivered).toMatchObject({
      actorKind: "SYSTEM",
      actorUserId: null,
      actorLabel: "Hệ thống",
      entity: "OutboxMessage",
      summary: "Đã gửi thư “Giấy mời: Hội nghị thử thư mời” tới nhan1@danang.hoinghi.local",
    });
    expect(changes(delivered)).toEqual({ status: ["SENDING", "SENT"] });
    const failed = await last({ conferenceId: c.id, action: "message.failed" });
    expect(failed).toMatchObject({ actorKind: "SYSTEM", entity: "OutboxMessage", entityId: failing.id });
    expect(changes(failed)).toEqual({ status: ["SENDING", "FAILED"], lastError: [null, "Địa chỉ không hợp lệ"] });
    expect(
      await prisma.auditEvent.count({
        where: { conferenceId: c.id, action: { in: ["message.sent", "message.failed"] } },
      }),
    ).toBe(2);
  });
});

describe("bridge points", () => {
  it("records create, edit (passcode never in clear), delete and the test request", async () => {
    const office = await user("vanphong.danang@hoinghi.local");
    const c = await conference(DN_PLAN);
    const values = {
      name: "Điểm cầu thử",
      hostOrganizationId: "",
      address: "",
      room: "Phòng 1",
      isMain: false,
      videoLink: "https://meet.example/x",
      videoPasscode: "123456",
      contactName: "",
      contactPhone: "",
      contactEmail: "",
    };
    const id = await createBridge(userActor(office), c.id, values);
    const created = await last({ entityId: id, action: "bridge.create" });
    expect(created).toMatchObject({
      ...byUser(office),
      entity: "BridgePoint",
      conferenceId: c.id,
      summary: "Thêm điểm cầu “Điểm cầu thử”",
    });
    expect(changes(created).videoPasscode).toEqual([null, "(giá trị mới, ẩn)"]);

    await updateBridge(userActor(office), c.id, id, { ...values, room: "Phòng 2", videoPasscode: "654321" });
    const edited = await last({ entityId: id, action: "bridge.update" });
    expect(changes(edited)).toEqual({
      room: ["Phòng 1", "Phòng 2"],
      videoPasscode: ["(giá trị cũ, ẩn)", "(giá trị mới, ẩn)"],
    });
    expect(edited.changes).not.toContain("654321");

    await deleteBridge(userActor(office), c.id, id);
    const deleted = await last({ entityId: id, action: "bridge.delete" });
    expect(deleted).toMatchObject({ ...byUser(office), conferenceId: c.id });
    expect(changes(deleted).room).toEqual(["Phòng 2", null]);

    const r = await requestBridgeTests(userActor(office), c.id, c.bridgeTestRound);
    const request = await last({ conferenceId: c.id, action: "bridge.test-request" });
    expect(request).toMatchObject({ ...byUser(office), entity: "Conference", entityId: c.id });
    expect(changes(request).bridgeTestRound).toEqual([c.bridgeTestRound, r!.round]);
    expect(changes(request).count).toEqual([null, r!.queued]);
  });

  it("records a connectivity test from the operator link as the bridge, with the IP", async () => {
    const c = await conference(QN_PLAN);
    const b = await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId: c.id, readiness: "UNTESTED", accessKey: { not: null } },
      select: { id: true, name: true, accessKey: true },
    });
    const fields = {
      operatorName: "Lê Văn Kỹ",
      latencyMs: "35",
      jitterMs: "4",
      lossPercent: "0",
      downloadMbps: "40",
      uploadMbps: "20",
      camera: "on",
      microphone: "on",
      screen: "on",
      sound: "on",
      result: "PASSED",
    };
    await bridgeAction({
      request: post(`http://localhost/b/${b.accessKey}`, fields),
      params: { key: b.accessKey! },
      context: {},
    } as ActionFunctionArgs);
    const test = await prisma.connectivityTest.findFirstOrThrow({
      where: { bridgePointId: b.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    const e = await last({ entityId: test.id });
    expect(e).toMatchObject({
      actorKind: "BRIDGE",
      actorUserId: null,
      actorLabel: `${b.name} (qua đường dẫn điểm cầu)`,
      ip: IP,
      action: "bridge.test",
      entity: "ConnectivityTest",
      conferenceId: c.id,
      summary: `Điểm cầu “${b.name}” ghi kết quả kiểm tra kết nối: Đạt`,
    });
    expect(changes(e)).toMatchObject({
      readiness: ["UNTESTED", "PASSED"],
      latencyMs: [null, 35],
      backupConnection: [null, false],
    });
  });
});

describe("agenda, speeches and awards", () => {
  it("records an agenda item, a new order, a speech and its status, an award and its approval", async () => {
    const office = await user("vanphong.danang@hoinghi.local");
    const c = await conference(DN_PLAN);
    await addItem(userActor(office), c.id, {
      kind: "OPENING",
      title: "Khai mạc hội nghị",
      presenter: "Chủ tịch UBND",
      durationMinutes: 10,
      speechId: null,
    });
    await addItem(userActor(office), c.id, {
      kind: "CLOSING",
      title: "Bế mạc",
      presenter: "",
      durationMinutes: 5,
      speechId: null,
    });
    const item = await prisma.agendaItem.findFirstOrThrow({
      where: { conferenceId: c.id, title: "Khai mạc hội nghị" },
      select: { id: true },
    });
    const added = await last({ entityId: item.id, action: "agenda.create" });
    expect(added).toMatchObject({ ...byUser(office), entity: "AgendaItem", conferenceId: c.id });
    expect(changes(added)).toMatchObject({ kind: [null, "OPENING"], durationMinutes: [null, 10] });
    const ids = (
      await prisma.agendaItem.findMany({
        where: { conferenceId: c.id },
        orderBy: { position: "asc" },
        select: { id: true },
      })
    ).map((i) => i.id);
    await reorder(userActor(office), c.id, [...ids].reverse());
    const order = await last({ conferenceId: c.id, action: "agenda.reorder" });
    expect(changes(order).order).toEqual(["1. Khai mạc hội nghị\n2. Bế mạc", "1. Bế mạc\n2. Khai mạc hội nghị"]);

    await registerSpeech(
      userActor(office),
      c.id,
      {
        kind: "LEADER",
        title: "Phát biểu chỉ đạo",
        speakerName: "Nguyễn Văn Chỉ",
        speakerPosition: "Chủ tịch",
        organizationName: "UBND thành phố",
        durationMinutes: 15,
      },
      null,
    );
    const speech = await prisma.speech.findFirstOrThrow({
      where: { conferenceId: c.id, title: "Phát biểu chỉ đạo" },
      select: { id: true },
    });
    expect(await last({ entityId: speech.id, action: "speech.create" })).toMatchObject({
      ...byUser(office),
      entity: "Speech",
      conferenceId: c.id,
    });
    await setSpeechStatus(userActor(office), c.id, speech.id, "APPROVED");
    const approved = await last({ entityId: speech.id, action: "speech.status" });
    expect(changes(approved)).toMatchObject({ status: ["REGISTERED", "APPROVED"], speakingOrder: [null, 1] });

    await addAwards(userActor(office), c.id, [
      {
        recipientKind: "COLLECTIVE",
        recipientName: "UBND phường Hải Châu",
        organizationName: "",
        achievement: "Dẫn đầu Chỉ số CCHC",
        form: "Bằng khen",
        decisionNumber: "",
        decisionDate: "",
      },
    ]);
    const award = await prisma.award.findFirstOrThrow({
      where: { conferenceId: c.id, recipientName: "UBND phường Hải Châu" },
      select: { id: true },
    });
    expect(await last({ entityId: award.id, action: "award.create" })).toMatchObject({
      ...byUser(office),
      entity: "Award",
      conferenceId: c.id,
    });
    await setAwardStatus(userActor(office), c.id, award.id, "APPROVED");
    const status = await last({ entityId: award.id, action: "award.status" });
    expect(status.summary).toBe("Duyệt khen thưởng: Bằng khen cho UBND phường Hải Châu");
    expect(changes(status)).toEqual({ status: ["PROPOSED", "APPROVED"] });
  });
});

describe("scoring", () => {
  it("records a score changed after publication as such, score imports per unit, round creation and publication", async () => {
    const noiVu = await user("noivu.tamduong@hoinghi.local");
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { organizationId: noiVu.organizationId, status: "PUBLISHED", shape: "DETAILED" },
      select: { id: true, title: true },
    });
    const loaded = (await loadRound(round.id))!;
    const unit = loaded.units[0]!;
    const scores = await prisma.nodeScore.findMany({
      where: { roundUnitId: unit.roundUnitId },
      select: { roundUnitId: true, nodeId: true, finalPoints: true, selfPoints: true, notApplicable: true },
    });
    const target = scores.find((s) => s.finalPoints !== null && s.finalPoints > 0)!;
    const code = [...loaded.stored!.nodeIds].find(([, id]) => id === target.nodeId)![0];
    const edited = scores.map((s) => (s === target ? { ...s, finalPoints: target.finalPoints! - 0.25 } : s));
    await saveUnitScores(userActor(noiVu), loaded, unit, edited);
    const e = await last({ entityId: unit.roundUnitId, action: "score.update" });
    expect(e).toMatchObject({
      ...byUser(noiVu),
      entity: "RoundUnit",
      roundId: round.id,
      organizationId: unit.organizationId,
    });
    expect(e.summary).toBe(`Sửa điểm của ${unit.name} trong “${round.title}” (đợt đã công bố kết quả)`);
    expect(changes(e)).toEqual({ [`TC ${code} – thẩm định`]: [target.finalPoints, target.finalPoints! - 0.25] });

    const summaryRound = await prisma.assessmentRound.findFirstOrThrow({
      where: { shape: "SUMMARY" },
      select: { id: true, organizationId: true },
    });
    const summaryLoaded = (await loadRound(summaryRound.id))!;
    const a = summaryLoaded.units[0]!;
    const before = await prisma.roundUnit.findUniqueOrThrow({
      where: { id: a.roundUnitId },
      select: { summaryPoints: true },
    });
    const csv = `don_vi,diem,diem_toi_da\n"${a.name}",77.5,100\n`;
    expect(
      (await importScores(userActor(noiVu), summaryLoaded, { name: "diem.csv", data: new TextEncoder().encode(csv) }))
        .ok,
    ).toBe(true);
    const imported = await last({ entityId: a.roundUnitId, action: "score.import" });
    expect(imported).toMatchObject({
      ...byUser(noiVu),
      entity: "RoundUnit",
      roundId: summaryRound.id,
      organizationId: a.organizationId,
    });
    expect(imported.summary).toContain("từ tệp “diem.csv”");
    expect(changes(imported).summaryPoints).toEqual([before.summaryPoints, 77.5]);

    const id = await createRound(userActor(noiVu), {
      title: "Đợt thử nhật ký",
      year: 2026,
      organizationId: noiVu.organizationId,
      frameworkId: null,
      previousRoundId: null,
      unitIds: [unit.organizationId],
    });
    const created = await last({ entityId: id, action: "round.create" });
    expect(created).toMatchObject({
      ...byUser(noiVu),
      entity: "AssessmentRound",
      roundId: id,
      organizationId: noiVu.organizationId,
    });
    expect(changes(created)).toMatchObject({ title: [null, "Đợt thử nhật ký"], units: [null, [unit.name]] });
    await setRoundStatus(userActor(noiVu), id, "PUBLISHED");
    const published = await last({ entityId: id, action: "round.publish" });
    expect(published).toMatchObject({ ...byUser(noiVu), roundId: id, summary: "Công bố kết quả “Đợt thử nhật ký”" });
    expect(changes(published)).toEqual({ status: ["DRAFT", "PUBLISHED"] });
  });

  it("records framework edits on the framework's organisation", async () => {
    const noiVu = await user("noivu.tamduong@hoinghi.local");
    const f = await prisma.indexFramework.findFirstOrThrow({
      where: { organizationId: noiVu.organizationId },
      select: {
        id: true,
        organizationId: true,
        nodes: {
          where: { parentId: null },
          take: 1,
          select: { id: true, code: true, title: true, maxPoints: true, source: true },
        },
      },
    });
    const area = f.nodes[0]!;
    await updateNode(userActor(noiVu), f.id, {
      intent: "update-node",
      nodeId: area.id,
      title: `${area.title} (sửa)`,
      maxPoints: area.maxPoints,
      source: area.source,
    });
    const e = await last({ entityId: area.id, action: "framework.node-update" });
    expect(e).toMatchObject({
      ...byUser(noiVu),
      entity: "FrameworkNode",
      organizationId: f.organizationId,
      conferenceId: null,
      roundId: null,
    });
    expect(changes(e)).toEqual({ title: [area.title, `${area.title} (sửa)`] });
    expect(
      await addNode(userActor(noiVu), f.id, {
        intent: "add-node",
        parentId: area.id,
        code: `${area.code}.99`,
        title: "Tiêu chí thử",
        maxPoints: 1,
        source: "APPRAISAL",
      }),
    ).toBeNull();
    expect((await last({ action: "framework.node-create", organizationId: f.organizationId })).summary).toContain(
      `Thêm tiêu chí ${area.code}.99`,
    );
    await replaceBands(userActor(noiVu), f.id, {
      intent: "update-bands",
      bands: [
        { name: "Tốt", minPct: 80 },
        { name: "Khá", minPct: 0 },
      ],
    });
    expect(changes(await last({ entityId: f.id, action: "framework.bands" })).bands![1]).toBe("Tốt ≥ 80%; Khá ≥ 0%");
  });
});

describe("users, roles and organisations", () => {
  it("records accounts and role changes, moves rolesChangedAt on roles and locks, never records a password", async () => {
    const admin = await user("admin@hoinghi.local");
    const org = await prisma.organization.findFirstOrThrow({
      where: { name: "UBND thành phố Đà Nẵng" },
      select: { id: true, name: true },
    });
    const id = await createUser(
      userActor(admin),
      { email: "nguoimoi@danang.hoinghi.local", name: "Người Mới", organizationId: org.id, roles: ["VIEWER"] },
      "hash-that-must-not-appear",
    );
    const created = await last({ entityId: id, action: "user.create" });
    expect(created).toMatchObject({
      ...byUser(admin),
      entity: "User",
      organizationId: org.id,
      summary: "Tạo tài khoản Người Mới <nguoimoi@danang.hoinghi.local>",
    });
    expect(changes(created)).toMatchObject({
      roles: [null, ["VIEWER"]],
      organization: [null, org.name],
      password: [null, "(đã đặt)"],
    });

    const stamp0 = (await prisma.user.findUniqueOrThrow({ where: { id }, select: { rolesChangedAt: true } }))
      .rolesChangedAt;
    await new Promise((r) => setTimeout(r, 5));
    await updateUser(
      userActor(admin),
      id,
      { name: "Người Mới", organizationId: org.id, roles: ["OFFICE", "VIEWER"], active: true },
      "another-secret-hash",
    );
    const edit = await last({ entityId: id, action: "user.update" });
    expect(edit.summary).toBe("Sửa tài khoản Người Mới <nguoimoi@danang.hoinghi.local>: đổi vai trò, đặt lại mật khẩu");
    expect(changes(edit)).toEqual({ roles: [["VIEWER"], ["OFFICE", "VIEWER"]], password: ["", "(đã đổi)"] });
    const stamp1 = (await prisma.user.findUniqueOrThrow({ where: { id }, select: { rolesChangedAt: true } }))
      .rolesChangedAt;
    expect(stamp1.getTime()).toBeGreaterThan(stamp0.getTime());

    await new Promise((r) => setTimeout(r, 5));
    await updateUser(
      userActor(admin),
      id,
      { name: "Người Mới", organizationId: org.id, roles: ["OFFICE", "VIEWER"], active: false },
      null,
    );
    expect(changes(await last({ entityId: id, action: "user.update" }))).toEqual({ active: [true, false] });
    expect(
      (
        await prisma.user.findUniqueOrThrow({ where: { id }, select: { rolesChangedAt: true } })
      ).rolesChangedAt.getTime(),
    ).toBeGreaterThan(stamp1.getTime());

    // A change of name alone leaves the credentials' stamp alone.
    const stamp2 = (await prisma.user.findUniqueOrThrow({ where: { id }, select: { rolesChangedAt: true } }))
      .rolesChangedAt;
    await updateUser(
      userActor(admin),
      id,
      { name: "Người Mới Đổi Tên", organizationId: org.id, roles: ["OFFICE", "VIEWER"], active: false },
      null,
    );
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id }, select: { rolesChangedAt: true } })).rolesChangedAt,
    ).toEqual(stamp2);

    const all = await prisma.auditEvent.findMany({ where: { entityId: id }, select: { changes: true } });
    expect(all.map((e) => e.changes).join()).not.toMatch(/hash/);
  });

  it("records organisations created and edited", async () => {
    const admin = await user("admin@hoinghi.local");
    const parent = await prisma.organization.findFirstOrThrow({
      where: { name: "UBND thành phố Đà Nẵng" },
      select: { id: true, levelId: true },
    });
    const data = {
      name: "Phòng Thử nghiệm",
      documentName: "PHÒNG THỬ NGHIỆM",
      placeName: "Đà Nẵng",
      levelId: parent.levelId,
      code: null,
      dissolvedOn: null,
    };
    const id = await createOrganization(userActor(admin), { ...data, parentId: parent.id });
    expect(await last({ entityId: id, action: "organization.create" })).toMatchObject({
      ...byUser(admin),
      entity: "Organization",
      organizationId: id,
    });
    await updateOrganization(userActor(admin), id, { ...data, name: "Phòng Thử nghiệm 2", parentId: parent.id });
    expect(changes(await last({ entityId: id, action: "organization.update" }))).toEqual({
      name: ["Phòng Thử nghiệm", "Phòng Thử nghiệm 2"],
    });
  });
});

describe("the audit table", () => {
  it("refuses UPDATE and DELETE", async () => {
    await prisma.$transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: "plan.update",
        entity: "Conference",
        entityId: "x",
        summary: "bản ghi thử",
      }),
    );
    const e = await prisma.auditEvent.findFirstOrThrow({
      where: { summary: "bản ghi thử" },
      select: { id: true, summary: true },
    });
    // (Prisma words the trigger's abort as a constraint violation; the raw statements show the trigger's own message.)
    await expect(prisma.auditEvent.update({ where: { id: e.id }, data: { summary: "sửa lén" } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "summary" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    // PostgreSQL can also empty a table without deleting rows one by one.
    if (isPostgresUrl(process.env.DATABASE_URL!))
      await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(
      (await prisma.auditEvent.findUniqueOrThrow({ where: { id: e.id }, select: { summary: true } })).summary,
    ).toBe(e.summary);
  });
});
