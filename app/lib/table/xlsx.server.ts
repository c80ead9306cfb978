// The XLSX half of readTable (Node only): exceljs's streaming reader, which
// reads 100,000 rows in about 0.8–1 s on an idle 2-core machine where the
// in-memory reader takes 1.6–2.2 s (see docs/PERFORMANCE.md, "Scoring").
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "#app/lib/exceljs.server.ts";
import { tableFromRecords, type Table } from "#app/lib/table/table.ts";
import { checkImportCells, checkImportRow, ImportTooLargeError } from "#app/lib/table/limits.ts";

/** Text of a cell value as the user sees it: numbers, strings, formula results, rich text, hyperlinks, errors. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isNaN(value) ? "(lỗi công thức)" : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
    if ("result" in v && v.result !== undefined) return cellText(v.result);
    // No cached result (a file never opened in Excel, or an error result exceljs drops): show the formula.
    if (typeof v.formula === "string") return `=${v.formula}`;
    if ("sharedFormula" in v) return "";
    if ("text" in v) return cellText(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(value);
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

// exceljs's streaming reader reads the zip's entries in the order the file stores them. A writer may store
// a sheet before xl/workbook.xml (exceljs's own writer did so now and then, under load): the reader then
// looked the sheet up in a workbook model it had not read yet and threw. An empty model until then: the
// first sheet that comes is taken as the first tab.
function streamingReader(excel: typeof ExcelJS, data: Uint8Array) {
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([toBuffer(data)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  (reader as unknown as { model?: { sheets?: unknown[] } }).model ??= { sheets: [] };
  return reader;
}

function unreadable(error: unknown): Error {
  if (error instanceof ImportTooLargeError) return error;
  return new Error(`Không đọc được tệp Excel (.xlsx): ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Row numbers come from the file (`<row r="…">`): exceljs's streaming reader hands rows over one at a
 * time without allocating for the number, so the limits are checked on each row before anything is
 * kept for it. Every sheet is checked, including the ones that are only drained.
 */
function checkRow(row: { number: number; values: unknown }, cellsSoFar: number): number {
  checkImportRow(row.number);
  const width = Math.max(0, (row.values as unknown[]).length - 1);
  checkImportCells(cellsSoFar + width);
  return cellsSoFar + width;
}

/** Rows of the first worksheet (in tab order), numbered as in the sheet. */
export async function readXlsxTable(data: Uint8Array): Promise<Table> {
  const records: string[][] = [];
  const excel = await loadExcelJS();
  const reader = streamingReader(excel, data);
  try {
    let taken = false;
    let cellCount = 0;
    for await (const worksheet of reader) {
      // workbook.xml comes before the sheets in practice: its first <sheet> is the first tab.
      const model = (reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model;
      const firstTab = model?.sheets?.[0]?.name;
      const wanted = !taken && (firstTab === undefined || (worksheet as unknown as { name: string }).name === firstTab);
      for await (const row of worksheet) {
        cellCount = checkRow(row, cellCount);
        // The other sheets are read to the end so that exceljs can release them.
        if (!wanted) continue;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        // Spreadsheet rows may be missing (never written): keep numbering as in the sheet.
        while (records.length < row.number - 1) records.push([]);
        records.push(cells);
      }
      if (wanted) taken = true;
    }
  } catch (error) {
    throw unreadable(error);
  }
  return tableFromRecords(records);
}

/**
 * Throws ImportTooLargeError when any sheet of the workbook is past the import limits, reading it as a
 * stream (nothing kept). For readers that load the whole workbook (the framework import): run first.
 * Other problems are left to that reader to report.
 */
export async function checkXlsxWithinLimits(data: Uint8Array): Promise<void> {
  const excel = await loadExcelJS();
  const reader = streamingReader(excel, data);
  try {
    let cellCount = 0;
    for await (const worksheet of reader) {
      for await (const row of worksheet) cellCount = checkRow(row, cellCount);
    }
  } catch (error) {
    if (error instanceof ImportTooLargeError) throw error;
  }
}
