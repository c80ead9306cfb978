// A table read from a CSV or XLSX file: a header and numbered rows of trimmed cell texts, plus the
// row/column errors an import reports on it. Plain TypeScript (no Node, no Remix): the readers are
// csv.ts, xlsx.server.ts and read.server.ts beside this file.

export interface TableRow {
  /** Row number as the user sees it in the file: the spreadsheet row, or the CSV record (header = 1). */
  rowNumber: number;
  /** Trimmed cell texts, aligned with Table.headers (a row may be shorter or longer). */
  cells: string[];
}

export interface Table {
  /** Trimmed header texts, as in the file. */
  headers: string[];
  /** Data rows after the header; fully empty rows are left out. */
  rows: TableRow[];
  /** Row number of the header: the first non-empty row, normally 1. */
  headerRow: number;
}

/** Builds a table from records (first non-empty record = header); rows keep their 1-based record number. */
export function tableFromRecords(records: Iterable<string[]>): Table {
  let headers: string[] | null = null;
  let headerRow = 1;
  const rows: TableRow[] = [];
  let n = 0;
  for (const record of records) {
    n++;
    const cells = record.map((c) => c.trim());
    if (isEmptyRow(cells)) continue;
    if (headers === null) {
      headers = cells;
      headerRow = n;
    } else rows.push({ rowNumber: n, cells });
  }
  return { headers: headers ?? [], rows, headerRow };
}

export function isEmptyRow(cells: string[]): boolean {
  for (const c of cells) if (c !== "") return false;
  return true;
}

export interface ImportError {
  /** Row number in the file (header = 1). */
  row: number;
  /** Header of the column as in the file, or "" when the error is about the whole row or a missing column. */
  column: string;
  message: string;
}

/** "Dòng 7, cột diem: Điểm “abc” không phải là số"; with a limit, the rest is summed up in one line. */
export function formatImportErrors(errors: ImportError[], options: { limit?: number } = {}): string[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const lines = errors
    .slice(0, limit)
    .map((e) => (e.column ? `Dòng ${e.row}, cột ${e.column}: ${e.message}` : `Dòng ${e.row}: ${e.message}`));
  if (errors.length > limit) lines.push(`… và ${(errors.length - limit).toLocaleString("vi-VN")} lỗi khác`);
  return lines;
}

/** Errors by row, in the order found within a row. */
export function sortImportErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .map(([e]) => e);
}
