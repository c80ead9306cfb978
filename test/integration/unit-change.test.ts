import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import * as unitRoute from "#app/routes/scoring.rounds.$id.units.$unitId.tsx";
import { unitChangePanel, type UnitChangePanelData } from "#app/components/scoring/unit-change/unit-change-view.ts";
import { explainUnitChange } from "#app/scoring/analysis/index.ts";
import { loadAnalysisBasis } from "#app/scoring/round-analysis.server.ts";
import { call, get, signIn, type Person } from "#tests/helpers/route-call.ts";

// The unit page's "why it moved" panel (issue 16) on the seed: Tam Đường's communes 2022 → 2023 (one
// framework), Đà Nẵng 2025 against a 2024 of totals only (refused), Tánh Linh seeing its own unit.
// Through the route module as Remix calls it; on SQLite and on PostgreSQL (npm run test:pg).

const sum = (xs: Array<{ change: number }>) => xs.reduce((n, x) => n + x.change, 0);

async function roundOf(titlePart: string) {
  return prisma.assessmentRound.findFirstOrThrow({
    where: { title: { contains: titlePart } },
    select: {
      id: true,
      units: { select: { id: true, organizationId: true, organization: { select: { name: true } } } },
    },
  });
}

async function panel(who: Person, roundId: string, unitId: string) {
  const res = await call(unitRoute.loader, get(`/scoring/rounds/${roundId}/units/${unitId}`, who), {
    id: roundId,
    unitId,
  });
  expect(res.status).toBe(200);
  return res.body.change as UnitChangePanelData | null;
}

let noiVuTamDuong: Person;

beforeAll(async () => {
  noiVuTamDuong = await signIn("noivu.tamduong@hoinghi.local");
});

describe("why a unit moved", () => {
  it("breaks a Tam Đường commune's change down by area: the parts add up to the total change", async () => {
    const round = await roundOf("huyện Tam Đường năm 2023");
    const basis = await loadAnalysisBasis(round.id);
    if (!basis?.ok) throw new Error("no analysis basis");
    let checked = 0;
    for (const unit of round.units) {
      const data = await panel(noiVuTamDuong, round.id, unit.id);
      const explained = explainUnitChange(basis.basis.input, unit.organizationId);
      if (!explained) {
        expect(data).toMatchObject({ state: "none", message: expect.stringMatching(/không có kết quả năm trước/) });
        continue;
      }
      if (data?.state !== "ok") throw new Error(`no panel for ${unit.organization.name}`);
      expect(data.change).toBe(explained.change);
      expect(data.change).toBe(data.total - data.previousTotal);
      expect(sum(data.areas)).toBe(data.change);
      expect(sum(explained.criteria)).toBe(data.change);
      expect(sum(explained.subCriteria)).toBe(data.change);
      expect(Number.isInteger(data.change)).toBe(true);
      expect(data.indexChange).toBeCloseTo(data.indexPct - data.previousIndexPct, 9);
      expect(data.previousYear).toBe(2022);
      expect(data.mergedFrom).toEqual([]);
      // Drivers move the total in its own direction; done and not done carry their Vietnamese status.
      for (const d of data.drivers) expect(Math.sign(d.change)).toBe(Math.sign(data.change) || Math.sign(d.change));
      for (const p of data.didWell) expect(["Giữ điểm tối đa", "Đạt điểm tối đa"]).toContain(p.statusLabel);
      for (const p of data.didNot) expect(["Mới bị trừ điểm", "Vẫn bị trừ điểm"]).toContain(p.statusLabel);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("compares a merged unit with the sum of its predecessors and names them", async () => {
    const round = await roundOf("huyện Tam Đường năm 2023");
    const basis = await loadAnalysisBasis(round.id);
    if (!basis?.ok) throw new Error("no analysis basis");
    const [a, b] = round.units;
    const input = {
      ...basis.basis.input,
      predecessors: new Map([[a!.organizationId, [a!.organizationId, b!.organizationId]]]),
    };
    const explained = explainUnitChange(input, a!.organizationId)!;
    const names = new Map(round.units.map((u) => [u.organizationId, u.organization.name]));
    const data = unitChangePanel(explained, names, 2022);
    if (data.state !== "ok") throw new Error("no panel");
    expect(data.mergedFrom).toEqual([a!.organization.name, b!.organization.name]);
    expect(sum(data.areas)).toBe(data.change);
    expect(data.previousMaxTotal).toBeGreaterThan(data.maxTotal);
  });

  it("says in one line why there is no breakdown: a previous round of totals only", async () => {
    const danang = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2025, organization: { name: { contains: "Đà Nẵng" } } },
      select: { id: true, units: { select: { id: true } } },
    });
    const data = await panel(await signIn("noivu.danang@hoinghi.local"), danang.id, danang.units[0]!.id);
    expect(data).toMatchObject({ state: "none", message: expect.stringMatching(/chỉ có tổng điểm/) });
  });

  it("has no panel in a round without a previous round, and none for a unit without a previous result", async () => {
    const first = await roundOf("huyện Tam Đường năm 2022");
    expect(await panel(noiVuTamDuong, first.id, first.units[0]!.id)).toBeNull();
    expect(unitChangePanel(null, new Map(), 2022)).toMatchObject({ state: "none" });
  });

  it("shows an assessed unit its own unit's panel", async () => {
    const tanhLinh = await prisma.roundUnit.findFirstOrThrow({
      where: {
        organization: { name: "UBND huyện Tánh Linh" },
        round: { status: "PUBLISHED", previousRoundId: { not: null } },
      },
      select: { id: true, roundId: true },
    });
    const data = await panel(await signIn("noivu.tanhlinh@hoinghi.local"), tanhLinh.roundId, tanhLinh.id);
    expect(data?.state).toBe("ok");
    if (data?.state === "ok") expect(sum(data.areas)).toBe(data.change);
  });
});
