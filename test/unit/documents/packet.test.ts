// The presentation packet (issue 5, §5): a PDF read back with poppler-utils and
// an xlsx read back with exceljs, both from a round summarised by the scoring
// module (25 units of the small framework, previous year, SIPAS); the
// fingerprint; the progress callback.
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
  floorExplanation,
  formatPct,
  formatPoints,
  rankUnits,
  SIPAS_LABEL,
  summarizeRound,
  type DetailedScores,
  type PreviousResult,
  type RoundInput,
  type RoundSummary,
  type SummaryScores,
} from "#app/scoring/index.ts";
import {
  packetFingerprint,
  PACKET_SHEETS,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";

const MM = 72 / 25.4;
/** Decree 30 margins used by app/documents/pdf.server.ts, in pt. */
const LIMITS = { left: 30 * MM, right: (210 - 15) * MM, top: 20 * MM, bottom: (297 - 20) * MM };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-packet-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const writeTemp = (bytes: Buffer, ext = "pdf") => {
  const file = path.join(dir, `packet-${++n}.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
};
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const pdfText = (file: string) => collapse(run("pdftotext", ["-enc", "UTF-8", file, "-"]));
const layoutText = (file: string) => run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]).normalize("NFC");

// -- a round of 25 units --------------------------------------------------------

const compiled = compileFramework(smallFramework);
const LEAVES = ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"];

const NAMES = [
  "Phan Thiết",
  "La Gi",
  "Bắc Bình",
  "Hàm Thuận Bắc",
  "Tánh Linh",
  "Đức Linh",
  "Hàm Tân",
  "Hàm Thuận Nam",
  "Tuy Phong",
  "Phú Quý",
  "Tam Đường",
  "Xã Ẳng Nưa",
  "Xã Nậm Tăm",
  "Phường Điện Bàn",
  "Xã Ỷ La",
  "Thị trấn Phước Bửu",
  "Xã Cẩm Giàng",
  "Phường Đông Lễ",
  "Xã Mường Chà",
  "Xã Ea Kly",
  "Xã Quảng Thọ",
  "Phường Hòa Khánh",
  "Xã Thượng Trạch",
  "Đặc khu Côn Đảo",
  "Xã Hữu Kiệm",
];

/** Points of unit i on the 5 leaves (2 points each); Tánh Linh gets 7.331 of 10 = 73.31 %. */
function leafPoints(i: number): number[] {
  if (NAMES[i] === "Tánh Linh") return [2, 1.331, 1.5, 1.25, 1.25];
  const base = [2, 1.75, 1.5, 1.25, 1, 0.75, 0.5];
  return LEAVES.map((_, k) => base[(i * 3 + k * 2) % base.length]!);
}

function detailedUnits(change?: { unit: string; leaf: string; points: number }): DetailedScores[] {
  return NAMES.map((name, i) => {
    const s = emptyScores(compiled, `u${i}`, name);
    leafPoints(i).forEach((p, k) => (s.points[compiled.indexByCode.get(LEAVES[k]!)!] = p));
    if (change && change.unit === name) s.points[compiled.indexByCode.get(change.leaf)!] = change.points;
    return s;
  });
}

/** Previous year: Tánh Linh three places lower and one class lower, the others shuffled. */
function previousResults(): PreviousResult[] {
  const now = rankUnits(detailedUnits(), { bands: DEFAULT_BANDS, compiled });
  return now.map((r, i) => {
    if (r.unitName === "Tánh Linh")
      return { unitId: r.unitId, rank: r.rank! + 3, indexPct: 68.2, className: "Trung bình" };
    const rank = ((i * 7) % now.length) + 1;
    return { unitId: r.unitId, rank, indexPct: 100 - rank * 2, className: rank <= 3 ? "Tốt" : "Khá" };
  });
}

function sipasScores(i: number) {
  const v = (k: number) => 70 + ((i * 13 + k * 7) % 29) + 0.25;
  return { access: v(1), procedures: v(2), civilServants: v(3), results: v(4), feedback: v(5) };
}

function roundInput(change?: { unit: string; leaf: string; points: number }): RoundInput {
  const units = detailedUnits(change);
  return {
    bands: DEFAULT_BANDS,
    compiled,
    units,
    previous: previousResults(),
    sipas: units.map((u, i) => ({ unitId: u.unitId, unitName: u.unitName, sipas: sipasScores(i) })),
  };
}

function packetInput(summary: RoundSummary, extra: Partial<PacketInput> = {}): PacketInput {
  return {
    conference: {
      title: "Hội nghị phân tích, công bố Chỉ số cải cách hành chính năm 2023 của UBND các huyện, thị xã, thành phố",
      organizerName: "UBND tỉnh Bình Thuận",
      issuingBody: "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
      placeAndDate: "Bình Thuận, ngày 04 tháng 01 năm 2024",
      startsAt: new Date("2024-01-12T01:00:00Z"),
    },
    round: {
      title: "Chỉ số CCHC năm 2023 của UBND cấp huyện",
      year: 2023,
      frameworkName: "Bộ chỉ số cấp huyện (thử)",
      previousTitle: "Chỉ số CCHC năm 2022",
    },
    summary,
    programme: [
      { time: "08 giờ 00 - 08 giờ 15", title: "Khai mạc hội nghị", presenter: "Đồng chí Phó Chủ tịch UBND tỉnh" },
      { time: "08 giờ 15 - 09 giờ 00", title: "Báo cáo kết quả Chỉ số CCHC năm 2023", presenter: "Giám đốc Sở Nội vụ" },
    ],
    awards: [
      {
        recipient: "UBND huyện Tánh Linh",
        organization: "Huyện Tánh Linh",
        form: "Bằng khen của Chủ tịch UBND tỉnh",
        achievement: "Tăng 3 bậc xếp hạng Chỉ số CCHC",
      },
      {
        recipient: "Bà Nguyễn Thị Ánh Tuyết",
        organization: "Phòng Nội vụ huyện Đức Linh",
        form: "Giấy khen của Giám đốc Sở Nội vụ",
        achievement: "Hoàn thành xuất sắc nhiệm vụ",
      },
    ],
    speeches: [
      {
        order: 2,
        title: "Giải pháp cải thiện Chỉ số SIPAS",
        speaker: "Ông Hồ Quang Bửu",
        organization: "UBND thị xã La Gi",
      },
      {
        order: 1,
        title: "Kinh nghiệm nâng hạng Chỉ số CCHC",
        speaker: "Ông Lê Văn Kỷ",
        organization: "UBND huyện Tánh Linh",
      },
    ],
    ...extra,
  };
}

const summary = summarizeRound(roundInput());
const input = packetInput(summary);
const tanhLinh = summary.ranking.find((r) => r.unitName === "Tánh Linh")!;

let pdfFile = "";
let text = "";
let layout = "";
const progress: Array<{ done: number; total: number; stage: string }> = [];

beforeAll(async () => {
  const pdf = await renderPacketPdf(input, (done, total, stage) => progress.push({ done, total, stage }));
  pdfFile = writeTemp(pdf);
  text = pdfText(pdfFile);
  layout = layoutText(pdfFile);
});

describe("the round used here", () => {
  it("has Tánh Linh at 73.31 %, Khá, three places up", () => {
    expect(formatPct(tanhLinh.indexPct)).toBe("73,31");
    expect(tanhLinh.className).toBe("Khá");
    expect(tanhLinh.rankChange).toBe(3);
    expect(tanhLinh.classChange).toBe("up");
    expect(summary.ranking).toHaveLength(25);
    expect(summary.sipas).toHaveLength(25);
  });
});

describe("packet PDF", () => {
  it("holds the ranking rows with diacritics, points, %, class and changes", () => {
    for (const r of summary.ranking) expect(text).toContain(r.unitName);
    // One row of the table, as laid out on the page.
    const row = layout.split("\n").find((l) => /\bTánh Linh\s+\d/.test(l));
    expect(row).toBeDefined();
    // Appraisal and survey points (the framework's area 2.2 is surveyed) before the total.
    const [appraisal, survey] = tanhLinh.parts;
    expect(collapse(row!)).toBe(
      `${tanhLinh.rank} Tánh Linh ${formatPoints(appraisal!.points)} ${formatPoints(survey!.points)} ${formatPoints(tanhLinh.points)} 10 73,31 Khá ▲3 Tăng`,
    );
    for (const title of ["Thẩm định (tối đa 8)", "Điều tra XHH (tối đa 2)", "Tổng điểm"]) expect(text).toContain(title);
    for (const band of DEFAULT_BANDS) expect(text).toContain(band.name);
  });

  it("has the cover, programme, charts, areas, appendices, SIPAS, awards and speeches", () => {
    expect(text).toContain("TÀI LIỆU HỘI NGHỊ");
    expect(text).toContain("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN");
    expect(text).toContain("Bình Thuận, ngày 04 tháng 01 năm 2024");
    expect(text).toContain("08 giờ 00, ngày 12 tháng 01 năm 2024");
    expect(text).toContain("CHƯƠNG TRÌNH HỘI NGHỊ");
    expect(text).toContain("Báo cáo kết quả Chỉ số CCHC năm 2023");
    expect(text).toContain("BIỂU ĐỒ");
    expect(text).toContain("Chỉ số CCHC theo đơn vị");
    expect(text).toContain("Phân bố chỉ số CCHC");
    expect(text).toContain("Số đơn vị theo xếp loại");
    expect(text).toContain("tăng, giảm chỉ số nhiều nhất");
    // Area titles, in the chart and the table.
    expect(text).toContain("PHÂN TÍCH THEO LĨNH VỰC");
    expect(text).toContain("Công tác chỉ đạo, điều hành CCHC");
    expect(text).toContain("Cải cách thủ tục hành chính");
    // Appendix highlights: every unit (25 ≤ 50), their counts and lost criteria.
    expect(text).toContain("ĐIỂM NỔI BẬT CỦA CÁC PHỤ LỤC");
    expect(text).toContain(`Hạng ${tanhLinh.rank}. Tánh Linh`);
    expect(text).toContain(
      `Hạng ${tanhLinh.rank}. Tánh Linh: 7,33/10 điểm (73,31 %), Khá Phụ lục 1: 1 tiêu chí thành phần đạt điểm tối đa. Phụ lục 2: 4 tiêu chí bị trừ điểm, tổng 2,67 điểm.`,
    );
    expect(text).toContain("Chất lượng báo cáo");
    // SIPAS with its header.
    expect(text).toContain("CHỈ SỐ HÀI LÒNG SIPAS");
    for (const label of Object.values(SIPAS_LABEL)) expect(text).toContain(label);
    expect(text).toContain("Chỉ số SIPAS (%)");
    // Awards and speeches (in their order).
    expect(text).toContain("DANH SÁCH KHEN THƯỞNG");
    expect(text).toContain("Bà Nguyễn Thị Ánh Tuyết");
    expect(text).toContain("Bằng khen của Chủ tịch UBND tỉnh");
    expect(text).toContain("THỨ TỰ THAM LUẬN, PHÁT BIỂU");
    expect(text.indexOf("Kinh nghiệm nâng hạng Chỉ số CCHC")).toBeLessThan(
      text.indexOf("Giải pháp cải thiện Chỉ số SIPAS"),
    );
    // Contents on the cover with page numbers.
    const contents = layout
      .split("\f")[0]!
      .split("\n")
      .map(collapse)
      .filter((l) => / Trang \d+$/.test(l));
    expect(contents).toEqual([
      "I. CHƯƠNG TRÌNH HỘI NGHỊ Trang 2",
      "II. KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC Trang 3",
      "III. BIỂU ĐỒ Trang 4",
      "IV. PHÂN TÍCH THEO LĨNH VỰC Trang 7",
      "V. ĐIỂM NỔI BẬT CỦA CÁC PHỤ LỤC Trang 8",
      "VI. CHỈ SỐ HÀI LÒNG SIPAS Trang 12",
      "VII. DANH SÁCH KHEN THƯỞNG Trang 13",
      "VIII. THỨ TỰ THAM LUẬN, PHÁT BIỂU Trang 14",
    ]);
  });

  it("embeds only Liberation Serif subsets", () => {
    const fonts = run("pdffonts", [pdfFile])
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
  });

  it("keeps every word inside the Decree 30 margins (page numbers in the top margin)", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdfFile]))![1]);
    expect(pages).toBeGreaterThan(8);
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

  it("reports progress up to the total, never backwards, by stage", () => {
    expect(progress.length).toBeGreaterThan(5);
    const total = progress[0]!.total;
    expect(total).toBeGreaterThan(summary.ranking.length);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.total).toBe(total);
      expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
      expect(progress[i]!.done).toBeLessThanOrEqual(total);
    }
    expect(progress.at(-1)).toEqual({ done: total, total, stage: "Hoàn tất" });
    expect(new Set(progress.map((p) => p.stage))).toEqual(
      new Set([
        "Trang bìa",
        "Chương trình hội nghị",
        "Bảng xếp hạng",
        "Biểu đồ",
        "Phân tích theo lĩnh vực",
        "Phụ lục",
        "Chỉ số SIPAS",
        "Khen thưởng",
        "Tham luận",
        "Hoàn thiện tệp PDF",
        "Hoàn tất",
      ]),
    );
  });

  it("leaves out empty sections and copes with a totals-only round without a previous year", async () => {
    const units: SummaryScores[] = Array.from({ length: 70 }, (_, i) => ({
      unitId: `s${i}`,
      unitName: `Xã Thử Nghiệm Số ${i + 1}`,
      points: 40 + ((i * 37) % 57),
      maxPoints: 97,
    }));
    const bare = summarizeRound({ bands: DEFAULT_BANDS, units });
    const pdf = await renderPacketPdf(
      packetInput(bare, {
        programme: [],
        awards: [],
        speeches: [],
        round: { title: "Chỉ số CCHC năm 2023", year: 2023, frameworkName: null, previousTitle: null },
      }),
    );
    const t = pdfText(writeTemp(pdf));
    expect(t).toContain("KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC");
    expect(t).toContain("Xã Thử Nghiệm Số 70");
    // 70 units > 60: the first and last 30 in the bar chart, with a note, and the histogram.
    expect(t).toContain("30 đơn vị dẫn đầu và 30 đơn vị cuối bảng");
    expect(t).toContain("Phân bố chỉ số CCHC");
    expect(t).toContain("Không có kết quả năm trước để so sánh");
    expect(t).toContain("không có số liệu theo lĩnh vực");
    for (const absent of [
      "CHƯƠNG TRÌNH HỘI NGHỊ",
      "CHỈ SỐ HÀI LÒNG SIPAS",
      "DANH SÁCH KHEN THƯỞNG",
      "THỨ TỰ THAM LUẬN",
    ])
      expect(t).not.toContain(absent);
  });

  it("limits the appendix highlights to appendixUnits units, in ranking order", async () => {
    const pdf = await renderPacketPdf({ ...input, appendixUnits: 3 });
    const t = pdfText(writeTemp(pdf));
    const third = summary.ranking[2]!;
    const fourth = summary.ranking[3]!;
    expect(t).toContain(`Hạng ${third.rank}. ${third.unitName}:`);
    expect(t).not.toContain(`Hạng ${fourth.rank}. ${fourth.unitName}:`);
    expect(t).toContain("3 đơn vị đầu bảng xếp hạng (trong 25 đơn vị");
  });
});

describe("packet xlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const xlsx = await renderPacketXlsx(input);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  });

  const rowsOf = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("has the sheets of the packet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...PACKET_SHEETS]);
  });

  it("writes the ranking with numbers as numbers, equal to the summary", () => {
    const [head, ...rows] = rowsOf("Xep hang");
    expect(head!.slice(0, 6)).toEqual(["Hạng", "Đơn vị", "Điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"]);
    expect(rows).toHaveLength(summary.ranking.length);
    rows.forEach((row, i) => {
      const r = summary.ranking[i]!;
      const [rank, name, points, max, pct, className, prevRank, rankChange, , indexChange, , classChange] = row;
      expect(typeof rank).toBe("number");
      expect(typeof points).toBe("number");
      expect(typeof max).toBe("number");
      expect(typeof pct).toBe("number");
      expect([rank, name, className, prevRank, rankChange]).toEqual([
        r.rank,
        r.unitName,
        r.className,
        r.previous!.rank,
        r.rankChange,
      ]);
      expect(points as number).toBeCloseTo(r.points, 9);
      expect(max as number).toBeCloseTo(r.maxPoints, 9);
      expect(pct as number).toBeCloseTo(r.indexPct, 9);
      expect(indexChange as number).toBeCloseTo(r.indexChange!, 9);
      expect(classChange).toBe({ up: "Tăng", down: "Giảm", same: "Giữ nguyên" }[r.classChange!]);
    });
    const tl = rows.find((row) => row[1] === "Tánh Linh")!;
    expect((tl[4] as number).toFixed(2)).toBe("73.31");
    expect(tl[7]).toBe(3);
  });

  it("writes areas, every appendix row, SIPAS, awards and speeches", () => {
    const areas = rowsOf("Theo linh vuc").slice(1);
    expect(areas.map((a) => a[1])).toEqual(["Công tác chỉ đạo, điều hành CCHC", "Cải cách thủ tục hành chính"]);
    expect(areas[0]![4] as number).toBeCloseTo(summary.areaAverages[0]!.averagePct!, 9);

    const appendix = rowsOf("Phu luc").slice(1);
    const expected = [...summary.appendices.values()].reduce((s, a) => s + a.fullMarks.length + a.lostPoints.length, 0);
    expect(appendix).toHaveLength(expected);
    const lost = appendix.filter((r) => r[1] === "Tánh Linh" && r[7] === "2 - Bị trừ điểm");
    expect(lost.map((r) => r[2])).toEqual(summary.appendices.get(tanhLinh.unitId)!.lostPoints.map((i) => i.code));
    const first = lost[0]!;
    expect(typeof first[4]).toBe("number");
    expect((first[4] as number) - (first[5] as number)).toBeCloseTo(first[6] as number, 9);

    const sipas = rowsOf("SIPAS");
    expect(sipas[0]).toContain(`${SIPAS_LABEL.access} (%)`);
    expect(sipas.slice(1)).toHaveLength(25);
    expect(sipas[1]![7] as number).toBeCloseTo(summary.sipas[0]!.index, 9);

    expect(
      rowsOf("Khen thuong")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["UBND huyện Tánh Linh", "Bà Nguyễn Thị Ánh Tuyết"]);
    expect(
      rowsOf("Tham luan")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([1, 2]);
    expect(rowsOf("Chuong trinh").slice(1)).toHaveLength(2);
  });
});

describe("packetFingerprint", () => {
  const fp = packetFingerprint(input);

  it("is the same for the same data, whatever the order of the units", () => {
    expect(packetFingerprint(packetInput(summarizeRound(roundInput())))).toBe(fp);
    const reversed = roundInput();
    reversed.units = [...reversed.units].reverse();
    expect(packetFingerprint(packetInput(summarizeRound(reversed)))).toBe(fp);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a score changes", () => {
    expect(
      packetFingerprint(packetInput(summarizeRound(roundInput({ unit: "Hàm Tân", leaf: "2.1", points: 0.25 })))),
    ).not.toBe(fp);
    // Even when the total stays the same (only the appendices differ).
    const moved = roundInput();
    const unit = moved.units.find((u) => u.unitName === "Tánh Linh") as DetailedScores;
    unit.points[compiled.indexByCode.get("1.2.1")!] = 1.5;
    unit.points[compiled.indexByCode.get("1.2.2")!] = 1.331;
    const other = packetFingerprint(packetInput(summarizeRound(moved)));
    expect(summarizeRound(moved).ranking.find((r) => r.unitName === "Tánh Linh")!.points).toBeCloseTo(
      tanhLinh.points,
      9,
    );
    expect(other).not.toBe(fp);
  });

  it("changes with the programme, awards, speeches and titles, and not after rendering", async () => {
    expect(packetFingerprint({ ...input, awards: input.awards.slice(1) })).not.toBe(fp);
    expect(packetFingerprint({ ...input, speeches: [] })).not.toBe(fp);
    expect(
      packetFingerprint({
        ...input,
        programme: [...input.programme, { time: "10 giờ 00", title: "Bế mạc", presenter: "Chủ tịch" }],
      }),
    ).not.toBe(fp);
    expect(packetFingerprint({ ...input, round: { ...input.round, title: "Khác" } })).not.toBe(fp);
    expect(packetFingerprint({ ...input, appendixUnits: 10 })).not.toBe(fp);
    await renderPacketXlsx(input);
    expect(packetFingerprint(input)).toBe(fp);
  });
});

// -- a round in blocks (issue 13) ------------------------------------------------

/** Districts, wards, and communes with a special zone, ranked separately (as Hải Phòng 2025 publishes). */
const BLOCKS = ["Huyện, thị xã, thành phố", "Phường", "Xã, đặc khu"] as const;
const blockOf = (name: string) =>
  name.startsWith("Phường") ? BLOCKS[1] : /^(Xã|Đặc khu|Thị trấn)/.test(name) ? BLOCKS[2] : BLOCKS[0];
/** Xuất sắc needs every area at 80 % or more, Tốt every area at 70 % or more. */
const FLOOR_BANDS = DEFAULT_BANDS.map((b) =>
  b.name === "Xuất sắc" ? { ...b, minAreaPct: 80 } : b.name === "Tốt" ? { ...b, minAreaPct: 70 } : b,
);
const NOT_RANKED_REASON = "Đặc khu mới thành lập, chưa có năm so sánh";

function blockedInput(change?: { unit: string; block: string }): RoundInput {
  const units = detailedUnits().map((u, i) => {
    // Distinct totals, so each block ranks 1..n without ties.
    u.points[compiled.indexByCode.get("1.1")!] = 2 - i * 0.02;
    const block = change?.unit === u.unitName ? change.block : blockOf(u.unitName);
    return { ...u, block, ranked: u.unitName !== "Đặc khu Côn Đảo", notRankedReason: null as string | null };
  });
  const cd = units.find((u) => u.unitName === "Đặc khu Côn Đảo")!;
  cd.notRankedReason = NOT_RANKED_REASON;
  // 90 % overall but area 2 at 75 %: Tốt, not Xuất sắc.
  const floored = units.find((u) => u.unitName === "Phường Điện Bàn")!;
  for (const [code, pts] of [
    ["1.1", 2],
    ["1.2.1", 2],
    ["1.2.2", 2],
    ["2.1", 2],
    ["2.2", 1],
  ] as const)
    floored.points[compiled.indexByCode.get(code)!] = pts;
  const hk = units.find((u) => u.unitName === "Phường Hòa Khánh")!;
  (hk as DetailedScores).predecessorIds = ["old-hk-bac", "old-hk-nam"];
  const previous: PreviousResult[] = units
    .filter((u) => u.unitName !== "Xã Ea Kly" && u !== hk)
    .map((u, i) => ({
      unitId: u.unitId,
      rank: (i % 5) + 1,
      indexPct: 60 + i,
      className: "Khá",
      block: blockOf(u.unitName),
    }));
  previous.push(
    {
      unitId: "old-hk-bac",
      unitName: "Phường Hòa Khánh Bắc",
      rank: 2,
      indexPct: 81.5,
      className: "Tốt",
      block: "Phường",
    },
    {
      unitId: "old-hk-nam",
      unitName: "Phường Hòa Khánh Nam",
      rank: 3,
      indexPct: 78.25,
      className: "Khá",
      block: "Phường",
    },
  );
  return {
    bands: FLOOR_BANDS,
    compiled,
    units,
    previous,
    blockOrder: [...BLOCKS],
    sipas: units.map((u, i) => ({ unitId: u.unitId, unitName: u.unitName, sipas: sipasScores(i) })),
  };
}

describe("a round in blocks", () => {
  const blocked = summarizeRound(blockedInput());
  const bInput = packetInput(blocked, {
    round: {
      title: "Chỉ số CCHC năm 2025 của các cơ quan, địa phương",
      year: 2025,
      frameworkName: "Bộ chỉ số 2025 (thử)",
      previousTitle: "Chỉ số CCHC năm 2024",
    },
  });
  let bFile = "";
  let bText = "";
  let bPages: string[] = [];
  let xlsx: ExcelJS.Workbook;
  const rowsOf = (name: string) => {
    const rows: unknown[][] = [];
    xlsx.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  beforeAll(async () => {
    bFile = writeTemp(await renderPacketPdf(bInput));
    bText = pdfText(bFile);
    bPages = layoutText(bFile).split("\f");
    const bytes = await renderPacketXlsx(bInput);
    xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });

  it("is summarised as three blocks, each ranked 1..n, with a floor, a unit not ranked, a new and a mapped unit", () => {
    expect(blocked.blocks.map((b) => b.name)).toEqual([...BLOCKS]);
    for (const b of blocked.blocks) {
      const ranked = b.results.filter((r) => r.ranked);
      expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    }
    const cd = blocked.ranking.find((r) => r.unitName === "Đặc khu Côn Đảo")!;
    expect(cd).toMatchObject({ rank: null, ranked: false, notRankedReason: NOT_RANKED_REASON });
    const db = blocked.ranking.find((r) => r.unitName === "Phường Điện Bàn")!;
    expect(db.className).toBe("Tốt");
    expect(db.classFloor?.className).toBe("Xuất sắc");
    expect(blocked.ranking.find((r) => r.unitName === "Xã Ea Kly")!.previousBasis).toBe("none");
    expect(blocked.ranking.find((r) => r.unitName === "Phường Hòa Khánh")!.previousBasis).toBe("mapped");
  });

  it("prints a heading, statistics and a ranking 1..n per block in the PDF", () => {
    const start = bPages.findIndex((pg, i) => i > 0 && pg.includes("KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC"));
    const end = bPages.findIndex((pg) => /\bIII\. BIỂU ĐỒ/.test(pg) && !pg.includes("Trang"));
    const section = bPages.slice(start, end).join("\n");
    const lines = section.split("\n").map(collapse);
    BLOCKS.forEach((name, i) => expect(lines).toContain(`${i + 1}. Khối ${name}`));
    expect(collapse(section)).toContain("Các đơn vị được xếp hạng riêng theo 3 khối");
    for (const b of blocked.blocks) {
      const st = b.statistics;
      expect(collapse(section)).toContain(`chỉ số bình quân: ${formatPct(st.averageIndexPct)} %`);
      // Every ranked unit on a row starting with its rank within the block.
      const ranked = b.results.filter((r) => r.ranked);
      for (const r of ranked) expect(lines.some((l) => l.startsWith(`${r.rank} ${r.unitName} `))).toBe(true);
      // Block headings come in order, each before its own leader.
      const heading = lines.indexOf(`${BLOCKS.indexOf(b.name as (typeof BLOCKS)[number]) + 1}. Khối ${b.name}`);
      const leader = lines.findIndex((l) => l.startsWith(`1 ${ranked[0]!.unitName} `));
      expect(leader).toBeGreaterThan(heading);
    }
    // Block statistics table (units, ranked, averages per block and for the round).
    expect(lines.some((l) => l.startsWith("Khối Xã, đặc khu 11 10 "))).toBe(true);
    expect(lines.some((l) => l.startsWith("Toàn vòng 25 24 "))).toBe(true);
  });

  it("lists the unit not ranked with its reason, explains the floor, marks new and mapped units", () => {
    expect(bText).toContain("Không xếp hạng: 1 đơn vị được đánh giá, xếp loại nhưng không tham gia xếp hạng");
    expect(bText).toContain(NOT_RANKED_REASON);
    const db = blocked.ranking.find((r) => r.unitName === "Phường Điện Bàn")!;
    expect(bText).toContain(`Phường Điện Bàn ${floorExplanation(db.classFloor!)}`);
    // Its appendix highlights say it too.
    expect(bText).toContain(`Xếp loại Tốt: ${floorExplanation(db.classFloor!)}.`);
    expect(bText).toContain("Đơn vị mới, không có kết quả năm trước");
    expect(bText).toMatch(/Đơn vị mới, không có kết quả năm trước \(cột thay đổi hạng ghi "Mới"\): Xã Ea Kly/);
    const ea = bPages
      .join("\n")
      .split("\n")
      .map(collapse)
      .find((l) => /^\d+ Xã Ea Kly \d/.test(l))!;
    expect(ea).toMatch(/ Mới$/);
    expect(bText).toContain(
      "Phường Hòa Khánh từ Phường Hòa Khánh Bắc (hạng 2, 81,50 %), Phường Hòa Khánh Nam (hạng 3, 78,25 %)",
    );
  });

  it("shows appraisal and survey points as columns, and the block charts", () => {
    expect(bText).toContain("Thẩm định (tối đa 8)");
    expect(bText).toContain("Điều tra XHH (tối đa 2)");
    expect(bText).toContain("Chỉ số CCHC bình quân theo khối (%)");
    expect(bText).toContain("Điểm bình quân theo thành phần và khối");
    for (const name of BLOCKS) {
      expect(bText).toContain(`Khối ${name}: chỉ số CCHC theo đơn vị (%)`);
      expect(bText).toContain(`Khối ${name}: số đơn vị theo xếp loại`);
    }
    expect(bText).toContain("Đặc khu Côn Đảo (không xếp hạng)");
    expect(bText).toContain("Khối xếp hạng:");
    expect(bText).toContain("Huyện, thị xã, thành phố (11); Phường (3); Xã, đặc khu (11)");
  });

  it("keeps every word of the block round inside the margins", () => {
    const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", bFile, "-"]);
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

  it("writes the block, 'Không xếp hạng', the reason and the parts in the xlsx ranking", () => {
    const [head, ...rows] = rowsOf("Xep hang");
    expect(head!.slice(0, 7)).toEqual(["Khối", "Hạng", "Đơn vị", "Điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp loại"]);
    const col = (title: string) => {
      const i = head!.indexOf(title);
      expect(i, title).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(rows).toHaveLength(25);
    for (const name of BLOCKS) {
      const ranks = rows.filter((r) => r[0] === name && typeof r[1] === "number").map((r) => r[1]);
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    }
    const cd = rows.find((r) => r[2] === "Đặc khu Côn Đảo")!;
    expect(cd[0]).toBe("Xã, đặc khu");
    expect(cd[1]).toBe("Không xếp hạng");
    expect(cd[col("Lý do không xếp hạng")]).toBe(NOT_RANKED_REASON);
    rows.forEach((row) => {
      const r = blocked.ranking.find((u) => u.unitName === row[2])!;
      const appraisal = r.parts.find((x) => x.source === "APPRAISAL")!;
      const survey = r.parts.find((x) => x.source === "SURVEY")!;
      expect(row[col("Điểm thẩm định")] as number).toBeCloseTo(appraisal.points, 6);
      expect(row[col("Thẩm định tối đa")]).toBe(appraisal.maxPoints);
      expect(row[col("Điểm điều tra XHH")] as number).toBeCloseTo(survey.points, 6);
      expect(row[col("Điều tra XHH tối đa")]).toBe(survey.maxPoints);
      expect((row[col("Điểm thẩm định")] as number) + (row[col("Điểm điều tra XHH")] as number)).toBeCloseTo(
        row[3] as number,
        6,
      );
    });
    const db = rows.find((r) => r[2] === "Phường Điện Bàn")!;
    expect(db[col("Ghi chú xếp loại")]).toContain("không đạt Xuất sắc vì lĩnh vực 2 đạt 75,00 %");
    expect(rows.find((r) => r[2] === "Xã Ea Kly")![col("So sánh với năm trước")]).toBe(
      "Đơn vị mới, không có kết quả năm trước",
    );
    expect(rows.find((r) => r[2] === "Phường Hòa Khánh")![col("So sánh với năm trước")]).toBe(
      "Đơn vị trước: Phường Hòa Khánh Bắc (hạng 2, 81,50 %); Phường Hòa Khánh Nam (hạng 3, 78,25 %)",
    );
    // No rank change is invented for the new unit or across a merger of several units.
    expect(head![8]).toBe("Thay đổi hạng");
    expect(rows.find((r) => r[2] === "Xã Ea Kly")![8] ?? null).toBeNull();
    expect(rows.find((r) => r[2] === "Phường Hòa Khánh")![8] ?? null).toBeNull();
  });

  it("has a sheet of block statistics, and blocks in the appendix and SIPAS sheets", () => {
    const [head, ...rows] = rowsOf("Theo khoi");
    expect(head!.slice(0, 5)).toEqual([
      "Khối",
      "Số đơn vị",
      "Số đơn vị xếp hạng",
      "Điểm bình quân",
      "Chỉ số bình quân (%)",
    ]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["Huyện, thị xã, thành phố", 11, 11],
      ["Phường", 3, 3],
      ["Xã, đặc khu", 11, 10],
      ["Toàn vòng", 25, 24],
    ]);
    blocked.blocks.forEach((b, i) => expect(rows[i]![4] as number).toBeCloseTo(b.statistics.averageIndexPct, 9));
    const bands = head!.slice(-FLOOR_BANDS.length);
    expect(bands).toEqual(FLOOR_BANDS.map((b) => `Số đơn vị ${b.name}`));
    const appendix = rowsOf("Phu luc");
    expect(appendix[0]!.slice(0, 3)).toEqual(["Khối", "Hạng", "Đơn vị"]);
    expect(appendix.find((r) => r[2] === "Đặc khu Côn Đảo")![1]).toBe("Không xếp hạng");
    const sipas = rowsOf("SIPAS");
    expect(sipas[0]!.slice(0, 2)).toEqual(["Khối", "Hạng"]);
    expect(sipas.find((r) => r[2] === "Đặc khu Côn Đảo")![1]).toBe("Không xếp hạng");
  });

  it("gives a fingerprint that changes with a unit's block, its ranked flag and the floors", () => {
    const fp = packetFingerprint(bInput);
    const again = packetFingerprint({ ...bInput, summary: summarizeRound(blockedInput()) });
    expect(again).toBe(fp);
    const moved = summarizeRound(blockedInput({ unit: "Xã Ea Kly", block: "Phường" }));
    expect(packetFingerprint({ ...bInput, summary: moved })).not.toBe(fp);
    const ranked = blockedInput();
    ranked.units.find((u) => u.unitName === "Đặc khu Côn Đảo")!.ranked = true;
    expect(packetFingerprint({ ...bInput, summary: summarizeRound(ranked) })).not.toBe(fp);
    const reason = blockedInput();
    reason.units.find((u) => u.unitName === "Đặc khu Côn Đảo")!.notRankedReason = "Lý do khác";
    expect(packetFingerprint({ ...bInput, summary: summarizeRound(reason) })).not.toBe(fp);
    const noFloors = blockedInput();
    noFloors.bands = DEFAULT_BANDS;
    expect(packetFingerprint({ ...bInput, summary: summarizeRound(noFloors) })).not.toBe(fp);
  });
});

describe("a totals-only round in blocks with appraisal and survey parts", () => {
  // Departments score 70 appraisal + 30 survey points; central agencies in the province 40 + 20 (issue 13).
  const units: SummaryScores[] = [
    ...["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế"].map((name, i) => ({
      unitId: `so${i}`,
      unitName: name,
      block: "Sở, ban, ngành",
      points: 88.5 - i * 3.25,
      maxPoints: 100,
      surveyPoints: 25.5 - i,
      surveyMaxPoints: 30,
    })),
    ...["Cục Thuế tỉnh", "Kho bạc Nhà nước khu vực", "Bảo hiểm xã hội tỉnh"].map((name, i) => ({
      unitId: `tw${i}`,
      unitName: name,
      block: "Cơ quan Trung ương",
      points: 52.75 - i * 2,
      maxPoints: 60,
      surveyPoints: 17.25 - i,
      surveyMaxPoints: 20,
      ranked: i !== 2,
      notRankedReason: i === 2 ? "Không thuộc đối tượng xếp hạng của tỉnh" : null,
    })),
  ];
  const s = summarizeRound({ bands: FLOOR_BANDS, units, blockOrder: ["Sở, ban, ngành", "Cơ quan Trung ương"] });
  const inp = packetInput(s, {
    round: { title: "Chỉ số CCHC năm 2024", year: 2024, frameworkName: null, previousTitle: null },
  });

  it("heads each block's parts with that block's maxima and says floors need area figures", async () => {
    const t = pdfText(writeTemp(await renderPacketPdf(inp)));
    expect(t).toContain("Thẩm định (tối đa 70)");
    expect(t).toContain("Điều tra XHH (tối đa 30)");
    expect(t).toContain("Thẩm định (tối đa 40)");
    expect(t).toContain("Điều tra XHH (tối đa 20)");
    expect(t).toContain("mức tối thiểu mỗi lĩnh vực không áp dụng được");
    expect(t).toContain("Không thuộc đối tượng xếp hạng của tỉnh");
    expect(t).toContain("Khối Cơ quan Trung ương");
    // No previous round: nobody is called a new unit.
    expect(t).not.toContain("Đơn vị mới");
  });

  it("writes the parts, summing to the total, and the blocks' averages in the xlsx", async () => {
    const bytes = await renderPacketXlsx(inp);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet("Xep hang")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [head, ...body] = rows;
    const at = (title: string) => head!.indexOf(title);
    const kho = body.find((r) => r[2] === "Bảo hiểm xã hội tỉnh")!;
    expect(kho[1]).toBe("Không xếp hạng");
    expect(kho[at("Thẩm định tối đa")]).toBe(40);
    expect(kho[at("Điều tra XHH tối đa")]).toBe(20);
    expect((kho[at("Điểm thẩm định")] as number) + (kho[at("Điểm điều tra XHH")] as number)).toBeCloseTo(48.75, 9);
    expect(head).not.toContain("So sánh với năm trước");
    const stats: unknown[][] = [];
    wb.getWorksheet("Theo khoi")!.eachRow((row) => stats.push((row.values as unknown[]).slice(1)));
    expect(stats.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["Sở, ban, ngành", 4, 4],
      ["Cơ quan Trung ương", 3, 2],
      ["Toàn vòng", 7, 6],
    ]);
    const sheadAt = (title: string) => stats[0]!.indexOf(title);
    expect(stats[2]![sheadAt("Điểm điều tra XHH bình quân")] as number).toBeCloseTo((17.25 + 16.25) / 2, 9);
  });
});

describe("a round without blocks", () => {
  it("has no block headings, one ranking 1..n and no block columns", async () => {
    const lines = layout.split("\n").map(collapse);
    expect(lines.some((l) => /^\d+\. Khối /.test(l))).toBe(false);
    expect(text).not.toContain("Khối");
    const ranks = summary.ranking.map((r) => r.rank);
    expect(ranks[0]).toBe(1);
    expect(summary.blocks.map((b) => b.name)).toEqual([null]);
    const bytes = await renderPacketXlsx(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const head = (wb.getWorksheet("Xep hang")!.getRow(1).values as unknown[]).slice(1);
    expect(head).not.toContain("Khối");
    expect(head).not.toContain("Lý do không xếp hạng");
    const stats: unknown[][] = [];
    wb.getWorksheet("Theo khoi")!.eachRow((row) => stats.push((row.values as unknown[]).slice(1)));
    expect(stats.slice(1).map((r) => r.slice(0, 3))).toEqual([["Tất cả đơn vị", 25, 25]]);
  });
});
