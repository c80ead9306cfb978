// The one reader of uploaded tables (scores, attendees, awards): a .csv or the first sheet of an .xlsx.
import { readCsvTable } from "#app/lib/table/csv.ts";
import type { Table } from "#app/lib/table/table.ts";
import { readXlsxTable } from "#app/lib/table/xlsx.server.ts";

export interface TableInput {
  fileName: string;
  data: Uint8Array;
}

/** Reads the first worksheet of an .xlsx file, or a .csv file (UTF-8, comma, semicolon or tab separated). */
export async function readTable(input: TableInput): Promise<Table> {
  const name = input.fileName.toLowerCase();
  if (name.endsWith(".csv")) return readCsvTable(input.data);
  if (name.endsWith(".xlsx")) return readXlsxTable(input.data);
  throw new Error(`Chỉ nhận tệp .csv hoặc .xlsx (tệp “${input.fileName}” không đúng định dạng)`);
}
