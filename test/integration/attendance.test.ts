// Roll call (/conferences/:id/attendance): marks through the route's action, the live figures
// (attendance.json), the report (.xlsx with exceljs, attendance-report.pdf with pdftotext), access rules, and the
// seeded attendance of seed 001.
import { execFileSync } from "node:child_process";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { AttendanceSummary } from "#app/attendance/summary.ts";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { action, loader as pageLoader } from "#app/routes/conferences.$id.attendance._index.tsx";
import { loader as jsonLoader } from "#app/routes/conferences.$id.attendance[.json].tsx";
import { loader as xlsxLoader } from "#app/routes/conferences.$id.attendance[.xlsx].tsx";
import { loader as sheetLoader } from "#app/routes/conferences.$id.attendance.sheet[.pdf].tsx";
import { loader as postersLoader } from "#app/routes/conferences.$id.attendance.posters[.pdf].tsx";
import { loader as reportLoader } from "#app/routes/conferences.$id.attendance-report[.pdf].tsx";
import { pdfFile } from "#tests/helpers/pdf-checks.ts";

async function cookieOf(email: string): Promise<string> {
  const user = await currentUserByEmail(email);
  if (!user) throw new Error(`no demo user ${email}`);
  const res = await createUserSession(user.id, "/conferences");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function call(fn: Loader, id: string, cookie: string, path = "attendance"): Promise<Response> {
  const request = new Request(`http://localhost/conferences/${id}/${path}`, { headers: { Cookie: cookie } });
  try {
    const r = await fn({ request, params: { id }, context: {} } as LoaderFunctionArgs);
    return r instanceof Response ? r : Response.json(r);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function mark(
  id: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: { ok: boolean; message: string; field?: string } }> {
  const request = new Request(`http://localhost/conferences/${id}/attendance`, {
    method: "POST",
    // As scripts/serve.js sets it: the client's address, for the audit trail.
    headers: { Cookie: cookie, "x-hoinghi-client-ip": "203.0.113.7" },
    body: new URLSearchParams(fields),
  });
  // The action answers with reply() (Remix's data()): its body and its status.
  const res = await action({ request, params: { id }, context: {} } as ActionFunctionArgs);
  return { status: res.init?.status ?? 200, body: res.data };
}

const daNang = () =>
  prisma.conference.findFirstOrThrow({
    where: { title: { contains: "năm 2026" }, issuePlace: { contains: "Đà Nẵng" } },
    select: {
      id: true,
      bridgePoints: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      attendeeGroups: { orderBy: { position: "asc" }, select: { id: true } },
    },
  });
const quangNam = () =>
  prisma.conference.findFirstOrThrow({
    where: { documentNumber: "71", issuePlace: "Quảng Nam" },
    select: { id: true },
  });
const attendeeId = async (conferenceId: string, name: string) =>
  (await prisma.attendee.findFirstOrThrow({ where: { conferenceId, name }, select: { id: true } })).id;

describe("roll call", () => {
  it("records present, online at a bridge, absent (reason required) and substitute; the figures, xlsx and PDF follow", async () => {
    const c = await daNang();
    const cookie = await cookieOf("diemdanh.danang@hoinghi.local");
    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      [
        {
          name: "Lê Thị Hoa",
          position: "Trưởng phòng Nội vụ",
          organizationName: "UBND phường Hải Châu",
          groupId: c.attendeeGroups[1]!.id,
          email: "lethihoa@danang.hoinghi.local",
          phone: "",
          bridgePointId: c.bridgePoints[0]!.id,
        },
        {
          name: "Đỗ Văn Nam",
          position: "Chánh Văn phòng",
          organizationName: "Sở Nội vụ thành phố Đà Nẵng",
          groupId: c.attendeeGroups[0]!.id,
          email: "dovannam@danang.hoinghi.local",
          phone: "",
          bridgePointId: "",
        },
      ],
      { kind: "form" },
    );
    const before = (await (await call(jsonLoader, c.id, cookie, "attendance.json")).json()) as {
      summary: AttendanceSummary;
    };
    expect(before.summary.total).toMatchObject({ invited: 5, present: 0, absent: 0, notRecorded: 5 });

    const phuoc = await attendeeId(c.id, "Nguyễn Hữu Phước");
    const nhung = await attendeeId(c.id, "Trịnh Thị Hồng Nhung");
    const ngu = await attendeeId(c.id, "Mai Xuân Ngữ");
    const hoa = await attendeeId(c.id, "Lê Thị Hoa");

    expect(await mark(c.id, cookie, { attendeeId: phuoc, status: "IN_PERSON" })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect(
      await mark(c.id, cookie, { attendeeId: nhung, status: "ONLINE", bridgePointId: c.bridgePoints[0]!.id }),
    ).toMatchObject({ status: 200 });
    // Absent without a reason: 400, the field named in Vietnamese, nothing saved.
    const missing = await mark(c.id, cookie, { attendeeId: ngu, status: "ABSENT", absenceReason: "   " });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ ok: false, field: "absenceReason" });
    expect(missing.body.message).toContain("Lý do vắng mặt");
    expect(await prisma.attendance.findUnique({ where: { attendeeId: ngu } })).toBeNull();
    expect(await mark(c.id, cookie, { attendeeId: ngu, status: "ABSENT", absenceReason: "Ốm" })).toMatchObject({
      status: 200,
    });
    const noName = await mark(c.id, cookie, { attendeeId: hoa, status: "SUBSTITUTE", substituteName: "" });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toContain("Họ tên người dự thay");
    expect(
      await mark(c.id, cookie, { attendeeId: hoa, status: "SUBSTITUTE", substituteName: "Phan Minh Tuấn" }),
    ).toMatchObject({ status: 200 });

    const rows = await prisma.attendance.findMany({ where: { conferenceId: c.id } });
    const of = (id: string) => rows.find((r) => r.attendeeId === id)!;
    expect(of(phuoc)).toMatchObject({ status: "IN_PERSON", method: "ROLL_CALL", bridgePointId: null });
    expect(of(phuoc).checkedInAt).toBeInstanceOf(Date);
    expect(of(nhung)).toMatchObject({ status: "ONLINE", method: "ROLL_CALL", bridgePointId: c.bridgePoints[0]!.id });
    expect(of(ngu)).toMatchObject({ status: "ABSENT", absenceReason: "Ốm", method: "ROLL_CALL" });
    expect(of(hoa)).toMatchObject({ status: "SUBSTITUTE", substituteName: "Phan Minh Tuấn" });
    expect(of(hoa).recordedById).toBe((await currentUserByEmail("diemdanh.danang@hoinghi.local"))!.id);
    // Present marks go through the check-in core: they are in the scan log.
    expect(
      await prisma.checkinScan.count({ where: { conferenceId: c.id, method: "ROLL_CALL", result: "ACCEPTED" } }),
    ).toBe(2);

    // Each saved mark has its audit row (the refused ones none), naming the user and what changed.
    const staff = (await currentUserByEmail("diemdanh.danang@hoinghi.local"))!;
    // The attendance entries (adding the attendee has its own entry).
    const auditOf = (attendeeId: string) =>
      prisma.auditEvent.findMany({ where: { entityId: attendeeId, entity: "Attendance" }, orderBy: { at: "asc" } });
    const [phuocRow] = await auditOf(phuoc);
    expect(phuocRow).toMatchObject({
      actorKind: "USER",
      actorUserId: staff.id,
      actorLabel: `${staff.name} <diemdanh.danang@hoinghi.local>`,
      ip: "203.0.113.7",
      action: "attendance.roll-call",
      entity: "Attendance",
      conferenceId: c.id,
      summary: "Điểm danh theo danh sách: Nguyễn Hữu Phước — Có mặt trực tiếp",
    });
    expect(JSON.parse(phuocRow!.changes)).toEqual([
      { field: "status", before: null, after: "IN_PERSON" },
      { field: "checkedInAt", before: null, after: of(phuoc).checkedInAt!.toISOString() },
      { field: "method", before: null, after: "ROLL_CALL" },
      { field: "deviceId", before: null, after: `roll-call:${staff.id}` },
    ]);
    const nguRows = await auditOf(ngu);
    expect(nguRows).toHaveLength(1);
    expect(nguRows[0]!.summary).toBe("Điểm danh theo danh sách: Mai Xuân Ngữ — Vắng mặt (lý do: Ốm)");
    expect(JSON.parse(nguRows[0]!.changes)).toEqual([
      { field: "status", before: null, after: "ABSENT" },
      { field: "method", before: null, after: "ROLL_CALL" },
      { field: "absenceReason", before: null, after: "Ốm" },
    ]);
    const hoaRows = await auditOf(hoa);
    expect(hoaRows).toHaveLength(1);
    expect(JSON.parse(hoaRows[0]!.changes)).toContainEqual({
      field: "substituteName",
      before: null,
      after: "Phan Minh Tuấn",
    });

    // A correction keeps the first time: Phước moves online at the second bridge, then back to the hall.
    const first = of(phuoc).checkedInAt!.getTime();
    expect(
      await mark(c.id, cookie, { attendeeId: phuoc, status: "ONLINE", bridgePointId: c.bridgePoints[1]!.id }),
    ).toMatchObject({ status: 200 });
    const moved = await prisma.attendance.findUniqueOrThrow({ where: { attendeeId: phuoc } });
    expect(moved).toMatchObject({ status: "ONLINE", bridgePointId: c.bridgePoints[1]!.id });
    expect(moved.checkedInAt!.getTime()).toBe(first);
    expect(await mark(c.id, cookie, { attendeeId: phuoc, status: "IN_PERSON" })).toMatchObject({ status: 200 });
    // The two corrections are logged before → after.
    const moves = (await auditOf(phuoc))
      .slice(1)
      .map((r) => JSON.parse(r.changes) as Array<{ field: string; before: unknown; after: unknown }>);
    expect(moves).toHaveLength(2);
    expect(moves[0]).toContainEqual({ field: "status", before: "IN_PERSON", after: "ONLINE" });
    expect(moves[0]).toContainEqual({ field: "bridgePointId", before: null, after: c.bridgePoints[1]!.id });
    expect(moves[1]).toContainEqual({ field: "status", before: "ONLINE", after: "IN_PERSON" });

    const live = (await (await call(jsonLoader, c.id, cookie, "attendance.json")).json()) as {
      summary: AttendanceSummary;
    };
    expect(live.summary.total).toMatchObject({
      invited: 5,
      present: 3,
      inPerson: 1,
      online: 1,
      substitute: 1,
      absent: 1,
      notRecorded: 1,
    });
    const hallLine = live.summary.byBridge.find((l) => l.id === null)!;
    expect(hallLine.counts).toMatchObject({ invited: 2, present: 1, notRecorded: 1 });
    const haiChau = live.summary.byBridge.find((l) => l.id === c.bridgePoints[0]!.id)!;
    expect(haiChau.counts).toMatchObject({ invited: 2, present: 2, online: 1, substitute: 1 });

    // The page lists the marks as text.
    const page = (await (await call(pageLoader, c.id, cookie)).json()) as {
      rows: Array<{ name: string; markText: string }>;
    };
    expect(page.rows.find((r) => r.name === "Mai Xuân Ngữ")!.markText).toBe("Vắng mặt (lý do: Ốm)");
    expect(page.rows.find((r) => r.name === "Trịnh Thị Hồng Nhung")!.markText).toBe(
      "Dự trực tuyến tại Điểm cầu UBND phường Hải Châu",
    );

    // The reports carry absence reasons: organisers download them, check-in staff may not (403).
    const organiser = await cookieOf("vanphong.danang@hoinghi.local");
    expect((await call(xlsxLoader, c.id, cookie, "attendance.xlsx")).status).toBe(403);
    expect((await call(reportLoader, c.id, cookie, "attendance-report.pdf")).status).toBe(403);

    // The xlsx: three sheets with the same figures and each attendee's line.
    const xlsx = await call(xlsxLoader, c.id, organiser, "attendance.xlsx");
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Theo thành phần", "Theo điểm cầu", "Danh sách"]);
    const values = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const byBridge = values("Theo điểm cầu");
    expect(byBridge.find((r) => r[0] === "Điểm cầu UBND phường Hải Châu")).toEqual([
      "Điểm cầu UBND phường Hải Châu",
      2,
      0,
      2,
      0,
      1,
      1,
      0,
      0,
    ]);
    expect(byBridge.find((r) => r[0] === "Tổng cộng")).toEqual(["Tổng cộng", 5, 0, 3, 1, 1, 1, 1, 1]);
    const list = values("Danh sách");
    expect(list[0]).toContain("Thời gian (giờ Việt Nam)");
    const ngRow = list.find((r) => r[1] === "Mai Xuân Ngữ")!;
    expect(ngRow).toContain("Vắng mặt");
    expect(ngRow).toContain("Lý do: Ốm");
    const nhungRow = list.find((r) => r[1] === "Trịnh Thị Hồng Nhung")!;
    expect(nhungRow).toContain("Dự trực tuyến tại điểm cầu");
    expect(nhungRow).toContain("Điểm danh theo danh sách");
    expect(nhungRow.find((v) => typeof v === "string" && /^\d\d:\d\d \d\d\/\d\d\/\d{4}$/.test(v))).toBeTruthy();
    expect(list.find((r) => r[1] === "Lê Thị Hoa")).toContain("Người dự thay: Phan Minh Tuấn");

    // The attendance report PDF carries the check-in figures and each attendee's attendance.
    const report = await call(reportLoader, c.id, organiser, "attendance-report.pdf");
    expect(report.headers.get("Content-Type")).toBe("application/pdf");
    const text = execFileSync("pdftotext", ["-layout", pdfFile(Buffer.from(await report.arrayBuffer())), "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, " ");
    expect(text).toContain("KẾT QUẢ ĐIỂM DANH");
    expect(text).toContain("có mặt 3/5 (trực tiếp 1, trực tuyến 1, người dự thay 1); vắng mặt 1; chưa điểm danh 1");
    expect(text).toContain("Theo điểm cầu");
    expect(text).toContain("Vắng mặt (lý do: Ốm)");
    expect(text).toContain("Người dự thay có mặt: Phan Minh Tuấn");

    // Clearing a mark (logged with what was cleared); clearing again changes and logs nothing.
    expect(await mark(c.id, cookie, { attendeeId: ngu, status: "CLEAR" })).toMatchObject({ status: 200 });
    expect(await prisma.attendance.findUnique({ where: { attendeeId: ngu } })).toBeNull();
    expect(await mark(c.id, cookie, { attendeeId: ngu, status: "CLEAR" })).toMatchObject({ status: 200 });
    const cleared = await auditOf(ngu);
    expect(cleared).toHaveLength(2);
    expect(JSON.parse(cleared[1]!.changes)).toEqual([
      { field: "status", before: "ABSENT", after: null },
      { field: "method", before: "ROLL_CALL", after: null },
      { field: "absenceReason", before: "Ốm", after: null },
    ]);
  });

  it("prints the tick-box sheet and the bridge posters (poster keys made when missing)", async () => {
    const c = await daNang();
    const cookie = await cookieOf("vanphong.danang@hoinghi.local");
    await prisma.bridgePoint.updateMany({ where: { conferenceId: c.id }, data: { posterKey: null } });
    const sheet = await call(sheetLoader, c.id, cookie, "attendance/sheet.pdf");
    expect(sheet.status).toBe(200);
    const sheetText = execFileSync("pdftotext", ["-layout", pdfFile(Buffer.from(await sheet.arrayBuffer())), "-"], {
      encoding: "utf8",
    });
    expect(sheetText).toContain("DANH SÁCH ĐIỂM DANH ĐẠI BIỂU");
    expect(sheetText).toMatch(/STT\s+Họ và tên\s+Chức vụ\s+Cơ quan\s+Điểm cầu/);
    expect(sheetText).toContain("Mai Xuân Ngữ");
    expect(sheetText).toContain("Có mặt");
    const posters = await call(postersLoader, c.id, cookie, "attendance/posters.pdf");
    expect(posters.status).toBe(200);
    const file = pdfFile(Buffer.from(await posters.arrayBuffer()));
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(new RegExp(`Pages:\\s+${c.bridgePoints.length}\\n`));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("ĐIỂM DANH TRỰC TUYẾN");
    expect(text).toContain("Điểm cầu UBND phường Hải Châu");
    const keys = await prisma.bridgePoint.findMany({ where: { conferenceId: c.id }, select: { posterKey: true } });
    for (const k of keys) {
      expect(k.posterKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(text.replace(/\s+/g, "")).toContain(`/d/${k.posterKey}`);
    }
  });

  it("is for organisers and check-in staff of the conference: other organisations get a 404, a bridge operator a 403", async () => {
    const c = await daNang();
    for (const email of ["vanphong.quangnam@hoinghi.local", "cntt.quangnam@hoinghi.local"]) {
      expect((await call(pageLoader, c.id, await cookieOf(email))).status, email).toBe(404);
      expect((await call(xlsxLoader, c.id, await cookieOf(email))).status, email).toBe(404);
      expect((await call(postersLoader, c.id, await cookieOf(email))).status, email).toBe(404);
      expect((await call(reportLoader, c.id, await cookieOf(email))).status, email).toBe(404);
    }
    // The operator of the Hội An bridge point of this conference: related, but reports at the bridge's page.
    const operator = await cookieOf("diemcau.hoian@hoinghi.local");
    for (const fn of [pageLoader, jsonLoader, xlsxLoader, sheetLoader, postersLoader, reportLoader])
      expect((await call(fn, c.id, operator)).status).toBe(403);
    const request = new Request(`http://localhost/conferences/${c.id}/attendance`, {
      method: "POST",
      headers: { Cookie: operator },
      body: new URLSearchParams({ attendeeId: await attendeeId(c.id, "Mai Xuân Ngữ"), status: "IN_PERSON" }),
    });
    await expect(action({ request, params: { id: c.id }, context: {} } as ActionFunctionArgs)).rejects.toMatchObject({
      status: 403,
    });
    expect(
      await prisma.attendance.findUnique({ where: { attendeeId: await attendeeId(c.id, "Mai Xuân Ngữ") } }),
    ).toBeNull();
  });

  it("refuses attendance-report.pdf and attendance.xlsx (absence reasons) with 403 to VIEWER, IT_SUPPORT and BRIDGE_OPERATOR of the organising organisation", async () => {
    const c = await daNang();
    const org = (await prisma.conference.findUniqueOrThrow({ where: { id: c.id }, select: { organizationId: true } }))
      .organizationId;
    for (const role of ["VIEWER", "IT_SUPPORT", "BRIDGE_OPERATOR"] as const) {
      const email = `${role.toLowerCase()}.baocao@danang.hoinghi.local`;
      await prisma.user.create({
        data: { email, name: `Người dùng ${role}`, organizationId: org, roles: { create: [{ role }] } },
      });
      const cookie = await cookieOf(email);
      const report = await call(reportLoader, c.id, cookie, "attendance-report.pdf");
      expect(report.status, role).toBe(403);
      expect(await report.text()).toBe("Vai trò của bạn không được phép thực hiện thao tác này.");
      expect((await call(xlsxLoader, c.id, cookie, "attendance.xlsx")).status, role).toBe(403);
    }
    expect(
      (await call(reportLoader, c.id, await cookieOf("vanphong.danang@hoinghi.local"), "attendance-report.pdf")).status,
    ).toBe(200);
  });

  it("seed 001 shows a held meeting: present in the hall or online, two absent with reasons, one substitute, a scan log with duplicates", async () => {
    const { id } = await quangNam();
    const live = (await (
      await call(jsonLoader, id, await cookieOf("vanphong.quangnam@hoinghi.local"), "attendance.json")
    ).json()) as { summary: AttendanceSummary };
    expect(live.summary.total).toMatchObject({
      invited: 20,
      present: 18,
      inPerson: 7,
      online: 10,
      substitute: 1,
      absent: 2,
      notRecorded: 0,
    });
    const absent = await prisma.attendance.findMany({
      where: { conferenceId: id, status: "ABSENT" },
      select: { absenceReason: true },
    });
    expect(absent.map((a) => a.absenceReason).sort()).toEqual(["Đi công tác", "Ốm"]);
    expect(await prisma.checkinScan.count({ where: { conferenceId: id, result: "DUPLICATE" } })).toBeGreaterThan(0);
    // Every online attendee is at their own bridge point; times between 07:30 and 08:05 local.
    const online = await prisma.attendance.findMany({
      where: { conferenceId: id },
      select: { status: true, bridgePointId: true, checkedInAt: true, attendee: { select: { bridgePointId: true } } },
    });
    for (const a of online) {
      if (a.status === "ONLINE") expect(a.bridgePointId).toBe(a.attendee.bridgePointId);
      if (a.checkedInAt) {
        expect(a.checkedInAt.getTime()).toBeGreaterThanOrEqual(Date.parse("2024-01-18T07:30:00+07:00"));
        expect(a.checkedInAt.getTime()).toBeLessThanOrEqual(Date.parse("2024-01-18T08:05:00+07:00"));
      }
    }
  });

  it("lists 100 attendees a page on a large conference and asks for a filter", async () => {
    const c = await daNang();
    const cookie = await cookieOf("vanphong.danang@hoinghi.local");
    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      Array.from({ length: 320 }, (_, i) => ({
        name: `Đại biểu xã ${i}`,
        position: "Chủ tịch UBND",
        organizationName: `UBND xã số ${i}`,
        groupId: c.attendeeGroups[0]!.id,
        email: `daibieu${i}@xa.danang.hoinghi.local`,
        phone: "",
        bridgePointId: "",
      })),
      { kind: "file", fileName: "dai-bieu.xlsx" },
    );
    const page = (await (await call(pageLoader, c.id, cookie)).json()) as {
      rows: unknown[];
      matching: number;
      total: number;
      paging: { page: number; pages: number };
    };
    expect(page.rows).toHaveLength(100);
    expect(page.matching).toBe(page.total);
    expect(page.total).toBeGreaterThan(320);
    expect(page.paging).toMatchObject({ page: 1, pages: Math.ceil(page.total / 100) });
    const last = (await (await call(pageLoader, c.id, cookie, `attendance?page=${page.paging.pages}`)).json()) as {
      rows: Array<{ name: string }>;
    };
    expect(last.rows).toHaveLength(page.total - 100 * (page.paging.pages - 1));
    expect(last.rows.at(-1)!.name).toBe("Đại biểu xã 319");
    const filtered = (await (
      await call(pageLoader, c.id, cookie, "attendance?name=x%C3%A3%20s%E1%BB%91%2031")
    ).json()) as { rows: Array<{ name: string }>; matching: number };
    // "xã số 31" matches 31 and 310–319.
    expect(filtered.matching).toBe(11);
    expect(filtered.rows).toHaveLength(11);
  });
});
