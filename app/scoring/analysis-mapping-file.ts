// A code mapping between two framework versions read from a CSV or XLSX table (lib/table): one row per
// correspondence, the current code(s) in one column and the previous code(s) in another, several codes
// separated by ";" (a criterion merged or split). Every bad row is reported by row and column, in
// Vietnamese, naming the code; nothing is returned while any row is bad. Plain TypeScript: no Remix, no
// Prisma.
import { cell, checkUnlabelledCells, columnSpec, locateHeader, resolveColumns } from "#app/lib/table/columns.ts";
import { sortImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";

export const MAPPING_COLUMNS = {
  current: columnSpec(
    "mã tiêu chí",
    ["ma", "code", "mã"],
    ["ma_tieu_chi", "mã tiêu chí", "ma_nam_nay", "mã năm nay", "current_code", "current code"],
    true,
  ),
  previous: columnSpec(
    "mã năm trước",
    ["ma_nam_truoc", "previous_code", "mã năm trước"],
    ["ma_truoc", "mã trước", "previous_codes", "previous code", "ma tieu chi nam truoc", "mã tiêu chí năm trước"],
    true,
  ),
};

/** One row of the file: the current codes and the previous codes compared as one (a MappingGroup). */
export interface MappingFileGroup {
  current: string[];
  previous: string[];
  /** Row number in the file (header = 1). */
  row: number;
}

export type MappingFileImport = { ok: true; groups: MappingFileGroup[] } | { ok: false; errors: ImportError[] };

export interface MappingFileOptions {
  /** This round's framework: every current code must be one of its codes. */
  current?: CompiledFramework;
  /** The previous round's framework: every previous code must be one of its codes. */
  previous?: CompiledFramework;
}

/** "3.2.1; 3.2.2" → ["3.2.1", "3.2.2"]; a trailing dot ("3.2.") is dropped as in the score import. */
export function splitCodes(raw: string): string[] {
  return raw
    .split(";")
    .map((c) => c.trim().replace(/\.$/, ""))
    .filter(Boolean);
}

/**
 * Reads a mapping table: columns ma / code (this year's code) and ma_nam_truoc / previous_code (last
 * year's), other columns (titles, notes) ignored. Errors: a blank cell, a code unknown in its framework,
 * a code on two rows (or twice in one cell), each naming the code and, for a repeat, the first row.
 */
export function parseMappingTable(table: Table, opts: MappingFileOptions = {}): MappingFileImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, MAPPING_COLUMNS);
  const col = resolveColumns(table, MAPPING_COLUMNS, errors, "dòng ghép mã");
  if (!col) return { ok: false, errors };
  const groups: MappingFileGroup[] = [];
  const firstRow = { current: new Map<string, number>(), previous: new Map<string, number>() };
  const sides = [
    { side: "current", column: col.current, compiled: opts.current, label: "năm nay" },
    { side: "previous", column: col.previous, compiled: opts.previous, label: "năm trước" },
  ] as const;

  for (const row of table.rows) {
    const r = row.rowNumber;
    const before = errors.length;
    checkUnlabelledCells(table, row, errors);
    const group: MappingFileGroup = { current: [], previous: [], row: r };
    for (const { side, column, compiled, label } of sides) {
      const header = table.headers[column]!;
      const err = (message: string) => errors.push({ row: r, column: header, message });
      const codes = splitCodes(cell(row, column));
      if (!codes.length) {
        err(
          `Chưa có mã ${label}; mỗi dòng ghép mã năm nay với mã năm trước tương ứng (tiêu chí không có tương ứng thì không ghi vào tệp)`,
        );
      }
      for (const code of codes) {
        if (compiled && !compiled.indexByCode.has(code)) {
          err(`Mã ${code} không có trong bộ chỉ số ${label} (“${compiled.framework.name}”)`);
          continue;
        }
        const first = firstRow[side].get(code);
        if (first === r) err(`Mã ${code} được ghi hai lần trong cùng một ô`);
        else if (first !== undefined) err(`Mã ${code} của bộ chỉ số ${label} đã được ghép ở dòng ${first}`);
        else {
          firstRow[side].set(code, r);
          group[side].push(code);
        }
      }
    }
    if (errors.length === before) groups.push(group);
  }
  if (errors.length) return { ok: false, errors: sortImportErrors(errors) };
  return { ok: true, groups };
}
