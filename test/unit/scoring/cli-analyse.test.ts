import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { ROOT, fixture, runScoringCli } from "#tests/helpers/scoring-cli.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsvTable } from "#app/lib/table/csv.ts";
import { formatImportErrors } from "#app/lib/table/table.ts";
import { parseMappingTable, splitCodes } from "#app/scoring/analysis-mapping-file.ts";
import { parseAnalyseArgs } from "#app/scoring/cli-analyse.ts";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import { compileFramework, type CompiledFramework } from "#app/scoring/framework.ts";

// Five communes of Tam Đường (Lai Châu), 2023 → 2024, made up in the shape of a detailed score file.
// The 2024 framework renamed area 3 (“Chính quyền số” → “Chuyển đổi số”), inserted 3.2 “Nền tảng số
// dùng chung” (so 2023's 3.2 “Ứng dụng công nghệ thông tin” is 2024's 3.3), renamed 3.3.2 (2023's
// 3.2.2 “Chữ ký số”), dropped 2.3 and merged 4.1 and 4.2 into 4.1. Xã Khun Há had no online public
// service (2.2.2 not applicable) in 2023.
const TD = {
  now: fixture("tam-duong-xa-2024.csv"),
  before: fixture("tam-duong-xa-2023.csv"),
  framework: fixture("framework-tam-duong-2024.json"),
  previousFramework: fixture("framework-tam-duong-2023.json"),
  mapping: fixture("mapping-tam-duong-2023-2024.csv"),
};
const BASE = ["analyse", TD.now, "--previous", TD.before, "--framework", TD.framework];
const WITH_MAPPING = [...BASE, "--previous-framework", TD.previousFramework, "--mapping", TD.mapping];

const run = runScoringCli;

async function compiled(file: string): Promise<CompiledFramework> {
  const parsed = parseFrameworkJson(await readFile(path.join(ROOT, file), "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return compileFramework(parsed.framework);
}

const table = (text: string) => readCsvTable(new TextEncoder().encode(text));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "scoring-analyse-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
const tmpFile = async (name: string, text: string) => {
  const file = path.join(tmp, name);
  await writeFile(file, text);
  return file;
};

describe("mapping file (ma ↔ ma_nam_truoc)", () => {
  it("reads one group per row, several codes separated by “;”, other columns ignored", async () => {
    const parsed = parseMappingTable(table(await readFile(path.join(ROOT, TD.mapping), "utf8")), {
      current: await compiled(TD.framework),
      previous: await compiled(TD.previousFramework),
    });
    expect(parsed).toEqual({
      ok: true,
      groups: [
        { current: ["3"], previous: ["3"], row: 2 },
        { current: ["3.3.2"], previous: ["3.2.2"], row: 3 },
        { current: ["4.1"], previous: ["4.1", "4.2"], row: 4 },
      ],
    });
    expect(splitCodes(" 3.2.1 ; 3.2.2.;; ")).toEqual(["3.2.1", "3.2.2"]);
  });

  it("accepts the English headers, a semicolon-separated file and a title row above the header", () => {
    const parsed = parseMappingTable(table('BẢNG GHÉP MÃ 2023 - 2024,\n\ncode,previous_code\n3.3,"3.2"\n'));
    expect(parsed).toEqual({ ok: true, groups: [{ current: ["3.3"], previous: ["3.2"], row: 4 }] });
    const semicolons = parseMappingTable(table('code;previous_code\n4.1;"4.1; 4.2"\n'));
    expect(semicolons).toEqual({ ok: true, groups: [{ current: ["4.1"], previous: ["4.1", "4.2"], row: 2 }] });
    const vi = parseMappingTable(table("Mã,Mã năm trước\n3.3,3.2\n"));
    expect(vi.ok).toBe(true);
  });

  it("reports unknown codes, codes mapped twice and blank cells by row and column, naming the code", async () => {
    const parsed = parseMappingTable(
      table(
        [
          "ma,ma_nam_truoc",
          "3.3,3.2",
          "3.9,3.2.2", // 3.9 unknown this year
          "3.3.1,3.2", // 3.2 mapped twice
          "3.3.2,3.7;3.2.1;3.2.1", // 3.7 unknown last year; 3.2.1 twice in the cell
          "3.3,", // 3.3 twice; no previous code
        ].join("\n"),
      ),
      { current: await compiled(TD.framework), previous: await compiled(TD.previousFramework) },
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(formatImportErrors(parsed.errors)).toEqual([
      "Dòng 3, cột ma: Mã 3.9 không có trong bộ chỉ số năm nay (“Bộ chỉ số CCHC cấp xã huyện Tam Đường 2024 (thử)”)",
      "Dòng 4, cột ma_nam_truoc: Mã 3.2 của bộ chỉ số năm trước đã được ghép ở dòng 2",
      "Dòng 5, cột ma_nam_truoc: Mã 3.7 không có trong bộ chỉ số năm trước (“Bộ chỉ số CCHC cấp xã huyện Tam Đường 2023 (thử)”)",
      "Dòng 5, cột ma_nam_truoc: Mã 3.2.1 được ghi hai lần trong cùng một ô",
      "Dòng 6, cột ma: Mã 3.3 của bộ chỉ số năm nay đã được ghép ở dòng 2",
      "Dòng 6, cột ma_nam_truoc: Chưa có mã năm trước; mỗi dòng ghép mã năm nay với mã năm trước tương ứng (tiêu chí không có tương ứng thì không ghi vào tệp)",
    ]);
  });

  it("reports a missing column and an empty file", () => {
    const missing = parseMappingTable(table("ma,ten\n3.3,Ứng dụng CNTT\n"));
    expect(missing.ok || formatImportErrors(missing.errors)).toEqual([
      "Dòng 1: Thiếu cột “mã năm trước” (tên cột chấp nhận: ma_nam_truoc, previous_code, mã năm trước)",
    ]);
    const empty = parseMappingTable(table("ma,ma_nam_truoc\n"));
    expect(empty.ok || formatImportErrors(empty.errors)).toEqual([
      "Dòng 1: Tệp chỉ có dòng tiêu đề, chưa có dòng ghép mã nào",
    ]);
  });
});

describe("npm run scoring -- analyse: usage", () => {
  it("parses the options, inline or not", () => {
    expect(
      parseAnalyseArgs([TD.now, "--previous", TD.before, `--framework=${TD.framework}`, "--unit", "Xã Nà Tăm"]),
    ).toEqual({
      file: TD.now,
      previous: TD.before,
      framework: TD.framework,
      previousFramework: null,
      mapping: null,
      remediation: null,
      unit: "Xã Nà Tăm",
      json: false,
    });
  });

  it("exits 2 with the usage text on wrong usage", async () => {
    const cases: Array<[string[], string]> = [
      [["analyse"], "Thiếu tệp điểm chi tiết cần phân tích"],
      [["analyse", "a.csv", "--framework", "f.json"], "Lệnh analyse cần --previous"],
      [["analyse", "a.csv", "--previous", "b.csv"], "Lệnh analyse cần --framework"],
      [["analyse", "a.csv", "b.csv", "--previous", "c.csv", "--framework", "f.json"], "Chỉ phân tích một tệp mỗi lần"],
      [["analyse", "a.csv", "--previous", "b.csv", "--framework", "f.csv"], "Bộ chỉ số phải là tệp .json"],
      [["analyse", "a.csv", "--previous", "b.csv", "--framework", "f.json", "--mapping", "m.txt"], "Chỉ nhận tệp .csv"],
      [
        ["analyse", "a.csv", "--previous", "b.csv", "--framework", "f.json", "--unit"],
        "Tùy chọn --unit cần tên đơn vị",
      ],
      [["analyse", "a.csv", "--previous", "b.csv", "--previous", "c.csv"], "Tùy chọn --previous chỉ được ghi một lần"],
      [["analyse", "a.csv", "--top", "3"], "Không có tùy chọn --top cho lệnh analyse"],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(...argv);
      expect([argv, code, stdout]).toEqual([argv, 2, ""]);
      expect(stderr).toContain(`Lỗi: ${message}`);
      expect(stderr).toContain("npm run scoring -- analyse <tệp điểm chi tiết>");
    }
    const help = await run("analyse", "--help");
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("--previous-framework <tệp>");
  });
});

/** The cells of a table row starting with the code (indented by depth), split on the column gaps. */
const rowCells = (out: string, code: string) =>
  out
    .split("\n")
    .find((l) => l.trimStart().startsWith(`${code} `))
    ?.trim()
    .split(/\s{2,}/) ?? [];

describe("npm run scoring -- analyse: the criterion analysis", () => {
  it("prints a table per area, this year's and last year's averages, the counts and who lost most", async () => {
    const { code, stdout, stderr } = await run(...WITH_MAPPING);
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Phân tích theo tiêu chí: tam-duong-xa-2024.csv so với tam-duong-xa-2023.csv");
    expect(lines.filter((l) => l.startsWith("Lĩnh vực "))).toEqual([
      "Lĩnh vực 1. Công tác chỉ đạo, điều hành cải cách hành chính",
      "Lĩnh vực 2. Cải cách thủ tục hành chính",
      "Lĩnh vực 3. Chuyển đổi số",
      "Lĩnh vực 4. Mức độ hài lòng của người dân",
    ]);
    const header = lines.find((l) => l.startsWith("Mã "))!.split(/\s{2,}/);
    expect(header).toEqual([
      "Mã",
      "Tiêu chí",
      "Mã năm trước",
      "Năm nay (%)",
      "Năm trước (%)",
      "Thay đổi",
      "So sánh",
      "Giữ tối đa",
      "Tăng",
      "Giảm",
      "Mới mất điểm",
      "Giảm nhiều nhất",
    ]);
    // 2.1: 90 % → 84 %; Sơn Bình lost its full marks (10 → 8)
    expect(rowCells(stdout, "2.1")).toEqual([
      "2.1",
      "Công khai thủ tục hành chính",
      "2.1",
      "84,00",
      "90,00",
      "−6,00",
      "5",
      "1",
      "1",
      "3",
      "1",
      "Xã Sơn Bình −20,00",
    ]);
    // not applicable for Khun Há in 2023: left out of last year's average (30 of 40 points) and of the counts
    expect(rowCells(stdout, "2.2.2").slice(3, 8)).toEqual(["80,00", "75,00", "+5,00", "4", "0"]);
    // the renamed and renumbered criteria, followed through the mapping file and the suggestion
    expect(rowCells(stdout, "3.3").slice(0, 6)).toEqual([
      "3.3",
      "Ứng dụng công nghệ thông tin",
      "3.2",
      "84,00",
      "72,00",
      "+12,00",
    ]);
    expect(rowCells(stdout, "3.3.2").slice(2, 6)).toEqual(["3.2.2", "80,00", "68,00", "+12,00"]);
    expect(rowCells(stdout, "4.1").slice(2, 5)).toEqual(["4.1 + 4.2", "81,60", "79,60"]);
    expect(rowCells(stdout, "3.2").slice(2, 6)).toEqual(["(không có)", "64,00", "—", "—"]);

    expect(stdout).toContain(
      "Tiêu chí giảm nhiều nhất:\n  2.1 Công khai thủ tục hành chính: −6,00 điểm % (90,00 → 84,00 %); giảm nhiều nhất: Xã Sơn Bình −20,00, Xã Nà Tăm −10,00, Xã Khun Há −10,00\n",
    );
    expect(stdout).toContain(
      "Tiêu chí mạnh nhất (trung bình cao nhất):\n  1.1 Kế hoạch cải cách hành chính năm: 94,00 %\n",
    );
    expect(stdout).toContain("Tiêu chí yếu nhất (trung bình thấp nhất):\n  3.2 Nền tảng số dùng chung: 64,00 %\n");
    expect(stdout).toContain("Tiêu chí mới, không có tương ứng năm trước (không so sánh): 3.2 Nền tảng số dùng chung.");
    expect(stdout).toContain(
      "Tiêu chí năm trước không có tương ứng năm nay (không còn đánh giá): 2.3 Tiếp nhận, xử lý phản ánh, kiến nghị.",
    );
    expect(stdout).toContain(
      "Ghép mã theo tệp “mapping-tam-duong-2023-2024.csv”: 3 ← 3; 3.3.2 ← 3.2.2; 4.1 ← 4.1 + 4.2.",
    );
    expect(stdout).toContain("Ghép mã tự động: 3.3 ← 3.2 (cùng tên); 3.3.1 ← 3.2.1 (cùng tên).");
  });

  it("without the mapping file, criteria renamed beyond recognition are listed, never compared", async () => {
    const { code, stdout } = await run(...BASE, "--previous-framework", TD.previousFramework);
    expect(code).toBe(0);
    expect(rowCells(stdout, "3.3.2").slice(2, 6)).toEqual(["(không có)", "80,00", "—", "—"]);
    expect(rowCells(stdout, "3.3").slice(2, 6)).toEqual(["3.2", "84,00", "72,00", "+12,00"]);
    const line = (start: string) => stdout.split("\n").find((l) => l.startsWith(start)) ?? "";
    const fresh = line("Tiêu chí mới, không có tương ứng năm trước (không so sánh): ");
    for (const node of [
      "3 Chuyển đổi số",
      "3.2 Nền tảng số dùng chung",
      "3.3.2 Sử dụng chữ ký số trong văn bản điện tử",
      "4.1 Sự hài lòng của người dân, tổ chức khi giải quyết thủ tục",
    ])
      expect(fresh).toContain(node);
    const gone = line("Tiêu chí năm trước không có tương ứng năm nay (không còn đánh giá): ");
    for (const node of [
      "2.3 Tiếp nhận, xử lý phản ánh, kiến nghị",
      "3.2.2 Chữ ký số",
      "4.1 Hài lòng về thủ tục hành chính",
      "4.2 Hài lòng về thái độ công chức",
    ])
      expect(gone).toContain(node);
    expect(stdout).not.toContain("Ghép mã theo tệp");
  });

  it("prints the same as JSON, with the mapping used and where each group comes from", async () => {
    const { code, stdout } = await run(...WITH_MAPPING, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      "file",
      "previousFile",
      "framework",
      "previousFramework",
      "mapping",
      "rows",
      "strongest",
      "weakest",
      "largestDrops",
      "unmatched",
      "units",
      "comparedUnits",
    ]);
    expect(json.framework).toEqual({ name: "Bộ chỉ số CCHC cấp xã huyện Tam Đường 2024 (thử)", year: 2024 });
    expect(json.mapping).toContainEqual({
      current: ["4.1"],
      previous: ["4.1", "4.2"],
      source: "file",
      row: 4,
      reason: null,
    });
    expect(json.mapping).toContainEqual({
      current: ["3.3"],
      previous: ["3.2"],
      source: "suggested",
      row: null,
      reason: "same-title",
    });
    const row = json.rows.find((r: { code: string }) => r.code === "3.3.2");
    expect(row).toMatchObject({ codes: ["3.3.2"], previousCodes: ["3.2.2"], depth: 2, areaCode: "3", compared: 5 });
    expect(row.averagePct).toBeCloseTo(80, 9);
    expect(row.previousAveragePct).toBeCloseTo(68, 9);
    expect(json.largestDrops.map((r: { code: string }) => r.code)).toEqual(["2.1"]);
    expect(json.unmatched.previous.map((n: { code: string }) => n.code)).toEqual(["2.3"]);
    expect([json.units, json.comparedUnits]).toEqual([5, 5]);
  });
  it("reads the mapping from an .xlsx sheet with a title above the header and Vietnamese headers", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Ghép mã");
    sheet.addRow(["BẢNG GHÉP MÃ TIÊU CHÍ NĂM 2023 VỚI NĂM 2024"]);
    sheet.addRow([]);
    sheet.addRow(["Mã năm nay", "Tên tiêu chí", "Mã năm trước"]);
    sheet.addRow(["3", "Chuyển đổi số", "3"]);
    sheet.addRow(["3.3.2", "Sử dụng chữ ký số trong văn bản điện tử", "3.2.2"]);
    sheet.addRow(["4.1", "Sự hài lòng …", "4.1; 4.2"]);
    const file = path.join(tmp, "ghep-ma.xlsx");
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const fromXlsx = await run(...BASE, "--previous-framework", TD.previousFramework, "--mapping", file);
    const fromCsv = await run(...WITH_MAPPING);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout.replace("mapping-tam-duong-2023-2024.csv", "ghep-ma.xlsx"));
  });
});

describe("npm run scoring -- analyse --unit: why one unit moved", () => {
  it("breaks the change of the total down by area and criterion, with what it did well and did not", async () => {
    const { code, stdout, stderr } = await run(...WITH_MAPPING, "--unit", "xa son binh");
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Vì sao “Xã Sơn Bình” thay đổi: tam-duong-xa-2024.csv so với tam-duong-xa-2023.csv");
    expect(lines[1]).toBe(
      "Năm nay 96/100 điểm (96,00 %), năm trước 97/100 điểm (97,00 %): −1 điểm, chỉ số −1,00 điểm %.",
    );
    expect(rowCells(stdout, "2")).toEqual([
      "2",
      "Cải cách thủ tục hành chính",
      "27,5",
      "30",
      "34",
      "35",
      "−6,5",
      "vẫn chưa đạt tối đa",
    ]);
    expect(rowCells(stdout, "2.1").slice(-2)).toEqual(["−2", "mới mất điểm"]);
    expect(rowCells(stdout, "3.3").slice(0, 3)).toEqual(["3.3", "3.2", "Ứng dụng công nghệ thông tin"]);
    expect(rowCells(stdout, "(2.3 năm trước)").slice(-2)).toEqual(["−5", "không còn đánh giá"]);
    expect(stdout).toContain("Tiêu chí tác động nhiều nhất: 2.3 Tiếp nhận, xử lý phản ánh, kiến nghị (−5); 2.1");
    expect(stdout).toMatch(/Đã làm tốt \(giữ hoặc đạt điểm tối đa\): .*2\.2\.2 Dịch vụ công trực tuyến \(\+1\)/);
    expect(stdout).toMatch(/Chưa làm được \(mất điểm hoặc chưa đạt tối đa\): 2\.1 Công khai thủ tục hành chính \(−2\)/);
  });

  it("compares a merged commune with the communes it replaced (previous_unit), summed", async () => {
    // 2024: Xã Nà Tăm absorbed Xã Khun Há (don_vi_truoc on each of its rows); Khun Há has no rows of its own
    const rows = (await readFile(path.join(ROOT, TD.now), "utf8")).trim().split("\n");
    const merged = [
      `${rows[0]},don_vi_truoc`,
      ...rows
        .slice(1)
        .filter((r) => !r.startsWith("Xã Khun Há,"))
        .map((r) => (r.startsWith("Xã Nà Tăm,") ? `${r},"Xã Nà Tăm; Xã Khun Há"` : `${r},`)),
    ].join("\n");
    const now = await tmpFile("2024-sap-nhap.csv", `${merged}\n`);
    const args = ["analyse", now, "--previous", TD.before, "--framework", TD.framework];
    const rest = ["--previous-framework", TD.previousFramework, "--mapping", TD.mapping, "--unit", "Xã Nà Tăm"];
    const text = await run(...args, ...rest);
    expect([text.code, text.stderr]).toEqual([0, ""]);
    expect(text.stdout.split("\n").slice(1, 3)).toEqual([
      "So với các đơn vị năm trước cộng lại (điểm và điểm tối đa cộng dồn): Xã Nà Tăm + Xã Khun Há.",
      "Năm nay 77/100 điểm (77,00 %), năm trước 126/190 điểm (66,32 %): −49 điểm, chỉ số +10,68 điểm %.",
    ]);
    const { unit } = JSON.parse((await run(...args, ...rest, "--json")).stdout);
    expect(unit.previousUnitIds).toEqual(["Xã Nà Tăm", "Xã Khun Há"]);
    expect(unit.previousMaxTotal).toBe(190);
  });

  it("prints the breakdown as JSON in points, the areas and the criteria adding up to the change", async () => {
    for (const unit of ["Xã Bình Lư", "Xã Bản Bo", "Xã Nà Tăm", "Xã Sơn Bình", "Xã Khun Há"]) {
      const { code, stdout } = await run(...WITH_MAPPING, "--unit", unit, "--json");
      expect(code).toBe(0);
      const { unit: u } = JSON.parse(stdout);
      expect(u.unitName).toBe(unit);
      const sum = (parts: Array<{ change: number }>) => Math.round(parts.reduce((s, p) => s + p.change * 100, 0));
      expect(sum(u.areas)).toBe(Math.round(u.change * 100));
      expect(sum(u.criteria)).toBe(Math.round(u.change * 100));
      expect(Math.round((u.total - u.previousTotal) * 100)).toBe(Math.round(u.change * 100));
    }
    const { stdout } = await run(...WITH_MAPPING, "--unit", "Xã Nà Tăm", "--json");
    const { unit } = JSON.parse(stdout);
    expect(unit).toMatchObject({ unitName: "Xã Nà Tăm", total: 77, previousTotal: 71.5, change: 5.5, maxTotal: 100 });
    expect(unit.areas.find((p: { codes: string[] }) => p.codes[0] === "2")).toMatchObject({
      points: 24,
      maxPoints: 30,
      previousPoints: 26,
      previousMaxPoints: 35,
      change: -2,
      status: "still-losing",
    });
  });
});

describe("npm run scoring -- analyse: bad input, nothing half-made", () => {
  it("refuses a summary file: both rounds must be detailed", async () => {
    const { code, stdout, stderr } = await run(
      "analyse",
      TD.now,
      "--previous",
      fixture("binh-thuan-2022.csv"),
      "--framework",
      TD.framework,
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toBe(
      `Tệp “${fixture("binh-thuan-2022.csv")}” (năm trước) là tệp điểm tổng hợp (không có cột mã tiêu chí): phân tích theo tiêu chí cần tệp điểm chi tiết của cả hai năm (cột don_vi, ma, diem)\n`,
    );
  });

  it("lists the rows of a previous file scored on another framework, with a hint", async () => {
    const { code, stderr } = await run(...BASE);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Tệp “test\/fixtures\/scoring\/tam-duong-xa-2023\.csv” có 20 lỗi, chưa phân tích:\n/);
    expect(stderr).toContain(
      "Dòng 7, cột ma: Mã “2.3” không có trong bộ chỉ số “Bộ chỉ số CCHC cấp xã huyện Tam Đường 2024 (thử)”",
    );
    expect(stderr).toMatch(/Ghi thêm --previous-framework <tệp \.json> với bộ chỉ số năm trước\.\n$/);
  });

  it("refuses a mapping to unknown codes or with a code mapped twice, naming the code and the row", async () => {
    const mapping = await tmpFile("ghep-ma.csv", "ma,ma_nam_truoc\n3.3.2,3.2.2\n3.3.9,3.2.1\n4.1,4.1;3.2.2\n");
    const { code, stdout, stderr } = await run(
      ...BASE,
      "--previous-framework",
      TD.previousFramework,
      "--mapping",
      mapping,
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toBe(
      [
        `Tệp “${mapping}” có 2 lỗi, chưa phân tích:`,
        "Dòng 3, cột ma: Mã 3.3.9 không có trong bộ chỉ số năm nay (“Bộ chỉ số CCHC cấp xã huyện Tam Đường 2024 (thử)”)",
        "Dòng 4, cột ma_nam_truoc: Mã 3.2.2 của bộ chỉ số năm trước đã được ghép ở dòng 2",
        "",
      ].join("\n"),
    );
    const noColumn = await tmpFile("khong-cot.csv", "ma,ghi_chu\n3.3.2,đổi tên\n");
    const missing = await run(...BASE, "--previous-framework", TD.previousFramework, "--mapping", noColumn);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Dòng 1: Thiếu cột “mã năm trước”");
  });

  it("refuses an unknown --unit, and a unit with no result last year", async () => {
    const unknown = await run(...WITH_MAPPING, "--unit", "Xã Tân Uyên");
    expect(unknown).toEqual({
      code: 1,
      stdout: "",
      stderr: `Không tìm thấy đơn vị “Xã Tân Uyên” trong tệp “${TD.now}”; các đơn vị: Xã Bình Lư, Xã Bản Bo, Xã Nà Tăm, Xã Sơn Bình, Xã Khun Há\n`,
    });
    // a commune new in 2024 (no result in 2023): analysed with the others, but has no change to explain
    const newCommune = ["1.1", "1.2", "2.1", "2.2.1", "2.2.2", "3.1", "3.2", "3.3.1", "3.3.2", "4.1"]
      .map((c) => `Xã Bản Giang,${c},${c === "4.1" ? 20 : 5},\n`)
      .join("");
    const now = await tmpFile("2024-them-xa.csv", `${await readFile(path.join(ROOT, TD.now), "utf8")}${newCommune}`);
    const args = ["analyse", now, "--previous", TD.before, "--framework", TD.framework];
    const rest = ["--previous-framework", TD.previousFramework, "--mapping", TD.mapping];
    const all = await run(...args, ...rest);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain("6 đơn vị, 5 đơn vị có kết quả năm trước để so sánh.");
    const fresh = await run(...args, ...rest, "--unit", "Xã Bản Giang");
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toBe(
      `Đơn vị “Xã Bản Giang” không có kết quả năm trước trong tệp “${TD.before}” (không trùng tên, không có cột don_vi_truoc): không có thay đổi để phân tích\n`,
    );
  });

  it("runs as a real process: node --import tsx scripts/scoring.ts analyse … --json, exit 1 on a bad mapping", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/scoring.ts", ...WITH_MAPPING, "--json"],
      { cwd: ROOT },
    );
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    expect(json.rows.find((r: { code: string }) => r.code === "4.1").previousCodes).toEqual(["4.1", "4.2"]);

    const mapping = await tmpFile("ghep-ma-trung.csv", "code,previous_code\n3.3.2,3.2.2\n3.3.1,3.2.2\n");
    const failed = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/scoring.ts",
        ...BASE,
        "--previous-framework",
        TD.previousFramework,
        "--mapping",
        mapping,
      ],
      { cwd: ROOT },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain(
      "Dòng 3, cột previous_code: Mã 3.2.2 của bộ chỉ số năm trước đã được ghép ở dòng 2",
    );
  });
});
