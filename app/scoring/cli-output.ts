// What `npm run scoring -- rank` prints: the ranking as an aligned text table or as JSON rows.
import type { ClassBand, ClassChange, UnitResult } from "#app/scoring/types.ts";

/** One row of `--json`. indexPct is exact; rankChange is places gained (+3 = up three). */
export interface CliRankRow {
  unit: string;
  points: number;
  maxPoints: number;
  indexPct: number;
  /** null when the unit is not ranked. */
  rank: number | null;
  class: string;
  rankChange: number | null;
  classChange: ClassChange | null;
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
        : `${b.name} ≥ ${points(b.minPct)} %`,
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
  };
}
