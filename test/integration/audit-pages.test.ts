// "Nhật ký thay đổi" pages (issue 10): loaders through the guard (404 for another organisation, 403
// for a role without audit.view), scope per conference / round / admin subtree, filters, paging, and
// the .xlsx export read back with exceljs.

import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit, SYSTEM_ACTOR, userActor, type AuditEntry } from "#app/database/audit.server.ts";
import type { AuditPage } from "#app/audit/query.server.ts";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Role } from "#app/auth/roles.ts";
import { loader as adminPage } from "#app/routes/admin.audit.tsx";
import { loader as adminXlsx } from "#app/routes/admin.audit[.xlsx].tsx";
import { loader as conferencePage } from "#app/routes/conferences.$id.audit.tsx";
import { loader as conferenceXlsx } from "#app/routes/conferences.$id.audit[.xlsx].tsx";
import { loader as roundPage } from "#app/routes/scoring.rounds.$id.audit.tsx";
import { loader as roundXlsx } from "#app/routes/scoring.rounds.$id.audit[.xlsx].tsx";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function cookieOf(email: string): Promise<string> {
  const user = await currentUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  const res = await createUserSession(user.id, "/");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

/** Calls a loader as the browser would, with the session cookie; thrown responses are returned. */
async function call(
  fn: Loader,
  path: string,
  params: Record<string, string>,
  cookie: string | null,
): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    const r = await fn({ request, params, context: {} } as LoaderFunctionArgs);
    return r instanceof Response ? r : Response.json(r);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function page(fn: Loader, path: string, params: Record<string, string>, cookie: string): Promise<AuditPage> {
  const res = await call(fn, path, params, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

async function newUser(email: string, organizationId: string, roles: Role[]): Promise<string> {
  await prisma.user.create({
    data: {
      email,
      name: `Người dùng ${roles.join("+")}`,
      organizationId,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return cookieOf(email);
}

function record(entry: AuditEntry & { at?: Date }) {
  const { at, ...rest } = entry;
  return prisma.$transaction(async (tx) => {
    if (!at) return recordAudit(tx, SYSTEM_ACTOR, rest);
    // A back-dated row for the date filter, written directly (inserts are allowed; updates are not).
    await tx.auditEvent.create({
      data: {
        at,
        actorKind: "SYSTEM",
        actorLabel: "Hệ thống",
        action: rest.action,
        entity: rest.entity,
        entityId: rest.entityId,
        summary: rest.summary,
        conferenceId: rest.conferenceId ?? null,
      },
    });
  });
}

let dn: { id: string; organizationId: string; title: string };
let qn: { id: string; organizationId: string };

beforeAll(async () => {
  dn = await prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026" } },
    select: { id: true, organizationId: true, title: true },
  });
  qn = await prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023" } },
    select: { id: true, organizationId: true },
  });
  const office = (await currentUserByEmail("vanphong.danang@hoinghi.local"))!;
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < 53; i++) {
      await recordAudit(tx, userActor({ ...office, ip: "203.0.113.9" }), {
        action: i % 2 ? "plan.status" : "attendee.rsvp",
        entity: i % 2 ? "Conference" : "Attendee",
        entityId: `rec-${i}`,
        summary: `Thay đổi số ${i}`,
        before: { status: "DRAFT", note: "" },
        after: { status: "ISSUED", note: i === 52 ? "x".repeat(500) : "" },
        conferenceId: dn.id,
      });
    }
  });
  await record({
    action: "plan.update",
    entity: "Conference",
    entityId: dn.id,
    summary: '=HYPERLINK("http://evil.example") (cũ)',
    conferenceId: dn.id,
    at: new Date("2025-03-01T10:00:00+07:00"),
  });
  await record({
    action: "plan.update",
    entity: "Conference",
    entityId: qn.id,
    summary: "Bản ghi của Quảng Nam",
    conferenceId: qn.id,
  });
});

describe("the conference log", () => {
  it("answers 404 to another organisation, 403 to a viewer, and the login page to nobody", async () => {
    const path = `/conferences/${dn.id}/audit`;
    expect(
      (await call(conferencePage, path, { id: dn.id }, await cookieOf("vanphong.quangnam@hoinghi.local"))).status,
    ).toBe(404);
    const viewer = await newUser("xem.danang@hoinghi.local", dn.organizationId, ["VIEWER"]);
    expect((await call(conferencePage, path, { id: dn.id }, viewer)).status).toBe(403);
    expect((await call(conferenceXlsx, `${path}.xlsx`, { id: dn.id }, viewer)).status).toBe(403);
    expect(
      (await call(conferenceXlsx, `${path}.xlsx`, { id: dn.id }, await cookieOf("vanphong.quangnam@hoinghi.local")))
        .status,
    ).toBe(404);
    const anonymous = await call(conferencePage, path, { id: dn.id }, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
  });

  it("lists this conference's changes only, newest first, 50 a page, in Vietnamese, with the IP", async () => {
    const cookie = await cookieOf("vanphong.danang@hoinghi.local");
    const first = await page(conferencePage, `/conferences/${dn.id}/audit`, { id: dn.id }, cookie);
    expect(first.total).toBe(54);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(50);
    const office = (await currentUserByEmail("vanphong.danang@hoinghi.local"))!;
    expect(first.rows[0]).toMatchObject({
      summary: "Thay đổi số 52",
      actor: `${office.name} <${office.email}>`,
      actorKind: "Người dùng",
      ip: "203.0.113.9",
      action: "Trả lời giấy mời",
      entity: "Đại biểu",
      entityId: "rec-52",
    });
    expect(first.rows[0]!.at).toMatch(/^ngày \d{2} tháng \d{2} năm \d{4} lúc \d{2}:\d{2}$/);
    expect(first.rows[0]!.changes[0]).toEqual({ field: "Trạng thái", before: "DRAFT", after: "ISSUED" });
    expect(first.rows[1]).toMatchObject({ action: "Đổi trạng thái kế hoạch", entity: "Kế hoạch, hội nghị" });
    expect(first.rows[1]!.changes[0]).toEqual({ field: "Trạng thái", before: "Dự thảo", after: "Đã ban hành" });
    expect(first.rows[0]!.changes.find((c) => c.field === "note")!.after).toHaveLength(500);
    const second = await page(conferencePage, `/conferences/${dn.id}/audit?page=2`, { id: dn.id }, cookie);
    expect(second.rows).toHaveLength(4);
    expect(second.rows.at(-1)!.summary).toBe('=HYPERLINK("http://evil.example") (cũ)');
    expect([...first.rows, ...second.rows].some((r) => r.summary.includes("Quảng Nam"))).toBe(false);
  });

  it("filters by date range, actor, action, record type and text", async () => {
    const cookie = await cookieOf("vanphong.danang@hoinghi.local");
    const get = (q: string) => page(conferencePage, `/conferences/${dn.id}/audit?${q}`, { id: dn.id }, cookie);
    expect((await get("from=2025-03-01&to=2025-03-01")).total).toBe(1);
    expect((await get("to=2025-02-28")).total).toBe(0);
    expect((await get("from=2025-03-02")).total).toBe(53);
    expect((await get("action=plan.status")).total).toBe(26);
    expect((await get("entity=Attendee")).total).toBe(27);
    expect((await get("kind=SYSTEM")).total).toBe(1);
    expect((await get("actor=vanphong.danang")).total).toBe(53);
    expect((await get("q=s%E1%BB%91%2041")).rows.map((r) => r.summary)).toEqual(["Thay đổi số 41"]);
    expect((await get("from=not-a-date&page=-3")).total).toBe(54);
    const all = await get("");
    expect(all.actions.map((a) => a.value).sort()).toEqual(["attendee.rsvp", "plan.status", "plan.update"]);
    expect(all.entities.map((e) => e.label).sort()).toEqual(["Kế hoạch, hội nghị", "Đại biểu"].sort());
  });

  it("exports the filtered list to .xlsx as text, formulas defused", async () => {
    const cookie = await cookieOf("vanphong.danang@hoinghi.local");
    const res = await call(
      conferenceXlsx,
      `/conferences/${dn.id}/audit.xlsx?action=plan.update`,
      { id: dn.id },
      cookie,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="nhat-ky-.*\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Nhật ký thay đổi")!;
    expect(ws.getRow(3).getCell(1).value).toBe("Thời gian (giờ Việt Nam)");
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(4);
    expect(row.getCell(8).value).toBe('\'=HYPERLINK("http://evil.example") (cũ)');
    expect(row.getCell(8).numFmt).toBe("@");
    expect(row.getCell(1).value).toBe("ngày 01 tháng 3 năm 2025 lúc 10:00");

    const everything = await call(conferenceXlsx, `/conferences/${dn.id}/audit.xlsx`, { id: dn.id }, cookie);
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(Buffer.from(await everything.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = all.getWorksheet("Nhật ký thay đổi")!;
    expect(sheet.rowCount).toBe(3 + 54);
    expect(String(sheet.getRow(4).getCell(9).value)).toContain("Trạng thái: DRAFT → ISSUED");
    expect(String(sheet.getRow(4).getCell(4).value)).toBe("203.0.113.9");
  });
});

describe("the round log", () => {
  it("shows the organisers everything, an assessed unit only its own scores, a viewer nothing, another province a 404", async () => {
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { organization: { users: { some: { email: "noivu.tamduong@hoinghi.local" } } }, status: "PUBLISHED" },
      select: { id: true, organizationId: true, units: { take: 2, select: { id: true, organizationId: true } } },
    });
    const [own, other] = round.units;
    await record({
      action: "score.update",
      entity: "RoundUnit",
      entityId: own!.id,
      summary: "Điểm của đơn vị này",
      roundId: round.id,
      organizationId: own!.organizationId,
    });
    await record({
      action: "score.update",
      entity: "RoundUnit",
      entityId: other!.id,
      summary: "Điểm của đơn vị khác",
      roundId: round.id,
      organizationId: other!.organizationId,
    });
    await record({
      action: "round.publish",
      entity: "AssessmentRound",
      entityId: round.id,
      summary: "Công bố",
      roundId: round.id,
      organizationId: round.organizationId,
    });
    const path = `/scoring/rounds/${round.id}/audit`;
    const params = { id: round.id };

    const organisers = await page(roundPage, path, params, await cookieOf("noivu.tamduong@hoinghi.local"));
    expect(organisers.rows.map((r) => r.summary).sort()).toEqual([
      "Công bố",
      "Điểm của đơn vị khác",
      "Điểm của đơn vị này",
    ]);
    const unit = await newUser("xa.xem@hoinghi.local", own!.organizationId, ["OFFICE"]);
    expect((await page(roundPage, path, params, unit)).rows.map((r) => r.summary)).toEqual(["Điểm của đơn vị này"]);
    const unitXlsx = await call(roundXlsx, `${path}.xlsx`, params, unit);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await unitXlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Nhật ký thay đổi")!.rowCount).toBe(4);

    expect(
      (
        await call(
          roundPage,
          path,
          params,
          await newUser("xem.tamduong@hoinghi.local", round.organizationId, ["VIEWER"]),
        )
      ).status,
    ).toBe(403);
    expect((await call(roundPage, path, params, await cookieOf("noivu.binhthuan@hoinghi.local"))).status).toBe(404);
    expect(
      (await call(roundXlsx, `${path}.xlsx`, params, await cookieOf("noivu.binhthuan@hoinghi.local"))).status,
    ).toBe(404);
  });
});

describe("the admin log", () => {
  it("shows an admin the events of their subtree (organisations, conferences, rounds) and refuses everyone else", async () => {
    const qnAdmin = await newUser("quantri.quangnam@hoinghi.local", qn.organizationId, ["ADMIN"]);
    const org = await prisma.organization.findUniqueOrThrow({
      where: { id: qn.organizationId },
      select: { name: true },
    });
    await record({
      action: "organization.update",
      entity: "Organization",
      entityId: qn.organizationId,
      summary: "Sửa Quảng Nam",
      organizationId: qn.organizationId,
    });
    const qnPage = await page(adminPage, "/admin/audit", {}, qnAdmin);
    const summaries = qnPage.rows.map((r) => r.summary);
    expect(summaries).toContain("Sửa Quảng Nam");
    expect(summaries).toContain("Bản ghi của Quảng Nam");
    expect(summaries.some((s) => s.startsWith("Thay đổi số"))).toBe(false);
    expect(qnPage.total).toBe(2);

    const national = await page(adminPage, "/admin/audit", {}, await cookieOf("admin@hoinghi.local"));
    expect(national.total).toBeGreaterThanOrEqual(57);

    expect((await call(adminPage, "/admin/audit", {}, await cookieOf("vanphong.quangnam@hoinghi.local"))).status).toBe(
      403,
    );
    expect(
      (await call(adminXlsx, "/admin/audit.xlsx", {}, await cookieOf("vanphong.quangnam@hoinghi.local"))).status,
    ).toBe(403);
    const xlsx = await call(adminXlsx, "/admin/audit.xlsx", {}, qnAdmin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Nhật ký thay đổi")!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe(`Nhật ký thay đổi · ${org.name}`);
    expect(ws.rowCount).toBe(5);
  });
});
