// Score import, detailed shape: checks a table read from a CSV or XLSX file (lib/table) and converts it
// into detailed scores (unit, criterion code, points). Every bad row is reported, by row and column, in
// Vietnamese; nothing is returned as scores while any row is bad. Plain TypeScript: no Remix, no Prisma.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import {
  cell,
  checkUnlabelledCells,
  columnSpec,
  headerKey,
  locateHeader,
  resolveColumns,
} from "#app/lib/table/columns.ts";
import { formatNumberVi } from "#app/lib/table/numbers.ts";
import { sortImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import { emptyScores, type CompiledFramework } from "#app/scoring/framework.ts";
import {
  blockSpeller,
  PLACEMENT_COLUMNS,
  rankedColumnAsRank,
  predecessorReader,
  readPoints,
  readRank,
  readRanked,
  TOLERANCE,
  UNIT,
} from "#app/scoring/import-points.ts";
import type { DetailedScores } from "#app/scoring/types.ts";
import { createUnitMatcher, displayNames, unitError, unitNameKey, type ImportUnit } from "#app/scoring/unit-match.ts";

const DETAILED_COLUMNS = {
  unit: UNIT,
  code: columnSpec(
    "mã tiêu chí",
    ["code", "ma", "mã", "ma_tieu_chi", "mã tiêu chí"],
    ["criterion", "criterion code"],
    true,
  ),
  points: columnSpec("điểm", ["points", "diem", "điểm"], ["điểm thẩm định", "appraised points"], true),
  selfPoints: columnSpec(
    "điểm tự chấm",
    ["self_points", "diem_tu_cham", "điểm tự chấm"],
    ["self assessed points"],
    false,
  ),
  notApplicable: columnSpec(
    "không áp dụng",
    ["not_applicable", "khong_ap_dung", "không áp dụng"],
    ["n/a", "na"],
    false,
  ),
  ...PLACEMENT_COLUMNS,
};

export interface DetailedImportOptions {
  /**
   * The round's units, in the order the scores are returned. Without it (the CLI) the file's own unit
   * names are the units, in order of first appearance, each name as first written being its id.
   */
  units?: ImportUnit[];
  /** The previous round's units, for the previous_unit column (a merged unit's predecessors). */
  previousUnits?: ImportUnit[];
  /** The previous_unit column is not read (the CLI without --previous: no comparison to make). */
  ignorePreviousUnits?: boolean;
}

/** A unit's detailed scores with, when the file has a rank column, its rank as published. */
export type ImportedDetailedScores = DetailedScores & { publishedRank?: number | null };

/** True when the table has a criterion code column: the detailed shape (one row per unit and criterion). */
export function isDetailedTable(table: Table): boolean {
  const located = locateHeader(table, DETAILED_COLUMNS);
  const keys = new Set(located.headers.map(headerKey));
  return DETAILED_COLUMNS.code.keys.some((k) => keys.has(k));
}

export type DetailedImport =
  | {
      ok: true;
      /**
       * One per unit present in the file, in `units` order. points = appraised points, else self-assessed;
       * NaN = not scored.
       */
      scores: ImportedDetailedScores[];
      /** Self-assessed points per unit id (NaN where not given); only units with at least one. */
      self: Map<string, Float64Array>;
    }
  | { ok: false; errors: ImportError[] };

const YES = new Set(["x", "1", "true", "co", "yes", "khong ap dung", "kad"]);
const NO = new Set(["", "0", "false", "khong", "no"]);

interface UnitState {
  index: number;
  scores: DetailedScores;
  self: Float64Array | null;
  /** Row of each node's entry, 0 when none. */
  rowOf: Int32Array;
  /** 1 where that row carries points (valid or not). */
  scored: Uint8Array;
  hasParentNotApplicable: boolean;
  /** Placement cells as first given (non-blank) on the unit's rows, with their row. */
  placement: Partial<Record<PlacementField, { value: string; shown: string; row: number }>>;
}

type PlacementField = "block" | "ranked" | "reason" | "rank" | "previousUnit";

/** A unit's placement values read on one row: the comparable value and how it is shown in a message. */
interface PlacementCell {
  field: PlacementField;
  column: number;
  value: string;
  shown: string;
}

/**
 * Columns unit, code and points, optionally self_points and not_applicable;
 * one row per unit and criterion. Points go to leaves (sub-criteria, or
 * criteria without children); a not-applicable mark may target any node and
 * takes its whole subtree out of the unit's maximum.
 *
 * Optional placement columns block, ranked, reason, rank and previous_unit describe the unit, so they
 * repeat on its rows: the non-blank ones must agree (a unit in two blocks is an error). Absent from the
 * file, a field is left undefined; present but blank on every row of a unit, it is cleared (null,
 * ranked true, no predecessors).
 */
export function parseDetailedScores(
  table: Table,
  compiled: CompiledFramework,
  opts: DetailedImportOptions,
): DetailedImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, DETAILED_COLUMNS);
  const col = resolveColumns(table, DETAILED_COLUMNS, errors);
  if (!col) return { ok: false, errors };
  rankedColumnAsRank(table, col);
  if (opts.ignorePreviousUnits) col.previousUnit = -1;
  const h = (i: number) => table.headers[i]!;
  const units = opts.units ?? unitsOfFile(table, col.unit);
  const match = createUnitMatcher(units);
  const displayName = displayNames(units);
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const states: Array<UnitState | undefined> = new Array(units.length);
  const spellBlock = blockSpeller();
  const readPredecessors = predecessorReader(opts.previousUnits);
  const placementColumns = (
    [
      ["block", col.block],
      ["ranked", col.ranked],
      ["reason", col.reason],
      ["rank", col.rank],
      ["previousUnit", col.previousUnit],
    ] as const
  ).filter(([, column]) => column >= 0);
  const predecessorIds = new Map<string, string[]>();
  const previousNames = displayNames(opts.previousUnits ?? []);
  const n = compiled.nodes.length;
  const { indexByCode, isLeaf, maxPoints } = compiled;
  const state = (index: number): UnitState =>
    (states[index] ??= {
      index,
      scores: emptyScores(compiled, units[index]!.id, displayName.get(units[index]!.id)!),
      self: null,
      rowOf: new Int32Array(n),
      scored: new Uint8Array(n),
      hasParentNotApplicable: false,
      placement: {},
    });

  for (const row of table.rows) {
    const r = row.rowNumber;
    const before = errors.length;
    const err = (column: number, message: string) =>
      errors.push({ row: r, column: column < 0 ? "" : h(column), message });
    checkUnlabelledCells(table, row, errors);

    // unit
    const rawName = cell(row, col.unit);
    let unit = -1;
    if (!rawName) err(col.unit, "Chưa có tên đơn vị");
    else {
      const m = match(rawName);
      if (m.ok) unit = unitIndex.get(m.id)!;
      else err(col.unit, unitError(rawName.replace(/\s+/g, " "), m, displayName));
    }

    // code
    const code = cell(row, col.code).replace(/\.$/, "");
    let node = -1;
    if (!code) err(col.code, "Chưa có mã tiêu chí");
    else {
      const found = indexByCode.get(code);
      if (found === undefined) err(col.code, `Mã “${code}” không có trong bộ chỉ số “${compiled.framework.name}”`);
      else node = found;
    }

    // not applicable
    const rawNa = cell(row, col.notApplicable);
    let na = false;
    if (rawNa !== "") {
      const folded = foldVietnamese(rawNa);
      if (YES.has(folded)) na = true;
      else if (!NO.has(folded))
        err(
          col.notApplicable,
          `Giá trị “${rawNa}” không hợp lệ; để trống, hoặc ghi x (hay 1, true, có) nếu tiêu chí không áp dụng`,
        );
    }

    // points
    const points = readPoints(cell(row, col.points), "Điểm");
    const self = readPoints(cell(row, col.selfPoints), "Điểm tự chấm");
    if (points && "error" in points) err(col.points, points.error);
    if (self && "error" in self) err(col.selfPoints, self.error);
    if (na) {
      const conflict = points && "value" in points ? col.points : self && "value" in self ? col.selfPoints : null;
      if (conflict !== null) err(conflict, `Tiêu chí ${code} được đánh dấu không áp dụng nên không nhập điểm`);
    } else if (points === null && self === null) {
      err(col.points, "Chưa nhập điểm");
    } else if (node >= 0) {
      if (!isLeaf[node]) err(col.points, `Mã ${code} là tiêu chí có tiêu chí con; nhập điểm cho tiêu chí thành phần`);
      else {
        const max = maxPoints[node]!;
        for (const [value, column, label] of [
          [points, col.points, "Điểm"],
          [self, col.selfPoints, "Điểm tự chấm"],
        ] as const) {
          if (value && "value" in value && value.value > max + TOLERANCE) {
            err(
              column,
              `${label} ${formatNumberVi(value.value)} vượt điểm tối đa ${formatNumberVi(max)} của tiêu chí ${code}`,
            );
          }
        }
      }
    }

    // placement (the unit's, repeated on its rows)
    const placed: PlacementCell[] = [];
    for (const [field, column] of placementColumns) {
      const raw = cell(row, column).trim();
      if (!raw) continue;
      if (field === "block") {
        const name = spellBlock(raw)!;
        placed.push({ field, column, value: name, shown: `“${name}”` });
      } else if (field === "ranked") {
        const ranked = readRanked(raw);
        if ("error" in ranked) err(column, ranked.error);
        else
          placed.push({
            field,
            column,
            value: String(ranked.value),
            shown: ranked.value ? "xếp hạng" : "không xếp hạng",
          });
      } else if (field === "reason") {
        const reason = raw.replace(/\s+/g, " ");
        placed.push({ field, column, value: reason, shown: `“${reason}”` });
      } else if (field === "rank") {
        const rank = readRank(raw);
        if ("error" in rank) err(column, rank.error);
        else placed.push({ field, column, value: String(rank.value), shown: String(rank.value) });
      } else {
        const ids = readPredecessors(raw);
        if ("error" in ids) err(column, ids.error);
        else {
          const value = [...ids.value].sort().join("\n");
          predecessorIds.set(value, ids.value);
          placed.push({
            field,
            column,
            value,
            shown: `“${ids.value.map((id) => previousNames.get(id) ?? id).join("; ")}”`,
          });
        }
      }
    }

    // duplicates, then store
    if (unit < 0) continue;
    if (placed.length) {
      const s = state(unit);
      const name = displayName.get(units[unit]!.id);
      for (const p of placed) {
        const first = s.placement[p.field];
        if (!first) s.placement[p.field] = { value: p.value, shown: p.shown, row: r };
        else if (first.value !== p.value) err(p.column, conflictMessage(p.field, name!, first, p.shown, r));
      }
    }
    if (node < 0) continue;
    const s = state(unit);
    const earlier = s.rowOf[node]!;
    if (earlier) {
      err(col.code, `Đơn vị “${displayName.get(units[unit]!.id)}”, mã ${code} trùng với dòng ${earlier}`);
      continue;
    }
    s.rowOf[node] = r;
    if (!na && (points || self)) s.scored[node] = 1;
    if (errors.length !== before) continue;
    if (na) {
      s.scores.notApplicable[node] = 1;
      if (!isLeaf[node]) s.hasParentNotApplicable = true;
      continue;
    }
    if (self && "value" in self) (s.self ??= new Float64Array(n).fill(Number.NaN))[node] = self.value;
    s.scores.points[node] =
      points && "value" in points ? points.value : self && "value" in self ? self.value : Number.NaN;
  }

  // Points entered under a criterion marked not applicable on another row.
  for (const s of states) {
    if (!s?.hasParentNotApplicable) continue;
    const na = s.scores.notApplicable;
    for (let i = 0; i < n; i++) {
      if (!na[i] || isLeaf[i]) continue;
      const end = compiled.subtreeEnd[i]!;
      for (let j = i + 1; j < end; j++) {
        if (s.scored[j]) {
          errors.push({
            row: s.rowOf[j]!,
            column: h(col.points),
            message: `Tiêu chí ${compiled.nodes[j]!.code} thuộc tiêu chí ${compiled.nodes[i]!.code}, đã được đánh dấu không áp dụng ở dòng ${s.rowOf[i]}`,
          });
        }
      }
    }
  }

  // A published rank for a unit marked not ranked (on any of its rows).
  for (const s of states) {
    const { ranked, rank } = s?.placement ?? {};
    if (ranked?.value === "false" && rank) {
      errors.push({
        row: rank.row,
        column: h(col.rank),
        message: `Đơn vị không xếp hạng (dòng ${ranked.row}) thì không ghi hạng (đang là ${rank.value})`,
      });
    }
  }

  if (errors.length) return { ok: false, errors: sortImportErrors(errors) };
  const scores: ImportedDetailedScores[] = [];
  const selfByUnit = new Map<string, Float64Array>();
  for (const s of states) {
    if (!s) continue;
    const scored: ImportedDetailedScores = s.scores;
    const p = s.placement;
    if (col.block >= 0) scored.block = p.block?.value ?? null;
    if (col.ranked >= 0) scored.ranked = p.ranked?.value !== "false";
    if (col.reason >= 0) scored.notRankedReason = scored.ranked === true ? null : (p.reason?.value ?? null);
    if (col.rank >= 0) scored.publishedRank = p.rank ? Number(p.rank.value) : null;
    if (col.previousUnit >= 0) scored.predecessorIds = p.previousUnit ? predecessorIds.get(p.previousUnit.value)! : [];
    scores.push(scored);
    if (s.self) selfByUnit.set(s.scores.unitId, s.self);
  }
  return { ok: true, scores, self: selfByUnit };
}

/** The units of a file without a unit list: its names in order of first appearance, one per unitNameKey. */
function unitsOfFile(table: Table, unitColumn: number): ImportUnit[] {
  const seen = new Set<string>();
  const units: ImportUnit[] = [];
  for (const row of table.rows) {
    const name = cell(row, unitColumn).replace(/\s+/g, " ").trim().normalize("NFC");
    if (!name || seen.has(unitNameKey(name))) continue;
    seen.add(unitNameKey(name));
    units.push({ id: name, names: [name] });
  }
  return units;
}

function conflictMessage(
  field: PlacementField,
  unit: string,
  first: { shown: string; row: number },
  shown: string,
  row: number,
): string {
  const both = `${first.shown} (dòng ${first.row}) và ${shown} (dòng ${row})`;
  switch (field) {
    case "block":
      return `Đơn vị “${unit}” thuộc hai khối: ${both}`;
    case "ranked":
      return `Đơn vị “${unit}” vừa ghi ${both}`;
    case "reason":
      return `Đơn vị “${unit}” có hai lý do không xếp hạng khác nhau: ${both}`;
    case "rank":
      return `Đơn vị “${unit}” có hai hạng khác nhau: ${both}`;
    case "previousUnit":
      return `Đơn vị “${unit}” được ghép với hai nhóm đơn vị năm trước khác nhau: ${both}`;
  }
}
