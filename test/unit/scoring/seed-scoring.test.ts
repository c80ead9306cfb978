import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import {
  compileFramework,
  DEFAULT_BANDS,
  emptyScores,
  rankSipas,
  rankUnits,
  type CompiledFramework,
  type Framework,
  type PreviousResult,
  type UnitResult,
} from "#app/scoring/index.ts";
import { remediationOutcomes, tallyRemediation } from "#app/scoring/analysis/index.ts";
import { unitAppendices } from "#app/scoring/compute.ts";
import { organizations } from "#prisma/seed-data/organizations.ts";
import { confirmedMapping, seedMappings } from "#prisma/seed-data/binh-thuan-2024.ts";
import { frameworks, rounds, type SeedRound, type SeedRoundUnit } from "#prisma/seed-data/scoring.ts";

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

/** Where the seed places a unit: its block, ranked flag and predecessors, as the loader passes them. */
const placement = (u: SeedRoundUnit) => ({
  block: u.block ?? null,
  ranked: u.ranked ?? true,
  notRankedReason: u.notRankedReason ?? null,
  predecessorIds: u.predecessors ?? [],
});

/**
 * Results of a round computed as the app does, with the previous round's results (each unit's rank as
 * published when the seed has one, else the recomputed rank).
 */
function results(round: SeedRound): UnitResult[] {
  const previous: PreviousResult[] | undefined = round.previousRoundKey
    ? (() => {
        const prev = roundByKey.get(round.previousRoundKey)!;
        const published = new Map(prev.units.map((u) => [u.organizationKey, u.publishedRank]));
        return results(prev).map((r) => ({
          unitId: r.unitId,
          unitName: r.unitName,
          rank: published.get(r.unitId) ?? r.rank,
          indexPct: r.indexPct,
          className: r.className,
          block: r.block,
        }));
      })()
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
        surveyMaxPoints: u.surveyMaxPoints,
        ...placement(u),
      })),
      { bands: DEFAULT_BANDS, previous, blockOrder: round.blocks },
    );
  }
  const { compiled, framework } = fw;
  const units = round.units.map((u) => {
    const s = emptyScores(compiled, u.organizationKey, name(u.organizationKey));
    for (const [code, points] of Object.entries(u.scores ?? {})) s.points[compiled.indexByCode.get(code)!] = points;
    for (const code of u.notApplicable ?? []) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
    return { ...s, ...placement(u) };
  });
  return rankUnits(units, { bands: framework.bands, compiled, previous, blockOrder: round.blocks });
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
        // A round may follow one whose published totals were all the province kept; a detailed one is on
        // the same framework, or on an earlier version with a stored mapping.
        if (prev.shape === "DETAILED" && prev.frameworkKey !== r.frameworkKey)
          expect(
            seedMappings.some((m) => m.frameworkKey === r.frameworkKey && m.previousFrameworkKey === prev.frameworkKey),
            `${r.key}: mapping to ${prev.frameworkKey}`,
          ).toBe(true);
      }
      // Blocks declared once each; every unit of a round with blocks in one of them.
      if (r.blocks) {
        expect(new Set(r.blocks).size, r.key).toBe(r.blocks.length);
        for (const u of r.units) expect(r.blocks, `${r.key}: ${u.organizationKey}`).toContain(u.block);
      } else {
        expect(
          r.units.every((u) => u.block === undefined),
          r.key,
        ).toBe(true);
      }
      // Predecessors are units of the previous round; a reason only for a unit not ranked.
      const previousKeys = new Set(
        r.previousRoundKey ? roundByKey.get(r.previousRoundKey)!.units.map((u) => u.organizationKey) : [],
      );
      for (const u of r.units) {
        for (const p of u.predecessors ?? [])
          expect(previousKeys.has(p), `${r.key}: ${u.organizationKey} ← ${p}`).toBe(true);
        if (u.notRankedReason) expect(u.ranked, `${r.key}: ${u.organizationKey}`).toBe(false);
        if (u.ranked === false) expect(u.notRankedReason, `${r.key}: ${u.organizationKey}`).toBeTruthy();
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

  it("assess units of the framework's level, or with blocks, one level per block", () => {
    for (const r of rounds) {
      const fw = frameworkOf(r);
      if (!fw) continue;
      if (!r.blocks) {
        for (const u of r.units)
          expect(orgByKey.get(u.organizationKey)!.level, `${r.key}: ${u.organizationKey}`).toBe(fw.framework.unitLevel);
        continue;
      }
      // Đà Nẵng 2025: departments (SO) in their block, wards and communes (XA) in theirs.
      const levels = r.blocks.map(
        (b) => new Set(r.units.filter((u) => u.block === b).map((u) => orgByKey.get(u.organizationKey)!.level)),
      );
      for (const set of levels) expect(set.size, r.key).toBe(1);
      expect(
        levels.some((set) => set.has(fw.framework.unitLevel as never)),
        r.key,
      ).toBe(true);
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
    for (const key of ["binh-thuan-huyen-2022", "binh-thuan-huyen-2023", "binh-thuan-huyen-2024"]) {
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

  describe("Bình Thuận 2024: a new framework version, and how Tánh Linh's plan went", () => {
    const current = loaded.get("par-index-huyen-binh-thuan-2024")!;
    const previous = loaded.get("par-index-huyen-binh-thuan")!;
    const mapping = confirmedMapping(current.compiled, previous.compiled, seedMappings[0]!.edits);

    it("changes the framework as a new version does, keeping 97 points", () => {
      expect(frameworks.find((f) => f.key === "par-index-huyen-binh-thuan-2024")).toMatchObject({
        organizationKey: "binh-thuan",
        version: 2,
      });
      expect(current.framework.year).toBe(2024);
      const total = (c: CompiledFramework) =>
        c.nodes.reduce((s, n, i) => s + (c.parent[i] === -1 ? n.maxPoints : 0), 0);
      expect(total(current.compiled)).toBe(97);
      expect(total(previous.compiled)).toBe(97);
      const moved = mapping.filter(
        (g) => g.current.length > 1 || g.previous.length > 1 || g.current[0] !== g.previous[0],
      );
      expect(moved).toEqual([
        { current: ["3.6"], previous: ["3.5"] },
        { current: ["3.6.1"], previous: ["3.5.1"] },
        { current: ["3.6.2"], previous: ["3.5.2"] },
        { current: ["5.5.1", "5.5.3"], previous: ["5.5.1"] },
      ]);
      const title = (c: CompiledFramework, code: string) => c.nodes[c.indexByCode.get(code)!]!.title;
      expect(title(current.compiled, "3.6.1")).toBe(title(previous.compiled, "3.5.1"));
      expect(title(current.compiled, "1.4")).not.toBe(title(previous.compiled, "1.4"));
      // New in 2024, dropped after 2023: in no group.
      const mapped = (side: "current" | "previous", code: string) => mapping.some((g) => g[side].includes(code));
      expect(mapped("current", "3.5")).toBe(false);
      expect(mapped("previous", "3.6")).toBe(false);
      expect(current.compiled.nodes.length - mapping.flatMap((g) => g.current).length).toBe(1);
      expect(previous.compiled.nodes.length - mapping.flatMap((g) => g.previous).length).toBe(1);
    });

    it("ranks Tánh Linh 3rd with 79.62 / 97 = 82.08 %, Tốt, two places up", () => {
      const ranking = results(roundByKey.get("binh-thuan-huyen-2024")!);
      expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const tanhLinh = ranking.find((r) => r.unitId === "tanh-linh")!;
      expect(tanhLinh.points.toFixed(2)).toBe("79.62");
      expect(tanhLinh.indexPct.toFixed(2)).toBe("82.08");
      expect(tanhLinh).toMatchObject({ maxPoints: 97, className: "Tốt", rank: 3, rankChange: 2, classChange: "up" });
    });

    it("recovers 31 of the 46 criteria of the 2023 plan: 25 fully, 6 partly; 3.6 no longer assessed", () => {
      const scoresOf = (key: string, compiled: CompiledFramework) =>
        roundByKey.get(key)!.units.map((u) => {
          const s = emptyScores(compiled, u.organizationKey, u.organizationKey);
          for (const [code, p] of Object.entries(u.scores!)) s.points[compiled.indexByCode.get(code)!] = p;
          for (const code of u.notApplicable ?? []) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
          return s;
        });
      const before = scoresOf("binh-thuan-huyen-2023", previous.compiled);
      const plan = unitAppendices(
        previous.compiled,
        before.find((u) => u.unitId === "tanh-linh")!,
      ).lostPoints;
      expect(plan).toHaveLength(46);
      const outcomes = remediationOutcomes(
        {
          current: { compiled: current.compiled, units: scoresOf("binh-thuan-huyen-2024", current.compiled) },
          previous: { compiled: previous.compiled, units: before },
          mapping,
        },
        plan.map((item) => ({ unitId: "tanh-linh", code: item.code })),
      );
      expect(tallyRemediation(outcomes)).toEqual({
        total: 46,
        recovered: 25,
        partly: 6,
        notRecovered: 14,
        notAssessed: 1,
      });
      const of = (code: string) => outcomes.find((o) => o.code === code)!;
      expect(of("3.6")).toMatchObject({ status: "not-assessed", reason: "criterion-gone" });
      expect(of("3.5.1")).toMatchObject({ status: "recovered", currentCodes: ["3.6.1"] });
      expect(of("5.5.1")).toMatchObject({
        status: "partly",
        currentCodes: ["5.5.1", "5.5.3"],
        before: { points: 0, maxPoints: 1.5 },
        after: { points: 0.75, maxPoints: 1.5 },
      });
      expect(of("1.4")).toMatchObject({ status: "partly", after: { points: 0.75 } });
      expect(
        outcomes
          .filter((o) => o.status === "partly")
          .map((o) => o.code)
          .sort(),
      ).toEqual(["1.4", "3.4.1", "5.1.2", "5.5.1", "7.3.3", "8.2.1"]);
    });
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

  describe("Đà Nẵng 2025: departments, wards, and communes with the special zone, ranked apart", () => {
    const round = roundByKey.get("da-nang-2025")!;
    const ranking = results(round);
    const byOrg = new Map(ranking.map((r) => [r.unitId, r]));

    it("has the three blocks, each ranked 1..n on its own, with 6 to 12 units", () => {
      expect(round.year).toBe(2025);
      expect(round.shape).toBe("DETAILED");
      expect(round.blocks).toEqual(["Khối sở, ban, ngành", "Khối phường", "Khối xã, đặc khu"]);
      expect(round.previousRoundKey).toBe("da-nang-2024");
      for (const block of round.blocks!) {
        const inBlock = ranking.filter((r) => r.block === block);
        expect(inBlock.length, block).toBeGreaterThanOrEqual(6);
        expect(inBlock.length, block).toBeLessThanOrEqual(12);
        const ranks = inBlock.filter((r) => r.ranked).map((r) => r.rank);
        expect(ranks, block).toEqual(ranks.map((_, i) => i + 1));
      }
      // Two-tier: wards, communes and the special zone straight under the city, still in office.
      for (const u of round.units.filter((x) => x.block !== "Khối sở, ban, ngành")) {
        const o = orgByKey.get(u.organizationKey)!;
        expect(o.level).toBe("XA");
        expect(o.dissolvedOn).toBeUndefined();
      }
      expect(orgByKey.get("da-nang-hoang-sa")!.name).toBe("UBND đặc khu Hoàng Sa");
    });

    it("shows appraisal and survey parts (70 + 30)", () => {
      const haiChau = byOrg.get("da-nang-hai-chau")!;
      expect(haiChau.parts.map((p) => [p.source, p.maxPoints])).toEqual([
        ["APPRAISAL", 70],
        ["SURVEY", 30],
      ]);
      expect(haiChau.parts[0]!.points + haiChau.parts[1]!.points).toBeCloseTo(haiChau.points, 9);
    });

    it("caps a unit's class by a floor: Hội An at 92.75 % with digital government at 75 % is Tốt", () => {
      const hoiAn = byOrg.get("da-nang-hoi-an")!;
      expect(hoiAn.indexPct.toFixed(2)).toBe("92.75");
      expect(hoiAn.className).toBe("Tốt");
      expect(hoiAn.classFloor).toMatchObject({ className: "Xuất sắc", minAreaPct: 80 });
      expect(hoiAn.classFloor!.areas).toEqual([{ code: "7", title: expect.any(String), pct: 75 }]);
      const yTe = byOrg.get("da-nang-so-y-te")!;
      expect(yTe.className).toBe("Tốt");
      expect(yTe.classFloor!.areas.map((a) => a.code)).toEqual(["3"]);
      // The other units at 90 % or more are Xuất sắc: only the weak areas meet a floor.
      const capped = ranking.filter((r) => r.classFloor).map((r) => r.unitId);
      expect(capped.sort()).toEqual(["da-nang-hoi-an", "da-nang-so-y-te"]);
      expect(ranking.filter((r) => r.className === "Xuất sắc").length).toBeGreaterThanOrEqual(5);
    });

    it("assesses Hoàng Sa without ranking it, with the reason, and moves nobody's rank", () => {
      const hoangSa = byOrg.get("da-nang-hoang-sa")!;
      expect(hoangSa).toMatchObject({ ranked: false, rank: null, block: "Khối xã, đặc khu", className: "Khá" });
      expect(hoangSa.notRankedReason).toMatch(/^Đặc khu Hoàng Sa chưa tổ chức bộ máy chính quyền/);
      const communes = ranking.filter((r) => r.block === "Khối xã, đặc khu");
      expect(communes.at(-1)!.unitId).toBe("da-nang-hoang-sa");
      // Hoàng Sa's 76.5 % is above Đại Lộc's 75.2 %, yet Đại Lộc keeps the last place of the ranked.
      expect(byOrg.get("da-nang-dai-loc")!.rank).toBe(communes.length - 1);
    });

    it("tells new wards from units compared with last year's published ranks", () => {
      // New wards: no predecessor, no result of their own in 2024.
      const haiChau = byOrg.get("da-nang-hai-chau")!;
      expect(haiChau).toMatchObject({ previousBasis: "none", previous: null, rankChange: null, indexChange: null });
      expect(ranking.filter((r) => r.block === "Khối phường").every((r) => r.previousBasis === "none")).toBe(true);
      // A department kept as it was: compared with its rank as published (9th of 20), not the 7th a
      // recomputation of the 2024 file would give.
      const yTe = byOrg.get("da-nang-so-y-te")!;
      expect(yTe.previousBasis).toBe("same-unit");
      expect(yTe.previous!.rank).toBe(9);
      expect(results(roundByKey.get("da-nang-2024")!).find((r) => r.unitId === "da-nang-so-y-te")!.rank).toBe(7);
      expect(yTe.rankChange).toBe(9 - yTe.rank!);
      // Merged departments: their predecessors listed with their published ranks, no rank change.
      const noiVu = byOrg.get("da-nang-so-noi-vu")!;
      expect(noiVu.previousBasis).toBe("mapped");
      expect(noiVu.predecessors.map((p) => [p.unitId, p.rank]).sort()).toEqual([
        ["da-nang-so-ldtbxh", 18],
        ["da-nang-so-noi-vu", 4],
      ]);
      expect(noiVu.rankChange).toBeNull();
      // One predecessor: compared like the unit itself.
      const vhttdl = byOrg.get("da-nang-so-vhttdl")!;
      expect(vhttdl).toMatchObject({ previousBasis: "mapped", previous: { unitId: "da-nang-so-vhtt", rank: 16 } });
      expect(vhttdl.rankChange).toBe(16 - vhttdl.rank!);
    });

    it("has SIPAS figures whose order differs from the PAR order", () => {
      const sipas = rankSipas(
        round.units
          .filter((u) => u.sipas)
          .map((u) => ({ unitId: u.organizationKey, unitName: u.organizationKey, sipas: u.sipas!, block: u.block })),
        round.blocks,
      );
      expect(sipas.length).toBe(round.units.length - 1);
      const par = ranking.filter((r) => r.ranked).map((r) => r.unitId);
      expect(sipas.map((r) => r.unitId)).not.toEqual(par);
    });

    it("follows the 2024 round: departments and districts, published totals with their published ranks", () => {
      const prev = roundByKey.get("da-nang-2024")!;
      expect(prev).toMatchObject({ shape: "SUMMARY", frameworkKey: null, year: 2024, published: true });
      expect(prev.blocks).toEqual(["Khối sở, ban, ngành", "Khối quận, huyện"]);
      for (const u of prev.units) {
        expect(u.publishedRank, u.organizationKey).toBeGreaterThan(0);
        expect(u.surveyMaxPoints).toBe(30);
        expect(u.surveyPoints!).toBeLessThanOrEqual(30);
      }
      const recomputed = results(prev);
      const differ = prev.units.filter(
        (u) => recomputed.find((r) => r.unitId === u.organizationKey)!.rank !== u.publishedRank,
      );
      expect(differ.length).toBeGreaterThan(0);
      // Departments merged on 1 March 2025 are closed, the districts on 1 July 2025.
      expect(orgByKey.get("da-nang-so-ldtbxh")!.dissolvedOn).toBe("2025-03-01");
      expect(orgByKey.get("da-nang-quan-hai-chau")!.dissolvedOn).toBe("2025-07-01");
    });
  });

  it("are generated deterministically", async () => {
    vi.resetModules();
    const again = await import("#prisma/seed-data/scoring.ts");
    expect(again.rounds).not.toBe(rounds);
    expect(again.rounds).toEqual(rounds);
  });
});
