// Score import, detailed shape: checks a table read from a CSV or XLSX file (lib/table) and converts it
// into detailed scores (unit, criterion code, points). Every bad row is reported, by row and column, in
// Vietnamese; nothing is returned as scores while any row is bad. Plain TypeScript: no Remix, no Prisma.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { cell, checkUnlabelledCells, columnSpec, locateHeader, resolveColumns } from "#app/lib/table/columns.ts";
import { formatNumberVi } from "#app/lib/table/numbers.ts";
import { sortImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import { emptyScores, type CompiledFramework } from "#app/scoring/framework.ts";
import { readPoints, TOLERANCE, UNIT } from "#app/scoring/import-points.ts";
import type { DetailedScores } from "#app/scoring/types.ts";
import { createUnitMatcher, displayNames, unitError, type ImportUnit } from "#app/scoring/unit-match.ts";

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
};

export interface DetailedImportOptions {
  /** The round's units, in the order the scores are returned. */
  units: ImportUnit[];
}

export type DetailedImport =
  | {
      ok: true;
      /**
       * One per unit present in the file, in `units` order. points = appraised points, else self-assessed;
       * NaN = not scored.
       */
      scores: DetailedScores[];
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
}

/**
 * Columns unit, code and points, optionally self_points and not_applicable;
 * one row per unit and criterion. Points go to leaves (sub-criteria, or
 * criteria without children); a not-applicable mark may target any node and
 * takes its whole subtree out of the unit's maximum.
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
  const h = (i: number) => table.headers[i]!;
  const match = createUnitMatcher(opts.units);
  const displayName = displayNames(opts.units);
  const unitIndex = new Map(opts.units.map((u, i) => [u.id, i]));
  const states: Array<UnitState | undefined> = new Array(opts.units.length);
  const n = compiled.nodes.length;
  const { indexByCode, isLeaf, maxPoints } = compiled;
  const state = (index: number): UnitState =>
    (states[index] ??= {
      index,
      scores: emptyScores(compiled, opts.units[index]!.id, displayName.get(opts.units[index]!.id)!),
      self: null,
      rowOf: new Int32Array(n),
      scored: new Uint8Array(n),
      hasParentNotApplicable: false,
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

    // duplicates, then store
    if (unit < 0 || node < 0) continue;
    const s = state(unit);
    const earlier = s.rowOf[node]!;
    if (earlier) {
      err(col.code, `Đơn vị “${displayName.get(opts.units[unit]!.id)}”, mã ${code} trùng với dòng ${earlier}`);
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

  if (errors.length) return { ok: false, errors: sortImportErrors(errors) };
  const scores: DetailedScores[] = [];
  const selfByUnit = new Map<string, Float64Array>();
  for (const s of states) {
    if (!s) continue;
    scores.push(s.scores);
    if (s.self) selfByUnit.set(s.scores.unitId, s.self);
  }
  return { ok: true, scores, self: selfByUnit };
}
