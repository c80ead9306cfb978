import { describe, expect, it } from "vitest";
import {
  remediationOutcome,
  remediationOutcomes,
  suggestMapping,
  tallyRemediation,
  type AnalysisInput,
} from "#app/scoring/analysis/index.ts";
import { framework, unit } from "#tests/unit/scoring/analysis-helpers.ts";

// Year N (2023) and N+1 (2024): 2024 renumbers 2023's 1.2 as 1.3 and drops 2.1.
const N = framework(2023, [
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
      ["2.1", "Theo dõi thi hành pháp luật", 1],
      ["2.2", "Rà soát văn bản", 1],
    ],
  ],
]);
const N1 = framework(2024, [
  [
    "1",
    "Công tác chỉ đạo, điều hành",
    0,
    [
      ["1.1", "Kế hoạch cải cách hành chính", 2],
      ["1.2", "Tuyên truyền cải cách hành chính", 1],
      ["1.3", "Kiểm tra cải cách hành chính", 2],
    ],
  ],
  ["2", "Văn bản quy phạm pháp luật", 0, [["2.2", "Rà soát văn bản", 1]]],
]);

describe("remediationOutcome", () => {
  const input: AnalysisInput = {
    current: {
      compiled: N1,
      units: [
        unit(N1, "a", { "1.1": 2, "1.2": 1, "1.3": 1.5, "2.2": 0.5 }),
        // b replaced c (merged): c's actions are followed on b.
        unit(N1, "b", { "1.1": 1, "1.2": 1, "1.3": 2 }, ["2.2"], ["c"]),
      ],
    },
    previous: {
      compiled: N,
      units: [
        unit(N, "a", { "1.1": 1.5, "1.2": 1, "2.1": 0.5, "2.2": 0.5 }),
        unit(N, "c", { "1.1": 0.5, "1.2": 2, "2.1": 1, "2.2": 0 }),
      ],
    },
    mapping: suggestMapping(N1, N).groups,
  };

  it("tells recovered, partly, not recovered and no longer assessed apart, following renamed codes", () => {
    const outcomes = remediationOutcomes(input, [
      { unitId: "a", code: "1.1" },
      { unitId: "a", code: "1.2" },
      { unitId: "a", code: "2.2" },
      { unitId: "a", code: "2.1" },
      { unitId: "c", code: "1.1" },
      { unitId: "c", code: "2.2" },
    ]);
    expect(outcomes.map((o) => [o.unitId, o.code, o.status, o.reason, o.currentCodes])).toEqual([
      ["a", "1.1", "recovered", null, ["1.1"]],
      ["a", "1.2", "partly", null, ["1.3"]],
      ["a", "2.2", "not-recovered", null, ["2.2"]],
      ["a", "2.1", "not-assessed", "criterion-gone", []],
      ["c", "1.1", "partly", null, ["1.1"]],
      ["c", "2.2", "not-assessed", "not-applicable", ["2.2"]],
    ]);
    expect(outcomes[1]).toMatchObject({
      before: { points: 1, maxPoints: 2, pct: 50 },
      after: { points: 1.5, maxPoints: 2, pct: 75 },
    });
    expect(tallyRemediation(outcomes)).toEqual({ total: 6, recovered: 1, partly: 2, notRecovered: 1, notAssessed: 2 });
    expect(remediationOutcome(input, { unitId: "a", code: "1.1" }).status).toBe("recovered");
  });
});
