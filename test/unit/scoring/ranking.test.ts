import { describe, expect, it } from "vitest";
import { smallFramework } from "#tests/fixtures/scoring/small-framework.ts";
import {
  areaResults,
  compileFramework,
  DEFAULT_BANDS,
  emptyScores,
  rankUnits,
  roundStatistics,
  unitAppendices,
  validateFramework,
  type Framework,
  type SummaryScores,
} from "#app/scoring/index.ts";

const unit = (name: string, points: number, maxPoints: number): SummaryScores => ({
  unitId: name,
  unitName: name,
  points,
  maxPoints,
});

describe("ranking (examples of issue 3)", () => {
  it("seed 003: 71.11 of 97 points is Khá (73.31 %), 5th of 10, three places up from 8th", () => {
    const units = [
      unit("Phan Thiết", 85.2, 97),
      unit("La Gi", 80.1, 97),
      unit("Bắc Bình", 77.5, 97),
      unit("Hàm Thuận Bắc", 74.0, 97),
      unit("Tánh Linh", 71.11, 97),
      unit("Đức Linh", 69.0, 97),
      unit("Hàm Tân", 66.3, 97),
      unit("Hàm Thuận Nam", 64.0, 97),
      unit("Tuy Phong", 60.2, 97),
      unit("Phú Quý", 58.9, 97),
    ];
    const results = rankUnits(units, {
      bands: DEFAULT_BANDS,
      previous: [{ unitId: "Tánh Linh", rank: 8, indexPct: 68.2, className: "Trung bình" }],
    });
    const tanhLinh = results.find((r) => r.unitName === "Tánh Linh")!;
    expect(tanhLinh.indexPct.toFixed(2)).toBe("73.31");
    expect(tanhLinh.className).toBe("Khá");
    expect(tanhLinh.rank).toBe(5);
    expect(results).toHaveLength(10);
    expect(tanhLinh.rankChange).toBe(3);
    expect(tanhLinh.classChange).toBe("up");
    expect(tanhLinh.indexChange).toBeCloseTo(73.3092 - 68.2, 3);
  });

  it("ranks by %, so fewer points over a smaller maximum can rank higher", () => {
    const [first, second] = rankUnits([unit("Nhiều điểm", 80, 100), unit("Ít điểm, tối đa nhỏ", 75, 90)], {
      bands: DEFAULT_BANDS,
    });
    expect(first!.unitName).toBe("Ít điểm, tối đa nhỏ");
    expect(first!.rank).toBe(1);
    expect(second!.rank).toBe(2);
  });

  it("gives equal % the same rank and skips the next (1, 2, 2, 4)", () => {
    const results = rankUnits([unit("A", 90, 100), unit("B", 80, 100), unit("C", 77.6, 97), unit("D", 70, 100)], {
      bands: DEFAULT_BANDS,
    });
    expect(results.map((r) => [r.unitName, r.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });

  it("uses the framework's bands, not hard-coded ones", () => {
    const bands = [
      { name: "Tốt", minPct: 85 },
      { name: "Đạt", minPct: 60 },
      { name: "Chưa đạt", minPct: 0 },
    ];
    expect(rankUnits([unit("A", 84.99, 100)], { bands })[0]!.className).toBe("Đạt");
    expect(rankUnits([unit("A", 85, 100)], { bands })[0]!.className).toBe("Tốt");
  });
});

const framework: Framework = smallFramework;

describe("detailed scores", () => {
  const compiled = compileFramework(framework);
  const scores = (values: Record<string, number>, na: string[] = []) => {
    const s = emptyScores(compiled, "x", "Xã Bình Lư");
    for (const [code, p] of Object.entries(values)) s.points[compiled.indexByCode.get(code)!] = p;
    for (const code of na) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
    return s;
  };

  it("is a valid framework with a total of 10", () => {
    expect(validateFramework(framework)).toEqual([]);
    expect(compiled.totalMax).toBe(10);
  });

  it("drops not-applicable subtrees from the unit's maximum and gives per-area figures", () => {
    const s = scores({ "1.1": 2, "1.2.1": 1.5, "2.1": 1, "2.2": 2 }, ["1.2.2"]);
    const [r] = rankUnits([s], { bands: DEFAULT_BANDS, compiled });
    expect(r!.points).toBe(6.5);
    expect(r!.maxPoints).toBe(8);
    expect(r!.indexPct).toBeCloseTo(81.25, 10);
    expect(r!.className).toBe("Tốt");
    expect(areaResults(compiled, s)).toEqual([
      { code: "1", title: "Công tác chỉ đạo, điều hành CCHC", points: 3.5, maxPoints: 4, pct: 87.5 },
      { code: "2", title: "Cải cách thủ tục hành chính", points: 3, maxPoints: 4, pct: 75 },
    ]);
  });

  it("lists full-mark criteria (Phụ lục 1) and lost points (Phụ lục 2, biggest loss first)", () => {
    const s = scores({ "1.1": 2, "1.2.1": 1.5, "2.1": 0, "2.2": 2 }, ["1.2.2"]);
    const { fullMarks, lostPoints } = unitAppendices(compiled, s);
    expect(fullMarks.map((i) => i.code)).toEqual(["1.1", "2.2"]);
    expect(lostPoints.map((i) => [i.code, i.pointsLost])).toEqual([
      ["2.1", 2],
      ["1.2.1", 0.5],
    ]);
    expect(lostPoints[1]!.path).toEqual([
      { code: "1", title: "Công tác chỉ đạo, điều hành CCHC" },
      { code: "1.2", title: "Báo cáo CCHC" },
    ]);
  });

  it("reports framework problems in Vietnamese", () => {
    const broken: Framework = {
      ...framework,
      bands: [{ name: "Tốt", minPct: 50 }],
      areas: [{ ...framework.areas[0]!, maxPoints: 7 }],
    };
    expect(validateFramework(broken).map((p) => p.message)).toEqual([
      "Điểm tối đa của 1 (7) khác tổng điểm tối đa của các tiêu chí con (6)",
      "Mức thấp nhất (“Tốt”) phải có ngưỡng 0%",
    ]);
  });
});

describe("round statistics", () => {
  it("averages, counts every class in band order, and lists gainers and losers", () => {
    const results = rankUnits([unit("A", 92, 100), unit("B", 75, 100), unit("C", 40, 100)], {
      bands: DEFAULT_BANDS,
      previous: [
        { unitId: "A", rank: 2, indexPct: 85, className: "Tốt" },
        { unitId: "C", rank: 1, indexPct: 60, className: "Trung bình" },
      ],
    });
    const stats = roundStatistics(results, DEFAULT_BANDS);
    expect(stats.averageIndexPct).toBeCloseTo(69, 10);
    expect(stats.classCounts).toEqual([
      { className: "Xuất sắc", count: 1 },
      { className: "Tốt", count: 0 },
      { className: "Khá", count: 1 },
      { className: "Trung bình", count: 0 },
      { className: "Yếu", count: 1 },
    ]);
    expect(stats.gainers.map((r) => r.unitName)).toEqual(["A"]);
    expect(stats.losers.map((r) => [r.unitName, r.rankChange, r.classChange])).toEqual([["C", -2, "down"]]);
  });
});
