import { readdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { frameworkFromXlsx } from "#app/scoring/framework-xlsx-read.server.ts";
import { frameworkToJson, parseFrameworkJson } from "#app/scoring/framework-json.ts";
import { frameworkToXlsx } from "#app/scoring/framework-xlsx.server.ts";
import { compileFramework, DEFAULT_BANDS, validateFramework, type Framework } from "#app/scoring/index.ts";

const DIR = new URL("../../../prisma/seed-data/frameworks/", import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json"));

function demo(file: string): Framework {
  const parsed = parseFrameworkJson(readFileSync(new URL(file, DIR), "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.framework;
}

const small: Framework = {
  name: "Bộ chỉ số thử",
  year: 2024,
  unitLevel: "XA",
  bands: DEFAULT_BANDS,
  areas: [
    {
      code: "1",
      title: "Công tác chỉ đạo, điều hành CCHC",
      maxPoints: 6,
      source: "APPRAISAL",
      children: [
        { code: "1.1", title: "Kế hoạch CCHC năm", maxPoints: 2, source: "APPRAISAL", children: [] },
        {
          code: "1.2",
          title: "Báo cáo CCHC",
          maxPoints: 4,
          source: "APPRAISAL",
          children: [
            { code: "1.2.1", title: "Số lượng báo cáo", maxPoints: 2, source: "APPRAISAL", children: [] },
            { code: "1.2.2", title: "Chất lượng báo cáo", maxPoints: 2, source: "APPRAISAL", children: [] },
          ],
        },
      ],
    },
    {
      code: "2",
      title: "Cải cách thủ tục hành chính",
      maxPoints: 4.5,
      source: "APPRAISAL",
      children: [
        { code: "2.1", title: "Công khai TTHC", maxPoints: 2, source: "APPRAISAL", children: [] },
        { code: "2.2", title: "Mức độ hài lòng", maxPoints: 2.5, source: "SURVEY", children: [] },
      ],
    },
  ],
};

/** Floors as some provinces publish them: Xuất sắc needs ≥ 90 % and every area ≥ 80 %, Tốt ≥ 80 % and ≥ 70 %. */
const withFloors: Framework = {
  ...small,
  bands: [
    { name: "Xuất sắc", minPct: 90, minAreaPct: 80 },
    { name: "Tốt", minPct: 80, minAreaPct: 70 },
    { name: "Khá", minPct: 70 },
    { name: "Trung bình", minPct: 50 },
    { name: "Yếu", minPct: 0 },
  ],
};

function errorsOf(result: { ok: true } | { ok: false; errors: string[] }): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe("demo frameworks", () => {
  it("are the expected files", () => {
    expect(FILES.sort()).toEqual([
      "par-index-da-nang-2025.json",
      "par-index-huyen-binh-thuan-2023.json",
      "par-index-huyen-binh-thuan-2024.json",
      "par-index-tinh-2017.json",
      "par-index-xa-2023.json",
    ]);
  });

  it("have the structure of issue 3", () => {
    const tinh = demo("par-index-tinh-2017.json");
    expect(tinh.unitLevel).toBe("TINH");
    expect(tinh.areas.map((a) => a.maxPoints)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
    expect(compileFramework(tinh).totalMax).toBe(100);
    const xa = demo("par-index-xa-2023.json");
    expect(xa.unitLevel).toBe("XA");
    expect(xa.areas).toHaveLength(7);
    expect(compileFramework(xa).totalMax).toBe(100);
    const huyen = demo("par-index-huyen-binh-thuan-2023.json");
    expect(huyen.unitLevel).toBe("HUYEN");
    expect(compileFramework(huyen).totalMax).toBe(97);
    // Bình Thuận's 2024 version: the same 97 points, some criteria renumbered, renamed, split, added or dropped.
    const huyen2024 = demo("par-index-huyen-binh-thuan-2024.json");
    expect(huyen2024.year).toBe(2024);
    expect(compileFramework(huyen2024).totalMax).toBe(97);
    for (const f of [tinh, xa, huyen, huyen2024]) {
      expect(validateFramework(f)).toEqual([]);
      expect(f.bands).toEqual(DEFAULT_BANDS);
      const c = compileFramework(f);
      expect(c.nodes.some((n, i) => c.isLeaf[i] && n.source === "SURVEY")).toBe(true);
    }
  });

  it("include Đà Nẵng's 2025 framework: 70 appraisal and 30 survey points, bands with floors", () => {
    const daNang = demo("par-index-da-nang-2025.json");
    expect(validateFramework(daNang)).toEqual([]);
    const c = compileFramework(daNang);
    expect(c.totalMax).toBe(100);
    const survey = c.nodes.reduce((s, n, i) => s + (c.isLeaf[i] && n.source === "SURVEY" ? n.maxPoints : 0), 0);
    expect(survey).toBe(30);
    expect(daNang.bands.slice(0, 2)).toEqual([
      { name: "Xuất sắc", minPct: 90, minAreaPct: 80 },
      { name: "Tốt", minPct: 80, minAreaPct: 70 },
    ]);
  });

  it.each(FILES)("%s is stored in the canonical form of frameworkToJson", (file) => {
    expect(frameworkToJson(demo(file))).toBe(readFileSync(new URL(file, DIR), "utf8"));
  });

  it.each(FILES)("%s survives a JSON round trip", (file) => {
    const framework = demo(file);
    const back = parseFrameworkJson(frameworkToJson(framework));
    expect(back).toEqual({ ok: true, framework });
  });

  it.each(FILES)("%s survives an Excel round trip", async (file) => {
    const framework = demo(file);
    const back = await frameworkFromXlsx(await frameworkToXlsx(framework));
    expect(back).toEqual({ ok: true, framework });
  });
});

describe("frameworkToJson", () => {
  it("writes keys in a fixed order whatever the input order", () => {
    const shuffled = JSON.parse(JSON.stringify(small), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as Framework;
    expect(frameworkToJson(shuffled)).toBe(frameworkToJson(small));
    expect(Object.keys(JSON.parse(frameworkToJson(small)))).toEqual(["name", "year", "unitLevel", "bands", "areas"]);
    expect(Object.keys(JSON.parse(frameworkToJson(small)).areas[0])).toEqual([
      "code",
      "title",
      "maxPoints",
      "source",
      "children",
    ]);
    expect(frameworkToJson(small).endsWith("}\n")).toBe(true);
  });

  it("writes a band's floor only when it has one", () => {
    const bands = JSON.parse(frameworkToJson(withFloors)).bands;
    expect(bands[0]).toEqual({ name: "Xuất sắc", minPct: 90, minAreaPct: 80 });
    expect(Object.keys(bands[2])).toEqual(["name", "minPct"]);
    expect(
      JSON.parse(frameworkToJson({ ...small, bands: [{ name: "Đạt", minPct: 0, minAreaPct: null }] })).bands,
    ).toEqual([{ name: "Đạt", minPct: 0 }]);
  });
});

describe("parseFrameworkJson", () => {
  const json = (value: unknown) => JSON.stringify(value);

  it("fills in the defaults: source APPRAISAL, no children; accepts numeric codes and a BOM", () => {
    const result = parseFrameworkJson(
      `\uFEFF${json({
        name: "A",
        year: 2024,
        unitLevel: "XA",
        bands: DEFAULT_BANDS,
        areas: [{ code: 1, title: "Lĩnh vực", maxPoints: 5 }],
      })}`,
    );
    expect(result).toEqual({
      ok: true,
      framework: {
        name: "A",
        year: 2024,
        unitLevel: "XA",
        bands: DEFAULT_BANDS,
        areas: [{ code: "1", title: "Lĩnh vực", maxPoints: 5, source: "APPRAISAL", children: [] }],
      },
    });
  });

  it("reports a syntax error with its line and column", () => {
    expect(errorsOf(parseFrameworkJson('{\n  "name": "A",\n  "year": 2024,,\n}'))).toEqual([
      "Tệp JSON không hợp lệ: lỗi cú pháp ở dòng 3, cột 16",
    ]);
    expect(errorsOf(parseFrameworkJson("   "))).toEqual(["Tệp JSON rỗng"]);
    expect(errorsOf(parseFrameworkJson('{"name": "A"'))[0]).toMatch(/^Tệp JSON không hợp lệ/);
  });

  it("names the place of a schema error in Vietnamese", () => {
    const broken = JSON.parse(frameworkToJson(small));
    delete broken.areas[1].children[1].maxPoints;
    broken.areas[0].children[1].children[0].maxPoints = "hai";
    broken.areas[0].children[0].source = "KHAC";
    broken.areas[0].children[1].children[1].maxPoints = -1;
    broken.areas[1].title = "  ";
    expect(errorsOf(parseFrameworkJson(json(broken)))).toEqual([
      "lĩnh vực 1 › tiêu chí 1: nguồn điểm phải là “APPRAISAL” (thẩm định) hoặc “SURVEY” (điều tra xã hội học)",
      "lĩnh vực 1 › tiêu chí 2 › tiêu chí thành phần 1: điểm tối đa phải là số",
      "lĩnh vực 1 › tiêu chí 2 › tiêu chí thành phần 2: điểm tối đa phải lớn hơn 0",
      "lĩnh vực 2: tên tiêu chí không được để trống",
      "lĩnh vực 2 › tiêu chí 2: thiếu điểm tối đa",
    ]);
  });

  it("reports missing or malformed top-level fields and bands", () => {
    expect(errorsOf(parseFrameworkJson("[]"))).toEqual(["nội dung phải là một đối tượng JSON mô tả bộ chỉ số"]);
    expect(
      errorsOf(
        parseFrameworkJson(
          json({ year: "2024", unitLevel: "XA", bands: [{ name: "Tốt", minPct: 120 }, { minPct: 0 }], areas: [] }),
        ),
      ),
    ).toEqual([
      "thiếu tên bộ chỉ số (name)",
      "năm áp dụng phải là số",
      "mức xếp loại 1: ngưỡng tối thiểu không được lớn hơn 100%",
      "mức xếp loại 2: thiếu tên mức xếp loại",
      "bộ chỉ số chưa có lĩnh vực nào",
    ]);
    expect(errorsOf(parseFrameworkJson(json({ ...small, areas: [{ ...small.areas[0], children: "không" }] })))).toEqual(
      ["lĩnh vực 1: danh sách tiêu chí con (children) phải là một mảng"],
    );
  });

  it("reads the bands' floors: a round trip keeps them, null or absent is none", () => {
    expect(parseFrameworkJson(frameworkToJson(withFloors))).toEqual({ ok: true, framework: withFloors });
    const plain = JSON.parse(frameworkToJson(withFloors));
    plain.bands[2].minAreaPct = null;
    expect(parseFrameworkJson(json(plain))).toEqual({ ok: true, framework: withFloors });
  });

  it("names the band of a floor that is not a percentage, or above the band's own threshold", () => {
    const broken = JSON.parse(frameworkToJson(withFloors));
    broken.bands[0].minAreaPct = "tám mươi";
    broken.bands[1].minAreaPct = 120;
    expect(errorsOf(parseFrameworkJson(json(broken)))).toEqual([
      "mức xếp loại 1: mức tối thiểu mỗi lĩnh vực (minAreaPct) phải là số",
      "mức xếp loại 2: mức tối thiểu mỗi lĩnh vực không được lớn hơn 100%",
    ]);
    const above = JSON.parse(frameworkToJson(withFloors));
    above.bands[1].minAreaPct = 85;
    expect(errorsOf(parseFrameworkJson(json(above)))).toEqual([
      "Mức tối thiểu mỗi lĩnh vực của “Tốt” (85%) không được cao hơn ngưỡng của chính mức đó (80%)",
    ]);
  });

  it("then applies the framework's own rules (sums, codes, bands)", () => {
    const broken: Framework = {
      ...small,
      bands: [
        { name: "Tốt", minPct: 50 },
        { name: "Khá", minPct: 60 },
      ],
      areas: [
        { ...small.areas[0]!, maxPoints: 7 },
        {
          ...small.areas[1]!,
          children: [{ ...small.areas[1]!.children[0]!, code: "3.1" }, small.areas[1]!.children[1]!],
        },
      ],
    };
    expect(errorsOf(parseFrameworkJson(frameworkToJson(broken)))).toEqual([
      "Điểm tối đa của 1 (7) khác tổng điểm tối đa của các tiêu chí con (6)",
      "Mã 3.1 phải bắt đầu bằng mã của tiêu chí cha (2.)",
      "Ngưỡng của mức “Khá” phải thấp hơn ngưỡng của mức “Tốt”",
      "Mức thấp nhất (“Khá”) phải có ngưỡng 0%",
    ]);
  });
});

/** Writes the framework, lets the test edit the workbook, and reads it back. */
async function edited(framework: Framework, edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await frameworkToXlsx(framework)) as unknown as ArrayBuffer);
  edit(wb);
  return frameworkFromXlsx(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const nodeSheet = (wb: ExcelJS.Workbook) => wb.getWorksheet("Bo chi so")!;

describe("frameworkToXlsx", () => {
  it("lays out the three sheets: nodes in pre-order with derived levels, bands, information", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkToXlsx(small)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Bo chi so", "Xep loai", "Thong tin"]);
    const nodes = nodeSheet(wb);
    const values = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    expect(values(nodes)).toEqual([
      ["Mã", "Tên tiêu chí", "Điểm tối đa", "Nguồn điểm", "Cấp"],
      ["1", "Công tác chỉ đạo, điều hành CCHC", 6, "Thẩm định", "Lĩnh vực"],
      ["1.1", "Kế hoạch CCHC năm", 2, "Thẩm định", "Tiêu chí"],
      ["1.2", "Báo cáo CCHC", 4, "Thẩm định", "Tiêu chí"],
      ["1.2.1", "Số lượng báo cáo", 2, "Thẩm định", "Tiêu chí thành phần"],
      ["1.2.2", "Chất lượng báo cáo", 2, "Thẩm định", "Tiêu chí thành phần"],
      ["2", "Cải cách thủ tục hành chính", 4.5, "Thẩm định", "Lĩnh vực"],
      ["2.1", "Công khai TTHC", 2, "Thẩm định", "Tiêu chí"],
      ["2.2", "Mức độ hài lòng", 2.5, "Điều tra XHH", "Tiêu chí"],
    ]);
    expect(nodes.getRow(2).getCell(2).font?.bold).toBe(true);
    expect(nodes.getRow(3).getCell(2).font?.bold).toBeFalsy();
    expect(nodes.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(nodes.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(nodes.getColumn(2).width).toBeGreaterThan(40);
    expect(values(wb.getWorksheet("Xep loai")!)).toEqual([
      ["Xếp loại", "Ngưỡng tối thiểu (%)", "Tối thiểu mỗi lĩnh vực (%)"],
      ["Xuất sắc", 90],
      ["Tốt", 80],
      ["Khá", 70],
      ["Trung bình", 50],
      ["Yếu", 0],
    ]);
    expect(values(wb.getWorksheet("Thong tin")!)).toEqual([
      ["Thông tin", "Giá trị"],
      ["Tên bộ chỉ số", "Bộ chỉ số thử"],
      ["Năm áp dụng", 2024],
      ["Cấp đơn vị được đánh giá", "XA"],
    ]);
  });
});

describe("frameworkFromXlsx", () => {
  it("rebuilds the tree from the codes, whatever the row order, and accepts hand-typed values", async () => {
    const result = await edited(small, (wb) => {
      const sheet = nodeSheet(wb);
      // Move the area "2" below its criteria, type a maximum with a decimal comma, a code as a number.
      const rows = [2, 3, 4, 5, 6, 7, 8, 9].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
      const order = [rows[0], rows[1], rows[2], rows[3], rows[4], rows[6], rows[7], rows[5]];
      order.forEach((values, i) => (sheet.getRow(i + 2).values = values as ExcelJS.CellValue[]));
      sheet.getCell("C9").value = "4,5";
      sheet.getCell("A2").value = 1;
      sheet.getCell("D8").value = "điều tra xã hội học";
      sheet.getCell("D3").value = null;
    });
    expect(result).toEqual({ ok: true, framework: small });
  });

  it("names the sheet and row of an orphan criterion", async () => {
    const result = await edited(small, (wb) => {
      nodeSheet(wb).getCell("A5").value = "1.3.1";
    });
    expect(errorsOf(result)).toEqual(["Trang Bo chi so, dòng 5: mã 1.3.1 không có tiêu chí cha 1.3"]);
  });

  it("reports non-numeric and missing maxima, duplicates, missing titles and unknown sources, row by row", async () => {
    const result = await edited(small, (wb) => {
      const sheet = nodeSheet(wb);
      sheet.getCell("C3").value = "hai điểm";
      sheet.getCell("A6").value = "1.2.1";
      sheet.getCell("B7").value = null;
      sheet.getCell("C8").value = null;
      sheet.getCell("D9").value = "Phỏng vấn";
      sheet.getCell("C4").value = 0;
    });
    expect(errorsOf(result)).toEqual([
      "Trang Bo chi so, dòng 3: điểm tối đa “hai điểm” của mã 1.1 không phải là số",
      "Trang Bo chi so, dòng 4: điểm tối đa của mã 1.2 phải lớn hơn 0",
      "Trang Bo chi so, dòng 6: mã 1.2.1 bị trùng với dòng 5",
      "Trang Bo chi so, dòng 7: mã 2 thiếu tên tiêu chí",
      "Trang Bo chi so, dòng 8: mã 2.1 thiếu điểm tối đa",
      "Trang Bo chi so, dòng 9: nguồn điểm “Phỏng vấn” không hợp lệ (ghi “Thẩm định” hoặc “Điều tra XHH”)",
    ]);
  });

  it("reports a row without a code, and the criteria left without their parent", async () => {
    const result = await edited(small, (wb) => {
      nodeSheet(wb).getCell("A4").value = null;
    });
    expect(errorsOf(result)).toEqual([
      "Trang Bo chi so, dòng 4: thiếu mã tiêu chí",
      "Trang Bo chi so, dòng 5: mã 1.2.1 không có tiêu chí cha 1.2",
      "Trang Bo chi so, dòng 6: mã 1.2.2 không có tiêu chí cha 1.2",
    ]);
  });

  it("checks the bands and information sheets", async () => {
    const result = await edited(small, (wb) => {
      const bands = wb.getWorksheet("Xep loai")!;
      bands.getCell("B3").value = "tám mươi";
      bands.getCell("A4").value = null;
      bands.getCell("B5").value = 150;
      const info = wb.getWorksheet("Thong tin")!;
      info.getCell("B3").value = "năm nay";
      info.spliceRows(4, 1);
    });
    expect(errorsOf(result)).toEqual([
      "Trang Xep loai, dòng 3: ngưỡng tối thiểu “tám mươi” không phải là số",
      "Trang Xep loai, dòng 4: thiếu tên mức xếp loại",
      "Trang Xep loai, dòng 5: ngưỡng tối thiểu phải từ 0 đến 100 (%)",
      "Trang Thong tin, dòng 3: năm áp dụng “năm nay” không hợp lệ",
      "Trang Thong tin: thiếu dòng “Cấp đơn vị được đánh giá”",
    ]);
  });

  it("writes and reads the bands' floors, a blank cell being none", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkToXlsx(withFloors)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Xep loai")!;
    expect(sheet.getCell("C1").value).toBe("Tối thiểu mỗi lĩnh vực (%)");
    expect([2, 3, 4].map((r) => sheet.getCell(`C${r}`).value)).toEqual([80, 70, null]);
    expect(await frameworkFromXlsx(await frameworkToXlsx(withFloors))).toEqual({ ok: true, framework: withFloors });
    // Typed by hand: a decimal comma.
    const typed = await edited(withFloors, (book) => {
      book.getWorksheet("Xep loai")!.getCell("C3").value = "72,5";
    });
    expect(typed).toEqual({
      ok: true,
      framework: { ...withFloors, bands: withFloors.bands.map((b, i) => (i === 1 ? { ...b, minAreaPct: 72.5 } : b)) },
    });
  });

  it("names the row of a floor that is not a percentage, or above its band's threshold", async () => {
    const result = await edited(withFloors, (wb) => {
      const bands = wb.getWorksheet("Xep loai")!;
      bands.getCell("C2").value = "cao";
      bands.getCell("C3").value = 101;
    });
    expect(errorsOf(result)).toEqual([
      "Trang Xep loai, dòng 2: mức tối thiểu mỗi lĩnh vực “cao” không phải là số",
      "Trang Xep loai, dòng 3: mức tối thiểu mỗi lĩnh vực phải từ 0 đến 100 (%)",
    ]);
    const above = await edited(withFloors, (wb) => {
      wb.getWorksheet("Xep loai")!.getCell("C2").value = 95;
    });
    expect(errorsOf(above)).toEqual([
      "Mức tối thiểu mỗi lĩnh vực của “Xuất sắc” (95%) không được cao hơn ngưỡng của chính mức đó (90%)",
    ]);
  });

  it("reports missing sheets", async () => {
    const result = await edited(small, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Xep loai")!.id);
    });
    expect(errorsOf(result)).toEqual(["Thiếu trang “Xep loai” (các mức xếp loại và ngưỡng tối thiểu)"]);
  });

  it("finds sheets whose names carry diacritics", async () => {
    const result = await edited(small, (wb) => {
      nodeSheet(wb).name = "Bộ chỉ số";
    });
    expect(result).toEqual({ ok: true, framework: small });
  });

  it("then applies the framework's own rules", async () => {
    const result = await edited(small, (wb) => {
      nodeSheet(wb).getCell("C2").value = 7;
    });
    expect(errorsOf(result)).toEqual(["Điểm tối đa của 1 (7) khác tổng điểm tối đa của các tiêu chí con (6)"]);
  });

  it("refuses a file that is not a workbook", async () => {
    expect(errorsOf(await frameworkFromXlsx(new TextEncoder().encode("Mã,Tên\n1,Lĩnh vực")))).toEqual([
      "Không đọc được tệp Excel: tệp phải có định dạng .xlsx",
    ]);
  });
});
