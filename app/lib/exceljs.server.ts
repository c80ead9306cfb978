// exceljs loaded on first use. It is about 400 modules (jszip, archiver, unzipper, fast-csv, bluebird…):
// imported at start-up it added about 45 MB to every process that registers the job runners, the
// background worker among them, which builds a workbook only when someone asks for a packet or a report.
import type ExcelJS from "exceljs";

let loaded: Promise<typeof ExcelJS> | null = null;

/** The exceljs module, imported once per process on the first call. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= import("exceljs").then(
    (m) => (m as unknown as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS),
  );
  return loaded;
}
