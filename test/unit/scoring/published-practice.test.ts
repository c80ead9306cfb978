// Scoring as provinces publish it (issue 13): one test per bullet of the list, on the pure core.
//
// Sources of the figures used here (as summarised in issue 13, "From published results (2020–2025)"):
// - Hải Phòng, Chỉ số CCHC 2025 (after the merger of Hải Dương into Hải Phòng and the end of the
//   district level): three blocks ranked separately, 14 departments (sở, ban, ngành), 45 wards and 68
//   communes and special zones (đặc khu), each ranked 1..n.
// - Class rules with a floor on the weakest area: group 1 needs ≥ 90 % overall and no area below 80 %,
//   group 2 needs ≥ 80 % and no area below 70 %.
// - Components by source: 70 appraisal + 30 survey points for departments and districts, 40 + 20 = 60
//   for central agencies located in the province.
// Unit names are real Vietnamese names of the kinds these rankings carry; the scores are made up.
import { describe, expect, it } from "vitest";
import {
  asPreviousResults,
  classify,
  compileFramework,
  emptyScores,
  floorExplanation,
  formatPoints,
  formatRank,
  hasFloors,
  rankBlocks,
  rankSipas,
  rankUnits,
  summarizeRound,
  validateBands,
  type ClassBand,
  type DetailedScores,
  type Framework,
  type PreviousResult,
  type SipasScores,
  type SummaryScores,
  type UnitPlacement,
} from "#app/scoring/index.ts";

const unit = (
  name: string,
  indexPct: number,
  placement: UnitPlacement & Pick<SummaryScores, "publishedRank"> = {},
): SummaryScores => ({
  unitId: name,
  unitName: name,
  points: indexPct,
  maxPoints: 100,
  ...placement,
});

const DEPARTMENTS = "Khối sở, ban, ngành";
const WARDS = "Khối phường";
const COMMUNES = "Khối xã, đặc khu";

// 14 departments of Hải Phòng after the 2025 reorganisation (names as in the city's decisions).
const DEPARTMENT_NAMES = [
  "Sở Nội vụ",
  "Sở Tài chính",
  "Sở Tư pháp",
  "Sở Xây dựng",
  "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Văn hóa và Thể thao",
  "Sở Du lịch",
  "Sở Dân tộc và Tôn giáo",
  "Thanh tra thành phố",
  "Ban Quản lý Khu kinh tế Hải Phòng",
];
const WARD_NAMES = [
  "Phường Hồng Bàng",
  "Phường Lê Chân",
  "Phường Ngô Quyền",
  "Phường Hải An",
  "Phường Kiến An",
  "Phường Đồ Sơn",
  "Phường Dương Kinh",
  "Phường Thủy Nguyên",
  "Phường Hải Dương",
  "Phường Chí Linh",
  ...Array.from({ length: 35 }, (_, i) => `Phường số ${i + 11}`),
];
const COMMUNE_NAMES = [
  "Đặc khu Cát Hải",
  "Đặc khu Bạch Long Vĩ",
  "Xã An Hưng",
  "Xã Kiến Thụy",
  "Xã Tiên Lãng",
  "Xã Vĩnh Bảo",
  "Xã Nam Sách",
  "Xã Thanh Hà",
  ...Array.from({ length: 60 }, (_, i) => `Xã số ${i + 9}`),
];

/** Hải Phòng 2025's three blocks with distinct indices inside each block, except where a test says. */
function haiPhong(): SummaryScores[] {
  return [
    ...DEPARTMENT_NAMES.map((n, i) => unit(n, 93.5 - i * 0.75, { block: DEPARTMENTS })),
    ...WARD_NAMES.map((n, i) => unit(n, 91.2 - i * 0.4, { block: WARDS })),
    ...COMMUNE_NAMES.map((n, i) => unit(n, 89.9 - i * 0.3, { block: COMMUNES })),
  ];
}

const BANDS: ClassBand[] = [
  { name: "Xuất sắc", minPct: 90 },
  { name: "Tốt", minPct: 80 },
  { name: "Khá", minPct: 70 },
  { name: "Trung bình", minPct: 50 },
  { name: "Yếu", minPct: 0 },
];

describe("blocks: departments, wards, communes and special zones ranked separately (Hải Phòng 2025)", () => {
  it("ranks each block 1..n: 14 departments, 45 wards, 68 communes and special zones", () => {
    const blocks = rankBlocks(haiPhong(), { bands: BANDS, blockOrder: [DEPARTMENTS, WARDS, COMMUNES] });
    expect(blocks.map((b) => [b.name, b.results.length])).toEqual([
      [DEPARTMENTS, 14],
      [WARDS, 45],
      [COMMUNES, 68],
    ]);
    for (const b of blocks) {
      expect(b.results.map((r) => r.rank)).toEqual(Array.from({ length: b.results.length }, (_, i) => i + 1));
      expect(b.results.every((r) => r.block === b.name)).toBe(true);
    }
    // rankUnits is the blocks one after another
    expect(rankUnits(haiPhong(), { bands: BANDS, blockOrder: [DEPARTMENTS, WARDS, COMMUNES] })).toEqual(
      blocks.flatMap((b) => b.results),
    );
  });

  it("two units in different blocks with the same index do not share a rank", () => {
    // Sở Tư pháp is 3rd among departments at 92 %; Phường Hồng Bàng leads the wards at 92 % too.
    const units = haiPhong().map((u) =>
      u.unitName === "Sở Tư pháp" || u.unitName === "Phường Hồng Bàng" ? { ...u, points: 92 } : u,
    );
    const results = rankUnits(units, { bands: BANDS });
    const tuPhap = results.find((r) => r.unitName === "Sở Tư pháp")!;
    const hongBang = results.find((r) => r.unitName === "Phường Hồng Bàng")!;
    expect(tuPhap.indexPct).toBe(hongBang.indexPct);
    expect([tuPhap.block, tuPhap.rank]).toEqual([DEPARTMENTS, 3]);
    expect([hongBang.block, hongBang.rank]).toEqual([WARDS, 1]);
    // Without blocks the two would tie.
    const flat = rankUnits(
      units.map(({ block: _block, ...u }) => u),
      { bands: BANDS },
    );
    expect(flat.find((r) => r.unitName === "Sở Tư pháp")!.rank).toBe(
      flat.find((r) => r.unitName === "Phường Hồng Bàng")!.rank,
    );
  });

  it("reports each block's average, and block names differing by case or spacing are one block", () => {
    const units = [
      unit("Sở Nội vụ", 90, { block: "Khối sở, ban, ngành" }),
      unit("Sở Tài chính", 80, { block: "khối  sở, ban,  ngành " }),
      unit("Phường Lê Chân", 86, { block: "Khối phường" }),
      unit("Phường Ngô Quyền", 84, { block: "KHỐI PHƯỜNG" }),
      unit("Phường Hải An", 79, { block: "Khối phường" }),
    ];
    const blocks = rankBlocks(units, { bands: BANDS });
    expect(blocks.map((b) => [b.name, b.statistics.units, b.statistics.averageIndexPct])).toEqual([
      ["Khối sở, ban, ngành", 2, 85],
      ["Khối phường", 3, 83],
    ]);
    expect(blocks[0]!.results.map((r) => [r.unitName, r.rank, r.block])).toEqual([
      ["Sở Nội vụ", 1, "Khối sở, ban, ngành"],
      ["Sở Tài chính", 2, "Khối sở, ban, ngành"],
    ]);
    // The round's average is over every ranked unit of every block.
    const summary = summarizeRound({ bands: BANDS, units });
    expect(summary.statistics.averageIndexPct).toBeCloseTo((90 + 80 + 86 + 84 + 79) / 5, 12);
    expect(summary.blocks.map((b) => b.name)).toEqual(["Khối sở, ban, ngành", "Khối phường"]);
  });

  it("a round without blocks has one unnamed block", () => {
    const blocks = rankBlocks([unit("Sở Y tế", 88), unit("Sở Du lịch", 91)], { bands: BANDS });
    expect(blocks.map((b) => [b.name, b.results.map((r) => [r.unitName, r.rank, r.block])])).toEqual([
      [
        null,
        [
          ["Sở Du lịch", 1, null],
          ["Sở Y tế", 2, null],
        ],
      ],
    ]);
  });
});

// Five areas of 20 points: a unit's area % are its points × 5.
const FLOOR_BANDS: ClassBand[] = [
  { name: "Nhóm 1", minPct: 90, minAreaPct: 80 },
  { name: "Nhóm 2", minPct: 80, minAreaPct: 70 },
  { name: "Nhóm 3", minPct: 65 },
  { name: "Nhóm 4", minPct: 0 },
];
const AREA_TITLES = [
  "Công tác chỉ đạo, điều hành CCHC",
  "Xây dựng và tổ chức thực hiện văn bản QPPL",
  "Cải cách thủ tục hành chính",
  "Cải cách tổ chức bộ máy hành chính nhà nước",
  "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
];
const floorFramework: Framework = {
  name: "Bộ chỉ số CCHC cấp sở 2025 (nhóm, có mức tối thiểu mỗi lĩnh vực)",
  year: 2025,
  unitLevel: "SO",
  bands: FLOOR_BANDS,
  areas: AREA_TITLES.map((title, i) => ({
    code: String(i + 1),
    title,
    maxPoints: 20,
    source: "APPRAISAL" as const,
    children: [
      { code: `${i + 1}.1`, title: `Tiêu chí ${i + 1}.1`, maxPoints: 10, source: "APPRAISAL" as const, children: [] },
      { code: `${i + 1}.2`, title: `Tiêu chí ${i + 1}.2`, maxPoints: 10, source: "APPRAISAL" as const, children: [] },
    ],
  })),
};
const floorCompiled = compileFramework(floorFramework);
function areaScores(name: string, areaPoints: number[], placement: UnitPlacement = {}): DetailedScores {
  const s: DetailedScores = { ...emptyScores(floorCompiled, name, name), ...placement };
  areaPoints.forEach((p, i) => {
    s.points[floorCompiled.indexByCode.get(`${i + 1}.1`)!] = Math.min(p, 10);
    s.points[floorCompiled.indexByCode.get(`${i + 1}.2`)!] = p - Math.min(p, 10);
  });
  return s;
}

describe("class rules with floors", () => {
  it("92 % with one area at 75 % is group 2, not group 1, and says why", () => {
    // 20 + 20 + 15 + 19 + 18 = 92 of 100; area 3 at 15/20 = 75 % < 80 %.
    const [r] = rankUnits([areaScores("Sở Xây dựng", [20, 20, 15, 19, 18])], {
      bands: FLOOR_BANDS,
      compiled: floorCompiled,
    });
    expect(r!.indexPct).toBeCloseTo(92, 12);
    expect(r!.className).toBe("Nhóm 2");
    expect(r!.classFloor).toEqual({
      className: "Nhóm 1",
      minAreaPct: 80,
      areas: [{ code: "3", title: "Cải cách thủ tục hành chính", pct: 75 }],
    });
    expect(floorExplanation(r!.classFloor!)).toBe(
      "không đạt Nhóm 1 vì lĩnh vực 3 đạt 75,00 % (tối thiểu 80 % mỗi lĩnh vực)",
    );
  });

  it("falls through every class whose floor an area misses, explaining the highest class missed", () => {
    // 93 % overall, area 2 at 65 %: below both the 80 % and the 70 % floors → Nhóm 3.
    const [r] = rankUnits([areaScores("Sở Công Thương", [20, 13, 20, 20, 20])], {
      bands: FLOOR_BANDS,
      compiled: floorCompiled,
    });
    expect([r!.className, r!.classFloor?.className]).toEqual(["Nhóm 3", "Nhóm 1"]);
    expect(floorExplanation(r!.classFloor!)).toBe(
      "không đạt Nhóm 1 vì lĩnh vực 2 đạt 65,00 % (tối thiểu 80 % mỗi lĩnh vực)",
    );
    // Weakest first when several areas miss the floor.
    const two = classify(91, FLOOR_BANDS, [
      { code: "1", title: "a", pct: 78 },
      { code: "4", title: "b", pct: 72.5 },
      { code: "5", title: "c", pct: null },
    ]);
    expect([two.className, two.floor!.areas.map((a) => a.code)]).toEqual(["Nhóm 2", ["4", "1"]]);
    expect(floorExplanation(two.floor!)).toBe(
      "không đạt Nhóm 1 vì lĩnh vực 4 đạt 72,50 %, lĩnh vực 1 đạt 78,00 % (tối thiểu 80 % mỗi lĩnh vực)",
    );
  });

  it("a unit at the floor exactly, or with all areas above it, keeps the class of its total", () => {
    const results = rankUnits(
      [areaScores("Sở Nội vụ", [20, 20, 16, 18, 18]), areaScores("Sở Tài chính", [19, 19, 19, 19, 19])],
      { bands: FLOOR_BANDS, compiled: floorCompiled },
    );
    expect(results.map((r) => [r.unitName, r.className, r.classFloor])).toEqual([
      ["Sở Tài chính", "Nhóm 1", null],
      ["Sở Nội vụ", "Nhóm 1", null],
    ]);
  });

  it("summary units (no area figures) are classed by the total alone; hasFloors tells the caller to say so", () => {
    expect(hasFloors(FLOOR_BANDS)).toBe(true);
    expect(hasFloors(BANDS)).toBe(false);
    expect(classify(92, FLOOR_BANDS)).toEqual({ className: "Nhóm 1", floor: null });
    expect(rankUnits([unit("Sở Xây dựng", 92)], { bands: FLOOR_BANDS })[0]!.className).toBe("Nhóm 1");
  });

  it("a floor above its band's own threshold is refused", () => {
    expect(
      validateBands([
        { name: "Nhóm 1", minPct: 90, minAreaPct: 95 },
        { name: "Nhóm 2", minPct: 0 },
      ]),
    ).toEqual(["Mức tối thiểu mỗi lĩnh vực của “Nhóm 1” (95%) không được cao hơn ngưỡng của chính mức đó (90%)"]);
  });
});

describe("assessed but not ranked", () => {
  const wards = [
    unit("Phường Lê Chân", 88.4, { block: WARDS }),
    unit("Phường Ngô Quyền", 86.1, { block: WARDS }),
    unit("Phường Hải An", 86.1, { block: WARDS }),
    unit("Phường Kiến An", 79.3, { block: WARDS }),
  ];
  const bachLongVi = unit("Đặc khu Bạch Long Vĩ", 91.7, {
    block: WARDS,
    ranked: false,
    notRankedReason: "Đặc khu không tổ chức chính quyền cấp cơ sở, không có năm so sánh",
  });

  it("has its index and class, rank null, follows the ranked units and moves nobody's rank", () => {
    const without = rankUnits(wards, { bands: BANDS });
    const withIt = rankUnits([bachLongVi, ...wards], { bands: BANDS });
    expect(withIt.map((r) => [r.unitName, r.rank])).toEqual([
      ["Phường Lê Chân", 1],
      ["Phường Hải An", 2],
      ["Phường Ngô Quyền", 2],
      ["Phường Kiến An", 4],
      ["Đặc khu Bạch Long Vĩ", null],
    ]);
    expect(withIt.slice(0, 4)).toEqual(without);
    const r = withIt[4]!;
    expect([r.indexPct, r.className, r.ranked, r.notRankedReason]).toEqual([
      91.7,
      "Xuất sắc",
      false,
      "Đặc khu không tổ chức chính quyền cấp cơ sở, không có năm so sánh",
    ]);
    expect(formatRank(r.rank)).toBe("Không xếp hạng");
  });

  it("counts in the classes but not in the averages", () => {
    const [block] = rankBlocks([bachLongVi, ...wards], { bands: BANDS });
    const [plain] = rankBlocks(wards, { bands: BANDS });
    expect([block!.statistics.units, block!.statistics.ranked]).toEqual([5, 4]);
    expect(block!.statistics.averageIndexPct).toBe(plain!.statistics.averageIndexPct);
    expect(block!.statistics.classCounts.find((c) => c.className === "Xuất sắc")!.count).toBe(1);
  });

  it("a reason is kept only for a unit not ranked", () => {
    const [r] = rankUnits([unit("Phường Đồ Sơn", 80, { notRankedReason: "thừa" })], { bands: BANDS });
    expect([r!.ranked, r!.rank, r!.notRankedReason]).toEqual([true, 1, null]);
  });
});

describe("components by source: appraisal and survey, unrounded", () => {
  // Departments: 70 appraisal + 30 survey.
  const partsFramework: Framework = {
    name: "Bộ chỉ số CCHC cấp sở (70 thẩm định + 30 điều tra xã hội học)",
    year: 2025,
    unitLevel: "SO",
    bands: BANDS,
    areas: [
      {
        code: "1",
        title: "Điểm thẩm định",
        maxPoints: 70,
        source: "APPRAISAL",
        children: [{ code: "1.1", title: "Kết quả thẩm định", maxPoints: 70, source: "APPRAISAL", children: [] }],
      },
      {
        code: "2",
        title: "Điều tra xã hội học",
        maxPoints: 30,
        source: "SURVEY",
        children: [{ code: "2.1", title: "Kết quả điều tra", maxPoints: 30, source: "SURVEY", children: [] }],
      },
    ],
  };
  const compiled = compileFramework(partsFramework);
  const scored = (name: string, appraisal: number, survey: number): DetailedScores => {
    const s = emptyScores(compiled, name, name);
    s.points[compiled.indexByCode.get("1.1")!] = appraisal;
    s.points[compiled.indexByCode.get("2.1")!] = survey;
    return s;
  };
  const round2 = (x: number) => Math.round(x * 100) / 100;

  it("keeps the parts exact, rounds the total once for display and ranks on the exact value", () => {
    // Sở Y tế 60.004 + 25.004 = 85.008; Sở Du lịch 60 + 25.006 = 85.006.
    const units = [scored("Sở Du lịch", 60, 25.006), scored("Sở Y tế", 60.004, 25.004)];
    // Rounding the parts first would give 85.00 and 85.01: the order would flip.
    expect(round2(60.004) + round2(25.004)).toBe(85);
    expect(round2(60) + round2(25.006)).toBe(85.01);

    const [first, second] = rankUnits(units, { bands: BANDS, compiled });
    expect([first!.unitName, first!.rank, second!.unitName, second!.rank]).toEqual(["Sở Y tế", 1, "Sở Du lịch", 2]);
    expect(first!.parts).toEqual([
      { source: "APPRAISAL", points: 60.004, maxPoints: 70 },
      { source: "SURVEY", points: 25.004, maxPoints: 30 },
    ]);
    expect(first!.points).toBeCloseTo(85.008, 12);
    expect(first!.surveyPoints).toBe(25.004);
    // The total is rounded once, for display: 85,01 (not 85,00 from rounded parts).
    expect(formatPoints(first!.points)).toBe("85,01");
    expect(formatPoints(round2(60.004) + round2(25.004))).toBe("85");
  });

  it("summary units with survey points and their maximum have parts too (central agencies: 40 + 20 = 60)", () => {
    const agencies: SummaryScores[] = [
      {
        unitId: "ct",
        unitName: "Cục Thuế thành phố Hải Phòng",
        points: 52.345,
        maxPoints: 60,
        surveyPoints: 17.115,
        surveyMaxPoints: 20,
      },
      { unitId: "bh", unitName: "Bảo hiểm xã hội thành phố Hải Phòng", points: 52.35, maxPoints: 60 },
    ];
    const results = rankUnits(agencies, { bands: BANDS });
    expect(results.map((r) => r.unitName)).toEqual([
      "Bảo hiểm xã hội thành phố Hải Phòng",
      "Cục Thuế thành phố Hải Phòng",
    ]);
    const thue = results[1]!;
    expect(thue.parts.map((p) => p.source)).toEqual(["APPRAISAL", "SURVEY"]);
    expect(thue.parts[0]!.points).toBeCloseTo(35.23, 12);
    expect(thue.parts[0]!.maxPoints).toBe(40);
    expect(thue.parts[1]).toEqual({ source: "SURVEY", points: 17.115, maxPoints: 20 });
    expect(thue.parts[0]!.points + thue.parts[1]!.points).toBeCloseTo(thue.points, 12);
    expect(results[0]!.parts).toEqual([]);
    // Part averages are over the ranked units that have the part.
    const stats = summarizeRound({ bands: BANDS, units: agencies }).statistics;
    expect(stats.averageParts.map((p) => [p.source, p.units, p.averageMaxPoints])).toEqual([
      ["APPRAISAL", 1, 40],
      ["SURVEY", 1, 20],
    ]);
  });
});

describe("previous year as published", () => {
  // 2024: seven districts of Hải Phòng, ranked as published (the published list had units this file
  // lacks, so the recomputed rank of Kiến Thụy would be 2, not the published 3).
  const lastYear: SummaryScores[] = [
    unit("Huyện Thủy Nguyên", 90.1, { publishedRank: 1 }),
    unit("Huyện Kiến Thụy", 88.7, { publishedRank: 3 }),
    unit("Huyện An Lão", 87.2, { publishedRank: 4 }),
    unit("Huyện Tiên Lãng", 84.0, { publishedRank: 6 }),
    unit("Huyện Vĩnh Bảo", 83.5, { publishedRank: 7 }),
    unit("Quận Đồ Sơn", 80.9),
    unit("Huyện Cát Hải", 79.0, { publishedRank: 9 }),
  ];
  const previous = (): PreviousResult[] =>
    asPreviousResults(rankUnits(lastYear, { bands: BANDS }), new Map(lastYear.map((u) => [u.unitId, u.publishedRank])));

  it("takes the published rank over the recomputed one, and the recomputed one where none was published", () => {
    const p = previous();
    expect(p.map((r) => [r.unitId, r.rank])).toEqual([
      ["Huyện Thủy Nguyên", 1],
      ["Huyện Kiến Thụy", 3],
      ["Huyện An Lão", 4],
      ["Huyện Tiên Lãng", 6],
      ["Huyện Vĩnh Bảo", 7],
      ["Quận Đồ Sơn", 6],
      ["Huyện Cát Hải", 9],
    ]);
    // This year Kiến Thụy is 2nd: one place up from the published 3rd (not level with a recomputed 2nd).
    const results = rankUnits([unit("Huyện Thủy Nguyên", 93), unit("Huyện Kiến Thụy", 91.5)], {
      bands: BANDS,
      previous: p,
    });
    expect(results.map((r) => [r.unitName, r.rank, r.rankChange, r.previousBasis])).toEqual([
      ["Huyện Thủy Nguyên", 1, 0, "same-unit"],
      ["Huyện Kiến Thụy", 2, 1, "same-unit"],
    ]);
  });

  it("compares with a previous set larger than this year's; a unit with no predecessor is new: no change", () => {
    const results = rankUnits(
      [
        unit("Huyện An Lão", 86, { block: COMMUNES }),
        unit("Huyện Tiên Lãng", 88, { block: COMMUNES }),
        unit("Đặc khu Bạch Long Vĩ", 85, { block: COMMUNES }),
      ],
      { bands: BANDS, previous: previous() },
    );
    expect(
      results.map((r) => [r.unitName, r.rank, r.previousBasis, r.rankChange, r.indexChange !== null, r.classChange]),
    ).toEqual([
      ["Huyện Tiên Lãng", 1, "same-unit", 5, true, "same"],
      ["Huyện An Lão", 2, "same-unit", 2, true, "same"],
      ["Đặc khu Bạch Long Vĩ", 3, "none", null, false, null],
    ]);
    const newUnit = results[2]!;
    expect([newUnit.previous, newUnit.predecessors]).toEqual([null, []]);
  });

  it("maps a new unit to the one unit it replaced, compared like the unit itself", () => {
    const [r] = rankUnits([unit("Xã Thủy Nguyên", 91, { predecessorIds: ["Huyện Thủy Nguyên"] })], {
      bands: BANDS,
      previous: previous(),
    });
    expect([r!.previousBasis, r!.previous!.unitId, r!.rankChange, r!.classChange]).toEqual([
      "mapped",
      "Huyện Thủy Nguyên",
      0,
      "same",
    ]);
    expect(r!.indexChange).toBeCloseTo(0.9, 12);
    expect(r!.predecessors.map((p) => p.unitName)).toEqual(["Huyện Thủy Nguyên"]);
  });

  it("maps a merged unit to several: their average index, no rank or class change, the predecessors listed", () => {
    const [r] = rankUnits(
      [unit("Xã Vĩnh Bảo", 85, { predecessorIds: ["Huyện Vĩnh Bảo", "Huyện Tiên Lãng", "Huyện không có"] })],
      { bands: BANDS, previous: previous() },
    );
    expect(r!.previousBasis).toBe("mapped");
    expect(r!.previous).toMatchObject({ rank: null, className: "" });
    expect(r!.previous!.indexPct).toBeCloseTo((83.5 + 84.0) / 2, 12);
    expect(r!.indexChange).toBeCloseTo(85 - 83.75, 12);
    expect([r!.rankChange, r!.classChange]).toEqual([null, null]);
    expect(r!.predecessors.map((p) => [p.unitName, p.rank])).toEqual([
      ["Huyện Vĩnh Bảo", 7],
      ["Huyện Tiên Lãng", 6],
    ]);
  });

  it("reports no rank change when either year the unit was not ranked, or it was in another block", () => {
    const results = rankUnits(
      [
        unit("Huyện An Lão", 86, { ranked: false, notRankedReason: "Sáp nhập giữa kỳ" }),
        unit("Huyện Kiến Thụy", 90, { block: WARDS }),
      ],
      {
        bands: BANDS,
        previous: [
          { unitId: "Huyện An Lão", rank: 4, indexPct: 87.2, className: "Tốt" },
          { unitId: "Huyện Kiến Thụy", rank: 3, indexPct: 88.7, className: "Tốt", block: COMMUNES },
        ],
      },
    );
    expect(results.map((r) => [r.unitName, r.rankChange, r.classChange])).toEqual([
      ["Huyện Kiến Thụy", null, "up"],
      ["Huyện An Lão", null, "same"],
    ]);
  });
});

describe("SIPAS ranked on its own", () => {
  const sipas = (index: number): SipasScores => ({
    access: index,
    procedures: index,
    civilServants: index,
    results: index,
    feedback: index,
  });

  it("has its own order and its own ties, different from the PAR INDEX", () => {
    const units = [
      unit("Phường Hồng Bàng", 90.5, { block: WARDS }),
      unit("Phường Lê Chân", 88.2, { block: WARDS }),
      unit("Phường Ngô Quyền", 86.9, { block: WARDS }),
      unit("Phường Hải An", 86.9, { block: WARDS }),
      unit("Đặc khu Cát Hải", 84, { block: COMMUNES }),
      unit("Xã An Hưng", 82, { block: COMMUNES, ranked: false, notRankedReason: "Đơn vị mới" }),
    ];
    const summary = summarizeRound({
      bands: BANDS,
      units,
      sipas: [
        { unitId: "Phường Hồng Bàng", unitName: "Phường Hồng Bàng", sipas: sipas(85.1) },
        { unitId: "Phường Lê Chân", unitName: "Phường Lê Chân", sipas: sipas(87.4) },
        { unitId: "Phường Ngô Quyền", unitName: "Phường Ngô Quyền", sipas: sipas(89.3) },
        { unitId: "Phường Hải An", unitName: "Phường Hải An", sipas: sipas(85.1) },
        { unitId: "Đặc khu Cát Hải", unitName: "Đặc khu Cát Hải", sipas: sipas(80) },
        { unitId: "Xã An Hưng", unitName: "Xã An Hưng", sipas: sipas(95) },
      ],
    });
    expect(summary.ranking.map((r) => [r.unitName, r.rank])).toEqual([
      ["Phường Hồng Bàng", 1],
      ["Phường Lê Chân", 2],
      ["Phường Hải An", 3],
      ["Phường Ngô Quyền", 3],
      ["Đặc khu Cát Hải", 1],
      ["Xã An Hưng", null],
    ]);
    expect(summary.sipas.map((s) => [s.unitName, s.rank, s.block])).toEqual([
      ["Phường Ngô Quyền", 1, WARDS],
      ["Phường Lê Chân", 2, WARDS],
      ["Phường Hải An", 3, WARDS],
      ["Phường Hồng Bàng", 3, WARDS],
      ["Đặc khu Cát Hải", 1, COMMUNES],
      ["Xã An Hưng", null, COMMUNES],
    ]);
  });

  it("rankSipas alone: ties share a rank, blocks are ranked apart, in the order given", () => {
    const rows = rankSipas(
      [
        { unitId: "a", unitName: "Sở Y tế", sipas: sipas(82), block: "khối sở" },
        { unitId: "b", unitName: "Phường Kiến An", sipas: sipas(82), block: "Khối phường" },
        { unitId: "c", unitName: "Sở Tư pháp", sipas: sipas(82), block: "Khối  Sở" },
        { unitId: "d", unitName: "Sở Nội vụ", sipas: sipas(79.5), block: "Khối sở" },
      ],
      ["Khối phường", "Khối sở"],
    );
    expect(rows.map((r) => [r.unitName, r.rank, r.block])).toEqual([
      ["Phường Kiến An", 1, "Khối phường"],
      ["Sở Tư pháp", 1, "Khối sở"],
      ["Sở Y tế", 1, "Khối sở"],
      ["Sở Nội vụ", 3, "Khối sở"],
    ]);
  });
});
