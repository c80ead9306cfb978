import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import {
  compileFramework,
  DEFAULT_BANDS,
  emptyScores,
  rankUnits,
  type CompiledFramework,
  type Framework,
  type PreviousResult,
  type UnitResult,
} from "#app/scoring/index.ts";
import { organizations } from "#prisma/seed-data/organizations.ts";
import { frameworks, rounds, type SeedRound } from "#prisma/seed-data/scoring.ts";

// The demo frameworks and rounds: consistent with the organisation tree and
// the frameworks, and holding seed 003's figures for Tánh Linh.

const orgByKey = new Map(organizations.map((o) => [o.key, o]));

const loaded = new Map(
  frameworks.map((f) => {
    const parsed = parseFrameworkJson(
      readFileSync(new URL(`../../../prisma/seed-data/frameworks/${f.file}`, import.meta.url), "utf8"),
    );
    if (!parsed.ok) throw new Error(`${f.file}: ${parsed.errors.join("; ")}`);
    return [f.key, { framework: parsed.framework, compiled: compileFramework(parsed.framework) }] as const;
  }),
);

function frameworkOf(round: SeedRound): { framework: Framework; compiled: CompiledFramework } | null {
  return round.frameworkKey ? loaded.get(round.frameworkKey)! : null;
}

const roundByKey = new Map(rounds.map((r) => [r.key, r]));

/** Results of a round computed as the app does, with the previous round's results. */
function results(round: SeedRound): UnitResult[] {
  const previous: PreviousResult[] | undefined = round.previousRoundKey
    ? results(roundByKey.get(round.previousRoundKey)!).map((r) => ({
        unitId: r.unitId,
        rank: r.rank,
        indexPct: r.indexPct,
        className: r.className,
      }))
    : undefined;
  const name = (key: string) => orgByKey.get(key)!.name;
  const fw = frameworkOf(round);
  if (!fw) {
    return rankUnits(
      round.units.map((u) => ({
        unitId: u.organizationKey,
        unitName: name(u.organizationKey),
        points: u.points!,
        maxPoints: u.maxPoints!,
        surveyPoints: u.surveyPoints,
      })),
      { bands: DEFAULT_BANDS, previous },
    );
  }
  const { compiled, framework } = fw;
  const units = round.units.map((u) => {
    const s = emptyScores(compiled, u.organizationKey, name(u.organizationKey));
    for (const [code, points] of Object.entries(u.scores ?? {})) s.points[compiled.indexByCode.get(code)!] = points;
    for (const code of u.notApplicable ?? []) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
    return s;
  });
  return rankUnits(units, { bands: framework.bands, compiled, previous });
}

describe("seed frameworks", () => {
  it("have unique keys, known issuing organisations and valid files", () => {
    expect(new Set(frameworks.map((f) => f.key)).size).toBe(frameworks.length);
    for (const f of frameworks) {
      expect(orgByKey.has(f.organizationKey), f.key).toBe(true);
      expect(loaded.has(f.key)).toBe(true);
      expect(f.version).toBeGreaterThanOrEqual(1);
    }
  });

  it("have leaf counts that make a realistic score-entry grid", () => {
    const leaves = (key: string) => loaded.get(key)!.compiled.isLeaf.reduce((s, x) => s + x, 0);
    expect(leaves("par-index-tinh")).toBeGreaterThanOrEqual(60);
    expect(leaves("par-index-xa-tam-duong")).toBeGreaterThanOrEqual(40);
    expect(leaves("par-index-xa-tam-duong")).toBeLessThanOrEqual(70);
    expect(leaves("par-index-huyen-binh-thuan")).toBeGreaterThanOrEqual(50);
    expect(leaves("par-index-huyen-binh-thuan")).toBeLessThanOrEqual(80);
  });
});

describe("seed rounds", () => {
  it("have unique keys, previous rounds listed before them, and known organisations", () => {
    const seen = new Set<string>();
    for (const r of rounds) {
      expect(seen.has(r.key), r.key).toBe(false);
      if (r.previousRoundKey) {
        expect(seen.has(r.previousRoundKey), `${r.key} before ${r.previousRoundKey}`).toBe(true);
        const prev = roundByKey.get(r.previousRoundKey)!;
        expect(prev.year).toBe(r.year - 1);
        expect(prev.frameworkKey).toBe(r.frameworkKey);
      }
      seen.add(r.key);
      expect(orgByKey.has(r.organizationKey), r.key).toBe(true);
      if (r.frameworkKey) expect(loaded.has(r.frameworkKey), r.key).toBe(true);
      expect(r.units.length, r.key).toBeGreaterThanOrEqual(5);
      const unitKeys = r.units.map((u) => u.organizationKey);
      expect(new Set(unitKeys).size, r.key).toBe(unitKeys.length);
      for (const u of r.units) {
        expect(orgByKey.has(u.organizationKey), `${r.key}: ${u.organizationKey}`).toBe(true);
        expect(orgByKey.get(u.organizationKey)!.parentKey, `${r.key}: ${u.organizationKey}`).toBe(r.organizationKey);
      }
    }
  });

  it("assess units of the framework's level", () => {
    for (const r of rounds) {
      const fw = frameworkOf(r);
      if (!fw) continue;
      for (const u of r.units)
        expect(orgByKey.get(u.organizationKey)!.level, `${r.key}: ${u.organizationKey}`).toBe(fw.framework.unitLevel);
    }
  });

  it("score only leaves of their framework, within 0 and the maximum, with at most two decimals", () => {
    for (const r of rounds) {
      const fw = frameworkOf(r);
      if (r.shape === "SUMMARY") {
        expect(fw).toBeNull();
        for (const u of r.units) {
          expect(u.scores, `${r.key}: ${u.organizationKey}`).toBeUndefined();
          expect(u.maxPoints!).toBeGreaterThan(0);
          expect(u.points!).toBeGreaterThanOrEqual(0);
          expect(u.points!).toBeLessThanOrEqual(u.maxPoints!);
          if (u.surveyPoints !== undefined) expect(u.surveyPoints).toBeLessThanOrEqual(u.points!);
        }
        continue;
      }
      expect(fw, r.key).not.toBeNull();
      const { compiled } = fw!;
      for (const u of r.units) {
        const where = `${r.key}: ${u.organizationKey}`;
        expect(u.points, where).toBeUndefined();
        const na = (u.notApplicable ?? []).map((code) => compiled.indexByCode.get(code));
        expect(
          na.every((i) => i !== undefined),
          `${where}: not-applicable codes`,
        ).toBe(true);
        const underNa = (i: number) => na.some((a) => i >= a! && i < compiled.subtreeEnd[a!]!);
        for (const [kind, record] of [
          ["scores", u.scores],
          ["selfScores", u.selfScores],
        ] as const) {
          for (const [code, points] of Object.entries(record ?? {})) {
            const i = compiled.indexByCode.get(code);
            expect(i, `${where}: ${kind} ${code} is not in the framework`).toBeDefined();
            expect(compiled.isLeaf[i!], `${where}: ${kind} ${code} is not a leaf`).toBe(1);
            expect(underNa(i!), `${where}: ${kind} ${code} is not applicable`).toBe(false);
            expect(points, `${where}: ${kind} ${code}`).toBeGreaterThanOrEqual(0);
            expect(points, `${where}: ${kind} ${code}`).toBeLessThanOrEqual(compiled.maxPoints[i!]!);
            expect(
              Math.abs(points * 100 - Math.round(points * 100)),
              `${where}: ${kind} ${code} = ${points}`,
            ).toBeLessThan(1e-9);
          }
        }
        // Self-assessment covers the appraised criteria; survey criteria come from the survey.
        for (const code of Object.keys(u.selfScores ?? {}))
          expect(compiled.nodes[compiled.indexByCode.get(code)!]!.source).toBe("APPRAISAL");
      }
    }
  });

  it("keep SIPAS figures within 0–100 %", () => {
    for (const r of rounds) {
      for (const u of r.units) {
        if (!u.sipas) continue;
        for (const value of Object.values(u.sipas)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("give Tam Đường's communes a SIPAS survey in 2023, realistic indices and some criteria not applicable", () => {
    const tamDuongCommunes = organizations
      .filter((o) => o.parentKey === "tam-duong" && o.level === "XA")
      .map((o) => o.key);
    for (const key of ["tam-duong-xa-2022", "tam-duong-xa-2023"]) {
      const round = roundByKey.get(key)!;
      expect(round.units.map((u) => u.organizationKey).sort()).toEqual([...tamDuongCommunes].sort());
      for (const r of results(round)) {
        expect(r.indexPct, r.unitName).toBeGreaterThanOrEqual(65);
        expect(r.indexPct, r.unitName).toBeLessThanOrEqual(92);
      }
      expect(round.units.filter((u) => u.notApplicable?.length).length).toBeGreaterThan(0);
    }
    expect(roundByKey.get("tam-duong-xa-2023")!.previousRoundKey).toBe("tam-duong-xa-2022");
    expect(roundByKey.get("tam-duong-xa-2023")!.units.every((u) => u.sipas)).toBe(true);
  });

  it("rank the ten district-level units of Bình Thuận", () => {
    const units = organizations.filter((o) => o.parentKey === "binh-thuan" && o.level === "HUYEN").map((o) => o.key);
    expect(units).toHaveLength(10);
    for (const key of ["binh-thuan-huyen-2022", "binh-thuan-huyen-2023"]) {
      expect(
        roundByKey
          .get(key)!
          .units.map((u) => u.organizationKey)
          .sort(),
      ).toEqual([...units].sort());
    }
  });

  it("hold seed 003: Tánh Linh 71.11 of 97 points in 2023, 73.31 %, Khá, 5th of 10, three places up from 8th", () => {
    const round = roundByKey.get("binh-thuan-huyen-2023")!;
    const scores = round.units.find((u) => u.organizationKey === "tanh-linh")!.scores!;
    expect(Math.abs(Object.values(scores).reduce((s, p) => s + p, 0) - 71.11)).toBeLessThan(1e-9);

    const ranking = results(round);
    expect(ranking).toHaveLength(10);
    const tanhLinh = ranking.find((r) => r.unitId === "tanh-linh")!;
    expect(Math.abs(tanhLinh.points - 71.11)).toBeLessThan(1e-9);
    expect(tanhLinh.maxPoints).toBe(97);
    expect(tanhLinh.indexPct.toFixed(2)).toBe("73.31");
    expect(tanhLinh.className).toBe("Khá");
    expect(tanhLinh.rank).toBe(5);
    expect(tanhLinh.previous).toMatchObject({ rank: 8, className: "Khá" });
    expect(tanhLinh.rankChange).toBe(3);
    expect(tanhLinh.classChange).toBe("same");
    // Ranks are distinct: no tie blurs the 5th place.
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("summarise Quảng Nam's districts with totals, survey points and SIPAS", () => {
    const round = roundByKey.get("quang-nam-huyen-2023")!;
    expect(round.shape).toBe("SUMMARY");
    expect(round.frameworkKey).toBeNull();
    const quangNamDistricts = organizations
      .filter((o) => o.parentKey === "quang-nam" && o.level === "HUYEN")
      .map((o) => o.key);
    expect(round.units.map((u) => u.organizationKey).sort()).toEqual([...quangNamDistricts].sort());
    for (const u of round.units) {
      expect(u.surveyPoints).toBeDefined();
      expect(u.sipas).toBeDefined();
    }
    expect(results(round)[0]!.rank).toBe(1);
  });

  it("are generated deterministically", async () => {
    vi.resetModules();
    const again = await import("#prisma/seed-data/scoring.ts");
    expect(again.rounds).not.toBe(rounds);
    expect(again.rounds).toEqual(rounds);
  });
});
