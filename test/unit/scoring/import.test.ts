import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { smallFramework } from "#tests/fixtures/scoring/small-framework.ts";
import { compileFramework, DEFAULT_BANDS, rankUnits, type Framework } from "#app/scoring/index.ts";
import { formatImportErrors, type Table } from "#app/lib/table/table.ts";
import { parseDetailedScores } from "#app/scoring/import-detailed.ts";
import { parseNumber } from "#app/lib/table/numbers.ts";
import { parseSummaryScores } from "#app/scoring/import-summary.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { type ImportUnit } from "#app/scoring/unit-match.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/scoring");
const csv = (text: string, fileName = "diem.csv") => readTable({ fileName, data: Buffer.from(text, "utf8") });

describe("readTable: CSV", () => {
  it("reads a UTF-8 file with a BOM, semicolons, CRLF and decimal commas (Excel in Vietnamese)", async () => {
    const table = await readTable({
      fileName: "binh-thuan-2023-excel-vn.csv",
      data: fs.readFileSync(path.join(FIXTURES, "binh-thuan-2023-excel-vn.csv")),
    });
    expect(table.headers).toEqual(["Đơn vị", "Điểm", "Điểm tối đa"]);
    expect(table.rows[4]).toEqual({ rowNumber: 6, cells: ["Tánh Linh", "71,11", "97"] });
    const parsed = parseSummaryScores(table);
    expect(parsed.ok && parsed.scores[4]).toEqual({
      unitId: "Tánh Linh",
      unitName: "Tánh Linh",
      points: 71.11,
      maxPoints: 97,
      surveyPoints: null,
    });
  });

  it("keeps separators, doubled quotes and line breaks inside quoted fields, and numbers rows as records", async () => {
    const table = await csv(
      'unit,points,max_points,ghi chú\n"Hàm Thuận Bắc, huyện",74,97,"nói ""tốt"""\n\n"Tánh Linh","71,11",97,"dòng 1\r\ndòng 2"\r\nPhú Quý,58.9,97,\n',
    );
    expect(table.headerRow).toBe(1);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["Hàm Thuận Bắc, huyện", "74", "97", 'nói "tốt"'] },
      // row 3 is empty and skipped; a quoted line break does not start a new row
      { rowNumber: 4, cells: ["Tánh Linh", "71,11", "97", "dòng 1\r\ndòng 2"] },
      { rowNumber: 5, cells: ["Phú Quý", "58.9", "97", ""] },
    ]);
  });

  it("detects the separator from the header line (comma, semicolon, tab)", async () => {
    expect((await csv("unit;points;max_points\nA;1,5;2\n")).rows[0]!.cells).toEqual(["A", "1,5", "2"]);
    expect((await csv("unit\tpoints\tmax_points\nA\t1.5\t2\n")).rows[0]!.cells).toEqual(["A", "1.5", "2"]);
    expect((await csv('"đơn vị; tên",points,max_points\nA,1.5,2\n')).headers).toEqual([
      "đơn vị; tên",
      "points",
      "max_points",
    ]);
  });

  it("refuses other extensions, non-UTF-8 text and an unterminated quote, in Vietnamese", async () => {
    await expect(readTable({ fileName: "diem.xls", data: Buffer.from("") })).rejects.toThrow(
      "Chỉ nhận tệp .csv hoặc .xlsx",
    );
    await expect(readTable({ fileName: "diem.txt", data: Buffer.from("") })).rejects.toThrow(
      "Chỉ nhận tệp .csv hoặc .xlsx",
    );
    // "Tánh Linh" in Windows-1258
    await expect(readTable({ fileName: "diem.csv", data: Buffer.from([0x54, 0xe1, 0x6e, 0x68]) })).rejects.toThrow(
      "không được lưu bằng mã UTF-8",
    );
    await expect(csv('unit,points\n"Tánh Linh,71\n')).rejects.toThrow("dấu ngoặc kép chưa đóng, mở ở dòng 2");
  });
});

describe("parseNumber", () => {
  it.each([
    ["71.11", 71.11],
    ["71,11", 71.11],
    [" 97 ", 97],
    ["0,5", 0.5],
    [",5", 0.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["-3", -3],
    ["1e2", 100],
  ])("%s → %s", (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(["abc", "", "1.2.1", "1,2,3", "1.23,4", "71,11,5", "Infinity", "NaN", "1 000", "12a"])(
    "“%s” is not a number",
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});

const DISTRICTS: ImportUnit[] = [
  { id: "u-pt", names: ["Thành phố Phan Thiết", "Phan Thiết"] },
  { id: "u-tl", names: ["Huyện Tánh Linh", "Tánh Linh"] },
  { id: "u-pq", names: ["Huyện Phú Quý", "Phú Quý"] },
];

describe("parseSummaryScores", () => {
  it("matches units by any name, ignoring case, diacritics, spaces and a leading UBND", async () => {
    const table = await csv(
      "don_vi,diem,diem_toi_da,diem_dieu_tra\nUBND huyện Tánh Linh,71.11,97,8.5\nPHAN  THIET,85.2,97,\nỦy ban nhân dân Phú Quý,58.9,97,\n",
    );
    const parsed = parseSummaryScores(table, { units: DISTRICTS });
    expect(parsed).toEqual({
      ok: true,
      scores: [
        { unitId: "u-tl", unitName: "Huyện Tánh Linh", points: 71.11, maxPoints: 97, surveyPoints: 8.5 },
        { unitId: "u-pt", unitName: "Thành phố Phan Thiết", points: 85.2, maxPoints: 97, surveyPoints: null },
        { unitId: "u-pq", unitName: "Huyện Phú Quý", points: 58.9, maxPoints: 97, surveyPoints: null },
      ],
    });
  });

  it("tolerates empty or missing aliases in the unit list (e.g. a null place name from the database)", async () => {
    const units = [{ id: "x", names: [null as unknown as string, "", "Xã Bình Lư"] }];
    const parsed = parseSummaryScores(await csv("unit,points,max_points\nxã bình lư,1,2\n"), { units });
    expect(parsed).toEqual({
      ok: true,
      scores: [{ unitId: "x", unitName: "Xã Bình Lư", points: 1, maxPoints: 2, surveyPoints: null }],
    });
  });

  it("without a unit list uses the names as ids", async () => {
    const parsed = parseSummaryScores(await csv("Unit, Points ,MAX POINTS\nTánh Linh,71.11,97\n"));
    expect(parsed).toEqual({
      ok: true,
      scores: [{ unitId: "Tánh Linh", unitName: "Tánh Linh", points: 71.11, maxPoints: 97, surveyPoints: null }],
    });
  });

  it("reports every bad row by row and column, and imports nothing", async () => {
    const table = await csv(
      [
        "unit,points,max_points,survey_points",
        "Tánh Linh,71.11,97,", // 2: good
        "Hàm Tân,70,97,", // 3: unknown unit
        "Phan Thiết,abc,97,", // 4: not a number
        "Phú Quý,-1,97,", // 5: negative
        ",50,97,", // 6: no unit
        "", // 7: empty, skipped
        "  tánh linh ,60,97,", // 8: duplicate of row 2
        "Phan Thiết,98.5,97,", // 9: above the maximum (row 4 had no valid points but the unit counts)
        "UBND Phú Quý,10,0,", // 10: maximum ≤ 0, and Phú Quý repeats row 5
        "Hàm Thuận Nam,,,x", // 11: unknown unit, no points, no maximum, survey not a number
      ].join("\n"),
    );
    const parsed = parseSummaryScores(table, { units: DISTRICTS });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { row: 3, column: "unit", message: "Không tìm thấy đơn vị “Hàm Tân” trong đợt đánh giá" },
      { row: 4, column: "points", message: "Điểm “abc” không phải là số" },
      { row: 5, column: "points", message: "Điểm không được là số âm (-1)" },
      { row: 6, column: "unit", message: "Chưa có tên đơn vị" },
      { row: 8, column: "unit", message: "Đơn vị “tánh linh” trùng với dòng 2" },
      { row: 9, column: "points", message: "Điểm 98,5 vượt điểm tối đa 97" },
      { row: 9, column: "unit", message: "Đơn vị “Phan Thiết” trùng với dòng 4" },
      { row: 10, column: "max_points", message: "Điểm tối đa phải lớn hơn 0 (đang là 0)" },
      { row: 10, column: "unit", message: "Đơn vị “UBND Phú Quý” trùng với dòng 5" },
      { row: 11, column: "unit", message: "Không tìm thấy đơn vị “Hàm Thuận Nam” trong đợt đánh giá" },
      { row: 11, column: "points", message: "Chưa nhập điểm" },
      { row: 11, column: "max_points", message: "Chưa nhập điểm tối đa" },
      { row: 11, column: "survey_points", message: "Điểm điều tra “x” không phải là số" },
    ]);
  });

  it("reports missing and duplicate columns on the header row", async () => {
    const parsed = parseSummaryScores(await csv("đơn vị,diem\nTánh Linh,71.11\n"));
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        row: 1,
        column: "",
        message: "Thiếu cột “điểm tối đa” (tên cột chấp nhận: max_points, diem_toi_da, điểm tối đa)",
      },
    ]);
    const twice = parseSummaryScores(await csv("unit,points,Điểm,max_points\nTánh Linh,71.11,71.11,97\n"));
    expect(!twice.ok && twice.errors).toEqual([
      { row: 1, column: "Điểm", message: "Cột “Điểm” trùng với cột “points”; chỉ để một cột điểm" },
    ]);
    const empty = parseSummaryScores(await csv("unit,points,max_points\n"));
    expect(!empty.ok && empty.errors).toEqual([
      { row: 1, column: "", message: "Tệp chỉ có dòng tiêu đề, chưa có dòng điểm nào" },
    ]);
    const nothing = parseSummaryScores(await csv("\n\n"));
    expect(!nothing.ok && nothing.errors).toEqual([{ row: 1, column: "", message: "Tệp không có dữ liệu" }]);
  });

  it("flags a decimal comma that split a row of a comma-separated file", async () => {
    const parsed = parseSummaryScores(await csv("unit,points,max_points\nTánh Linh,71,11,97\n"));
    expect(!parsed.ok && parsed.errors[0]).toEqual({
      row: 2,
      column: "",
      message:
        "Dòng có 4 ô nhưng tiêu đề chỉ có 3 cột (ô thừa “97”); nếu số thập phân dùng dấu phẩy trong tệp phân cách bằng dấu phẩy, hãy đặt số trong ngoặc kép hoặc dùng dấu chấm",
    });
  });

  it("keeps names that differ only by diacritics apart, and says when a name is ambiguous", async () => {
    const units = [
      { id: "a", names: ["Xã Tân Hòa"] },
      { id: "b", names: ["Xã Tân Hóa"] },
    ];
    const table = await csv("unit,points,max_points\nxã tân hóa,50,100\nXa Tan Hoa,60,100\n");
    const parsed = parseSummaryScores(table, { units });
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        row: 3,
        column: "unit",
        message: "Tên đơn vị “Xa Tan Hoa” khớp với nhiều đơn vị (Xã Tân Hòa; Xã Tân Hóa); hãy ghi đúng tên có dấu",
      },
    ]);
    const one = parseSummaryScores(await csv("unit,points,max_points\nxã tân hóa,50,100\n"), { units });
    expect(one.ok && one.scores[0]!.unitId).toBe("b");
  });
});

describe("formatImportErrors", () => {
  it("writes one line per error, with the column when there is one, and can cut the list", () => {
    const errors = [
      { row: 1, column: "", message: "Thiếu cột “điểm”" },
      { row: 7, column: "diem", message: "Điểm “abc” không phải là số" },
      { row: 9, column: "diem", message: "Chưa nhập điểm" },
    ];
    expect(formatImportErrors(errors)).toEqual([
      "Dòng 1: Thiếu cột “điểm”",
      "Dòng 7, cột diem: Điểm “abc” không phải là số",
      "Dòng 9, cột diem: Chưa nhập điểm",
    ]);
    expect(formatImportErrors(errors, { limit: 1 })).toEqual(["Dòng 1: Thiếu cột “điểm”", "… và 2 lỗi khác"]);
  });
});

const framework: Framework = smallFramework;
const compiled = compileFramework(framework);
const at = (code: string) => compiled.indexByCode.get(code)!;
const COMMUNES: ImportUnit[] = [
  { id: "c-bl", names: ["Xã Bình Lư"] },
  { id: "c-tl", names: ["Thị trấn Tam Đường"] },
  { id: "c-nt", names: ["Xã Nà Tăm"] },
];

describe("parseDetailedScores", () => {
  it("puts points on leaves, marks any node not applicable, keeps self points, in the units' order", async () => {
    const table = await csv(
      [
        "ma,don_vi,diem,diem_tu_cham,khong_ap_dung",
        "1.1,Xã Nà Tăm,2,2,",
        "1.2,Xã Nà Tăm,,,x",
        "2.1,Xã Nà Tăm,1.5,,",
        "1.1,xa binh lu,2,2,",
        '1.2.1,Xã Bình Lư,"1,5",2,',
        "1.2.2,Xã Bình Lư,,,có",
        "2.1,Xã Bình Lư,,1.75,", // self-assessed only: counts until appraised
        "2.2,Xã Bình Lư,2,,0",
      ].join("\n"),
    );
    const parsed = parseDetailedScores(table, compiled, { units: COMMUNES });
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    expect(parsed.scores.map((s) => [s.unitId, s.unitName])).toEqual([
      ["c-bl", "Xã Bình Lư"],
      ["c-nt", "Xã Nà Tăm"],
    ]);
    const [binhLu, naTam] = parsed.scores;
    expect(binhLu!.points[at("1.2.1")]).toBe(1.5);
    expect(binhLu!.points[at("2.1")]).toBe(1.75);
    expect(binhLu!.notApplicable[at("1.2.2")]).toBe(1);
    expect(naTam!.notApplicable[at("1.2")]).toBe(1);
    expect(Number.isNaN(naTam!.points[at("2.2")]!)).toBe(true);

    expect([...parsed.self.keys()]).toEqual(["c-bl", "c-nt"]);
    expect(parsed.self.get("c-bl")![at("1.2.1")]).toBe(2);
    expect(Number.isNaN(parsed.self.get("c-bl")![at("2.2")]!)).toBe(true);

    const results = rankUnits(parsed.scores, { bands: DEFAULT_BANDS, compiled });
    expect(results.map((r) => [r.unitName, r.points, r.maxPoints])).toEqual([
      ["Xã Bình Lư", 7.25, 8],
      ["Xã Nà Tăm", 3.5, 6],
    ]);
  });

  it("reports every bad row by row and column, and imports nothing while any row is bad", async () => {
    const table = await csv(
      [
        "unit,code,points,self_points,not_applicable",
        "Xã Bình Lư,1.1,2,,", // 2: good
        'Xã Bình Lư,1.2.1,"3,5",,', // 3: above the maximum
        "Xã Bình Lư,1.2,1,,", // 4: not a leaf
        "Xã Bình Lư,9.9,1,,", // 5: unknown code
        "Xã Mường Kim,1.1,1,,", // 6: unknown unit
        "Xã Bình Lư,1.1,1,,", // 7: duplicate of row 2
        "Xã Bình Lư,2.1,abc,,", // 8: not a number
        "Xã Bình Lư,2.2,-0.5,,", // 9: negative
        "Thị trấn Tam Đường,1.1,,,", // 10: no points
        "Thị trấn Tam Đường,2.1,1,,x", // 11: not applicable but scored
        "Thị trấn Tam Đường,2.2,1,,có thể", // 12: unclear not-applicable mark
        "Thị trấn Tam Đường,1,,,x", // 13: area 1 not applicable…
        "Thị trấn Tam Đường,1.2.2,1.5,2.5,", // 14: …so no points under it; self above the maximum
        "Xã Nà Tăm,,1,,", // 15: no code
      ].join("\n"),
    );
    const parsed = parseDetailedScores(table, compiled, { units: COMMUNES });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { row: 3, column: "points", message: "Điểm 3,5 vượt điểm tối đa 2 của tiêu chí 1.2.1" },
      { row: 4, column: "points", message: "Mã 1.2 là tiêu chí có tiêu chí con; nhập điểm cho tiêu chí thành phần" },
      { row: 5, column: "code", message: "Mã “9.9” không có trong bộ chỉ số “Thử”" },
      { row: 6, column: "unit", message: "Không tìm thấy đơn vị “Xã Mường Kim” trong đợt đánh giá" },
      { row: 7, column: "code", message: "Đơn vị “Xã Bình Lư”, mã 1.1 trùng với dòng 2" },
      { row: 8, column: "points", message: "Điểm “abc” không phải là số" },
      { row: 9, column: "points", message: "Điểm không được là số âm (-0,5)" },
      { row: 10, column: "points", message: "Chưa nhập điểm" },
      { row: 11, column: "points", message: "Tiêu chí 2.1 được đánh dấu không áp dụng nên không nhập điểm" },
      {
        row: 12,
        column: "not_applicable",
        message: "Giá trị “có thể” không hợp lệ; để trống, hoặc ghi x (hay 1, true, có) nếu tiêu chí không áp dụng",
      },
      { row: 14, column: "self_points", message: "Điểm tự chấm 2,5 vượt điểm tối đa 2 của tiêu chí 1.2.2" },
      {
        row: 14,
        column: "points",
        message: "Tiêu chí 1.2.2 thuộc tiêu chí 1, đã được đánh dấu không áp dụng ở dòng 13",
      },
      { row: 15, column: "code", message: "Chưa có mã tiêu chí" },
    ]);
  });

  it("imports nothing when one row in many is bad", async () => {
    const lines = ["unit,code,points"];
    for (const u of COMMUNES)
      for (const code of ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"]) lines.push(`${u.names[0]},${code},1`);
    const good = parseDetailedScores(await csv(lines.join("\n")), compiled, { units: COMMUNES });
    expect(good.ok && good.scores.length).toBe(3);
    lines[9] = lines[9]!.replace(/,1$/, ",2.01");
    const bad = parseDetailedScores(await csv(lines.join("\n")), compiled, { units: COMMUNES });
    expect(bad).toEqual({
      ok: false,
      errors: [{ row: 10, column: "points", message: "Điểm 2,01 vượt điểm tối đa 2 của tiêu chí 2.1" }],
    });
  });
});

describe("readTable: XLSX", () => {
  const xlsx = async (fill: (wb: ExcelJS.Workbook) => void): Promise<Table> => {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    return readTable({ fileName: "Điểm.XLSX", data });
  };

  it("reads the first sheet: numbers, strings, formula results, rich text, sheet row numbers", async () => {
    const table = await xlsx((wb) => {
      const ws = wb.addWorksheet("Điểm");
      ws.addRow(["Mã tiêu chí", "Đơn vị", "Điểm", "Không áp dụng"]);
      ws.addRow(["1.1", "Xã Bình Lư", 2, null]);
      ws.addRow([]);
      ws.addRow([
        "1.2.1",
        { richText: [{ text: "Xã " }, { font: { bold: true }, text: "Bình Lư" }] },
        { formula: "3/2", result: 1.5 },
        null,
      ]);
      ws.addRow(["1.2.2", "Xã Bình Lư", null, true]);
      ws.addRow(["2.1", "Xã Bình Lư", { formula: "A1", result: "1,25" }, null]);
      ws.addRow(["2.2", "Xã Bình Lư", 0.1 + 0.2, null]);
      wb.addWorksheet("Hướng dẫn").addRow(["Không đọc trang này"]);
    });
    expect(table.headers).toEqual(["Mã tiêu chí", "Đơn vị", "Điểm", "Không áp dụng"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["1.1", "Xã Bình Lư", "2"] },
      { rowNumber: 4, cells: ["1.2.1", "Xã Bình Lư", "1.5"] },
      { rowNumber: 5, cells: ["1.2.2", "Xã Bình Lư", "", "TRUE"] },
      { rowNumber: 6, cells: ["2.1", "Xã Bình Lư", "1,25"] },
      { rowNumber: 7, cells: ["2.2", "Xã Bình Lư", "0.30000000000000004"] },
    ]);
    const parsed = parseDetailedScores(table, compiled, { units: COMMUNES });
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    const [r] = rankUnits(parsed.scores, { bands: DEFAULT_BANDS, compiled });
    expect(r!.points).toBeCloseTo(5.05, 10);
    expect(r!.maxPoints).toBe(8);
  });

  it("finds the header under a title block and reports errors with the sheet's row numbers", async () => {
    const table = await xlsx((wb) => {
      const ws = wb.addWorksheet("Tổng hợp");
      ws.addRow(["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"]);
      ws.addRow([]);
      ws.addRow(["STT", "Tên đơn vị", "Tổng điểm", "Điểm tối đa"]);
      ws.addRow([1, "Tánh Linh", 71.11, 97]);
      ws.addRow([2, "Phú Quý", { formula: "1/0", result: { error: "#DIV/0!" } }, 97]);
    });
    const parsed = parseSummaryScores(table);
    expect(!parsed.ok && parsed.errors).toEqual([
      { row: 5, column: "Tổng điểm", message: "Điểm “=1/0” không phải là số" },
    ]);
  });

  it("reads the fixture made by test/fixtures/scoring/make-xlsx.ts", async () => {
    const table = await readTable({
      fileName: "binh-thuan-2023.xlsx",
      data: fs.readFileSync(path.join(FIXTURES, "binh-thuan-2023.xlsx")),
    });
    const parsed = parseSummaryScores(table);
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    expect(parsed.scores).toHaveLength(10);
    expect(parsed.scores[4]).toEqual({
      unitId: "Tánh Linh",
      unitName: "Tánh Linh",
      points: 71.11,
      maxPoints: 97,
      surveyPoints: null,
    });
  });

  it("reports a file that is not a workbook", async () => {
    await expect(readTable({ fileName: "diem.xlsx", data: Buffer.from("unit,points\n") })).rejects.toThrow(
      "Không đọc được tệp Excel (.xlsx)",
    );
  });
});

// Issue 13: block, ranked flag, reason, published rank, survey maximum and predecessors in score files.
const PREVIOUS_DISTRICTS: ImportUnit[] = [
  { id: "p-tn", names: ["Huyện Thủy Nguyên"] },
  { id: "p-vb", names: ["Huyện Vĩnh Bảo"] },
  { id: "p-tl", names: ["Huyện Tiên Lãng"] },
];
const HAI_PHONG: ImportUnit[] = [
  { id: "w-tn", names: ["Phường Thủy Nguyên"] },
  { id: "c-vb", names: ["Xã Vĩnh Bảo"] },
  { id: "z-blv", names: ["Đặc khu Bạch Long Vĩ"] },
  { id: "s-tp", names: ["Sở Tư pháp"] },
];

describe("parseSummaryScores: placement columns", () => {
  it("reads block, ranked, reason, rank, survey maximum and previous units under their Vietnamese names", async () => {
    const table = await csv(
      [
        "don_vi,diem,diem_toi_da,diem_dieu_tra,diem_dieu_tra_toi_da,khoi,xep_hang,ly_do,hang,don_vi_truoc",
        "Phường Thủy Nguyên,85.25,100,27.5,30,Khối phường,có,,1,Huyện Thủy Nguyên",
        "Xã Vĩnh Bảo,80,100,,,Khối  xã, đặc khu,,,2,huyen vinh bao ; Huyện Tiên Lãng",
        'Đặc khu Bạch Long Vĩ,70,100,,,"KHỐI XÃ, ĐẶC KHU",không,Đặc khu mới thành lập,,',
        "Sở Tư pháp,52.5,60,17.5,20,,1,thừa,,",
      ]
        .join("\n")
        .replace("Khối  xã, đặc khu", '"Khối  xã, đặc khu"'),
    );
    const parsed = parseSummaryScores(table, { units: HAI_PHONG, previousUnits: PREVIOUS_DISTRICTS });
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    expect(
      parsed.scores.map((s) => [
        s.unitId,
        s.block,
        s.ranked,
        s.notRankedReason,
        s.publishedRank,
        s.surveyPoints,
        s.surveyMaxPoints,
        s.predecessorIds,
      ]),
    ).toEqual([
      ["w-tn", "Khối phường", true, null, 1, 27.5, 30, ["p-tn"]],
      // one block however it is spelt: as on its first row
      ["c-vb", "Khối xã, đặc khu", true, null, 2, null, null, ["p-vb", "p-tl"]],
      ["z-blv", "Khối xã, đặc khu", false, "Đặc khu mới thành lập", null, null, null, []],
      // blank block clears it; a reason is only kept for a unit not ranked
      ["s-tp", null, true, null, null, 17.5, 20, []],
    ]);
    const ranked = rankUnits(parsed.scores, { bands: DEFAULT_BANDS });
    expect(ranked.map((r) => [r.unitName, r.block, r.rank])).toEqual([
      ["Phường Thủy Nguyên", "Khối phường", 1],
      ["Xã Vĩnh Bảo", "Khối xã, đặc khu", 1],
      ["Đặc khu Bạch Long Vĩ", "Khối xã, đặc khu", null],
      ["Sở Tư pháp", null, 1],
    ]);
    expect(ranked.find((r) => r.unitName === "Sở Tư pháp")!.parts).toEqual([
      { source: "APPRAISAL", points: 35, maxPoints: 40 },
      { source: "SURVEY", points: 17.5, maxPoints: 20 },
    ]);
  });

  it("accepts every spelling of the ranked flag, and English headers", async () => {
    const values = ["không", "KHONG", "no", "0", "false", "sai", "có", "co", "yes", "1", "TRUE", "đúng", ""];
    const lines = ["unit,points,max_points,ranked,block"];
    values.forEach((v, i) => lines.push(`Đơn vị ${i},50,100,${v},Khối A`));
    const parsed = parseSummaryScores(await csv(lines.join("\n")));
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    expect(parsed.scores.map((s) => s.ranked)).toEqual([...values.map((_, i) => i >= 6)]);
  });

  it("leaves a field undefined when its column is absent (the stored value stays)", async () => {
    const parsed = parseSummaryScores(await csv("unit,points,max_points\nTánh Linh,71.11,97\n"));
    expect(parsed.ok).toBe(true);
    const [s] = parsed.ok ? parsed.scores : [];
    for (const field of ["block", "ranked", "notRankedReason", "publishedRank", "surveyMaxPoints", "predecessorIds"])
      expect([field, field in s!]).toEqual([field, false]);
  });

  it("reports a bad flag, a rank that is not a positive integer, an unknown predecessor, by row and column", async () => {
    const table = await csv(
      [
        "unit,points,max_points,survey_points,survey_max_points,ranked,rank,previous_unit",
        "Phường Thủy Nguyên,85,100,,,có lẽ,,", // 2: unclear flag
        'Xã Vĩnh Bảo,80,100,,,,"2,5",', // 3: not an integer
        "Đặc khu Bạch Long Vĩ,70,100,,,,0,", // 4: not positive
        "Sở Tư pháp,50,100,,,không,3,", // 5: a rank for a unit not ranked
        "Phường Thủy Nguyên,85,100,,,,hai,Huyện An Dương; Huyện Thủy Nguyên", // 6: duplicate, rank not a number, unknown predecessor
        "Xã Vĩnh Bảo,80,100,25,20,,,", // 7: survey above its maximum (and duplicate)
        "Sở Tư pháp,50,100,,120,,,", // 8: survey maximum above the maximum (and duplicate)
      ].join("\n"),
    );
    const parsed = parseSummaryScores(table, { units: HAI_PHONG, previousUnits: PREVIOUS_DISTRICTS });
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        row: 2,
        column: "ranked",
        message:
          "Giá trị “có lẽ” không hợp lệ; để trống hoặc ghi “có” nếu đơn vị được xếp hạng, “không” nếu không xếp hạng",
      },
      { row: 3, column: "rank", message: "Hạng phải là số nguyên dương (đang là “2,5”)" },
      { row: 4, column: "rank", message: "Hạng phải là số nguyên dương (đang là “0”)" },
      { row: 5, column: "rank", message: "Đơn vị không xếp hạng thì không ghi hạng (đang là 3)" },
      { row: 6, column: "rank", message: "Hạng phải là số nguyên dương (đang là “hai”)" },
      {
        row: 6,
        column: "previous_unit",
        message: "Không tìm thấy đơn vị “Huyện An Dương” trong đợt đánh giá năm trước",
      },
      { row: 6, column: "unit", message: "Đơn vị “Phường Thủy Nguyên” trùng với dòng 2" },
      { row: 7, column: "survey_points", message: "Điểm điều tra 25 vượt điểm điều tra tối đa 20" },
      { row: 7, column: "unit", message: "Đơn vị “Xã Vĩnh Bảo” trùng với dòng 3" },
      { row: 8, column: "survey_max_points", message: "Điểm điều tra tối đa 120 vượt điểm tối đa 100" },
      { row: 8, column: "unit", message: "Đơn vị “Sở Tư pháp” trùng với dòng 5" },
    ]);
  });

  it("refuses predecessors when there is no previous round to match them against", async () => {
    const parsed = parseSummaryScores(
      await csv("unit,points,max_points,previous_unit\nXã Vĩnh Bảo,80,100,Huyện Vĩnh Bảo\nSở Tư pháp,50,60,\n"),
      { units: HAI_PHONG },
    );
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        row: 2,
        column: "previous_unit",
        message: "Không có đợt đánh giá năm trước để ghép đơn vị “Huyện Vĩnh Bảo”",
      },
    ]);
  });
});

describe("ignorePreviousUnits (the CLI without --previous)", () => {
  it("does not read the previous_unit column, in either shape", async () => {
    const summary = parseSummaryScores(
      await csv("unit,points,max_points,previous_unit\nXã Vĩnh Bảo,80,100,Huyện Vĩnh Bảo\n"),
      { ignorePreviousUnits: true },
    );
    expect(summary.ok && "predecessorIds" in summary.scores[0]!).toBe(false);
    const detailed = parseDetailedScores(
      await csv("unit,code,points,previous_unit\nXã Bình Lư,1.1,2,Huyện Vĩnh Bảo\n"),
      compiled,
      { ignorePreviousUnits: true },
    );
    expect(detailed.ok && "predecessorIds" in detailed.scores[0]!).toBe(false);
  });
});

describe("parseDetailedScores: placement columns", () => {
  const rows = (unit: string, extra: string[]) =>
    ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"].map((code, i) => `${unit},${code},1,${extra[i] ?? extra[0] ?? ""}`);

  it("reads the unit's block, flag, reason, rank and predecessors from its rows, blanks on some rows allowed", async () => {
    const table = await csv(
      [
        "unit,code,points,khoi,xep_hang,ly_do,hang,don_vi_truoc",
        ...rows("Xã Bình Lư", ["Khối xã,,,2,Huyện Vĩnh Bảo", "khối  XÃ,,,,"]),
        ...rows("Xã Nà Tăm", ["Khối xã,không,Đơn vị mới sáp nhập,,", ",,,,"]),
        ...rows("Thị trấn Tam Đường", [",,,,"]),
      ].join("\n"),
    );
    const parsed = parseDetailedScores(table, compiled, { units: COMMUNES, previousUnits: PREVIOUS_DISTRICTS });
    if (!parsed.ok) throw new Error(formatImportErrors(parsed.errors).join("\n"));
    expect(
      parsed.scores.map((s) => [s.unitId, s.block, s.ranked, s.notRankedReason, s.publishedRank, s.predecessorIds]),
    ).toEqual([
      ["c-bl", "Khối xã", true, null, 2, ["p-vb"]],
      ["c-tl", null, true, null, null, []],
      ["c-nt", "Khối xã", false, "Đơn vị mới sáp nhập", null, []],
    ]);
    const results = rankUnits(parsed.scores, { bands: DEFAULT_BANDS, compiled });
    expect(results.map((r) => [r.unitName, r.block, r.rank])).toEqual([
      ["Xã Bình Lư", "Khối xã", 1],
      ["Xã Nà Tăm", "Khối xã", null],
      ["Thị trấn Tam Đường", null, 1],
    ]);
  });

  it("without a unit list takes the file's names as the units (the CLI)", async () => {
    const parsed = parseDetailedScores(
      await csv(
        ["unit,code,points,block", ...rows("Xã Bình Lư", ["Khối xã"]), ...rows("xã  bình lư", [""])].join("\n"),
      ),
      compiled,
      {},
    );
    expect(!parsed.ok && parsed.errors.map((e) => e.message)[0]).toBe("Đơn vị “Xã Bình Lư”, mã 1.1 trùng với dòng 2");
    const ok = parseDetailedScores(
      await csv(["unit,code,points", ...rows("Xã Bình Lư", []), ...rows("Xã Nà Tăm", [])].join("\n")),
      compiled,
      {},
    );
    expect(ok.ok && ok.scores.map((s) => [s.unitId, s.unitName, "block" in s])).toEqual([
      ["Xã Bình Lư", "Xã Bình Lư", false],
      ["Xã Nà Tăm", "Xã Nà Tăm", false],
    ]);
  });

  it("refuses a unit in two blocks and other disagreements between a unit's rows; nothing is imported", async () => {
    const table = await csv(
      [
        "unit,code,points,block,ranked,reason,rank,previous_unit",
        "Xã Bình Lư,1.1,1,Khối xã,,,,", // 2
        "Xã Bình Lư,1.2.1,1,Khối phường,,,,", // 3: second block
        "Xã Bình Lư,1.2.2,1,  KHỐI   XÃ ,,,,", // 4: same block, spelt otherwise
        "Xã Nà Tăm,1.1,1,,có,,3,", // 5
        "Xã Nà Tăm,1.2.1,1,,không,,,", // 6: ranked and not ranked
        "Xã Nà Tăm,1.2.2,1,,,,4,", // 7: two ranks
        "Thị trấn Tam Đường,1.1,1,,không,Mới thành lập,,Huyện Vĩnh Bảo", // 8
        "Thị trấn Tam Đường,1.2.1,1,,,Không có năm so sánh,,Huyện Tiên Lãng", // 9: two reasons, two predecessors
        "Thị trấn Tam Đường,1.2.2,1,,,,1,Huyện Hải An", // 10: rank of a unit not ranked; unknown predecessor
      ].join("\n"),
    );
    const parsed = parseDetailedScores(table, compiled, { units: COMMUNES, previousUnits: PREVIOUS_DISTRICTS });
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        row: 3,
        column: "block",
        message: "Đơn vị “Xã Bình Lư” thuộc hai khối: “Khối xã” (dòng 2) và “Khối phường” (dòng 3)",
      },
      {
        row: 6,
        column: "ranked",
        message: "Đơn vị “Xã Nà Tăm” vừa ghi xếp hạng (dòng 5) và không xếp hạng (dòng 6)",
      },
      { row: 7, column: "rank", message: "Đơn vị “Xã Nà Tăm” có hai hạng khác nhau: 3 (dòng 5) và 4 (dòng 7)" },
      {
        row: 9,
        column: "reason",
        message:
          "Đơn vị “Thị trấn Tam Đường” có hai lý do không xếp hạng khác nhau: “Mới thành lập” (dòng 8) và “Không có năm so sánh” (dòng 9)",
      },
      {
        row: 9,
        column: "previous_unit",
        message:
          "Đơn vị “Thị trấn Tam Đường” được ghép với hai nhóm đơn vị năm trước khác nhau: “Huyện Vĩnh Bảo” (dòng 8) và “Huyện Tiên Lãng” (dòng 9)",
      },
      {
        row: 10,
        column: "previous_unit",
        message: "Không tìm thấy đơn vị “Huyện Hải An” trong đợt đánh giá năm trước",
      },
      { row: 10, column: "rank", message: "Đơn vị không xếp hạng (dòng 8) thì không ghi hạng (đang là 1)" },
    ]);
  });
});

describe("a published table's “Xếp hạng” column", () => {
  it("is read as the published rank when it holds ranks, and as the ranked flag when it holds có/không", async () => {
    const read = async (csv: string) =>
      parseSummaryScores(await readTable({ fileName: "x.csv", data: new TextEncoder().encode(csv) }));
    const ranks = await read("Đơn vị,Điểm,Điểm tối đa,Xếp hạng\nSở Nội vụ,92.5,100,1\nSở Tư pháp,90.1,100,2\n");
    expect(ranks.ok && ranks.scores.map((s) => [s.unitName, s.publishedRank, s.ranked])).toEqual([
      ["Sở Nội vụ", 1, undefined],
      ["Sở Tư pháp", 2, undefined],
    ]);
    const flags = await read(
      "don_vi,diem,diem_toi_da,xep_hang\nĐặc khu Hoàng Sa,50,100,không\nSở Tư pháp,90.1,100,có\n",
    );
    expect(flags.ok && flags.scores.map((s) => [s.unitName, s.ranked, s.publishedRank])).toEqual([
      ["Đặc khu Hoàng Sa", false, undefined],
      ["Sở Tư pháp", true, undefined],
    ]);
  });
});
