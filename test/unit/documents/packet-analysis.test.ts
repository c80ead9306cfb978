// The packet's year-on-year sections (issue 16): "Phân tích theo tiêu chí" and "Kết quả thực hiện kế
// hoạch khắc phục" in the PDF (read back with poppler-utils), the "Phan tich tieu chi" and "Khac phuc"
// sheets (read back with exceljs), the refusal line, and the fingerprint covering what they read.
// Ten communes of the small framework; last year's framework had one more criterion (2.3).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallFramework } from "#tests/fixtures/scoring/small-framework.ts";
import {
  compileFramework,
  DEFAULT_BANDS,
  emptyScores,
  summarizeRound,
  type DetailedScores,
  type Framework,
} from "#app/scoring/index.ts";
import { remediationOutcomes, tallyRemediation, type RemediationAction } from "#app/scoring/analysis/index.ts";
import { MAPPING_SOURCE_LABEL } from "#app/scoring/analysis-labels.ts";
import {
  packetFingerprint,
  PACKET_SHEETS,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketCriteria,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";

const MM = 72 / 25.4;
const LIMITS = { left: 30 * MM, right: (210 - 15) * MM, top: 20 * MM, bottom: (297 - 20) * MM };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-packet-analysis-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const writeTemp = (bytes: Buffer) => {
  const file = path.join(dir, `packet-${++n}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
};
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const pdfText = (file: string) => collapse(run("pdftotext", ["-enc", "UTF-8", file, "-"]));

// -- two years of ten communes ------------------------------------------------------

const compiled = compileFramework(smallFramework);
const previousFramework: Framework = structuredClone(smallFramework);
previousFramework.areas[1]!.children.push({
  code: "2.3",
  title: "Tiếp nhận, xử lý phản ánh, kiến nghị",
  maxPoints: 2,
  source: "APPRAISAL",
  children: [],
});
previousFramework.areas[1]!.maxPoints = 6;
const previousCompiled = compileFramework(previousFramework);
const NAMES = [
  "Xã Bình Lư",
  "Xã Bản Bo",
  "Xã Khun Há",
  "Xã Nà Tăm",
  "Xã Hồ Thầu",
  "Xã Sơn Bình",
  "Xã Giang Ma",
  "Xã Thèn Sin",
  "Xã Sùng Phài",
  "Thị trấn Tam Đường",
];

/** Last year every leaf was full but 1.2.2 (1 of 2) for the first five. */
function previousUnits(change = 0): DetailedScores[] {
  return NAMES.map((name, i) => {
    const s = emptyScores(previousCompiled, `u${i}`, name);
    for (const code of ["1.1", "1.2.1", "1.2.2", "2.1", "2.2", "2.3"])
      s.points[previousCompiled.indexByCode.get(code)!] = 2;
    if (i < 5) s.points[previousCompiled.indexByCode.get("1.2.2")!] = 1;
    if (i === 0) s.points[previousCompiled.indexByCode.get("1.1")!] = 2 - change;
    return s;
  });
}

/**
 * This year 1.2.2: units 0, 1 still at 1 (not recovered), unit 2 at 1.5 (partly), 3, 4 full again
 * (recovered), 5, 6, 7 at 0.5 (newly lost); 2.1: unit 9 at 0.5 (newly lost).
 */
function currentUnits(): DetailedScores[] {
  const p122 = [1, 1, 1.5, 2, 2, 0.5, 0.5, 0.5, 2, 2];
  return NAMES.map((name, i) => {
    const s = emptyScores(compiled, `u${i}`, name);
    for (const code of ["1.1", "1.2.1", "2.1", "2.2"]) s.points[compiled.indexByCode.get(code)!] = 2;
    s.points[compiled.indexByCode.get("1.2.2")!] = p122[i]!;
    if (i === 9) s.points[compiled.indexByCode.get("2.1")!] = 0.5;
    return s;
  });
}

const PLANS = [
  { planId: "p0", unit: 0, title: "Kế hoạch khắc phục năm 2023 của xã Bình Lư", codes: ["1.2.2", "9.9"] },
  { planId: "p2", unit: 2, title: "Kế hoạch khắc phục năm 2023 của xã Khun Há", codes: ["1.2.2"] },
  { planId: "p3", unit: 3, title: "Kế hoạch khắc phục năm 2023 của xã Nà Tăm", codes: ["1.2.2"] },
];

function criteriaBasis(opts: { change?: number; actions?: boolean } = {}): PacketCriteria {
  const input = {
    current: { compiled, units: currentUnits() },
    previous: { compiled: previousCompiled, units: previousUnits(opts.change) },
  };
  const list = PLANS.flatMap((p) => p.codes.map((code) => ({ plan: p, code })));
  const outcomes = remediationOutcomes(
    input,
    list.map((a): RemediationAction => ({ unitId: `u${a.plan.unit}`, code: a.code })),
  );
  const actions = list.map((a, i) => ({
    planId: a.plan.planId,
    unitName: NAMES[a.plan.unit]!,
    code: a.code,
    title: a.code === "9.9" ? "Tiêu chí đã bỏ" : "Chất lượng báo cáo",
    pointsLost: 1,
    outcome: outcomes[i]!,
  }));
  return {
    state: "ok",
    year: 2023,
    previousYear: 2022,
    previousTitle: "Chỉ số CCHC các xã năm 2022",
    mappingSource: "suggested",
    input,
    remediation:
      opts.actions === false
        ? null
        : {
            actions,
            plans: PLANS.map((p) => ({
              planId: p.planId,
              title: p.title,
              unitName: NAMES[p.unit]!,
              tally: tallyRemediation(actions.filter((a) => a.planId === p.planId).map((a) => a.outcome)),
            })),
            tally: tallyRemediation(actions.map((a) => a.outcome)),
          },
  };
}

function packetInput(analysis: PacketInput["analysis"]): PacketInput {
  return {
    conference: {
      title: "Hội nghị công bố Chỉ số cải cách hành chính năm 2023 của các xã, thị trấn",
      organizerName: "UBND huyện Tam Đường",
      issuingBody: "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG",
      placeAndDate: "Tam Đường, ngày 10 tháng 6 năm 2024",
      startsAt: null,
    },
    round: {
      title: "Chỉ số CCHC các xã năm 2023",
      year: 2023,
      frameworkName: "Bộ chỉ số cấp xã",
      previousTitle: "Chỉ số CCHC các xã năm 2022",
    },
    summary: summarizeRound({ bands: DEFAULT_BANDS, compiled, units: currentUnits() }),
    programme: [],
    awards: [],
    speeches: [],
    analysis,
  };
}

const input = packetInput(criteriaBasis());
let pdfFile = "";
let text = "";

const progress: Array<{ done: number; total: number; stage: string }> = [];

beforeAll(async () => {
  pdfFile = writeTemp(await renderPacketPdf(input, (done, total, stage) => progress.push({ done, total, stage })));
  // To look at the pages: KEEP_PACKET_PDF=/tmp/x.pdf npx vitest run <this file>
  if (process.env.KEEP_PACKET_PDF) fs.copyFileSync(pdfFile, process.env.KEEP_PACKET_PDF);
  text = pdfText(pdfFile);
});

describe("the PDF's criterion analysis", () => {
  it("says what is compared with what, and lists the sections in the contents", () => {
    expect(text).toContain("IV. PHÂN TÍCH THEO TIÊU CHÍ");
    expect(text).toContain("V. KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHẮC PHỤC");
    expect(text).toContain(
      "So sánh kết quả năm 2023 với năm 2022 (Chỉ số CCHC các xã năm 2022): 10/10 đơn vị có kết quả năm trước để so sánh.",
    );
    expect(text).toContain(MAPPING_SOURCE_LABEL.suggested);
    // The section comes after the areas and before the appendices.
    const at = (s: string) => text.lastIndexOf(s);
    expect(at("PHÂN TÍCH THEO LĨNH VỰC")).toBeLessThan(at("PHÂN TÍCH THEO TIÊU CHÍ"));
    expect(at("KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHẮC PHỤC")).toBeLessThan(at("ĐIỂM NỔI BẬT CỦA CÁC PHỤ LỤC"));
  });

  it("gives a criterion's averages, change, units newly losing points and the unit that lost most", () => {
    // 1.2 (of 4): last year 5 × 75 % and 5 × 100 % = 87.5 %; this year (2 × 75 + 87.5 + 2 × 100 +
    // 3 × 62.5 + 2 × 100) / 10 = 82.5 %; units 5, 6, 7 full last year and not now; unit 5 the first
    // of those that lost 37.5 points of %.
    expect(text).toContain("1.2 Báo cáo CCHC 4 82,50 87,50 −5,00 3/10 Xã Sơn Bình (−37,50)");
    // 2.1: unit 9 from 100 % to 25 %.
    expect(text).toContain("2.1 Công khai TTHC 2 92,50 100,00 −7,50 1/10 Thị trấn Tam Đường (−75,00)");
    // The chart of the largest drops: 2.1 first, then 1.2.
    expect(text).toContain("Các tiêu chí giảm tỷ lệ điểm bình quân nhiều nhất");
    expect(text.indexOf("−7,50 (100,00 → 92,50 %)")).toBeLessThan(text.indexOf("−5,00 (87,50 → 82,50 %)"));
    // Strongest and weakest; the criterion no longer assessed.
    expect(text).toContain("Mạnh nhất");
    expect(text).toContain("Yếu nhất 1.2 Báo cáo CCHC");
    const layout = run("pdftotext", ["-layout", "-enc", "UTF-8", pdfFile, "-"]).normalize("NFC").split("\n");
    expect(layout.map(collapse)).toContain("2.3 Tiếp nhận, xử lý phản ánh, kiến nghị 2 Không còn đánh giá (năm 2022)");
  });

  it("gives the remediation tally, each plan and the actions not recovered", () => {
    expect(text).toContain("2/4 hành động đã lấy lại điểm (1 đủ điểm, 1 một phần); 1 không còn đánh giá");
    expect(text).toContain("Xã Bình Lư 2 0 0 1 1");
    expect(text).toContain("Xã Khun Há 1 0 1 0 0");
    expect(text).toContain("Xã Bình Lư 1.2.2 Chất lượng báo cáo 50,00 % → 50,00 % Chưa lấy lại điểm");
    expect(text).toContain("Xã Khun Há 1.2.2 Chất lượng báo cáo 50,00 % → 75,00 % Lấy lại một phần");
    expect(text).not.toContain("Xã Nà Tăm 1.2.2 Chất lượng báo cáo");
  });

  it("reports the sections' progress, never backwards", () => {
    const total = progress[0]!.total;
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.total).toBe(total);
      expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    }
    const stages = progress.map((p) => p.stage);
    expect(stages).toContain("Phân tích theo tiêu chí");
    expect(stages).toContain("Kết quả thực hiện kế hoạch khắc phục");
    // The steps counted for the sections are the steps taken: the last stage before the file is finished
    // does not jump to the total.
    const beforeFile = progress.filter((p) => p.stage !== "Hoàn tất" && p.stage !== "Hoàn thiện tệp PDF").at(-1)!;
    expect(beforeFile.done).toBeLessThan(total);
    expect(progress.at(-1)).toEqual({ done: total, total, stage: "Hoàn tất" });
  });

  it("keeps every word inside the Decree 30 margins", () => {
    const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", pdfFile, "-"]);
    const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    const outside: string[] = [];
    for (let m = re.exec(html); m; m = re.exec(html)) {
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      const pageNumber = /^\d+$/.test(m[5]!) && yMax < LIMITS.top;
      if (
        xMin < LIMITS.left - 1 ||
        xMax > LIMITS.right + 1 ||
        (yMin < LIMITS.top - 1 && !pageNumber) ||
        yMax > LIMITS.bottom + 1
      )
        outside.push(m[5]!);
    }
    expect(outside).toEqual([]);
  });

  it("gives one line with the reason when the analysis is refused, and no remediation section", async () => {
    const message =
      "Phân tích theo tiêu chí cần điểm chi tiết của cả hai năm: đợt “Chỉ số CCHC năm 2022” chỉ có tổng điểm của từng đơn vị.";
    const t = pdfText(writeTemp(await renderPacketPdf(packetInput({ state: "refused", message }))));
    // The reason alone, then (after the page number) the next section.
    expect(t).toMatch(
      new RegExp(`IV\\. PHÂN TÍCH THEO TIÊU CHÍ ${message.replace(/[.()]/g, "\\$&")} \\d+ V\\. ĐIỂM NỔI BẬT`),
    );
    expect(t).not.toContain("KẾ HOẠCH KHẮC PHỤC");
    expect(t).not.toContain("So sánh kết quả năm");
  });

  it("leaves both sections out without a previous round, and the loop out without actions", async () => {
    const none = pdfText(writeTemp(await renderPacketPdf(packetInput(null))));
    expect(none).not.toContain("PHÂN TÍCH THEO TIÊU CHÍ");
    const noLoop = pdfText(writeTemp(await renderPacketPdf(packetInput(criteriaBasis({ actions: false })))));
    expect(noLoop).toContain("PHÂN TÍCH THEO TIÊU CHÍ");
    expect(noLoop).not.toContain("KẾ HOẠCH KHẮC PHỤC");
  });
});

describe("the xlsx's analysis sheets", () => {
  const rowsOf = async (i: PacketInput, name: string) => {
    const bytes = await renderPacketXlsx(i);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...PACKET_SHEETS]);
    const rows: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("writes every row of the criterion analysis with numbers as numbers", async () => {
    const [head, ...rows] = await rowsOf(input, "Phan tich tieu chi");
    expect(head!.slice(0, 8)).toEqual([
      "Cấp",
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
      "Số đơn vị áp dụng",
      "Tỷ lệ bình quân năm 2023 (%)",
      "Tỷ lệ bình quân năm 2022 (%)",
      "Thay đổi (điểm %)",
    ]);
    // Every node of this year's framework, then 2.3 of last year's.
    expect(rows.slice(0, compiled.nodes.length).map((r) => r[1])).toEqual(compiled.nodes.map((x) => x.code));
    const c12 = rows.find((r) => r[1] === "1.2")!;
    expect(c12.slice(0, 5)).toEqual(["Tiêu chí", "1.2", "Báo cáo CCHC", 4, 10]);
    expect(c12[5] as number).toBeCloseTo(82.5, 9);
    expect(c12[6] as number).toBeCloseTo(87.5, 9);
    expect(c12[7] as number).toBeCloseTo(-5, 9);
    // Compared, kept full, gained, lost, newly lost; previous code; the unit that lost most.
    expect(c12.slice(8, 16)).toEqual([10, 2, 3, 3, 3, "1.2", "Báo cáo CCHC", "Xã Sơn Bình"]);
    expect(c12[16] as number).toBeCloseTo(-37.5, 9);
    const gone = rows.find((r) => r[13] === "2.3")!;
    expect(gone[0]).toBe("Tiêu chí");
    expect(gone[17]).toContain("Không còn đánh giá năm 2023");
  });

  it("writes every remediation action with its outcome", async () => {
    const [head, ...rows] = await rowsOf(input, "Khac phuc");
    expect(head!.slice(0, 4)).toEqual(["Đơn vị", "Kế hoạch", "Mã tiêu chí", "Tiêu chí bị trừ điểm"]);
    const actions = rows.slice(0, 4);
    expect(actions.map((r) => [r[0], r[2], r[11]])).toEqual([
      ["Xã Bình Lư", "1.2.2", "Chưa lấy lại điểm"],
      ["Xã Bình Lư", "9.9", "Không còn đánh giá"],
      ["Xã Khun Há", "1.2.2", "Lấy lại một phần"],
      ["Xã Nà Tăm", "1.2.2", "Đã lấy lại đủ điểm"],
    ]);
    expect(actions[2]!.slice(4, 11)).toEqual([1, 1, 2, 50, 1.5, 2, 75]);
    expect(actions[1]![12]).toBe("mã không có trong bộ chỉ số năm trước");
    expect(rows.at(-1)![0]).toBe("2/4 hành động đã lấy lại điểm (1 đủ điểm, 1 một phần); 1 không còn đánh giá");
  });

  it("holds the reason in both sheets when the analysis is refused", async () => {
    const message = "Phân tích theo tiêu chí cần điểm chi tiết của cả hai năm.";
    const i = packetInput({ state: "refused", message });
    expect(await rowsOf(i, "Phan tich tieu chi")).toEqual([[message]]);
    expect(await rowsOf(i, "Khac phuc")).toEqual([[message]]);
  });
});

describe("the fingerprint of the analysis", () => {
  const fp = packetFingerprint(input);
  it("is the same for the same data and bumps the format", () => {
    expect(packetFingerprint(packetInput(criteriaBasis()))).toBe(fp);
    expect(packetFingerprint(packetInput(null))).not.toBe(fp);
  });
  it("changes with last year's scores, the mapping and the remediation actions", () => {
    expect(packetFingerprint(packetInput(criteriaBasis({ change: 0.5 })))).not.toBe(fp);
    const mapped = criteriaBasis();
    mapped.input.mapping = [{ current: ["2.1"], previous: ["2.3"] }];
    expect(packetFingerprint(packetInput(mapped))).not.toBe(fp);
    expect(packetFingerprint(packetInput({ ...criteriaBasis(), mappingSource: "stored" }))).not.toBe(fp);
    const retitled = criteriaBasis();
    retitled.remediation!.actions[0]!.title = "Chất lượng, thời hạn báo cáo";
    expect(packetFingerprint(packetInput(retitled))).not.toBe(fp);
    expect(packetFingerprint(packetInput(criteriaBasis({ actions: false })))).not.toBe(fp);
  });
});
