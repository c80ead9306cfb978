import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs): used here only to edit the sheet XML.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { frameworkFromXlsx } from "#app/scoring/framework-xlsx-read.server.ts";
import { readTable } from "#app/lib/table/read.server.ts";

// Issue 10, defect 2: a 2 KB .xlsx whose only row claims to be row 30,000,000 exhausted the heap in
// readTable (attendee, award and score imports) — the reader padded 30 million empty rows before it.
// Imports now stop at 200,000 rows and 5,000,000 cells with a Vietnamese message naming the limit.

const TOO_MANY_ROWS = "Tệp có quá nhiều dòng: chỉ nhận tối đa 200.000 dòng, tệp có dòng số 30.000.000.";

/** An exceljs-written workbook whose sheet's second row is renumbered `rowNumber` in the XML. */
async function workbookWithRow(rowNumber: number, sheetName = "Điểm"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(["unit", "points", "max_points"]);
  sheet.addRow(["Sở Nội vụ", 80, 100]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const name = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(name)!.async("string");
  const edited = xml
    .replace(/<row r="1"[\s\S]*?<\/row>/, "")
    .replace('<row r="2"', `<row r="${rowNumber}"`)
    .replace(/ r="([A-Z]+)2"/g, ` r="$1${rowNumber}"`);
  expect(edited).toContain(`<row r="${rowNumber}"`);
  zip.file(name, edited);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("import limits", () => {
  it("refuses an .xlsx whose only row claims to be row 30,000,000, without running out of memory", async () => {
    const data = await workbookWithRow(30_000_000);
    expect(data.length).toBeLessThan(10_000);
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(readTable({ fileName: "diem.xlsx", data })).rejects.toThrow(TOO_MANY_ROWS);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses it in the framework import too (that reader loads the whole workbook)", async () => {
    const data = await workbookWithRow(30_000_000, "Bo chi so");
    const parsed = await frameworkFromXlsx(data);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([expect.stringContaining(TOO_MANY_ROWS)]);
  });

  it("still reads a row far down within the limit, numbered as in the sheet", async () => {
    const table = await readTable({ fileName: "diem.xlsx", data: await workbookWithRow(150_000) });
    expect(table.headerRow).toBe(150_000);
    expect(table.headers).toEqual(["Sở Nội vụ", "80", "100"]);
  });

  it("caps CSV files the same way: rows, and cells of a line of separators", async () => {
    const rows = "don_vi,diem\n" + "Sở Nội vụ,80\n".repeat(200_000);
    await expect(readTable({ fileName: "diem.csv", data: Buffer.from(rows) })).rejects.toThrow(
      "Tệp có quá nhiều dòng: chỉ nhận tối đa 200.000 dòng, tệp có dòng số 200.001.",
    );
    await expect(readTable({ fileName: "diem.csv", data: Buffer.from(";".repeat(5_100_000)) })).rejects.toThrow(
      "Tệp có quá nhiều ô dữ liệu: chỉ nhận tối đa 5.000.000 ô.",
    );
  });
});
