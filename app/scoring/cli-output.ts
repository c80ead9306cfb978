// What `npm run scoring -- rank` prints: the ranking as an aligned text table or as JSON rows.
import { floorExplanation } from "#app/scoring/format.ts";
import type { ClassBand, ClassChange, PreviousBasis, SourcePart, UnitResult } from "#app/scoring/types.ts";

/** One row of `--json`. indexPct is exact; rankChange is places gained (+3 = up three). */
export interface CliRankRow {
  unit: string;
  /** Unrounded: appraisal plus survey points. */
  points: number;
  maxPoints: number;
  indexPct: number;
  /** Rank within the block; null when the unit is not ranked. */
  rank: number | null;
  class: string;
  rankChange: number | null;
  classChange: ClassChange | null;
  /** Block name; null when the file has no block column (or the unit's cell is blank). */
  block: string | null;
  ranked: boolean;
  notRankedReason: string | null;
  /** Appraisal and survey parts, unrounded, when known. */
  parts: SourcePart[];
  /** Why a floor kept the unit out of a higher class ("không đạt Xuất sắc vì lĩnh vực 3 đạt 75,00 % …"). */
  classFloor: string | null;
  /** Change of the index in percentage points; null without a previous result. */
  indexChange: number | null;
  /** "same-unit", "mapped" (through previous_unit) or "none" (a new unit: no change reported). */
  previousBasis: PreviousBasis;
  /** Names of last year's units it replaced (previous_unit). */
  predecessors: string[];
}

export const points = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
export const pct = (n: number) => n.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const rankChangeText = (c: number | null) => (c === null ? "" : c > 0 ? `▲${c}` : c < 0 ? `▼${-c}` : "—");

/** Width in terminal columns: code points, combining marks take none. */
function width(s: string): number {
  let w = 0;
  for (const ch of s.normalize("NFC")) if (!/\p{M}/u.test(ch)) w++;
  return w;
}

export function renderTable(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat(widths[i]! - width(c));
        return rightAligned[i] ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function bandsText(bands: ClassBand[]): string {
  return bands
    .map((b, i) =>
      i === bands.length - 1 && b.minPct === 0
        ? `${b.name} < ${points(bands[i - 1]?.minPct ?? 0)} %`
        : `${b.name} ≥ ${points(b.minPct)} %${typeof b.minAreaPct === "number" ? ` (mỗi lĩnh vực ≥ ${points(b.minAreaPct)} %)` : ""}`,
    )
    .join(", ");
}

export function toRow(r: UnitResult): CliRankRow {
  return {
    unit: r.unitName,
    points: r.points,
    maxPoints: r.maxPoints,
    indexPct: r.indexPct,
    rank: r.rank,
    class: r.className,
    rankChange: r.rankChange,
    classChange: r.classChange,
    block: r.block,
    ranked: r.ranked,
    notRankedReason: r.notRankedReason,
    parts: r.parts,
    classFloor: r.classFloor ? floorExplanation(r.classFloor) : null,
    indexChange: r.indexChange,
    previousBasis: r.previousBasis,
    predecessors: r.predecessors.map((p) => p.unitName ?? p.unitId),
  };
}
