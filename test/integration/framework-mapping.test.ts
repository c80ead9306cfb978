import { beforeAll, describe, expect, it } from "vitest";
import { unusedByCode } from "#app/components/scoring/mapping/mapping-view.ts";
import { prisma } from "#app/database/db.server.ts";
import * as mappingRoute from "#app/routes/scoring.frameworks.$id_.mapping.$previousId.tsx";
import * as frameworkRoute from "#app/routes/scoring.frameworks.$id.tsx";
import * as csvRoute from "#app/routes/scoring.frameworks.$id_.mapping.$previousId.export[.csv].tsx";
import { analyseCriteria } from "#app/scoring/analysis/index.ts";
import { loadStoredMapping } from "#app/scoring/framework-mapping.server.ts";
import { loadAnalysisBasis } from "#app/scoring/round-analysis.server.ts";
import { nextYearRound, RENAMED, RENUMBERED } from "#tests/helpers/framework-versions.ts";
import { call, get, newPerson, post, signIn, type Person } from "#tests/helpers/route-call.ts";

// The code mapping editor (issue 16): two versions of Tam Đường's commune framework (2023, and a 2024
// copy with one criterion renumbered and one renumbered and renamed), a 2024 round following the seed's
// 2023 round. Through the route module as Remix calls it; on SQLite and on PostgreSQL (npm run test:pg).

let previousFrameworkId: string;
let frameworkId: string;
let roundId: string;
let noiVu: Person; // HOME_AFFAIRS of UBND huyện Tam Đường, which keeps both frameworks
let viewer: Person; // VIEWER of the same organisation
let foreign: Person; // HOME_AFFAIRS of Bình Thuận
let otherFrameworkId: string; // a framework Tam Đường may not see

const path = () => `/scoring/frameworks/${frameworkId}/mapping/${previousFrameworkId}`;
const params = () => ({ id: frameworkId, previousId: previousFrameworkId });
const load = (who: Person, p = params()) =>
  call(mappingRoute.loader, get(`/scoring/frameworks/${p.id}/mapping/${p.previousId}`, who), p);
const act = (who: Person, fields: Record<string, string> | FormData) =>
  call(mappingRoute.action, post(path(), who, fields), params());

type Row = { code: string; previous: string; reason: string | null };

/** The save form as the page sends it, with `change` applied (current code → previous cell). */
async function saveFields(change: Record<string, string>): Promise<Record<string, string>> {
  const page = await load(noiVu);
  const fields: Record<string, string> = { intent: "save" };
  (page.body.rows as Row[]).forEach((r, i) => {
    fields[`rows[${i}].current`] = r.code;
    fields[`rows[${i}].previous`] = change[r.code] ?? r.previous;
  });
  return fields;
}

async function snapshot() {
  return {
    mapping: await prisma.frameworkMapping.findMany({ where: { frameworkId }, select: { id: true, updatedAt: true } }),
    codes: await prisma.frameworkMappingCode.findMany({
      where: { mapping: { frameworkId } },
      orderBy: [{ side: "asc" }, { code: "asc" }],
    }),
    audit: await prisma.auditEvent.count({ where: { entity: "FrameworkMapping" } }),
  };
}

function csvFile(text: string, name = "anh-xa.csv"): File {
  return new File([new TextEncoder().encode(text)], name, { type: "text/csv" });
}

function importForm(file: File): FormData {
  const form = new FormData();
  form.set("intent", "import");
  form.set("file", file);
  return form;
}

beforeAll(async () => {
  const r23 = await prisma.assessmentRound.findFirstOrThrow({
    where: { title: { contains: "huyện Tam Đường năm 2023" } },
    select: { id: true, frameworkId: true, framework: { select: { organizationId: true } } },
  });
  previousFrameworkId = r23.frameworkId!;
  ({ roundId, frameworkId } = await nextYearRound(r23.id));
  noiVu = await signIn("noivu.tamduong@hoinghi.local");
  viewer = await newPerson(r23.framework!.organizationId, "VIEWER");
  foreign = await signIn("noivu.binhthuan@hoinghi.local");
  otherFrameworkId = (
    await prisma.indexFramework.findFirstOrThrow({
      where: { organization: { name: "UBND tỉnh Bình Thuận" } },
      select: { id: true },
    })
  ).id;
});

describe("framework code mapping editor", () => {
  it("shows the suggestion with its reasons and the codes left without a counterpart", async () => {
    const page = await load(noiVu);
    expect(page.status).toBe(200);
    expect(page.body.source).toBe("suggested");
    const rows = page.body.rows as Row[];
    const row = (code: string) => rows.find((r) => r.code === code)!;
    expect(row("1.1.1")).toMatchObject({ previous: "1.1.1", reason: "Cùng mã, cùng tên" });
    expect(row(RENUMBERED.to)).toMatchObject({ previous: RENUMBERED.from, reason: "Cùng tên, khác mã" });
    expect(row(RENAMED.to)).toMatchObject({ previous: "", reason: null });
    expect((page.body.unusedPrevious as Array<{ code: string }>).map((n) => n.code)).toEqual([RENAMED.from]);
    expect(page.body.unmatchedCurrent).toBe(1);
    // The page follows what is typed with the same rule, from the codes alone.
    const used = new Set(rows.flatMap((r) => (r.previous ? [r.previous] : [])));
    expect(unusedByCode(page.body.previousOptions as Array<{ code: string }>, used)).toEqual([
      expect.objectContaining({ code: RENAMED.from }),
    ]);
    // The framework page links the editor, with its state.
    const fw = await call(frameworkRoute.loader, get(`/scoring/frameworks/${frameworkId}`, noiVu), { id: frameworkId });
    expect(fw.body.previousFrameworks).toEqual([
      expect.objectContaining({ id: previousFrameworkId, stored: false, rounds: [expect.stringContaining("2024")] }),
    ]);
  });

  it("refuses an unknown code and a code mapped twice, naming them on their rows, and saves nothing", async () => {
    const before = await snapshot();
    const fields = await saveFields({ "1.1.1": "9.9.9", "1.2.1": "1.2.1; 1.2.1" });
    const res = await act(noiVu, fields);
    expect(res.status).toBe(400);
    const errors = res.body.result.error as Record<string, string[]>;
    const at = (code: string) =>
      Object.keys(fields)
        .find((k) => fields[k] === code)!
        .replace(".current", ".previous");
    expect(errors[at("1.1.1")]!.join(" ")).toMatch(/Mã 9\.9\.9 không có trong bộ chỉ số năm trước/);
    expect(errors[at("1.2.1")]!.join(" ")).toMatch(/Mã 1\.2\.1 của bộ chỉ số năm trước được ánh xạ hai lần/);
    expect(await snapshot()).toEqual(before);
  });

  it("saves the mapping with its audit row, and the analysis follows a renamed criterion through it", async () => {
    const basis = await loadAnalysisBasis(roundId);
    if (!basis?.ok) throw new Error("no analysis basis");
    expect(basis.basis.mapping.source).toBe("suggested");
    const renamedRow = (a: ReturnType<typeof analyseCriteria>) => a.rows.find((r) => r.code === RENAMED.to)!;
    expect(renamedRow(analyseCriteria(basis.basis.input)).previousCodes).toEqual([]);

    const res = await act(noiVu, await saveFields({ [RENAMED.to]: RENAMED.from }));
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/Đã lưu bảng ánh xạ/);
    const stored = await loadStoredMapping(frameworkId, previousFrameworkId);
    expect(stored!.groups).toContainEqual({ current: [RENAMED.to], previous: [RENAMED.from] });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entity: "FrameworkMapping", entityId: stored!.id },
    });
    expect(audit.action).toBe("framework.mapping-create");

    const after = await loadAnalysisBasis(roundId);
    if (!after?.ok) throw new Error("no analysis basis");
    expect(after.basis.mapping.source).toBe("stored");
    const row = renamedRow(analyseCriteria(after.basis.input));
    expect(row.previousCodes).toEqual([RENAMED.from]);
    expect(row.compared).toBe(after.basis.input.current.units.length);
    // Unchanged scores carried over: the renamed criterion did as well as the year before.
    expect(row.change).toBeCloseTo(0, 9);

    const page = await load(noiVu);
    expect(page.body.source).toBe("stored");
    expect(page.body.unusedPrevious).toEqual([]);
  });

  it("a split: the same previous code on two rows is one group", async () => {
    const res = await act(noiVu, await saveFields({ "1.1.1": "1.1.1", [RENAMED.to]: "1.1.1" }));
    expect(res.status).toBe(200);
    const stored = await loadStoredMapping(frameworkId, previousFrameworkId);
    expect(stored!.groups).toContainEqual({ current: ["1.1.1", RENAMED.to], previous: ["1.1.1"] });
    expect(await prisma.auditEvent.count({ where: { entityId: stored!.id, action: "framework.mapping-update" } })).toBe(
      1,
    );
  });

  it("goes back to the suggestion", async () => {
    const res = await act(noiVu, { intent: "reset" });
    expect(res.status).toBe(200);
    expect(await loadStoredMapping(frameworkId, previousFrameworkId)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "framework.mapping-delete" } })).toBeGreaterThan(0);
    expect((await load(noiVu)).body.source).toBe("suggested");
  });

  it("imports a mapping file, and refuses a bad one by row and column without saving", async () => {
    const good = await act(noiVu, importForm(csvFile(`ma,ma_nam_truoc\n${RENAMED.to},${RENAMED.from}\n1.1.1,1.1.1\n`)));
    expect(good.status).toBe(200);
    expect((await loadStoredMapping(frameworkId, previousFrameworkId))!.groups).toEqual([
      { current: [RENAMED.to], previous: [RENAMED.from] },
      { current: ["1.1.1"], previous: ["1.1.1"] },
    ]);
    const before = await snapshot();
    const bad = await act(
      noiVu,
      importForm(csvFile(`ma,ma_nam_truoc\n${RENAMED.to},7.7.7\n1.1.1,1.1.1\n1.2.1,1.1.1\n`)),
    );
    expect(bad.status).toBe(400);
    const errors = bad.body.errors as Array<{ row: number; column: string; message: string }>;
    expect(errors).toContainEqual(expect.objectContaining({ row: 2, message: expect.stringMatching(/Mã 7\.7\.7/) }));
    expect(errors).toContainEqual(
      expect.objectContaining({ row: 4, message: expect.stringMatching(/đã được ghép ở dòng 3/) }),
    );
    const wrongType = await act(noiVu, importForm(csvFile("x", "anh-xa.txt")));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].message).toMatch(/\.csv hoặc \.xlsx/);
    const noFile = await act(noiVu, { intent: "import" });
    expect(noFile.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("downloads the mapping as a CSV that the import reads back", async () => {
    await act(noiVu, { intent: "reset" });
    const page = await load(noiVu);
    const res = await call(csvRoute.loader, get(`${path()}/export.csv`, noiVu), params());
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^\uFEFF?ma,ten_tieu_chi,ma_nam_truoc,ten_tieu_chi_nam_truoc\r\n/);
    const back = await act(noiVu, importForm(csvFile(res.body as string)));
    expect(back.status).toBe(200);
    const stored = await loadStoredMapping(frameworkId, previousFrameworkId);
    const suggested = (page.body.rows as Row[])
      .filter((r) => r.previous)
      .map((r) => ({ current: [r.code], previous: [r.previous] }));
    expect(stored!.groups).toEqual(suggested);
  });

  it("says when the stored mapping no longer fits the frameworks", async () => {
    const stored = await loadStoredMapping(frameworkId, previousFrameworkId);
    await prisma.frameworkMappingCode.create({
      data: { mappingId: stored!.id, side: "PREVIOUS", code: "8.8.8", group: 999 },
    });
    const page = await load(noiVu);
    expect((page.body.problems as string[]).join(" ")).toMatch(/Mã 8\.8\.8 không có trong bộ chỉ số năm trước/);
    await prisma.frameworkMappingCode.delete({
      where: { mappingId_side_code: { mappingId: stored!.id, side: "PREVIOUS", code: "8.8.8" } },
    });
    expect((await load(noiVu)).body.problems).toEqual([]);
  });

  it("is another organisation's 404, and a VIEWER reads but may not change it", async () => {
    expect((await load(foreign)).status).toBe(404);
    expect((await act(foreign, { intent: "reset" })).status).toBe(404);
    // The previous framework must be one the user may see.
    expect((await load(noiVu, { id: frameworkId, previousId: otherFrameworkId })).status).toBe(404);
    const page = await load(viewer);
    expect(page.status).toBe(200);
    expect(page.body.canManage).toBe(false);
    const before = await snapshot();
    expect((await act(viewer, await saveFields({}))).status).toBe(403);
    expect((await act(viewer, { intent: "reset" })).status).toBe(403);
    expect((await act(viewer, importForm(csvFile(`ma,ma_nam_truoc\n1.1.1,1.1.1\n`)))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
