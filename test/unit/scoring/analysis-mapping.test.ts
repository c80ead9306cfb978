import { describe, expect, it } from "vitest";
import { AnalysisInputError, analyseCriteria, checkMapping, suggestMapping } from "#app/scoring/analysis/index.ts";
import { framework, unit, type Tree } from "#tests/unit/scoring/analysis-helpers.ts";

// 2023: area 3 has criteria 3.1 and 3.2; 2024 inserts a new 3.2, so 2023's 3.2 becomes 3.3 (and its
// sub-criterion 3.2.1 becomes 3.3.1).
const TREE_2023: Tree = [
  [
    "3",
    "Cải cách thủ tục hành chính",
    0,
    [
      ["3.1", "Ban hành kế hoạch cải cách thủ tục hành chính", 1],
      [
        "3.2",
        "Công khai thủ tục hành chính",
        0,
        [
          ["3.2.1", "Công khai đầy đủ, đúng quy định thủ tục hành chính", 1],
          ["3.2.2", "Cập nhật thủ tục hành chính trên Cổng dịch vụ công", 1],
        ],
      ],
    ],
  ],
];
const TREE_2024: Tree = [
  [
    "3",
    "Cải cách thủ tục hành chính",
    0,
    [
      ["3.1", "Ban hành kế hoạch cải cách thủ tục hành chính", 1],
      ["3.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 2],
      [
        "3.3",
        "Công khai thủ tục hành chính",
        0,
        [
          ["3.3.1", "Công khai đầy đủ, đúng quy định thủ tục hành chính", 1],
          ["3.3.2", "Cập nhật thủ tục hành chính trên Cổng Dịch vụ công quốc gia", 1],
        ],
      ],
    ],
  ],
];

describe("suggestMapping", () => {
  const previous = framework(2023, TREE_2023);
  const current = framework(2024, TREE_2024);

  it("pairs same codes with the same title, and the same title under another code", () => {
    const s = suggestMapping(current, previous);
    const pairs = Object.fromEntries(s.groups.map((g) => [g.current[0], [g.previous[0], g.reason]]));
    expect(pairs["3"]).toEqual(["3", "same-code-same-title"]);
    expect(pairs["3.1"]).toEqual(["3.1", "same-code-same-title"]);
    expect(pairs["3.3"]).toEqual(["3.2", "same-title"]);
    expect(pairs["3.3.1"]).toEqual(["3.2.1", "same-title"]);
    expect(pairs["3.3.2"]).toEqual(["3.2.2", "similar-title"]);
    // The new 3.2 is not compared with 2023's 3.2 (another criterion under the same code).
    expect(s.unmatchedCurrent).toEqual(["3.2"]);
    expect(s.unmatchedPrevious).toEqual([]);
  });
});

describe("checkMapping", () => {
  const previous = framework(2023, TREE_2023);
  const current = framework(2024, TREE_2024);

  it("names unknown codes on either side and codes mapped twice, in Vietnamese", () => {
    const problems = checkMapping(
      [
        { current: ["3.3.1"], previous: ["3.2.1"] },
        { current: ["3.9"], previous: ["3.2.2"] },
        { current: ["3.3.2"], previous: ["3.2.7"] },
        { current: ["3.3.1"], previous: ["3.1"] },
        { current: ["3.1"], previous: ["3.2.1"] },
      ],
      current,
      previous,
    );
    expect(problems.map((p) => [p.side, p.code])).toEqual([
      ["current", "3.9"],
      ["previous", "3.2.7"],
      ["current", "3.3.1"],
      ["previous", "3.2.1"],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "Mã 3.9 không có trong bộ chỉ số năm nay (Bộ chỉ số 2024, 2024)",
      "Mã 3.2.7 không có trong bộ chỉ số năm trước (Bộ chỉ số 2023, 2023)",
      "Mã 3.3.1 của bộ chỉ số năm nay được ánh xạ hai lần",
      "Mã 3.2.1 của bộ chỉ số năm trước được ánh xạ hai lần",
    ]);
  });

  it("a bad mapping stops the analysis with the same messages (no half-made analysis)", () => {
    const units = [unit(current, "a", {})];
    const run = () =>
      analyseCriteria({
        current: { compiled: current, units },
        previous: { compiled: previous, units: [unit(previous, "a", {})] },
        mapping: [{ current: ["3.3"], previous: ["3.5"] }],
      });
    expect(run).toThrow(AnalysisInputError);
    expect(run).toThrow("Mã 3.5 không có trong bộ chỉ số năm trước (Bộ chỉ số 2023, 2023)");
  });

  it("refuses a round without detailed scores", () => {
    const run = () =>
      analyseCriteria({
        current: { compiled: current, units: [unit(current, "a", {})] },
        previous: {
          compiled: previous,
          units: [{ unitId: "a", unitName: "Xã Bản Bo", points: 70, maxPoints: 100 }],
        },
      });
    expect(run).toThrow(/Vòng đánh giá năm trước không có điểm chi tiết theo tiêu chí \(Xã Bản Bo chỉ có tổng điểm\)/);
  });
});
