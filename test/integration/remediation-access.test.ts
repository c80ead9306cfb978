import { beforeAll, describe, expect, it } from "vitest";
import { sessionStorage } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import type { Role } from "#app/auth/roles.ts";
import { CLIENT_IP_HEADER } from "#app/lib/client-ip.server.ts";
import * as planRoute from "#app/routes/remediation.$planId.tsx";
import * as listRoute from "#app/routes/remediation._index.tsx";
import * as evidenceRoute from "#app/routes/remediation.evidence.$fileId.tsx";
import * as unitRoute from "#app/routes/scoring.rounds.$id.units.$unitId.tsx";

// Issue 10, defect 4: remediation writes by anyone who can read. Each case calls the route modules
// the way Remix does, with a signed session cookie, and checks the status and the database.

const BASE = "http://localhost";
const IP = "203.0.113.7";

interface Person {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  cookie: string;
}

async function signIn(email: string): Promise<Person> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, organizationId: true },
  });
  const session = await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  const cookie = await sessionStorage.getSession();
  cookie.set("sessionId", session.id);
  const header = await sessionStorage.commitSession(cookie);
  return { ...user, cookie: header.split(";")[0]! };
}

let made = 0;
async function newUser(organizationId: string, role: Role, name = `Người thử ${role}`): Promise<Person> {
  made += 1;
  const u = await prisma.user.create({
    data: {
      email: `thu${made}.${role.toLowerCase()}@remediation.test`,
      name,
      organizationId,
      roles: { create: [{ role }] },
    },
    select: { email: true },
  });
  return signIn(u.email);
}

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<unknown>;

function isDataReply(value: unknown): value is { data: unknown; init: { status?: number } | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function call(
  fn: RouteFn,
  request: Request,
  params: Record<string, string>,
): Promise<{ status: number; body: unknown; response?: Response }> {
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) {
      const text = await result.clone().text();
      const json = result.headers.get("Content-Type")?.includes("json") ? (JSON.parse(text) as unknown) : text;
      return { status: result.status, body: json, response: result };
    }
    // reply() answers with Remix's data(): the body and its status.
    if (isDataReply(result)) return { status: result.init?.status ?? 200, body: result.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

function get(path: string, who: Person): Request {
  return new Request(`${BASE}${path}`, { headers: { Cookie: who.cookie, [CLIENT_IP_HEADER]: IP } });
}

function post(path: string, who: Person, fields: Record<string, string> | FormData): Request {
  const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { Cookie: who.cookie, [CLIENT_IP_HEADER]: IP },
  });
}

const viewPlan = (planId: string, who: Person) =>
  call(planRoute.loader as RouteFn, get(`/remediation/${planId}`, who), { planId });
const postPlan = (planId: string, who: Person, fields: Record<string, string> | FormData) =>
  call(planRoute.action as RouteFn, post(`/remediation/${planId}`, who, fields), { planId });
const listPlans = async (who: Person) => {
  const r = await call(listRoute.loader as RouteFn, get("/remediation", who), {});
  expect(r.status).toBe(200);
  return (r.body as { plans: Array<{ id: string }> }).plans.map((p) => p.id);
};

/** Everything a remediation write could touch for one plan. */
async function snapshot(planId: string) {
  return {
    plan: await prisma.remediationPlan.findUnique({
      where: { id: planId },
      select: { title: true, reportingPeriod: true, updatedAt: true },
    }),
    actions: await prisma.remediationAction.findMany({ where: { planId }, orderBy: { position: "asc" } }),
    reports: await prisma.progressReport.findMany({ where: { planId }, orderBy: { period: "asc" } }),
    evidence: await prisma.evidenceFile.findMany({ where: { action: { planId } }, orderBy: { id: "asc" } }),
    audit: await prisma.auditEvent.count(),
  };
}

function pdfFile(name = "bien-ban.pdf"): File {
  return new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], name, {
    type: "application/pdf",
  });
}

// Seed 003: UBND huyện Tánh Linh's plan on Bình Thuận's published 2023 round; every action is led by
// Phòng Nội vụ huyện Tánh Linh, an organisation below the unit.
let plan: { id: string; roundId: string; unitOrgId: string; ownerOrgId: string; roundUnitId: string };
let actionIds: string[];
let noiVuTinh: Person; // HOME_AFFAIRS of Bình Thuận, the round's organisation
let officeUnit: Person; // OFFICE of Tánh Linh: reads, owns none of the actions
let viewerUnit: Person; // VIEWER of Tánh Linh
let ownerOffice: Person; // OFFICE of Phòng Nội vụ huyện Tánh Linh: owns every action
let foreign: Person; // OFFICE of Đông Hà (Quảng Trị): unrelated

beforeAll(async () => {
  const row = await prisma.remediationPlan.findFirstOrThrow({
    where: { roundUnit: { organization: { name: { contains: "Tánh Linh" } } } },
    select: {
      id: true,
      roundUnitId: true,
      roundUnit: { select: { organizationId: true, roundId: true, round: { select: { status: true } } } },
      actions: { select: { id: true, ownerOrganizationId: true }, orderBy: { position: "asc" } },
    },
  });
  expect(row.roundUnit.round.status).toBe("PUBLISHED");
  plan = {
    id: row.id,
    roundId: row.roundUnit.roundId,
    unitOrgId: row.roundUnit.organizationId,
    ownerOrgId: row.actions[0]!.ownerOrganizationId!,
    roundUnitId: row.roundUnitId,
  };
  actionIds = row.actions.map((a) => a.id);
  expect(plan.ownerOrgId).not.toBe(plan.unitOrgId);
  noiVuTinh = await signIn("noivu.binhthuan@hoinghi.local");
  officeUnit = await signIn("vanphong.tanhlinh@hoinghi.local");
  viewerUnit = await newUser(plan.unitOrgId, "VIEWER", "Người xem huyện Tánh Linh");
  ownerOffice = await newUser(plan.ownerOrgId, "OFFICE", "Chuyên viên Phòng Nội vụ Tánh Linh");
  foreign = await signIn("vanphong.dongha@hoinghi.local");
});

// Each test works on actions no earlier test touched, and that are not done yet.
const used = new Set<string>();
async function freshAction(): Promise<string> {
  const row = await prisma.remediationAction.findFirstOrThrow({
    where: { planId: plan.id, status: { not: "DONE" }, id: { notIn: [...used] } },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  used.add(row.id);
  return row.id;
}

async function actionRow(id: string) {
  return prisma.remediationAction.findUniqueOrThrow({
    where: { id },
    select: { status: true, solution: true, ownerUserId: true, ownerOrganizationId: true, deadline: true },
  });
}

function updateFields(actionId: string, status: string, extra: Record<string, string> = {}) {
  return { intent: "update-action", actionId, status, solution: "Đã rà soát, bổ sung hồ sơ.", ...extra };
}

describe("remediation: who writes", () => {
  it("refuses a progress report from a VIEWER of the unit (403) and changes nothing", async () => {
    expect((await viewPlan(plan.id, viewerUnit)).status).toBe(200);
    const before = await snapshot(plan.id);
    const r = await postPlan(plan.id, viewerUnit, { intent: "report", period: "2024-Q1", content: "Ghi đè báo cáo" });
    expect(r.status).toBe(403);
    expect(await snapshot(plan.id)).toEqual(before);
    // Nor any other intent: a VIEWER never writes.
    const upload = new FormData();
    upload.set("intent", "upload-evidence");
    upload.set("actionId", actionIds[0]!);
    upload.set("file", pdfFile());
    expect((await postPlan(plan.id, viewerUnit, upload)).status).toBe(403);
    expect((await postPlan(plan.id, viewerUnit, updateFields(actionIds[0]!, "DONE"))).status).toBe(403);
    expect(
      (await postPlan(plan.id, viewerUnit, { intent: "edit-plan", title: "Chiếm quyền", reportingPeriod: "MONTHLY" }))
        .status,
    ).toBe(403);
    expect(await snapshot(plan.id)).toEqual(before);
  });

  it("refuses an OFFICE user of the unit who does not own the action (403); the owner marks it done", async () => {
    const id = await freshAction();
    const before = await snapshot(plan.id);
    const refused = await postPlan(plan.id, officeUnit, updateFields(id, "DONE"));
    expect(refused.status).toBe(403);
    expect(await snapshot(plan.id)).toEqual(before);
    // The unit's OFFICE reads the plan, but the page offers no form for actions it does not own.
    const page = (await viewPlan(plan.id, officeUnit)).body as {
      actions: Array<{ id: string; editable: boolean }>;
      canReport: boolean;
      manager: boolean;
    };
    expect(page.actions.every((a) => !a.editable)).toBe(true);
    expect(page.manager).toBe(false);

    // A member of the lead organisation (below the unit) reaches the plan as its owner and marks it done.
    const ownerPage = (await viewPlan(plan.id, ownerOffice)).body as {
      actions: Array<{ id: string; editable: boolean }>;
      canReport: boolean;
      manager: boolean;
    };
    expect(ownerPage.actions.every((a) => a.editable)).toBe(true);
    expect(ownerPage.canReport).toBe(true);
    expect(ownerPage.manager).toBe(false);
    const done = await postPlan(plan.id, ownerOffice, updateFields(id, "DONE"));
    expect(done.status).toBe(200);
    expect((await actionRow(id)).status).toBe("DONE");
    expect(await listPlans(ownerOffice)).toContain(plan.id);
  });

  it("lets the owner update status but not reassign the action or move its deadline", async () => {
    const id = await freshAction();
    const before = await actionRow(id);
    const r = await postPlan(
      plan.id,
      ownerOffice,
      updateFields(id, "IN_PROGRESS", { ownerUserId: ownerOffice.id, deadline: "2030-01-01" }),
    );
    expect(r.status).toBe(403);
    expect(await actionRow(id)).toEqual(before);
  });

  it("lets a person in charge (ownerUserId) of the unit update their action, and no other", async () => {
    const person = await newUser(plan.unitOrgId, "OFFICE", "Cán bộ được giao nhiệm vụ");
    const [mine, other] = [await freshAction(), await freshAction()];
    const assigned = await postPlan(
      plan.id,
      noiVuTinh,
      updateFields(mine, "NOT_STARTED", {
        ownerOrganizationId: plan.ownerOrgId,
        ownerUserId: person.id,
        deadline: "2027-03-31",
      }),
    );
    expect(assigned.status).toBe(200);
    expect((await postPlan(plan.id, person, updateFields(mine, "IN_PROGRESS"))).status).toBe(200);
    expect((await actionRow(mine)).status).toBe("IN_PROGRESS");
    const before = await actionRow(other);
    expect((await postPlan(plan.id, person, updateFields(other, "DONE"))).status).toBe(403);
    expect(await actionRow(other)).toEqual(before);
  });

  it("lets Nội vụ of the round and of the unit change any action; the status change is audited exactly", async () => {
    const id = await freshAction();
    const before = await actionRow(id);
    const r = await postPlan(
      plan.id,
      noiVuTinh,
      updateFields(id, "DONE", {
        solution: before.solution,
        ownerOrganizationId: before.ownerOrganizationId ?? "",
        deadline: toLocalDateValue(before.deadline),
      }),
    );
    expect(r.status).toBe(200);
    const after = await actionRow(id);
    expect(after).toEqual({ ...before, status: "DONE" });
    const events = await prisma.auditEvent.findMany({ where: { entityId: id } });
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect({ ...e, id: undefined, at: undefined, changes: JSON.parse(e.changes) as unknown }).toEqual({
      id: undefined,
      at: undefined,
      actorKind: "USER",
      actorUserId: noiVuTinh.id,
      actorLabel: `${noiVuTinh.name} <${noiVuTinh.email}>`,
      ip: IP,
      action: "remediationAction.status",
      entity: "RemediationAction",
      entityId: id,
      summary: expect.stringMatching(/^Nhiệm vụ khắc phục \S+: (Chưa thực hiện|Đang thực hiện) → Đã hoàn thành$/),
      changes: [{ field: "status", before: before.status, after: "DONE" }],
      organizationId: plan.unitOrgId,
      conferenceId: null,
      roundId: plan.roundId,
    });

    // Nội vụ of the assessed unit manages its own plan once the round is published.
    const unitNoiVu = await signIn("noivu.tanhlinh@hoinghi.local");
    expect(
      (
        await postPlan(plan.id, unitNoiVu, {
          intent: "report",
          period: "2025-Q1",
          content: "Quý I/2025: hoàn thành 2/4 nhóm nhiệm vụ.",
        })
      ).status,
    ).toBe(200);
    const report = await prisma.progressReport.findUniqueOrThrow({
      where: { planId_period: { planId: plan.id, period: "2025-Q1" } },
    });
    const reportEvents = await prisma.auditEvent.findMany({ where: { entityId: report.id } });
    expect(reportEvents.map((x) => [x.action, x.summary, JSON.parse(x.changes)])).toEqual([
      [
        "progressReport.create",
        "Báo cáo tiến độ kỳ Quý I/2025",
        [
          { field: "period", before: null, after: "2025-Q1" },
          { field: "content", before: null, after: "Quý I/2025: hoàn thành 2/4 nhóm nhiệm vụ." },
        ],
      ],
    ]);
  });

  it("refuses an owner from another province with a field error naming the field, and saves nothing", async () => {
    const id = await freshAction();
    const before = await snapshot(plan.id);
    const r = await postPlan(
      plan.id,
      noiVuTinh,
      updateFields(id, "DONE", { ownerUserId: foreign.id, ownerOrganizationId: plan.ownerOrgId }),
    );
    expect(r.status).toBe(400);
    const body = r.body as { ok: boolean; fieldErrors: Record<string, string[]> };
    expect(body.ok).toBe(false);
    expect(Object.keys(body.fieldErrors)).toEqual(["ownerUserId"]);
    expect(body.fieldErrors.ownerUserId![0]).toMatch(/^Người phụ trách phải là cán bộ của cơ quan tổ chức đánh giá/);
    const org = await postPlan(
      plan.id,
      noiVuTinh,
      updateFields(id, "DONE", { ownerOrganizationId: foreign.organizationId }),
    );
    expect(org.status).toBe(400);
    expect(Object.keys((org.body as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual([
      "ownerOrganizationId",
    ]);
    expect((org.body as { fieldErrors: Record<string, string[]> }).fieldErrors.ownerOrganizationId![0]).toMatch(
      /^Đơn vị chủ trì phải là/,
    );
    expect(await snapshot(plan.id)).toEqual(before);
  });

  it("lets only Nội vụ or ADMIN create a plan: the unit's OFFICE is refused, its Nội vụ creates one with audit rows", async () => {
    const params = { id: plan.roundId, unitId: plan.roundUnitId };
    const path = `/scoring/rounds/${plan.roundId}/units/${plan.roundUnitId}`;
    const count = await prisma.remediationPlan.count();
    const audits = await prisma.auditEvent.count();
    expect((await call(unitRoute.action as RouteFn, post(path, officeUnit, {}), params)).status).toBe(403);
    expect((await call(unitRoute.action as RouteFn, post(path, viewerUnit, {}), params)).status).toBe(403);
    expect(await prisma.remediationPlan.count()).toBe(count);
    expect(await prisma.auditEvent.count()).toBe(audits);

    const unitNoiVu = await signIn("noivu.tanhlinh@hoinghi.local");
    const created = await call(unitRoute.action as RouteFn, post(path, unitNoiVu, {}), params);
    expect(created.status).toBe(302);
    const newId = created.response!.headers.get("Location")!.split("/").pop()!;
    const rows = await prisma.remediationAction.findMany({ where: { planId: newId }, select: { id: true } });
    expect(rows.length).toBeGreaterThan(0);
    const events = await prisma.auditEvent.findMany({
      where: { roundId: plan.roundId, entityId: { in: [newId, ...rows.map((x) => x.id)] } },
      orderBy: { entity: "asc" },
    });
    expect(events.map((x) => x.action).sort()).toEqual(
      ["remediationPlan.create", ...rows.map(() => "remediationAction.create")].sort(),
    );
    expect(events.every((x) => x.actorUserId === unitNoiVu.id && x.organizationId === plan.unitOrgId)).toBe(true);
  });
});

describe("remediation: who reads", () => {
  let draftPlanId: string;
  let draftFileId: string;
  let communeOffice: Person;
  let communeAdmin: Person;

  beforeAll(async () => {
    // A plan on Tam Đường's draft 2023 commune round, prepared by the district's Nội vụ.
    const unit = await prisma.roundUnit.findFirstOrThrow({
      where: { round: { status: "DRAFT", organization: { name: { contains: "Tam Đường" } } } },
      select: { id: true, organizationId: true },
    });
    const created = await prisma.remediationPlan.create({
      data: {
        roundUnitId: unit.id,
        title: "Kế hoạch khắc phục (dự thảo)",
        actions: {
          create: [
            {
              position: 0,
              code: "1.1",
              title: "Ban hành kế hoạch CCHC",
              pointsLost: 0.5,
              ownerOrganizationId: unit.organizationId,
            },
          ],
        },
      },
      select: { id: true, actions: { select: { id: true } } },
    });
    draftPlanId = created.id;
    const noiVuHuyen = await signIn("noivu.tamduong@hoinghi.local");
    const upload = new FormData();
    upload.set("intent", "upload-evidence");
    upload.set("actionId", created.actions[0]!.id);
    upload.set("file", pdfFile("du-thao.pdf"));
    expect((await postPlan(draftPlanId, noiVuHuyen, upload)).status).toBe(200);
    draftFileId = (
      await prisma.evidenceFile.findFirstOrThrow({ where: { action: { planId: draftPlanId } }, select: { id: true } })
    ).id;
    communeOffice = await newUser(unit.organizationId, "OFFICE", "Công chức xã");
    communeAdmin = await newUser(unit.organizationId, "ADMIN", "Quản trị xã");
  });

  it("answers 404 to the assessed unit for a draft round's plan and leaves it out of the list", async () => {
    for (const who of [communeOffice, communeAdmin]) {
      expect((await viewPlan(draftPlanId, who)).status).toBe(404);
      expect(await listPlans(who)).not.toContain(draftPlanId);
      const before = await snapshot(draftPlanId);
      expect(
        (await postPlan(draftPlanId, who, { intent: "report", period: "2024-Q1", content: "Báo cáo" })).status,
      ).toBe(404);
      expect(await snapshot(draftPlanId)).toEqual(before);
    }
    // The district's Nội vụ, which runs the round, sees it.
    const noiVuHuyen = await signIn("noivu.tamduong@hoinghi.local");
    expect((await viewPlan(draftPlanId, noiVuHuyen)).status).toBe(200);
    expect(await listPlans(noiVuHuyen)).toContain(draftPlanId);
  });

  it("serves evidence only to those who may read the plan (404 otherwise)", async () => {
    const download = (who: Person) =>
      call(evidenceRoute.loader as RouteFn, get(`/remediation/evidence/${draftFileId}`, who), { fileId: draftFileId });
    expect((await download(foreign)).status).toBe(404);
    expect((await download(communeOffice)).status).toBe(404);
    const ok = await download(await signIn("noivu.tamduong@hoinghi.local"));
    expect(ok.status).toBe(200);
    expect(ok.response!.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      (
        await call(evidenceRoute.loader as RouteFn, get("/remediation/evidence/khong-co", foreign), {
          fileId: "khong-co",
        })
      ).status,
    ).toBe(404);
  });

  it("records an evidence upload exactly", async () => {
    const uploader = await signIn("noivu.tamduong@hoinghi.local");
    const file = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: draftFileId } });
    const events = await prisma.auditEvent.findMany({ where: { entityId: draftFileId } });
    expect(events).toHaveLength(1);
    const e = events[0]!;
    const round = await prisma.remediationPlan.findUniqueOrThrow({
      where: { id: draftPlanId },
      select: { roundUnit: { select: { roundId: true, organizationId: true } } },
    });
    expect({ ...e, id: undefined, at: undefined, changes: JSON.parse(e.changes) as unknown }).toEqual({
      id: undefined,
      at: undefined,
      actorKind: "USER",
      actorUserId: uploader.id,
      actorLabel: `${uploader.name} <${uploader.email}>`,
      ip: IP,
      action: "evidenceFile.create",
      entity: "EvidenceFile",
      entityId: draftFileId,
      summary: "Tải lên tài liệu kiểm chứng “du-thao.pdf” cho nhiệm vụ khắc phục 1.1",
      changes: [
        { field: "actionId", before: null, after: file.actionId },
        { field: "fileName", before: null, after: "du-thao.pdf" },
        { field: "mimeType", before: null, after: "application/pdf" },
        { field: "size", before: null, after: file.size },
      ],
      organizationId: round.roundUnit.organizationId,
      conferenceId: null,
      roundId: round.roundUnit.roundId,
    });
  });
});

describe("remediation: bad input and deletions", () => {
  it("answers 400 for an unknown intent or an unreadable body, 404 for another plan's action, and changes nothing", async () => {
    const before = await snapshot(plan.id);
    const unknown = await postPlan(plan.id, noiVuTinh, { intent: "drop-table" });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      intent: ["Thao tác không hợp lệ."],
    });
    const garbled = new Request(`${BASE}/remediation/${plan.id}`, {
      method: "POST",
      body: "intent=report",
      headers: { Cookie: noiVuTinh.cookie, "Content-Type": "text/plain" },
    });
    expect((await call(planRoute.action as RouteFn, garbled, { planId: plan.id })).status).toBe(400);
    const brokenUpload = new Request(`${BASE}/remediation/${plan.id}`, {
      method: "POST",
      body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload-evidence',
      headers: { Cookie: noiVuTinh.cookie, "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect((await call(planRoute.action as RouteFn, brokenUpload, { planId: plan.id })).status).toBeLessThan(500);
    const elsewhere = await prisma.remediationAction.create({
      data: {
        plan: { create: { roundUnitId: plan.roundUnitId, title: "Kế hoạch khác" } },
        position: 0,
        code: "9.9",
        title: "Nhiệm vụ của kế hoạch khác",
        pointsLost: 1,
      },
      select: { id: true },
    });
    expect((await postPlan(plan.id, noiVuTinh, updateFields(elsewhere.id, "DONE"))).status).toBe(404);
    expect((await postPlan(plan.id, noiVuTinh, { intent: "report", period: "2025-13", content: "x" })).status).toBe(
      400,
    );
    expect(await snapshot(plan.id)).toEqual(before);
  });

  it("deletes evidence and a whole plan with one exact audit row each, and removes the files", async () => {
    const created = await prisma.remediationPlan.create({
      data: {
        roundUnitId: plan.roundUnitId,
        title: "Kế hoạch sẽ xóa",
        actions: {
          create: [
            { position: 0, code: "2.1", title: "Nhiệm vụ thử", pointsLost: 1, ownerOrganizationId: plan.ownerOrgId },
          ],
        },
      },
      select: { id: true, actions: { select: { id: true } } },
    });
    const actionId = created.actions[0]!.id;
    const upload = (name: string) => {
      const form = new FormData();
      form.set("intent", "upload-evidence");
      form.set("actionId", actionId);
      form.set("file", pdfFile(name));
      return postPlan(created.id, ownerOffice, form);
    };
    expect((await upload("mot.pdf")).status).toBe(200);
    expect((await upload("hai.pdf")).status).toBe(200);
    const files = await prisma.evidenceFile.findMany({ where: { actionId }, orderBy: { fileName: "asc" } });
    // Uploads are kept in the database (StoredFile), so every app instance serves them.
    const stored = async (storagePath: string) =>
      storagePath.startsWith("db:") && (await prisma.storedFile.count({ where: { id: storagePath.slice(3) } })) === 1;
    for (const f of files) expect(await stored(f.storagePath)).toBe(true);

    // The owner removes one file; a reader cannot.
    const hai = files.find((f) => f.fileName === "hai.pdf")!;
    expect((await postPlan(created.id, viewerUnit, { intent: "delete-evidence", fileId: hai.id })).status).toBe(403);
    expect((await postPlan(created.id, ownerOffice, { intent: "delete-evidence", fileId: hai.id })).status).toBe(200);
    expect(await stored(hai.storagePath)).toBe(false);
    const removed = await prisma.auditEvent.findMany({ where: { entityId: hai.id, action: "evidenceFile.delete" } });
    expect(removed.map((e) => [e.actorUserId, e.summary, JSON.parse(e.changes), e.roundId, e.organizationId])).toEqual([
      [
        ownerOffice.id,
        "Xóa tài liệu kiểm chứng “hai.pdf” của nhiệm vụ khắc phục 2.1",
        [
          { field: "actionId", before: actionId, after: null },
          { field: "fileName", before: "hai.pdf", after: null },
          { field: "mimeType", before: "application/pdf", after: null },
          { field: "size", before: hai.size, after: null },
        ],
        plan.roundId,
        plan.unitOrgId,
      ],
    ]);

    // Only Nội vụ deletes the plan; then it is gone with its rows and files, and one audit row says so.
    expect((await postPlan(created.id, ownerOffice, { intent: "delete-plan" })).status).toBe(403);
    expect((await postPlan(created.id, noiVuTinh, { intent: "delete-plan" })).status).toBe(400);
    const deleted = await postPlan(created.id, noiVuTinh, { intent: "delete-plan", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.response!.headers.get("Location")).toBe("/remediation");
    expect(await prisma.remediationPlan.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await prisma.evidenceFile.count({ where: { actionId } })).toBe(0);
    const mot = files.find((f) => f.fileName === "mot.pdf")!;
    expect(await stored(mot.storagePath)).toBe(false);
    const events = await prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(events.map((e) => [e.action, e.actorUserId, e.summary, JSON.parse(e.changes)])).toEqual([
      [
        "remediationPlan.delete",
        noiVuTinh.id,
        "Xóa kế hoạch khắc phục “Kế hoạch sẽ xóa” (1 nhiệm vụ, 0 báo cáo, 1 tài liệu kiểm chứng)",
        [
          { field: "title", before: "Kế hoạch sẽ xóa", after: null },
          { field: "reportingPeriod", before: "QUARTERLY", after: null },
          { field: "roundUnitId", before: plan.roundUnitId, after: null },
          { field: "actions", before: 1, after: null },
          { field: "reports", before: 0, after: null },
          { field: "evidenceFiles", before: 1, after: null },
        ],
      ],
    ]);
  });

  it("records a plan edit before → after, and nothing when nothing changed", async () => {
    const current = await prisma.remediationPlan.findUniqueOrThrow({
      where: { id: plan.id },
      select: { title: true, reportingPeriod: true },
    });
    const audits = await prisma.auditEvent.count({ where: { entityId: plan.id } });
    expect(
      (
        await postPlan(plan.id, noiVuTinh, {
          intent: "edit-plan",
          title: current.title,
          reportingPeriod: current.reportingPeriod,
        })
      ).status,
    ).toBe(200);
    expect(await prisma.auditEvent.count({ where: { entityId: plan.id } })).toBe(audits);
    expect(
      (await postPlan(plan.id, noiVuTinh, { intent: "edit-plan", title: current.title, reportingPeriod: "MONTHLY" }))
        .status,
    ).toBe(200);
    const [e] = await prisma.auditEvent.findMany({ where: { entityId: plan.id, action: "remediationPlan.update" } });
    expect([e!.summary, JSON.parse(e!.changes)]).toEqual([
      `Sửa kế hoạch khắc phục “${current.title}”: kỳ báo cáo hằng quý → hằng tháng`,
      [{ field: "reportingPeriod", before: "QUARTERLY", after: "MONTHLY" }],
    ]);
  });
});
