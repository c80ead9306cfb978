// What the two score imports (import-summary.ts, import-detailed.ts) share: the unit column and the
// reading of points. Plain TypeScript: no Remix, no Prisma.
import { columnSpec } from "#app/lib/table/columns.ts";
import { formatNumberVi, parseNumber } from "#app/lib/table/numbers.ts";

export const UNIT = columnSpec("đơn vị", ["unit", "don_vi", "đơn vị"], ["tên đơn vị", "unit name"], true);

export type NumberCheck = { value: number } | { error: string } | null;

/** null when empty; a non-negative finite number; or the Vietnamese error. */
export function readPoints(raw: string, label: string): NumberCheck {
  if (raw === "") return null;
  const n = parseNumber(raw);
  if (n === null) return { error: `${label} “${raw}” không phải là số` };
  if (n < 0) return { error: `${label} không được là số âm (${formatNumberVi(n)})` };
  return { value: n };
}

// Points typed from a spreadsheet may carry binary noise (0.1 + 0.2).
export const TOLERANCE = 1e-9;
