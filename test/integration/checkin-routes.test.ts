// The check-in pages through their route modules (issue 10): the guard on every loader and intent, a
// bridge operator narrowed to their bridge's lists and attendees, walk-ins and list changes audited, the
// scanner credential bound to the sign-in session, and a bridge's own roll call unable to move someone
// recorded in the hall.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { describe, expect, it } from "vitest";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { decodeScannerCredential, requestSessionId } from "#app/checkin/credential.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { action as bridgeRollAction } from "#app/routes/b.$key_.roll-call.tsx";
import { action as listsAction, loader as listsLoader } from "#app/routes/conferences.$id.checkin._index.tsx";
import { action as scannerAction, loader as scannerLoader } from "#app/routes/conferences.$id.checkin.$listId.tsx";
import { loader as searchLoader } from "#app/routes/conferences.$id.checkin.$listId_.search.tsx";
import { toResponse } from "#tests/helpers/route-result.ts";

async function cookieOf(email: string): Promise<string> {
  const user = await currentUserByEmail(email);
  if (!user) throw new Error(`no demo user ${email}`);
  const res = await createUserSession(user.id, "/conferences");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;

async function call(
  fn: Fn,
  path: string,
  params: Record<string, string>,
  cookie: string | null,
  form?: Record<string, string>,
): Promise<Response> {
  const headers: Record<string, string> = { "x-hoinghi-client-ip": "203.0.113.9" };
  if (cookie) headers.Cookie = cookie;
  const request = new Request(
    `http://localhost${path}`,
    form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers },
  );
  try {
    const r = await fn({ request, params, context: {} } as LoaderFunctionArgs);
    return toResponse(r);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function daNang() {
  const c = await prisma.conference.findFirstOrThrow({
    where: { kind: "CONFERENCE", organization: { name: "UBND thành phố Đà Nẵng" } },
    select: {
      id: true,
      organizationId: true,
      bridgePoints: { select: { id: true, name: true, accessKey: true } },
      checkinLists: { select: { id: true, name: true, bridgePointId: true } },
    },
  });
  const hoiAn = c.bridgePoints.find((b) => b.name === "Điểm cầu UBND phường Hội An")!;
  const haiChau = c.bridgePoints.find((b) => b.name === "Điểm cầu UBND phường Hải Châu")!;
  return {
    ...c,
    hoiAn,
    haiChau,
    hall: c.checkinLists.find((l) => l.name.startsWith("Cổng chính"))!,
    hoiAnList: c.checkinLists.find((l) => l.bridgePointId === hoiAn.id)!,
  };
}

describe("check-in pages", () => {
  it("a bridge operator sees and opens only their bridge's list, finds only its attendees, and cannot manage lists", async () => {
    const c = await daNang();
    const cookie = await cookieOf("diemcau.hoian@hoinghi.local");
    const base = `/conferences/${c.id}/checkin`;
    const page = (await (await call(listsLoader as Fn, base, { id: c.id }, cookie)).json()) as {
      lists: Array<{ id: string }>;
      canManage: boolean;
      bridgePoints: { rows: unknown[]; total: number };
      bridgesWithoutList: number;
    };
    expect(page.lists.map((l) => l.id)).toEqual([c.hoiAnList.id]);
    expect(page.canManage).toBe(false);
    // The bridge-point choices and their count are the organisers' only.
    expect(page.bridgePoints).toMatchObject({ rows: [], total: 0 });
    expect(page.bridgesWithoutList).toBe(0);
    expect(
      (await call(scannerLoader as Fn, `${base}/${c.hall.id}`, { id: c.id, listId: c.hall.id }, cookie)).status,
    ).toBe(403);
    expect(
      (await call(scannerLoader as Fn, `${base}/${c.hoiAnList.id}`, { id: c.id, listId: c.hoiAnList.id }, cookie))
        .status,
    ).toBe(200);

    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      [
        {
          name: "Võ Thị Cầu",
          position: "Chuyên viên",
          organizationName: "UBND phường Hội An",
          groupId: "",
          email: "vothicau@hoian.hoinghi.local",
          phone: "",
          bridgePointId: c.hoiAn.id,
        },
        {
          name: "Võ Thị Châu",
          position: "Chuyên viên",
          organizationName: "UBND phường Hải Châu",
          groupId: "",
          email: "vothichau@haichau.hoinghi.local",
          phone: "",
          bridgePointId: c.haiChau.id,
        },
      ],
      { kind: "form" },
    );
    const hits = (await (
      await call(
        searchLoader as Fn,
        `${base}/${c.hoiAnList.id}/search?q=V%C3%B5%20Th%E1%BB%8B`,
        { id: c.id, listId: c.hoiAnList.id },
        cookie,
      )
    ).json()) as {
      hits: Array<{ name: string }>;
    };
    expect(hits.hits.map((h) => h.name)).toEqual(["Võ Thị Cầu"]);

    const lists = await prisma.checkinList.count({ where: { conferenceId: c.id } });
    const create = await call(listsAction as Fn, base, { id: c.id }, cookie, {
      intent: "create",
      name: "Cổng của tôi",
    });
    expect(create.status).toBe(403);
    const staffCreate = await call(
      listsAction as Fn,
      base,
      { id: c.id },
      await cookieOf("diemdanh.danang@hoinghi.local"),
      { intent: "create", name: "Cổng của tôi" },
    );
    expect(staffCreate.status).toBe(403);
    expect(await prisma.checkinList.count({ where: { conferenceId: c.id } })).toBe(lists);
    // Another organisation: the conference is not shown to exist.
    expect(
      (await call(listsLoader as Fn, base, { id: c.id }, await cookieOf("vanphong.quangnam@hoinghi.local"))).status,
    ).toBe(404);
  });

  it("binds the scanner page's credential to the sign-in session", async () => {
    const c = await daNang();
    const cookie = await cookieOf("diemdanh.danang@hoinghi.local");
    const data = (await (
      await call(
        scannerLoader as Fn,
        `/conferences/${c.id}/checkin/${c.hall.id}`,
        { id: c.id, listId: c.hall.id },
        cookie,
      )
    ).json()) as { credential: string };
    const claims = decodeScannerCredential(env().SESSION_SECRET, data.credential)!;
    const sessionId = await requestSessionId(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect(claims).toMatchObject({ conferenceId: c.id, listId: c.hall.id, sessionId });
    expect(Math.abs(claims.issuedAt - Date.now())).toBeLessThan(60_000);
  });

  it("records list changes and walk-ins in the audit trail, exactly", async () => {
    const c = await daNang();
    const office = await cookieOf("vanphong.danang@hoinghi.local");
    const officeUser = (await currentUserByEmail("vanphong.danang@hoinghi.local"))!;
    const base = `/conferences/${c.id}/checkin`;
    expect(
      (await call(listsAction as Fn, base, { id: c.id }, office, { intent: "create", name: "Cổng Đông" })).status,
    ).toBe(200);
    const list = await prisma.checkinList.findFirstOrThrow({ where: { conferenceId: c.id, name: "Cổng Đông" } });
    expect(
      (
        await call(listsAction as Fn, base, { id: c.id }, office, {
          intent: "rename",
          listId: list.id,
          name: "Cổng Đông (VIP)",
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(listsAction as Fn, base, { id: c.id }, office, { intent: "delete", listId: list.id })).status,
    ).toBe(200);
    const rows = await prisma.auditEvent.findMany({ where: { entityId: list.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.action, r.summary, r.actorUserId, r.ip, r.conferenceId, JSON.parse(r.changes)])).toEqual([
      [
        "checkin-list.create",
        "Tạo danh sách điểm danh “Cổng Đông”",
        officeUser.id,
        "203.0.113.9",
        c.id,
        [
          { field: "name", before: null, after: "Cổng Đông" },
          { field: "bridgePointId", before: null, after: null },
          { field: "position", before: null, after: list.position },
        ].filter((x) => x.after !== null),
      ],
      [
        "checkin-list.rename",
        "Đổi tên danh sách điểm danh “Cổng Đông” thành “Cổng Đông (VIP)”",
        officeUser.id,
        "203.0.113.9",
        c.id,
        [{ field: "name", before: "Cổng Đông", after: "Cổng Đông (VIP)" }],
      ],
      [
        "checkin-list.delete",
        "Xóa danh sách điểm danh “Cổng Đông (VIP)”",
        officeUser.id,
        "203.0.113.9",
        c.id,
        [
          { field: "name", before: "Cổng Đông (VIP)", after: null },
          { field: "position", before: list.position, after: null },
        ],
      ],
    ]);

    // A walk-in at the hall's main door: the new attendee and their attendance in one audit row.
    const staff = await cookieOf("diemdanh.danang@hoinghi.local");
    const staffUser = (await currentUserByEmail("diemdanh.danang@hoinghi.local"))!;
    const res = await call(scannerAction as Fn, `${base}/${c.hall.id}`, { id: c.id, listId: c.hall.id }, staff, {
      name: "Nguyễn Khách Mời",
      position: "Phóng viên",
      organizationName: "Báo Đà Nẵng",
      email: "khachmoi@baodanang.vn",
      deviceId: "door-phone-1",
    });
    const body = (await res.json()) as { checkin: { result: string; checkedInAt: string } };
    expect(res.status).toBe(200);
    expect(body.checkin.result).toBe("accepted");
    const walkIn = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, email: "khachmoi@baodanang.vn" },
      select: { id: true, walkIn: true },
    });
    expect(walkIn.walkIn).toBe(true);
    const [row, ...more] = await prisma.auditEvent.findMany({
      where: { entityId: walkIn.id, action: { startsWith: "attend" } },
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorKind: "USER",
      actorUserId: staffUser.id,
      ip: "203.0.113.9",
      action: "attendee.walk-in",
      entity: "Attendee",
      conferenceId: c.id,
      organizationId: c.organizationId,
      summary: `Đăng ký tại chỗ: Nguyễn Khách Mời — Có mặt trực tiếp (${c.hall.name})`,
    });
    expect(JSON.parse(row!.changes)).toEqual([
      { field: "name", before: null, after: "Nguyễn Khách Mời" },
      { field: "position", before: null, after: "Phóng viên" },
      { field: "organizationName", before: null, after: "Báo Đà Nẵng" },
      { field: "email", before: null, after: "khachmoi@baodanang.vn" },
      { field: "walkIn", before: null, after: true },
      { field: "status", before: null, after: "IN_PERSON" },
      { field: "place", before: null, after: c.hall.name },
      { field: "checkinListId", before: null, after: c.hall.id },
      { field: "checkedInAt", before: null, after: body.checkin.checkedInAt },
      { field: "method", before: null, after: "WALK_IN" },
      { field: "deviceId", before: null, after: "door-phone-1" },
    ]);
  });

  it("a bridge's own roll call (its link) cannot move someone recorded in the hall, and its marks are audited", async () => {
    const c = await daNang();
    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      [
        {
          name: "Đặng Văn Hội",
          position: "Phó Chủ tịch",
          organizationName: "UBND phường Hội An",
          groupId: "",
          email: "dangvanhoi@hoian.hoinghi.local",
          phone: "",
          bridgePointId: c.hoiAn.id,
        },
        {
          name: "Đặng Thị Vắng",
          position: "Chuyên viên",
          organizationName: "UBND phường Hội An",
          groupId: "",
          email: "dangthivang@hoian.hoinghi.local",
          phone: "",
          bridgePointId: c.hoiAn.id,
        },
      ],
      { kind: "form" },
    );
    const inHall = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, email: "dangvanhoi@hoian.hoinghi.local" },
      select: { id: true },
    });
    const absent = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, email: "dangthivang@hoian.hoinghi.local" },
      select: { id: true },
    });
    // Recorded in person in the hall by the organisers' roll call.
    const { action: rollCall } = await import("#app/routes/conferences.$id.attendance._index.tsx");
    expect(
      (
        await call(
          rollCall as Fn,
          `/conferences/${c.id}/attendance`,
          { id: c.id },
          await cookieOf("diemdanh.danang@hoinghi.local"),
          { attendeeId: inHall.id, status: "IN_PERSON" },
        )
      ).status,
    ).toBe(200);
    const before = await prisma.attendance.findUniqueOrThrow({ where: { attendeeId: inHall.id } });

    const key = c.hoiAn.accessKey!;
    const path = `/b/${key}/roll-call`;
    const forms: Array<Record<string, string>> = [
      { attendeeId: inHall.id, status: "PRESENT" },
      { attendeeId: inHall.id, status: "ABSENT", absenceReason: "Không thấy tại điểm cầu" },
      { attendeeId: inHall.id, status: "CLEAR" },
    ];
    for (const form of forms) {
      const r = await call(bridgeRollAction as Fn, path, { key }, null, form);
      expect(r.status, form.status).toBe(409);
      expect(((await r.json()) as { message: string }).message).toBe(
        "Đặng Văn Hội đã được ghi “Có mặt trực tiếp” ở nơi khác; điểm cầu không sửa được kết quả này, hãy báo ban tổ chức.",
      );
    }
    expect(await prisma.attendance.findUniqueOrThrow({ where: { attendeeId: inHall.id } })).toEqual(before);

    // Its own attendee, absent with a reason: saved and audited as the bridge's link.
    const saved = await call(bridgeRollAction as Fn, path, { key }, null, {
      attendeeId: absent.id,
      status: "ABSENT",
      absenceReason: "Đi công tác",
    });
    expect(saved.status).toBe(200);
    const rows = await prisma.auditEvent.findMany({ where: { entityId: absent.id, entity: "Attendance" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorKind: "BRIDGE",
      actorUserId: null,
      actorLabel: "Điểm cầu UBND phường Hội An (đường dẫn điểm cầu)",
      ip: "203.0.113.9",
      action: "attendance.bridge-report",
      summary: "Điểm cầu UBND phường Hội An báo cáo: Đặng Thị Vắng — Vắng mặt (lý do: Đi công tác)",
    });
    expect(JSON.parse(rows[0]!.changes)).toEqual([
      { field: "status", before: null, after: "ABSENT" },
      { field: "method", before: null, after: "ROLL_CALL" },
      { field: "absenceReason", before: null, after: "Đi công tác" },
    ]);
  });
});
