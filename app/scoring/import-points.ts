// What the two score imports (import-summary.ts, import-detailed.ts) share: the unit column, the
// reading of points and the placement columns (block, ranked, reason, rank, previous unit). Plain
// TypeScript: no Remix, no Prisma.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { cell, columnSpec } from "#app/lib/table/columns.ts";
import type { Table } from "#app/lib/table/table.ts";
import { formatNumberVi, parseNumber } from "#app/lib/table/numbers.ts";
import { blockKey, cleanBlockName } from "#app/scoring/blocks.ts";
import { createUnitMatcher, displayNames, unitError, type ImportUnit } from "#app/scoring/unit-match.ts";

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

// ─── Placement columns (both shapes): block, ranked flag, reason, published rank, predecessors ──────────

/**
 * `xep_hang` (the ranked flag, as the CLI documents it) and a published table's "Xếp hạng" column (the
 * ranks, 1, 2, 3…) fold to the same header. A flag column holding only whole numbers, one of them above 1,
 * is that rank column: read it as the published rank when the file has no other rank column.
 */
export function rankedColumnAsRank(table: Table, col: { ranked: number; rank: number }): void {
  if (col.ranked < 0 || col.rank >= 0) return;
  let aboveOne = false;
  for (const row of table.rows) {
    const v = cell(row, col.ranked);
    if (!v) continue;
    if (!/^\d+$/.test(v)) return;
    if (Number(v) > 1) aboveOne = true;
  }
  if (!aboveOne) return;
  col.rank = col.ranked;
  col.ranked = -1;
}

export const PLACEMENT_COLUMNS = {
  block: columnSpec("khối", ["block", "khoi", "khối"], [], false),
  ranked: columnSpec("xếp hạng", ["ranked", "xep_hang", "xếp hạng"], ["co xep hang"], false),
  reason: columnSpec("lý do", ["reason", "ly_do", "lý do"], ["lý do không xếp hạng"], false),
  rank: columnSpec("hạng", ["rank", "hang", "hạng"], ["published rank"], false),
  previousUnit: columnSpec(
    "đơn vị trước",
    ["previous_unit", "don_vi_truoc", "đơn vị trước"],
    ["đơn vị năm trước", "previous units"],
    false,
  ),
};

export type Checked<T> = { value: T } | { error: string };

const NOT_RANKED = new Set(["khong", "no", "0", "false", "sai"]);
const RANKED = new Set(["co", "yes", "1", "true", "dung", ""]);

/** The ranked flag: không/no/0/false/sai → false; có/yes/1/true/đúng/empty → true; anything else an error. */
export function readRanked(raw: string): Checked<boolean> {
  const folded = foldVietnamese(raw);
  if (NOT_RANKED.has(folded)) return { value: false };
  if (RANKED.has(folded)) return { value: true };
  return {
    error: `Giá trị “${raw}” không hợp lệ; để trống hoặc ghi “có” nếu đơn vị được xếp hạng, “không” nếu không xếp hạng`,
  };
}

/** A published rank: empty → null; else a positive integer. */
export function readRank(raw: string): Checked<number | null> {
  if (raw === "") return { value: null };
  const n = parseNumber(raw);
  if (n === null || !Number.isInteger(n) || n <= 0) return { error: `Hạng phải là số nguyên dương (đang là “${raw}”)` };
  return { value: n };
}

/**
 * Block names as one file writes them: names that differ only by case or spacing are one block, spelt
 * as on their first row.
 */
export function blockSpeller(): (raw: string) => string | null {
  const first = new Map<string, string>();
  return (raw) => {
    const name = cleanBlockName(raw);
    if (!name) return null;
    const key = blockKey(name);
    const known = first.get(key);
    if (known !== undefined) return known;
    first.set(key, name);
    return name;
  };
}

/**
 * The previous round's units named in a cell ("Xã A; Xã B"), matched like the unit column. Without a
 * list of the previous round's units every name is an error.
 */
export function predecessorReader(previousUnits: ImportUnit[] | undefined): (raw: string) => Checked<string[]> {
  const match = previousUnits ? createUnitMatcher(previousUnits) : null;
  const names = displayNames(previousUnits ?? []);
  return (raw) => {
    const ids: string[] = [];
    const problems: string[] = [];
    const wanted = raw
      .split(";")
      .map((part) => part.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    if (!match && wanted.length)
      return { error: `Không có đợt đánh giá năm trước để ghép đơn vị ${wanted.map((n) => `“${n}”`).join(", ")}` };
    for (const name of wanted) {
      const m = match!(name);
      if (m.ok) {
        if (!ids.includes(m.id)) ids.push(m.id);
      } else if (m.reason === "unknown") problems.push(`Không tìm thấy đơn vị “${name}” trong đợt đánh giá năm trước`);
      else problems.push(unitError(name, m, names));
    }
    return problems.length ? { error: problems.join("; ") } : { value: ids };
  };
}
