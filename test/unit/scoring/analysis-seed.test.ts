import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyseCriteria,
  explainUnitChange,
  remediationOutcomes,
  suggestMapping,
  tallyRemediation,
  type AnalysisInput,
  type ChangePart,
} from "#app/scoring/analysis/index.ts";
import { detailedTotals, unitAppendices } from "#app/scoring/compute.ts";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import { compileFramework, emptyScores, type CompiledFramework } from "#app/scoring/framework.ts";
import type { DetailedScores } from "#app/scoring/types.ts";
import { organizations } from "#prisma/seed-data/organizations.ts";
import { frameworks, rounds } from "#prisma/seed-data/scoring.ts";

// The demo's detailed rounds (Tam Đường's communes and Bình Thuận's districts, 2022 → 2023) analysed
// criterion by criterion, as the conference would present them.

const orgName = new Map(organizations.map((o) => [o.key, o.name]));

function compiledOf(frameworkKey: string): CompiledFramework {
  const entry = frameworks.find((f) => f.key === frameworkKey)!;
  const parsed = parseFrameworkJson(
    readFileSync(new URL(`../../../prisma/seed-data/frameworks/${entry.file}`, import.meta.url), "utf8"),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return compileFramework(parsed.framework);
}

function round(key: string): { compiled: CompiledFramework; units: DetailedScores[] } {
  const r = rounds.find((x) => x.key === key)!;
  const compiled = compiledOf(r.frameworkKey!);
  const units = r.units.map((u) => {
    const s = emptyScores(compiled, u.organizationKey, orgName.get(u.organizationKey) ?? u.organizationKey);
    for (const [code, points] of Object.entries(u.scores ?? {})) s.points[compiled.indexByCode.get(code)!] = points;
    for (const code of u.notApplicable ?? []) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
    return { ...s, predecessorIds: u.predecessors ?? [] };
  });
  return { compiled, units };
}

const sum = (parts: ChangePart[]) => parts.reduce((s, p) => s + p.change, 0);

describe.each([
  ["tam-duong-xa-2023", "tam-duong-xa-2022", 13],
  ["binh-thuan-huyen-2023", "binh-thuan-huyen-2022", 10],
])("%s against %s", (currentKey, previousKey, count) => {
  const current = round(currentKey);
  const previous = round(previousKey);
  const input: AnalysisInput = { current, previous };

  it("analyses every node, with every unit compared and no node left without a counterpart", () => {
    const analysis = analyseCriteria(input);
    expect(analysis.units).toBe(count);
    expect(analysis.comparedUnits).toBe(count);
    expect(analysis.rows).toHaveLength(input.current.compiled.nodes.length);
    expect(analysis.unmatched).toEqual({ current: [], previous: [] });
    // The same framework both years: the suggestion is the identity.
    const suggested = suggestMapping(input.current.compiled, input.previous.compiled);
    expect(suggested.groups.every((g) => g.current[0] === g.previous[0])).toBe(true);
    expect(suggested.unmatchedCurrent).toEqual([]);
    for (const row of analysis.rows) {
      expect(row.compared).toBeLessThanOrEqual(row.units);
      expect(row.gained + row.lost + row.unchanged).toBe(row.compared);
      expect(row.newlyLost).toBeLessThanOrEqual(row.lost);
    }
    expect(analysis.strongest.length).toBeGreaterThan(0);
    expect(analysis.weakest[0]!.averagePct!).toBeLessThanOrEqual(analysis.strongest[0]!.averagePct!);
  });

  it("breaks down every unit's change exactly, in hundredths of a point", () => {
    for (const u of current.units) {
      const change = explainUnitChange(input, u.unitId)!;
      const before = previous.units.find((p) => p.unitId === u.unitId)!;
      const now = Math.round(detailedTotals(input.current.compiled, u).points * 100);
      const then = Math.round(detailedTotals(input.previous.compiled, before).points * 100);
      expect(change.change).toBe(now - then);
      expect(sum(change.areas)).toBe(change.change);
      expect(sum(change.criteria)).toBe(change.change);
      expect(sum(change.subCriteria)).toBe(change.change);
    }
  });
});

describe("Tam Đường's communes: not-applicable criteria", () => {
  const current = round("tam-duong-xa-2023");
  const input: AnalysisInput = { current, previous: round("tam-duong-xa-2022") };

  it("leaves out of 2.1 the communes that issued no legal document (not counted as zero)", () => {
    const analysis = analyseCriteria(input);
    const na2023 = current.units.filter((u) => u.notApplicable[input.current.compiled.indexByCode.get("2.1")!]);
    expect(na2023.length).toBe(6);
    const row = analysis.rows.find((r) => r.code === "2.1")!;
    expect(row.units).toBe(13 - 6);
    expect(row.compared).toBe(13 - 6);
  });

  it("explains Nà Tăm's drop (75.3 % after 76.8 %) by its criteria", () => {
    const change = explainUnitChange(input, "tam-duong-na-tam")!;
    expect(change.indexChange).toBeCloseTo(75.3 - 76.8, 1);
    expect(change.change).toBeLessThan(0);
    expect(change.drivers.every((d) => d.change < 0)).toBe(true);
    expect(change.didWell.length + change.didNot.length).toBeGreaterThan(0);
  });
});

describe("Bình Thuận: Tánh Linh's remediation of its 2022 losses, followed in 2023", () => {
  const previous = round("binh-thuan-huyen-2022");
  const input: AnalysisInput = { current: round("binh-thuan-huyen-2023"), previous };

  it("counts the actions that recovered their points", () => {
    const tanhLinh2022 = previous.units.find((u) => u.unitId === "tanh-linh")!;
    // One action per sub-criterion that lost points in 2022 (its Phụ lục 2).
    const lost = unitAppendices(input.previous.compiled, tanhLinh2022).lostPoints;
    const actions = lost.map((l) => ({ unitId: "tanh-linh", code: l.code }));
    const outcomes = remediationOutcomes(input, actions);
    const tally = tallyRemediation(outcomes);
    expect(tally.total).toBe(lost.length);
    expect(tally.recovered + tally.partly + tally.notRecovered + tally.notAssessed).toBe(tally.total);
    expect(tally.notAssessed).toBe(0);
    for (const o of outcomes) {
      expect(o.before!.pct).toBeLessThan(100);
      if (o.status === "recovered") expect(o.after!.points).toBe(o.after!.maxPoints);
      if (o.status === "partly") expect(o.after!.pct).toBeGreaterThan(o.before!.pct);
    }
    // Tánh Linh gained 2.21 points (68.9 → 71.11): some of its 2022 losses were recovered.
    expect(tally.recovered + tally.partly).toBeGreaterThan(0);
    const change = explainUnitChange(input, "tanh-linh")!;
    expect(change.change).toBe(7111 - 6890);
  });

  it("reports a criterion not applicable in the following year as no longer assessed", () => {
    // Đức Linh: 6.3.2 applied in 2022, not in 2023.
    const [outcome] = remediationOutcomes(input, [{ unitId: "duc-linh", code: "6.3.2" }]);
    expect(outcome).toMatchObject({ status: "not-assessed", reason: "not-applicable", after: null });
    const [unknown] = remediationOutcomes(input, [{ unitId: "duc-linh", code: "9.9" }]);
    expect(unknown).toMatchObject({ status: "not-assessed", reason: "unknown-code" });
    const [gone] = remediationOutcomes(input, [{ unitId: "huyen-da-sap-nhap", code: "6.3.2" }]);
    expect(gone).toMatchObject({ status: "not-assessed", reason: "unit-not-assessed" });
  });
});
