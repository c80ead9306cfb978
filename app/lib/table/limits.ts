// How big a table an import reads (attendees, awards, scores, frameworks; .xlsx and .csv). A 2 KB
// .xlsx whose only row claims to be row 30,000,000 used to exhaust the heap: rows are numbered as in
// the sheet, so the reader padded 30 million empty rows before it. A compressed .xlsx of 10 MB can
// also unpack to millions of rows. Both are refused before anything is allocated for them.
//
// 200,000 rows: the largest real import is a province's detailed scores, units × criteria (e.g. 1,000
// units × 100 criteria = 100,000 rows, the benchmark in docs/PERFORMANCE.md), with room to spare.
// 5,000,000 cells: 200,000 rows of 25 columns; a stray format far to the right (column XFD) on every
// row would otherwise make each row 16,384 cells wide.

export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_CELLS = 5_000_000;

const vi = (n: number) => n.toLocaleString("vi-VN");

/** A file beyond the limits: its message is for the user as is. */
export class ImportTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportTooLargeError";
  }
}

/** Throws when a row numbered `rowNumber` (1-based, as in the sheet or the CSV) is past the limit. */
export function checkImportRow(rowNumber: number): void {
  if (rowNumber > MAX_IMPORT_ROWS) {
    throw new ImportTooLargeError(
      `Tệp có quá nhiều dòng: chỉ nhận tối đa ${vi(MAX_IMPORT_ROWS)} dòng, tệp có dòng số ${vi(rowNumber)}. ` +
        "Hãy xoá các dòng thừa hoặc chia thành nhiều tệp nhỏ hơn.",
    );
  }
}

/** Throws when the table holds more than MAX_IMPORT_CELLS cells so far. */
export function checkImportCells(cells: number): void {
  if (cells > MAX_IMPORT_CELLS) {
    throw new ImportTooLargeError(
      `Tệp có quá nhiều ô dữ liệu: chỉ nhận tối đa ${vi(MAX_IMPORT_CELLS)} ô. ` +
        "Hãy xoá các cột, dòng thừa (kể cả ô chỉ được định dạng) hoặc chia thành nhiều tệp nhỏ hơn.",
    );
  }
}
