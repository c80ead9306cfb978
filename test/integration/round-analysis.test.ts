// "Phân tích theo tiêu chí" (issue 16): the analysis page's loader over the demo data (Tam Đường communes
// and Bình Thuận districts 2022 → 2023, Đà Nẵng 2025 against a round of totals), its filters, the block
// filter, the remediation loop summary, paging, and who may open it; on SQLite and on PostgreSQL
// (npm run test:pg). Longer than 300 lines: one case of the page per test, all sharing the demo rounds
// and the loader caller at the top.

import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { analyseCriteria, explainUnitChange } from "#app/scoring/analysis/index.ts";
import { remediationTallyText } from "#app/scoring/analysis-labels.ts";
import { importFramework } from "#app/scoring/frameworks.server.ts";
import { addBlock } from "#app/scoring/placement.server.ts";
import { createRound } from "#app/scoring/round-writes.server.ts";
import { loadRound } from "#app/scoring/rounds.server.ts";
import { importScores } from "#app/scoring/score-import.server.ts";
import type { FrameworkNode } from "#app/scoring/types.ts";
import { remediationLoopInto } from "#app/scoring/remediation-loop.server.ts";
import { loadAnalysisBasis } from "#app/scoring/round-analysis.server.ts";
import { loader as analysisLoader } from "#app/routes/scoring.rounds.$id.analysis.tsx";
import { loader as roundLoader } from "#app/routes/scoring.rounds.$id._index.tsx";

type Data = Awaited<ReturnType<typeof analysisLoader>>;

const cookies = new Map<string, string>();
async function cookieOf(email: string): Promise<string> {
  if (!cookies.has(email)) {
    const user = await currentUserByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    const res = await createUserSession(user.id, "/");
    cookies.set(email, res.headers.get("Set-Cookie")!.split(";")[0]!);
  }
  return cookies.get(email)!;
}

/** Calls a loader as the browser would; a thrown Response is returned as it is. */
async function call(
  fn: (args: LoaderFunctionArgs) => Promise<unknown>,
  roundId: string,
  email: string | null,
  query = "",
) {
  const request = new Request(`http://localhost/scoring/rounds/${roundId}/analysis${query}`, {
    headers: email ? { Cookie: await cookieOf(email) } : {},
  });
  try {
    return { status: 200, data: (await fn({ request, params: { id: roundId }, context: {} })) as Data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null };
    throw thrown;
  }
}

async function view(roundId: string, email: string, query = "") {
  const r = await call(analysisLoader, roundId, email, query);
  expect(r.status).toBe(200);
  expect(r.data!.refusal).toBeNull();
  return r.data!.view!;
}

const roundOf = (organization: string, year: number) =>
  prisma.assessmentRound
    .findFirstOrThrow({
      where: { year, organization: { name: organization }, shape: "DETAILED" },
      select: { id: true },
    })
    .then((r) => r.id);

const TD = "noivu.tamduong@hoinghi.local";
const BT = "noivu.binhthuan@hoinghi.local";
let tamDuong2023: string;
let binhThuan2022: string;
let binhThuan2023: string;
let daNang2025: string;

beforeAll(async () => {
  tamDuong2023 = await roundOf("UBND huyện Tam Đường", 2023);
  binhThuan2022 = await roundOf("UBND tỉnh Bình Thuận", 2022);
  binhThuan2023 = await roundOf("UBND tỉnh Bình Thuận", 2023);
  daNang2025 = await roundOf("UBND thành phố Đà Nẵng", 2025);
});

describe("the criterion analysis page", () => {
  it("analyses Tam Đường's communes 2023 against 2022: header, KPIs, every row, the heat map", async () => {
    const v = await view(tamDuong2023, TD);
    const load = await loadAnalysisBasis(tamDuong2023);
    if (!load?.ok) throw new Error("no basis");
    const direct = analyseCriteria(load.basis.input, { top: 10 });
    expect(v.previous.year).toBe(2022);
    expect(v.units).toBe(direct.units);
    expect(v.comparedUnits).toBe(direct.comparedUnits);
    expect(v.comparedUnits).toBeGreaterThan(5);
    expect(v.mapping).toEqual({
      label: "Hai năm dùng cùng một bộ chỉ số: so sánh theo mã",
      source: "same-framework",
      url: null,
    });
    expect(v.strongest.map((c) => c.code)).toEqual(direct.strongest.slice(0, 3).map((c) => c.code));
    expect(v.drops.map((c) => c.code)).toEqual(direct.largestDrops.map((c) => c.code));
    expect(v.drops.every((c) => c.change! < 0)).toBe(true);
    // Every row of the framework, in order (fewer than a page); the figures are the analysis' own.
    expect(v.table.total).toBe(direct.rows.length);
    expect(v.table.rows.map((r) => r.code)).toEqual(direct.rows.slice(0, 50).map((r) => r.code));
    const row = v.table.rows.find((r) => r.lost > 0)!;
    const same = direct.rows.find((r) => r.code === row.code)!;
    expect(row).toMatchObject({
      averagePct: same.averagePct,
      previousAveragePct: same.previousAveragePct,
      compared: same.compared,
      keptFull: same.keptFull,
      gained: same.gained,
      lost: same.lost,
      newlyLost: same.newlyLost,
    });
    expect(row.losses[0]!.name).toBe(same.largestLosses[0]!.unitName);
    expect(row.losses[0]!.roundUnitId).toBeTruthy();
    // Heat map: every unit, by this year's index, one cell per area.
    expect(v.heat.total).toBe(direct.units);
    expect(v.heat.areas.map((a) => a.code)).toEqual(v.areas.map((a) => a.code));
    const indexes = v.heat.units.map((u) => u.indexPct);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    expect(v.heat.units.every((u) => u.cells.length === v.heat.areas.length)).toBe(true);
    expect(v.unmatched).toEqual({ current: [], previous: [] });
    expect(v.remediation).toBeNull();
  });

  it("analyses Bình Thuận's districts 2023 against 2022; a heat map cell is the unit's area change", async () => {
    const v = await view(binhThuan2023, BT);
    expect(v.units).toBe(10);
    expect(v.comparedUnits).toBe(10);
    const load = await loadAnalysisBasis(binhThuan2023);
    if (!load?.ok) throw new Error("no basis");
    const tanhLinh = v.heat.units.find((u) => u.name.includes("Tánh Linh"))!;
    const unit = load.basis.input.current.units.find((u) => u.unitName.includes("Tánh Linh"))!;
    const change = explainUnitChange(load.basis.input, unit.unitId)!;
    for (const [i, area] of v.heat.areas.entries()) {
      const part = change.areas.find((p) => p.codes.includes(area.code))!;
      const cell = tanhLinh.cells[i]!;
      expect(cell.pct).toBeCloseTo((part.points / part.maxPoints) * 100, 6);
      expect(cell.change).toBeCloseTo(
        (part.points / part.maxPoints) * 100 - (part.previousPoints / part.previousMaxPoints) * 100,
        6,
      );
    }
    const byName = await view(binhThuan2023, BT, "?xep=ten");
    const names = byName.heat.units.map((u) => u.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
  });

  it("refuses Đà Nẵng 2025 against 2024 (totals only) with a Vietnamese explanation, as a page", async () => {
    const r = await call(analysisLoader, daNang2025, "noivu.danang@hoinghi.local");
    expect(r.status).toBe(200);
    expect(r.data!.view).toBeNull();
    expect(r.data!.refusal!.message).toMatch(/cần điểm chi tiết của cả hai năm/);
    expect(r.data!.refusal!.message).toMatch(/chỉ có tổng điểm của từng đơn vị/);
    expect(r.data!.refusal!.message).toContain("2024");
    expect(r.data!.refusal!.mappingUrl).toBeNull();
    const first = await call(analysisLoader, binhThuan2022, BT);
    expect(first.data!.refusal!.message).toMatch(/chưa gắn với đợt năm trước/);
  });

  it("filters the criteria table by level, area, drops, newly lost points and text, and pages it", async () => {
    const all = await view(binhThuan2023, BT);
    const criteria = await view(binhThuan2023, BT, "?cap=tieu-chi");
    expect(criteria.table.total).toBeGreaterThan(0);
    expect(criteria.table.rows.every((r) => r.depth === 1)).toBe(true);
    const areas = await view(binhThuan2023, BT, "?cap=linh-vuc");
    expect(areas.table.rows.map((r) => r.code)).toEqual(all.areas.map((a) => a.code));
    const area = all.areas[1]!.code;
    const inArea = await view(binhThuan2023, BT, `?linhvuc=${encodeURIComponent(area)}`);
    expect(inArea.table.rows.every((r) => r.areaCode === area)).toBe(true);
    expect(inArea.table.rows[0]!.code).toBe(area);
    const drops = await view(binhThuan2023, BT, "?loc=giam");
    expect(drops.table.total).toBeGreaterThan(0);
    expect(drops.table.rows.every((r) => r.change !== null && r.change < 0)).toBe(true);
    const newly = await view(binhThuan2023, BT, "?loc=moi-mat&cap=tieu-chi-thanh-phan");
    expect(newly.table.rows.every((r) => r.newlyLost > 0 && r.depth >= 2)).toBe(true);
    // Text without diacritics finds the title with them; a code finds its row and those under it.
    const title = all.table.rows.find((r) => r.depth === 1)!;
    const word = title.title.split(/\s+/).find((w) => w.length > 4)!;
    const folded = word
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D");
    const found = await view(binhThuan2023, BT, `?q=${encodeURIComponent(folded.toLowerCase())}`);
    expect(found.table.rows.map((r) => r.code)).toContain(title.code);
    const byCode = await view(binhThuan2023, BT, `?q=${encodeURIComponent(title.code)}`);
    expect(byCode.table.rows.map((r) => r.code)).toEqual(
      all.table.rows.filter((r) => r.code.startsWith(title.code)).map((r) => r.code),
    );
    // Nonsense falls back to the defaults; a page past the end shows the last one.
    const odd = await view(binhThuan2023, BT, "?cap=xyz&loc=abc&trang=999&trang_dv=-3&xep=1");
    expect(odd.filters).toMatchObject({ cap: "", loc: "", xep: "chi-so", trang_dv: 1 });
    expect(odd.table.page).toBe(odd.table.pages);
    expect(odd.table.total).toBe(all.table.total);
  });

  it("restricts the analysis to one block of the round", async () => {
    const units = await prisma.roundUnit.findMany({
      where: { roundId: binhThuan2023 },
      select: { id: true, organizationId: true },
      orderBy: { organization: { name: "asc" } },
    });
    expect(await addBlock(SYSTEM_ACTOR, binhThuan2023, "Khối thử")).toMatchObject({ done: expect.any(String) });
    const block = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: binhThuan2023, name: "Khối thử" } });
    await prisma.roundUnit.updateMany({
      where: { id: { in: units.slice(0, 4).map((u) => u.id) } },
      data: { blockId: block.id },
    });
    try {
      const all = await view(binhThuan2023, BT);
      expect(all.blocks).toEqual(["Khối thử", "(chưa thuộc khối)"]);
      const one = await view(binhThuan2023, BT, `?khoi=${encodeURIComponent("Khối thử")}`);
      expect(one.filters.khoi).toBe("Khối thử");
      expect(one.units).toBe(4);
      expect(one.heat.total).toBe(4);
      const rest = await view(binhThuan2023, BT, `?khoi=${encodeURIComponent("(chưa thuộc khối)")}`);
      expect(rest.units).toBe(6);
      const unknown = await view(binhThuan2023, BT, "?khoi=Kh%C3%B4ng%20c%C3%B3");
      expect(unknown.filters.khoi).toBe("");
      expect(unknown.units).toBe(10);
    } finally {
      await prisma.roundUnit.updateMany({ where: { roundId: binhThuan2023 }, data: { blockId: null } });
      await prisma.roundBlock.delete({ where: { id: block.id } });
    }
  });

  it("sums up last year's remediation plans measured in this round, each plan linked", async () => {
    const tanhLinh2022 = await prisma.roundUnit.findFirstOrThrow({
      where: { roundId: binhThuan2022, organization: { name: "UBND huyện Tánh Linh" } },
      select: { id: true },
    });
    const load = await loadAnalysisBasis(binhThuan2023);
    if (!load?.ok) throw new Error("no basis");
    const leaves = load.basis.previous.compiled!.nodes.filter((_, i) => load.basis.previous.compiled!.isLeaf[i]);
    const plan = await prisma.remediationPlan.create({
      data: {
        roundUnitId: tanhLinh2022.id,
        title: "Kế hoạch khắc phục năm 2022 (thử)",
        actions: {
          create: leaves
            .slice(0, 4)
            .map((n, i) => ({ position: i + 1, code: n.code, title: n.title, pointsLost: 0.5 })),
        },
      },
      select: { id: true },
    });
    const v = await view(binhThuan2023, BT);
    const loop = await remediationLoopInto(load.basis);
    if (loop.state !== "ok") throw new Error(loop.state);
    expect(v.remediation!.text).toBe(remediationTallyText(loop.tally));
    expect(v.remediation!.text).toMatch(/^\d+\/4 hành động đã lấy lại điểm/);
    expect(v.remediation!.plans).toEqual([
      expect.objectContaining({
        planId: plan.id,
        unitName: "UBND huyện Tánh Linh",
        title: "Kế hoạch khắc phục năm 2022 (thử)",
      }),
    ]);
    await prisma.remediationPlan.delete({ where: { id: plan.id } });
  });

  it("follows a renamed criterion into a new framework version, links the mapping editor, refuses a stale mapping", async () => {
    // 2024: Bình Thuận's framework as a new version with sub-criterion 1.1.1 renumbered 1.1.9 (same title),
    // every district scored as in 2023.
    const before = (await loadRound(binhThuan2023))!;
    const stored = before.stored!;
    const rename = (nodes: FrameworkNode[]): FrameworkNode[] =>
      nodes.map((n) => ({ ...n, code: n.code === "1.1.1" ? "1.1.9" : n.code, children: rename(n.children) }));
    const frameworkId = await importFramework(
      SYSTEM_ACTOR,
      {
        organizationId: stored.organizationId,
        unitLevelId: stored.unitLevelId,
        framework: { ...stored.framework, year: 2024, areas: rename(stored.framework.areas) },
      },
      "bo-chi-so-2024.json",
    );
    const roundId = await createRound(SYSTEM_ACTOR, {
      title: "Chỉ số CCHC các huyện tỉnh Bình Thuận năm 2024 (thử)",
      year: 2024,
      organizationId: before.round.organizationId,
      frameworkId,
      previousRoundId: binhThuan2023,
      unitIds: before.units.map((u) => u.organizationId),
    });
    const compiled = before.compiled!;
    const lines = ["don_vi,ma,diem"];
    for (const u of before.scores)
      for (let i = 0; i < compiled.nodes.length; i++) {
        if (!compiled.isLeaf[i] || !("notApplicable" in u) || u.notApplicable[i]) continue;
        const code = compiled.nodes[i]!.code === "1.1.1" ? "1.1.9" : compiled.nodes[i]!.code;
        lines.push(`"${u.unitName}",${code},${Number.isNaN(u.points[i]!) ? 0 : u.points[i]}`);
      }
    const imported = await importScores(SYSTEM_ACTOR, (await loadRound(roundId))!, {
      name: "diem-2024.csv",
      data: new TextEncoder().encode(lines.join("\n")),
    });
    expect(imported.ok).toBe(true);

    const editor = `/scoring/frameworks/${frameworkId}/mapping/${stored.id}`;
    const v = await view(roundId, BT);
    expect(v.mapping).toMatchObject({ source: "suggested", url: editor });
    expect(v.unmatched).toEqual({ current: [], previous: [] });
    const renamed = (await view(roundId, BT, "?q=1.1.9")).table.rows.find((r) => r.code === "1.1.9")!;
    expect(renamed.previousCodes).toBe("1.1.1");
    expect(renamed.compared).toBe(10);
    // Tánh Linh's plan (made after 2023) measured in 2024.
    const plan = await prisma.remediationPlan.findFirstOrThrow({
      where: { roundUnit: { roundId: binhThuan2023, organization: { name: "UBND huyện Tánh Linh" } } },
      select: { id: true },
    });
    expect(v.remediation!.plans.map((p) => p.planId)).toContain(plan.id);
    expect(v.remediation!.text).toMatch(/^\d+\/\d+ hành động đã lấy lại điểm \(\d+ đủ điểm, \d+ một phần\)/);

    // A stored mapping naming a code the framework no longer has: refused, with the way to the editor.
    await prisma.frameworkMapping.create({
      data: {
        frameworkId,
        previousFrameworkId: stored.id,
        codes: {
          create: [
            { side: "CURRENT", code: "9.9.9", group: 0 },
            { side: "PREVIOUS", code: "1.1.1", group: 0 },
          ],
        },
      },
    });
    const stale = await call(analysisLoader, roundId, BT);
    expect(stale.status).toBe(200);
    expect(stale.data!.view).toBeNull();
    expect(stale.data!.refusal).toMatchObject({ mappingUrl: editor });
    expect(stale.data!.refusal!.message).toMatch(/Bảng ánh xạ mã giữa hai bộ chỉ số không còn khớp/);
    expect(stale.data!.refusal!.problems.join(" ")).toContain("9.9.9");
  });

  it("opens for the round's organisation only: another organisation and the assessed unit get 404", async () => {
    expect((await call(analysisLoader, binhThuan2023, TD)).status).toBe(404);
    expect((await call(analysisLoader, tamDuong2023, BT)).status).toBe(404);
    // Tánh Linh is assessed in Bình Thuận's published round: it sees its own change on its unit page only.
    expect((await call(analysisLoader, binhThuan2023, "noivu.tanhlinh@hoinghi.local")).status).toBe(404);
    // Also when its role could not read the round at all (404 rather than 403: the same answer).
    const tanhLinh = await prisma.organization.findFirstOrThrow({ where: { name: "UBND huyện Tánh Linh" } });
    await prisma.user.create({
      data: {
        email: "diemdanh.tanhlinh@hoinghi.local",
        name: "Cán bộ điểm danh Tánh Linh",
        organizationId: tanhLinh.id,
        roles: { create: [{ role: "CHECKIN_STAFF" }] },
      },
    });
    expect((await call(analysisLoader, binhThuan2023, "diemdanh.tanhlinh@hoinghi.local")).status).toBe(404);
    // A member whose role lacks scoring.view: 403.
    const bt = await prisma.organization.findFirstOrThrow({ where: { name: "UBND tỉnh Bình Thuận" } });
    await prisma.user.create({
      data: {
        email: "diemdanh.binhthuan@hoinghi.local",
        name: "Cán bộ điểm danh Bình Thuận",
        organizationId: bt.id,
        roles: { create: [{ role: "CHECKIN_STAFF" }] },
      },
    });
    expect((await call(analysisLoader, binhThuan2023, "diemdanh.binhthuan@hoinghi.local")).status).toBe(403);
    const anonymous = await call(analysisLoader, binhThuan2023, null);
    expect([302, 401]).toContain(anonymous.status);
    expect((await call(analysisLoader, binhThuan2023, "admin@hoinghi.local")).status).toBe(200);
  });

  it("links the analysis from the round page when the round is detailed and has a previous round", async () => {
    const canAnalyse = async (roundId: string, email: string) => {
      const r = await call(roundLoader, roundId, email);
      return (r.data as unknown as { round: { canAnalyse: boolean } }).round.canAnalyse;
    };
    expect(await canAnalyse(binhThuan2023, BT)).toBe(true);
    expect(await canAnalyse(tamDuong2023, TD)).toBe(true);
    expect(await canAnalyse(binhThuan2022, BT)).toBe(false);
    expect(await canAnalyse(binhThuan2023, "noivu.tanhlinh@hoinghi.local")).toBe(false);
  });
});
