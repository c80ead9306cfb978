import { describe, expect, it } from "vitest";
import {
  analyseCriteria,
  explainUnitChange,
  suggestMapping,
  type AnalysisInput,
  type ChangePart,
  type CodeMapping,
} from "#app/scoring/analysis/index.ts";
import { detailedTotals } from "#app/scoring/compute.ts";
import { compileFramework, type CompiledFramework } from "#app/scoring/framework.ts";
import type { DetailedScores, Framework, FrameworkNode } from "#app/scoring/types.ts";
import { benchFramework, benchScores, seededRandom } from "#bench/lib/scoring-data.ts";
import { framework, unit, type Tree } from "#tests/unit/scoring/analysis-helpers.ts";

const sum = (parts: ChangePart[]) => parts.reduce((s, p) => s + p.change, 0);
const hundredths = (x: number) => Math.round(x * 100);

/** The unit's total as computeUnits sees it, in hundredths (scores in quarter points: exact). */
function total(compiled: CompiledFramework, s: DetailedScores): number {
  return hundredths(detailedTotals(compiled, s).points);
}

/**
 * The next version of a framework: in each area the criteria renumbered backwards (x.1 ↔ x.4…), one
 * criterion dropped, one new criterion added, and the sub-criteria of one criterion merged into a single
 * sub-criterion. The suggested mapping follows the titles; the merge is added by hand.
 */
function nextFramework(previous: Framework, random: () => number): { framework: Framework; mapping: CodeMapping } {
  const mapping: CodeMapping = [];
  const areas: FrameworkNode[] = previous.areas.map((area) => {
    const kept = area.children.filter((_, i) => i !== 2 || random() < 0.5);
    const criteria = kept.reverse().map((c, i) => {
      const code = `${area.code}.${i + 1}`;
      let children = c.children.map((s, j) => ({ ...s, code: `${code}.${j + 1}` }));
      if (i === 0) {
        // Merge the first two sub-criteria into one.
        const [a, b, ...rest] = children;
        const merged = { ...a!, title: `${a!.title} (gộp)`, maxPoints: a!.maxPoints + b!.maxPoints };
        children = [merged, ...rest].map((s, j) => ({ ...s, code: `${code}.${j + 1}` }));
        mapping.push({ current: [`${code}.1`], previous: [c.children[0]!.code, c.children[1]!.code] });
      }
      return { ...c, code, children, maxPoints: children.reduce((s, x) => s + x.maxPoints, 0) };
    });
    const code = `${area.code}.${criteria.length + 1}`;
    criteria.push({
      code,
      title: `Tiêu chí mới ${code}`,
      maxPoints: 1,
      source: area.children[0]!.source,
      children: [{ code: `${code}.1`, title: `Nội dung mới ${code}`, maxPoints: 1, source: "APPRAISAL", children: [] }],
    });
    return { ...area, children: criteria, maxPoints: criteria.reduce((s, x) => s + x.maxPoints, 0) };
  });
  return { framework: { ...previous, year: previous.year + 1, areas }, mapping };
}

describe("explainUnitChange: the parts add up exactly to the change of the total", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random rounds, seed ${seed}`, () => {
      const random = seededRandom(seed);
      const previousFramework = benchFramework(random);
      const previous = compileFramework(previousFramework);
      // Same framework (identity mapping), and a changed one followed through a mapping.
      const next = nextFramework(previousFramework, random);
      const changed = compileFramework(next.framework);
      const suggested = suggestMapping(changed, previous);
      const merged = new Set(
        next.mapping.flatMap((g) => [...g.current.map((c) => `c${c}`), ...g.previous.map((p) => `p${p}`)]),
      );
      const mapping: CodeMapping = [
        ...suggested.groups
          .filter((g) => !merged.has(`c${g.current[0]}`) && !merged.has(`p${g.previous[0]}`))
          .map(({ current, previous }) => ({ current, previous })),
        ...next.mapping,
      ];
      const units = 40;
      const before = benchScores(previous, units, random);
      // A few units merged: u1 replaces u1 and u2 (u2 no longer exists), u3 is new.
      const cases: Array<[CompiledFramework, CodeMapping | undefined]> = [
        [previous, undefined],
        [changed, mapping],
      ];
      for (const [compiled, map] of cases) {
        const now = benchScores(compiled, units, random)
          .map((s) =>
            s.unitId === "u1"
              ? { ...s, predecessorIds: ["u1", "u2"] }
              : s.unitId === "u3"
                ? { ...s, unitId: "u-new" }
                : s,
          )
          .filter((s) => s.unitId !== "u2");
        const input: AnalysisInput = {
          current: { compiled, units: now },
          previous: { compiled: previous, units: before },
          mapping: map,
        };
        let explained = 0;
        for (const s of now) {
          const change = explainUnitChange(input, s.unitId);
          if (s.unitId === "u-new") {
            expect(change).toBeNull();
            continue;
          }
          explained++;
          const predecessors = s.predecessorIds ?? [s.unitId];
          const previousTotal = predecessors
            .map((id) =>
              total(
                previous,
                before.find((b) => b.unitId === id)!,
              ),
            )
            .reduce((a, b) => a + b, 0);
          expect(change!.total).toBe(total(compiled, s));
          expect(change!.previousTotal).toBe(previousTotal);
          expect(change!.change).toBe(total(compiled, s) - previousTotal);
          expect(sum(change!.areas)).toBe(change!.change);
          expect(sum(change!.criteria)).toBe(change!.change);
          expect(sum(change!.subCriteria)).toBe(change!.change);
          for (const part of change!.criteria) expect(Number.isInteger(part.change)).toBe(true);
        }
        expect(explained).toBe(units - 2);
      }
    });
  }
});

const TREE: Tree = [
  [
    "1",
    "Công tác chỉ đạo, điều hành",
    0,
    [
      ["1.1", "Kế hoạch cải cách hành chính", 2],
      [
        "1.2",
        "Kiểm tra cải cách hành chính",
        0,
        [
          ["1.2.1", "Tỷ lệ cơ quan được kiểm tra", 1],
          ["1.2.2", "Xử lý tồn tại sau kiểm tra", 1],
        ],
      ],
    ],
  ],
  [
    "2",
    "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
    0,
    [["2.1", "Ban hành văn bản quy phạm pháp luật", 2]],
  ],
];

describe("analyseCriteria", () => {
  const compiled = framework(2023, TREE);
  const previousCompiled = framework(2022, TREE);

  it("leaves a not-applicable criterion out of that unit's figures instead of counting it as zero", () => {
    const current = [
      unit(compiled, "a", { "1.1": 2, "1.2.1": 1, "1.2.2": 0.5, "2.1": 1 }),
      // 2.1 does not apply to b (no legal document issued): not a 0 in the average.
      unit(compiled, "b", { "1.1": 1, "1.2.1": 1, "1.2.2": 1 }, ["2"]),
    ];
    const previous = [
      unit(previousCompiled, "a", { "1.1": 2, "1.2.1": 1, "1.2.2": 1, "2.1": 2 }),
      unit(previousCompiled, "b", { "1.1": 2, "1.2.1": 0.5, "1.2.2": 1, "2.1": 2 }),
    ];
    const analysis = analyseCriteria({
      current: { compiled, units: current },
      previous: { compiled: previousCompiled, units: previous },
    });
    const row = (code: string) => analysis.rows.find((r) => r.code === code)!;
    expect(row("2.1")).toMatchObject({
      units: 1,
      averagePct: 50,
      previousUnits: 2,
      previousAveragePct: 100,
      compared: 1,
    });
    expect(row("2.1")).toMatchObject({ keptFull: 0, lost: 1, newlyLost: 1, gained: 0 });
    expect(row("2")).toMatchObject({ units: 1, averagePct: 50 });
    expect(row("1.1")).toMatchObject({
      averagePct: 75,
      previousAveragePct: 100,
      change: -25,
      keptFull: 1,
      newlyLost: 1,
    });
    expect(row("1.1").largestLosses.map((l) => [l.unitId, l.change])).toEqual([["b", -50]]);
    expect(row("1.2.1")).toMatchObject({ keptFull: 1, gained: 1, lost: 0 });
    expect(row("1.2.2")).toMatchObject({ keptFull: 1, gained: 0, lost: 1, newlyLost: 1, unchanged: 1 });
    expect(analysis.rows.map((r) => r.code)).toEqual(["1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1"]);
    expect(analysis.strongest.map((r) => r.code)).toEqual(["1.2", "1.1", "2.1"]);
    expect(analysis.weakest.map((r) => r.code)).toEqual(["2.1", "1.1", "1.2"]);
    expect(analysis.largestDrops.map((r) => r.code)).toEqual(["2.1", "1.1"]);
    expect(analysis.unmatched).toEqual({ current: [], previous: [] });

    // b's breakdown: 2.1 is out of this year's total (not applicable): it explains −2 points, and b's
    // total moves by exactly the sum of its parts.
    const b = explainUnitChange(
      { current: { compiled, units: current }, previous: { compiled: previousCompiled, units: previous } },
      "b",
    )!;
    expect(b.change).toBe(300 - 550);
    expect(b.criteria.map((c) => [c.codes[0], c.change, c.status])).toEqual([
      ["1.1", -100, "newly-lost"],
      ["1.2", 50, "reached-full"],
      ["2.1", -200, "not-applicable"],
    ]);
    expect(b.drivers.map((d) => d.codes[0])).toEqual(["2.1", "1.1"]);
    expect(b.didWell.map((d) => [d.codes[0], d.status])).toEqual([
      ["1.2.1", "reached-full"],
      ["1.2.2", "kept-full"],
    ]);
    expect(b.didNot.map((d) => [d.codes[0], d.status])).toEqual([["1.1", "newly-lost"]]);
  });

  it("follows a renamed criterion through a mapping and lists the nodes with no counterpart", () => {
    // 2024 renumbers 1.2 as 1.3 (1.2.1 → 1.3.1 …) and adds a new 1.2; 2023's 2.1 is gone, 2.2 is new.
    const renamed = framework(2024, [
      [
        "1",
        "Công tác chỉ đạo, điều hành",
        0,
        [
          ["1.1", "Kế hoạch cải cách hành chính", 2],
          ["1.2", "Tuyên truyền cải cách hành chính", 1],
          [
            "1.3",
            "Kiểm tra cải cách hành chính",
            0,
            [
              ["1.3.1", "Tỷ lệ cơ quan được kiểm tra", 1],
              ["1.3.2", "Xử lý tồn tại sau kiểm tra", 1],
            ],
          ],
        ],
      ],
      ["2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 0, [["2.2", "Rà soát văn bản", 2]]],
    ]);
    const mapping = suggestMapping(renamed, compiled).groups;
    expect(mapping.find((g) => g.current[0] === "1.3.1")?.previous).toEqual(["1.2.1"]);
    const input: AnalysisInput = {
      current: {
        compiled: renamed,
        units: [unit(renamed, "a", { "1.1": 2, "1.2": 1, "1.3.1": 1, "1.3.2": 1, "2.2": 1 })],
      },
      previous: { compiled, units: [unit(compiled, "a", { "1.1": 2, "1.2.1": 0, "1.2.2": 1, "2.1": 1.5 })] },
      mapping,
    };
    const analysis = analyseCriteria(input);
    const row = analysis.rows.find((r) => r.code === "1.3.1")!;
    expect(row).toMatchObject({
      previousCodes: ["1.2.1"],
      averagePct: 100,
      previousAveragePct: 0,
      change: 100,
      gained: 1,
    });
    // With the identity mapping 1.2 would have been compared with 2024's 1.2: another criterion.
    expect(analysis.rows.find((r) => r.code === "1.2")).toMatchObject({ previousCodes: [], change: null, compared: 0 });
    expect(analysis.unmatched.current.map((n) => n.code)).toEqual(["1.2", "2.2"]);
    expect(analysis.unmatched.previous.map((n) => n.code)).toEqual(["2.1"]);

    const a = explainUnitChange(input, "a")!;
    expect(a.change).toBe(600 - 450);
    expect(a.criteria.map((c) => [c.codes.join("+"), c.previousCodes.join("+"), c.change, c.status])).toEqual([
      ["1.1", "1.1", 0, "kept-full"],
      ["1.2", "", 100, "new"],
      ["1.3", "1.2", 100, "reached-full"],
      ["2.2", "", 100, "new"],
      ["", "2.1", -150, "gone"],
    ]);
    expect(sum(a.areas)).toBe(a.change);
  });

  it("compares a split and a merge as one group", () => {
    // 2024 splits 2022's 2.1 into 2.1 and 2.2, and merges 1.2.1 and 1.2.2 into 1.2.
    const next = framework(2024, [
      [
        "1",
        "Công tác chỉ đạo, điều hành",
        0,
        [
          ["1.1", "Kế hoạch cải cách hành chính", 2],
          ["1.2", "Kiểm tra cải cách hành chính", 2],
        ],
      ],
      [
        "2",
        "Văn bản quy phạm pháp luật",
        0,
        [
          ["2.1", "Ban hành văn bản", 1],
          ["2.2", "Rà soát văn bản", 1],
        ],
      ],
    ]);
    const mapping: CodeMapping = [
      { current: ["1"], previous: ["1"] },
      { current: ["1.1"], previous: ["1.1"] },
      { current: ["1.2"], previous: ["1.2.1", "1.2.2"] },
      { current: ["2"], previous: ["2"] },
      { current: ["2.1", "2.2"], previous: ["2.1"] },
    ];
    const input: AnalysisInput = {
      current: {
        compiled: next,
        units: [
          unit(next, "a", { "1.1": 2, "1.2": 1.5, "2.1": 1, "2.2": 1 }),
          unit(next, "b", { "1.1": 1, "1.2": 2, "2.1": 0.5, "2.2": 1 }),
        ],
      },
      previous: {
        compiled,
        units: [
          unit(compiled, "a", { "1.1": 2, "1.2.1": 1, "1.2.2": 1, "2.1": 1 }),
          unit(compiled, "b", { "1.1": 2, "1.2.1": 1, "1.2.2": 0, "2.1": 2 }),
        ],
      },
      mapping,
    };
    const analysis = analyseCriteria(input);
    expect(analysis.rows.map((r) => [r.codes.join("+"), r.previousCodes.join("+")])).toEqual([
      ["1", "1"],
      ["1.1", "1.1"],
      ["1.2", "1.2.1+1.2.2"],
      ["2", "2"],
      ["2.1+2.2", "2.1"],
    ]);
    expect(analysis.rows[2]).toMatchObject({
      averagePct: 87.5,
      previousAveragePct: 75,
      gained: 1,
      lost: 1,
      newlyLost: 1,
    });
    expect(analysis.rows[4]).toMatchObject({
      averagePct: 87.5,
      previousAveragePct: 75,
      keptFull: 0,
      gained: 1,
      lost: 1,
    });
    expect(analysis.unmatched).toEqual({ current: [], previous: [] });
    for (const id of ["a", "b"]) {
      const c = explainUnitChange(input, id)!;
      expect(sum(c.criteria)).toBe(c.change);
      expect(sum(c.subCriteria)).toBe(c.change);
    }
    const b = explainUnitChange(input, "b")!;
    expect(b.criteria.map((c) => [c.codes.join("+"), c.change])).toEqual([
      ["1.1", -100],
      ["1.2", 100],
      ["2.1+2.2", -50],
    ]);
  });
});
