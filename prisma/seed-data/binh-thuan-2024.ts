// Bình Thuận's 2024 round, one year after seed 003: the district framework changed between the years
// (par-index-huyen-binh-thuan-2024.json against the 2023 file):
//   - 1.4 renamed slightly ("…; đa dạng hóa hình thức tuyên truyền"), same code;
//   - 3.5 "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC" renumbered 3.6 (3.5.1 → 3.6.1, 3.5.2 → 3.6.2);
//   - 3.5 new: "Tiếp nhận hồ sơ, trả kết quả giải quyết TTHC không phụ thuộc vào địa giới hành chính";
//   - 3.6 of 2023 (the public postal service) dropped;
//   - 5.5.1 of 2023 split in two: 5.5.1 "văn hóa công vụ" and 5.5.3 "không có … bị kỷ luật";
// the total stays 97 points. Nội vụ confirmed the mapping the app suggests (codes and titles), with the
// split written in by hand.
//
// Tánh Linh's 2024 scores tell how its plan (the 46 criteria that lost points in 2023) went: the points
// of every criterion of the plan are fixed here, in 2024 codes; the rest of its loss is spread by the
// generator over the criteria that were at full marks in 2023.
//   recovered fully (25), partly (6: 1.4, 3.4.1, 5.1.2, the split 5.5.1, 7.3.3, 8.2.1), not (14: 1.7,
//   2.3, 4.2.2, 5.4.2, 6.1.2, the SIPAS survey 8.1.1–8.1.5, 8.2.2–8.2.4, 8.3.2), no longer assessed (1:
//   3.6); 3.5.1 followed to 3.6.1 (recovered).

import { checkMapping, suggestMapping } from "#app/scoring/analysis/mapping.ts";
import type { CodeMapping } from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";

export interface SeedMapping {
  /** Current framework (SeedFramework key) and the earlier version it is compared with. */
  frameworkKey: string;
  previousFrameworkKey: string;
  /** Groups Nội vụ wrote over the suggestion (each replaces every suggested group sharing a code). */
  edits: CodeMapping;
}

export const seedMappings: SeedMapping[] = [
  {
    frameworkKey: "par-index-huyen-binh-thuan-2024",
    previousFrameworkKey: "par-index-huyen-binh-thuan",
    edits: [{ current: ["5.5.1", "5.5.3"], previous: ["5.5.1"] }],
  },
];

/** The mapping as confirmed: the suggestion with the edits written over it; throws on a bad mapping. */
export function confirmedMapping(
  current: CompiledFramework,
  previous: CompiledFramework,
  edits: CodeMapping,
): CodeMapping {
  const edited = {
    current: new Set(edits.flatMap((g) => g.current)),
    previous: new Set(edits.flatMap((g) => g.previous)),
  };
  const kept = suggestMapping(current, previous)
    .groups.filter(
      (g) => !g.current.some((c) => edited.current.has(c)) && !g.previous.some((c) => edited.previous.has(c)),
    )
    .map((g) => ({ current: g.current, previous: g.previous }));
  const groups = [...kept, ...edits];
  const problems = checkMapping(groups, current, previous);
  if (problems.length) throw new Error(problems.map((p) => p.message).join("; "));
  return groups;
}

/** Tánh Linh's 2024 points on the criteria of its 2023 plan (2024 codes). */
export const TANH_LINH_2024_POINTS: Record<string, number> = {
  // Recovered fully.
  "1.1.1": 1,
  "1.2": 1,
  "1.3.1": 1,
  "1.3.2": 1,
  "1.5": 1.5,
  "1.6": 2,
  "2.1.1": 1,
  "2.2.1": 1,
  "3.2.1": 1,
  "3.2.2": 1,
  "3.3.2": 1,
  "3.6.1": 1, // 3.5.1 in 2023
  "4.1.2": 1,
  "4.2.1": 1,
  "5.1.1": 1,
  "5.4.1": 1,
  "5.6": 2,
  "6.2.1": 1,
  "6.3.1": 0.5,
  "6.3.2": 1,
  "6.4": 1,
  "7.1.2": 1,
  "7.3.1": 1.5,
  "7.4.2": 1,
  "7.4.3": 1,
  // Partly.
  "1.4": 0.75, // 0 in 2023
  "3.4.1": 1.75, // 1.5
  "5.1.2": 0.5, // 0
  "5.5.1": 0.75, // with 5.5.3: 0.75 of 1.5 (0 in 2023)
  "5.5.3": 0,
  "7.3.3": 1.13, // 0.75
  "8.2.1": 0.85, // 0.76
  // Not recovered.
  "1.7": 0.5,
  "2.3": 1,
  "4.2.2": 0,
  "5.4.2": 0.5,
  "6.1.2": 0.75,
  "8.1.1": 1.64, // 1.66
  "8.1.2": 1.65,
  "8.1.3": 1.77, // 1.79
  "8.1.4": 1.7, // 1.71
  "8.1.5": 1.62, // 1.66
  "8.2.2": 0.74,
  "8.2.3": 0.9, // 0.93
  "8.2.4": 0.72, // 0.76
  "8.3.2": 1.12,
};
