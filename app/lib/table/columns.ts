// Finding an import's columns by their headers, in any case, with or without diacritics, and reporting
// missing, duplicate and unlabelled columns by row and column.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import type { ImportError, Table, TableRow } from "#app/lib/table/table.ts";

/** A header as compared: "Điểm_tối-đa" → "diem toi da". */
export function headerKey(header: string): string {
  return foldVietnamese(header.replace(/[_-]+/g, " "));
}

export interface ColumnSpec {
  /** Name used in messages. */
  label: string;
  /** Accepted header names as shown to the user. */
  shown: string[];
  /** Folded header keys (see headerKey). */
  keys: string[];
  required: boolean;
}

export const columnSpec = (label: string, shown: string[], extra: string[], required: boolean): ColumnSpec => ({
  label,
  shown,
  keys: [...new Set([...shown, ...extra].map(headerKey))],
  required,
});

export type Columns<K extends string> = { [key in K]: number };

const HEADER_SEARCH_ROWS = 20;

/**
 * The table re-based on its real header row: spreadsheets often carry a title
 * block above the header ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"). When the first row
 * lacks a required column, the first of the next rows that has them all is
 * taken as the header; otherwise the table is returned as is.
 */
export function locateHeader(table: Table, specs: Record<string, ColumnSpec>): Table {
  const required = Object.values(specs).filter((s) => s.required);
  const hasAll = (cells: string[]) => {
    const keys = new Set(cells.map(headerKey));
    return required.every((s) => s.keys.some((k) => keys.has(k)));
  };
  if (!table.headers.length || hasAll(table.headers)) return table;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i]!;
    if (hasAll(row.cells)) return { headers: row.cells, rows: table.rows.slice(i + 1), headerRow: row.rowNumber };
  }
  return table;
}

/**
 * Finds each column by its header; reports missing required columns and duplicate columns, and a table
 * with no row under its header (`noRows` names what the rows hold: "dòng điểm", "dòng ghép mã" …).
 */
export function resolveColumns<K extends string>(
  table: Table,
  specs: Record<K, ColumnSpec>,
  errors: ImportError[],
  noRows = "dòng điểm",
): Columns<K> | null {
  const row = table.headerRow;
  if (!table.headers.length) {
    errors.push({ row: 1, column: "", message: "Tệp không có dữ liệu" });
    return null;
  }
  const found = {} as Columns<K>;
  const keys = table.headers.map(headerKey);
  for (const name of Object.keys(specs) as K[]) {
    const s = specs[name];
    const matches: number[] = [];
    keys.forEach((k, i) => {
      if (s.keys.includes(k)) matches.push(i);
    });
    if (!matches.length) {
      found[name] = -1;
      if (s.required) {
        errors.push({ row, column: "", message: `Thiếu cột “${s.label}” (tên cột chấp nhận: ${s.shown.join(", ")})` });
      }
      continue;
    }
    found[name] = matches[0]!;
    for (const i of matches.slice(1)) {
      errors.push({
        row,
        column: table.headers[i]!,
        message: `Cột “${table.headers[i]}” trùng với cột “${table.headers[matches[0]!]}”; chỉ để một cột ${s.label}`,
      });
    }
  }
  if (errors.length) return null;
  if (!table.rows.length) {
    errors.push({ row, column: "", message: `Tệp chỉ có dòng tiêu đề, chưa có ${noRows} nào` });
    return null;
  }
  return found;
}

/** Data under no header is reported: typically a decimal comma in a comma-separated file ("71,11" split in two). */
export function checkUnlabelledCells(table: Table, row: TableRow, errors: ImportError[]): void {
  const { headers } = table;
  for (let i = 0; i < row.cells.length; i++) {
    if (row.cells[i] !== "" && !headers[i]) {
      errors.push({
        row: row.rowNumber,
        column: "",
        message:
          i >= headers.length
            ? `Dòng có ${row.cells.length} ô nhưng tiêu đề chỉ có ${headers.length} cột (ô thừa “${row.cells[i]}”); nếu số thập phân dùng dấu phẩy trong tệp phân cách bằng dấu phẩy, hãy đặt số trong ngoặc kép hoặc dùng dấu chấm`
            : `Ô “${row.cells[i]}” ở cột thứ ${i + 1} có dữ liệu nhưng cột không có tiêu đề`,
      });
      return;
    }
  }
}

export const cell = (row: TableRow, index: number): string => (index < 0 ? "" : (row.cells[index] ?? ""));
