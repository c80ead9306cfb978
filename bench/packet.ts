// node --import tsx bench/packet.ts [--units 3300] [--runs 3] [--write DIR] [--blocks] [--analysis]
// The presentation packet's target from issue 5: a packet for a round of 3,300
// units with its charts ≤ 5 s and ≤ 400 MB peak memory. Each run times, in one
// process, on seeded data (3,300 units × 100 sub-criteria, previous year, SIPAS):
//   PDF   summarizeRound + renderPacketPdf (cover, ranking, charts, areas,
//         appendix highlights, SIPAS, awards, speeches): the target;
//   xlsx  renderPacketXlsx from the same summary (every unit's full appendix,
//         about 330,000 rows): reported, no target;
//   bare  pdfkit writing the same number of table rows as one line of plain text
//         each (built-in Helvetica, no layout, 60 rows a page), the reference.
// Each phase runs in a fresh child process (cold, then warm). Peak memory: process
// RSS sampled every 20 ms and the kernel's high-water mark (VmHWM, reset before
// the phase through /proc/self/clear_refs), after a full GC; the larger of the
// two is reported. Exits 1 when a target is missed. --blocks ranks communes, wards and special zones as
// three blocks (issue 13) and leaves one unit in 50 out of the ranking. --analysis adds the previous
// year's detailed scores (3,300 units, same framework) and remediation plans for one unit in 20 (up to
// 10 actions each, followed into this year): the sections "Phân tích theo tiêu chí" and "Kết quả thực
// hiện kế hoạch khắc phục" and the xlsx sheets of issue 16; the criterion analysis is computed inside
// renderPacketPdf / renderPacketXlsx, so it is timed with them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import {
  packetFingerprint,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketCriteria,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";
import { remediationOutcomes, tallyRemediation } from "#app/scoring/analysis/index.ts";
import { unitAppendices } from "#app/scoring/compute.ts";
import { preloadFonts } from "#app/documents/fonts.server.ts";
import {
  compileFramework,
  summarizeRound,
  type RoundInput,
  type RoundSummary,
  type SipasScores,
} from "#app/scoring/index.ts";
import { DEFAULT_BANDS } from "#app/scoring/types.ts";
import { printEnvironment } from "#bench/lib/report.ts";
import { benchFramework, benchPrevious, benchScores, seededRandom } from "#bench/lib/scoring-data.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const UNITS = Number(arg("units", "3300"));
const RUNS = Number(arg("runs", "3"));
const WRITE = arg("write", "");
const BLOCKS = args.includes("--blocks");
const ANALYSIS = args.includes("--analysis");
const TARGET_MS = 5_000;
const TARGET_BYTES = 400e6; // 400 MB (10^6 bytes), the stricter reading
const MB = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (v8.setFlagsFromString("--expose-gc"), vm.runInNewContext("gc") as () => void);

// -- data ---------------------------------------------------------------------

const AREAS = [
  "Công tác chỉ đạo, điều hành cải cách hành chính",
  "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
  "Cải cách thủ tục hành chính",
  "Cải cách tổ chức bộ máy hành chính nhà nước",
  "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
  "Cải cách tài chính công",
  "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
  "Tác động của cải cách hành chính đến người dân, tổ chức",
];
const CRITERIA = [
  "Mức độ hoàn thành kế hoạch cải cách hành chính năm",
  "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn",
  "Công khai, minh bạch thông tin về thủ tục hành chính trên Cổng dịch vụ công",
  "Thực hiện cơ chế một cửa, một cửa liên thông tại Bộ phận tiếp nhận và trả kết quả",
  "Tỷ lệ văn bản được ký số và gửi, nhận trên môi trường mạng",
  "Kiểm tra, rà soát văn bản quy phạm pháp luật do địa phương ban hành",
  "Đánh giá của người dân về sự phục vụ của công chức",
  "Thực hiện quy định về vị trí việc làm và cơ cấu ngạch công chức",
  "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức",
  "Sắp xếp, kiện toàn tổ chức bộ máy theo quy định",
  "Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
  "Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ",
];
const FIRST = [
  "Hòa",
  "Tân",
  "Phước",
  "Bình",
  "An",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Thạnh",
  "Hưng",
  "Long",
  "Phú",
  "Quảng",
  "Xuân",
  "Hải",
  "Sơn",
  "Thủy",
  "Mỹ",
  "Cẩm",
  "Điện",
  "Duy",
  "Tam",
  "Thăng",
  "Tiên",
  "Nghĩa",
  "Đức",
  "Vĩnh",
  "Hiệp",
  "Lộc",
  "Kỳ",
  "Ẳng",
  "Nậm",
  "Mường",
  "Bản",
  "Yên",
  "Thượng",
  "Hạ",
  "Vạn",
  "Đồng",
  "Ninh",
  "Trà",
  "Ea",
  "Krông",
  "Chư",
  "Đắk",
  "Ia",
  "Lạc",
  "Hợp",
  "Thới",
  "Mỏ",
  "Cái",
  "Vàm",
  "Tịnh",
  "Hương",
  "Quỳnh",
  "Diễn",
  "Kim",
  "Ỷ",
];
const SECOND = [
  "Khánh",
  "Thuận",
  "Lợi",
  "Minh",
  "Phong",
  "Hiệp",
  "Thành",
  "Lập",
  "Tiến",
  "Quang",
  "Hà",
  "Giang",
  "Điền",
  "Nhơn",
  "Hậu",
  "Châu",
  "Bửu",
  "Lĩnh",
  "Tuyết",
  "Xuyên",
  "Hòa",
  "Sơn",
  "Trà",
  "Đường",
  "Nưa",
  "Tăm",
  "Lay",
  "Chà",
  "Mơ",
  "Lâm",
  "Phụng",
  "Định",
  "Hưng",
  "Vinh",
  "Yên",
  "Cường",
  "Thịnh",
  "Ngãi",
  "Đạo",
  "Bảo",
  "Kiệt",
  "Nguyên",
  "Ngọc",
  "Thắng",
  "Lương",
  "Hiền",
  "Ân",
  "Trạch",
  "Thới",
  "Mỹ",
  "Quới",
  "Cày",
  "Nước",
  "Lương",
  "Sáu",
  "Gò",
  "Tháp",
  "Cừ",
  "Rạch",
  "Úc",
];

function unitName(i: number): string {
  const kind = i % 10 < 7 ? "Xã" : i % 10 < 9 ? "Phường" : "Đặc khu";
  const base = `${kind} ${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}`;
  return i < FIRST.length * SECOND.length ? base : `${base} ${Math.floor(i / (FIRST.length * SECOND.length)) + 1}`;
}

function roundInput(units: number): RoundInput {
  const random = seededRandom(2024);
  const framework = benchFramework(random);
  framework.name = "Bộ chỉ số CCHC cấp xã (thử hiệu năng)";
  framework.areas.forEach((area, a) => {
    area.title = AREAS[a % AREAS.length]!;
    area.children.forEach((crit, c) => {
      crit.title = `${CRITERIA[(a * 4 + c) % CRITERIA.length]} (tiêu chí ${crit.code})`;
      crit.children.forEach(
        (sub, s) => (sub.title = `${CRITERIA[(a * 7 + c * 3 + s) % CRITERIA.length]}, nội dung ${sub.code}`),
      );
    });
  });
  const compiled = compileFramework(framework);
  const scores = benchScores(compiled, units, random);
  scores.forEach((s, i) => {
    s.unitName = unitName(i);
    if (!BLOCKS) return;
    s.block = s.unitName.split(" ")[0] === "Đặc" ? "Đặc khu" : s.unitName.split(" ")[0]!;
    if (i % 50 === 49) {
      s.ranked = false;
      s.notRankedReason = "Đơn vị mới sau sắp xếp, chưa có năm so sánh";
    }
  });
  const previous = benchPrevious(compiled, units, random);
  const comp = () => Math.round((72 + random() * 27) * 100) / 100;
  const sipas = scores.map((s) => ({
    unitId: s.unitId,
    unitName: s.unitName,
    sipas: {
      access: comp(),
      procedures: comp(),
      civilServants: comp(),
      results: comp(),
      feedback: comp(),
    } satisfies SipasScores,
  }));
  return {
    bands: DEFAULT_BANDS,
    compiled,
    units: scores,
    previous,
    sipas,
    blockOrder: BLOCKS ? ["Phường", "Xã", "Đặc khu"] : undefined,
  };
}

/**
 * The criterion analysis' basis: the previous year's detailed scores of the same units (own random
 * stream, so the round itself is the same with and without --analysis), and a remediation plan for one
 * unit in 20 with the previous year's 10 largest losses as actions, followed into this year.
 */
function analysisBasis(round: RoundInput): PacketCriteria {
  const compiled = round.compiled!;
  const previous = benchScores(compiled, round.units.length, seededRandom(2023));
  previous.forEach((s, i) => (s.unitName = round.units[i]!.unitName));
  const input = {
    current: { compiled, units: round.units },
    previous: { compiled, units: previous },
  };
  const planned = previous.filter((_, i) => i % 20 === 7);
  const list = planned.flatMap((u) =>
    unitAppendices(compiled, u)
      .lostPoints.slice(0, 10)
      .map((item) => ({ unit: u, item })),
  );
  const outcomes = remediationOutcomes(
    input,
    list.map((a) => ({ unitId: a.unit.unitId, code: a.item.code })),
  );
  const actions = list.map((a, i) => ({
    planId: `plan-${a.unit.unitId}`,
    unitName: a.unit.unitName,
    code: a.item.code,
    title: a.item.title,
    pointsLost: a.item.pointsLost,
    outcome: outcomes[i]!,
  }));
  return {
    state: "ok",
    year: 2025,
    previousYear: 2024,
    previousTitle: "Chỉ số CCHC năm 2024",
    mappingSource: "same-framework",
    input,
    remediation: {
      actions,
      plans: planned.map((u) => ({
        planId: `plan-${u.unitId}`,
        title: `Kế hoạch khắc phục năm 2024 của ${u.unitName}`,
        unitName: u.unitName,
        tally: tallyRemediation(actions.filter((a) => a.planId === `plan-${u.unitId}`).map((a) => a.outcome)),
      })),
      tally: tallyRemediation(outcomes),
    },
  };
}

function packetInput(summary: RoundSummary, analysis: PacketCriteria | null = null): PacketInput {
  const names = [
    "Nguyễn Thị Ánh Tuyết",
    "Trần Văn Bửu",
    "Lê Hữu Kỷ",
    "Phạm Đức Dũng",
    "Hoàng Thị Hằng",
    "Võ Ngọc Phượng",
  ];
  return {
    conference: {
      title: "Hội nghị công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường, đặc khu",
      organizerName: "Bộ Nội vụ",
      issuingBody: "BỘ NỘI VỤ",
      placeAndDate: "Hà Nội, ngày 15 tháng 4 năm 2026",
      startsAt: new Date("2026-04-20T01:00:00Z"),
    },
    round: {
      title: "Chỉ số CCHC năm 2025 của UBND cấp xã",
      year: 2025,
      frameworkName: "Bộ chỉ số CCHC cấp xã",
      previousTitle: "Chỉ số CCHC năm 2024",
    },
    summary,
    // A copy per packet: the analysis is computed once per basis object, and each run must compute it.
    analysis: analysis ? { ...analysis } : undefined,
    programme: Array.from({ length: 12 }, (_, i) => ({
      time: `${String(8 + Math.floor(i / 3)).padStart(2, "0")} giờ ${String((i % 3) * 20).padStart(2, "0")}`,
      title:
        i === 0
          ? "Khai mạc hội nghị"
          : `Tham luận số ${i}: kinh nghiệm nâng cao chỉ số cải cách hành chính tại địa phương`,
      presenter: names[i % names.length]!,
    })),
    awards: Array.from({ length: 60 }, (_, i) => ({
      recipient: i % 3 ? names[i % names.length]! : `UBND ${summary.ranking[i]?.unitName ?? "xã"}`,
      organization: summary.ranking[i]?.unitName ?? "UBND xã",
      form: i < 10 ? "Bằng khen của Bộ trưởng Bộ Nội vụ" : "Giấy khen của Chủ tịch UBND tỉnh",
      achievement: "Đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2025",
    })),
    speeches: Array.from({ length: 8 }, (_, i) => ({
      order: i + 1,
      title: `Giải pháp nâng cao chất lượng phục vụ người dân, doanh nghiệp (tham luận ${i + 1})`,
      speaker: names[i % names.length]!,
      organization: summary.ranking[i * 7]?.unitName ?? "UBND xã",
    })),
  };
}

/** Table rows the packet PDF draws (the bare reference writes as many lines). */
function tableRows(input: PacketInput): string[] {
  const s = input.summary;
  const rows: string[] = [];
  for (const r of s.ranking)
    rows.push(
      `${r.rank} ${r.unitName} ${r.points.toFixed(2)} ${r.maxPoints} ${r.indexPct.toFixed(2)} ${r.className} ${r.rankChange ?? ""} ${r.classChange ?? ""}`,
    );
  for (const r of s.sipas)
    rows.push(`${r.rank} ${r.unitName} ${Object.values(r.components).join(" ")} ${r.index.toFixed(2)}`);
  for (const a of s.areaAverages) rows.push(`${a.code} ${a.title} ${a.maxPoints} ${a.averagePoints.toFixed(2)}`);
  const appendixUnits = Math.min(50, s.appendices.size);
  for (const r of s.ranking.slice(0, appendixUnits)) {
    rows.push(`${r.rank} ${r.unitName}`, `${r.points}`);
    for (const i of s.appendices.get(r.unitId)?.lostPoints.slice(0, 5) ?? [])
      rows.push(`${i.code} ${i.title} ${i.maxPoints} ${i.points} ${i.pointsLost}`);
  }
  for (let i = 0; i < 15; i++) rows.push(`criterion ${i}`);
  for (const a of input.awards) rows.push(`${a.recipient} ${a.organization} ${a.achievement} ${a.form}`);
  for (const sp of input.speeches) rows.push(`${sp.order} ${sp.title} ${sp.speaker} ${sp.organization}`);
  for (const p of input.programme) rows.push(`${p.time} ${p.title} ${p.presenter}`);
  return rows;
}

function barePdf(rows: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica").fontSize(8);
    // Built-in Helvetica has no Vietnamese letters: the text is written as is and
    // pdfkit maps what it cannot encode; the cost is the same.
    let y = 40;
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % 60 === 0) {
        doc.addPage();
        y = 40;
      }
      doc.text(rows[i]!, 40, y, { lineBreak: false });
      y += 12;
    }
    doc.end();
  });
}

// -- measuring ------------------------------------------------------------------
// Every phase runs in a child process of its own (fresh heap, fresh JIT: the
// first packet a server process builds), after its data is generated, a full
// GC and a reset of the RSS high-water mark. It runs twice: the first (cold)
// run gives the peak memory and a time, the second a warm time.

function vmHwm(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
function resetHwm(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

type Kind = "pdf" | "xlsx" | "bare";

interface ChildResult {
  kind: Kind;
  ms: number;
  warmMs: number;
  baseline: number;
  sampled: number;
  hwm: number | null;
  peak: number;
  summaryMs?: number;
  warmSummaryMs?: number;
  bytes: number;
  pages?: number;
  progressCalls?: number;
  rows?: number;
  fingerprintMs?: number;
}

async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; baseline: number; sampled: number; hwm: number | null; peak: number; value: T }> {
  gc();
  gc();
  const baseline = process.memoryUsage().rss;
  const canReset = resetHwm();
  let sampled = baseline;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const hwm = canReset ? vmHwm() : null;
  return { ms, baseline, sampled, hwm, peak: Math.max(sampled, hwm ?? 0), value };
}

async function child(kind: Kind): Promise<ChildResult> {
  const round = roundInput(UNITS);
  const analysis = ANALYSIS ? analysisBasis(round) : null;
  preloadFonts(); // as a server process does before its first document
  if (kind === "bare") {
    const rows = tableRows(packetInput(summarizeRound(round)));
    const cold = await measure(() => barePdf(rows));
    const warm = await measure(() => barePdf(rows));
    return {
      kind,
      ms: cold.ms,
      warmMs: warm.ms,
      baseline: cold.baseline,
      sampled: cold.sampled,
      hwm: cold.hwm,
      peak: cold.peak,
      bytes: cold.value.length,
      rows: rows.length,
    };
  }
  if (kind === "pdf") {
    const once = async () => {
      const t0 = performance.now();
      const summary = summarizeRound(round);
      const summaryMs = performance.now() - t0;
      let last = { done: 0, total: 0, stage: "" };
      let calls = 0;
      const buffer = await renderPacketPdf(packetInput(summary, analysis), (done, total, stage) => {
        if (done < last.done) throw new Error(`progress went back: ${done} after ${last.done}`);
        last = { done, total, stage };
        calls++;
      });
      if (last.done !== last.total || last.stage !== "Hoàn tất")
        throw new Error(`progress ended at ${last.done}/${last.total} (${last.stage})`);
      if (buffer.subarray(0, 5).toString() !== "%PDF-") throw new Error("not a PDF");
      const pages = buffer.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
      return { buffer, summaryMs, pages, calls };
    };
    const cold = await measure(once);
    const warm = await measure(once);
    if (WRITE) fs.writeFileSync(path.join(WRITE, "packet.pdf"), cold.value.buffer);
    const v = cold.value;
    return {
      kind,
      ms: cold.ms,
      warmMs: warm.ms,
      baseline: cold.baseline,
      sampled: cold.sampled,
      hwm: cold.hwm,
      peak: cold.peak,
      summaryMs: v.summaryMs,
      warmSummaryMs: warm.value.summaryMs,
      bytes: v.buffer.length,
      pages: v.pages,
      progressCalls: v.calls,
    };
  }
  // xlsx: from a summary computed beforehand, as the route builds both from one.
  const summary = summarizeRound(round);
  const input = packetInput(summary, analysis);
  const cold = await measure(() => renderPacketXlsx(input));
  const warm = await measure(() => renderPacketXlsx(packetInput(summary, analysis)));
  if (WRITE) fs.writeFileSync(path.join(WRITE, "packet.xlsx"), cold.value);
  const t0 = performance.now();
  const fp = packetFingerprint(input);
  const fingerprintMs = performance.now() - t0;
  if (packetFingerprint(packetInput(summarizeRound(round), analysis)) !== fp)
    throw new Error("fingerprint differs for the same data");
  const rows = input.summary.ranking.reduce(
    (n, r) =>
      n +
      (input.summary.appendices.get(r.unitId)?.fullMarks.length ?? 0) +
      (input.summary.appendices.get(r.unitId)?.lostPoints.length ?? 0),
    0,
  );
  return {
    kind,
    ms: cold.ms,
    warmMs: warm.ms,
    baseline: cold.baseline,
    sampled: cold.sampled,
    hwm: cold.hwm,
    peak: cold.peak,
    bytes: cold.value.length,
    rows,
    fingerprintMs,
  };
}

function runChild(kind: Kind): ChildResult {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      ...process.execArgv,
      script,
      "--child",
      kind,
      "--units",
      String(UNITS),
      ...(WRITE ? ["--write", WRITE] : []),
      ...(BLOCKS ? ["--blocks"] : []),
      ...(ANALYSIS ? ["--analysis"] : []),
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    },
  );
  const line = out.trim().split("\n").pop()!;
  return JSON.parse(line) as ChildResult;
}

const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<number> {
  printEnvironment(`node --import tsx bench/packet.ts${args.length ? ` ${args.join(" ")}` : ""}`);
  const round = roundInput(UNITS);
  const leaves = round.compiled!.isLeaf.reduce((s, x) => s + x, 0);
  console.log(
    `data:     ${UNITS.toLocaleString("en")} units × ${leaves} sub-criteria, ${round.previous!.length.toLocaleString("en")} previous-year results, ${round.sipas!.length.toLocaleString("en")} SIPAS rows${BLOCKS ? ", 3 blocks" : ""}` +
      (ANALYSIS
        ? `; criterion analysis against ${UNITS.toLocaleString("en")} previous-year detailed units, ${analysisBasis(round).remediation!.actions.length.toLocaleString("en")} remediation actions`
        : ""),
  );
  console.log(
    `method:   each phase in a fresh child process, run cold then warm; peak RSS of the cold run (max of 20 ms samples and VmHWM)`,
  );
  if (WRITE) fs.mkdirSync(WRITE, { recursive: true });
  console.log();

  const runs: Array<Record<Kind, ChildResult>> = [];
  for (let run = 1; run <= RUNS; run++) {
    // Alternating, so app and reference see the same machine state.
    const bare = runChild("bare");
    const pdf = runChild("pdf");
    const xlsx = runChild("xlsx");
    runs.push({ bare, pdf, xlsx });
    console.log(
      `run ${run}: PDF ${fmtMs(pdf.ms)} cold / ${fmtMs(pdf.warmMs)} warm (summarizeRound ${fmtMs(pdf.summaryMs!)} / ${fmtMs(pdf.warmSummaryMs!)}), ` +
        `peak ${MB(pdf.peak)} (before ${MB(pdf.baseline)}; sampled ${MB(pdf.sampled)}, VmHWM ${pdf.hwm ? MB(pdf.hwm) : "n/a"}), ${pdf.pages} pages, ${(pdf.bytes / 1e6).toFixed(2)} MB, ${pdf.progressCalls} progress calls`,
    );
    console.log(
      `       xlsx ${fmtMs(xlsx.ms)} cold / ${fmtMs(xlsx.warmMs)} warm, peak ${MB(xlsx.peak)} (before ${MB(xlsx.baseline)}), ${(xlsx.bytes / 1e6).toFixed(2)} MB, ${xlsx.rows!.toLocaleString("en")} appendix rows`,
    );
    console.log(
      `       bare ${fmtMs(bare.ms)} cold / ${fmtMs(bare.warmMs)} warm, peak ${MB(bare.peak)} (before ${MB(bare.baseline)}), ${bare.rows!.toLocaleString("en")} rows`,
    );
  }
  if (WRITE) console.log(`written:  ${path.join(WRITE, "packet.pdf")}, ${path.join(WRITE, "packet.xlsx")}`);

  const pdfCold = runs.map((r) => r.pdf.ms);
  const pdfWarm = runs.map((r) => r.pdf.warmMs);
  const render = runs.map((r) => r.pdf.ms - r.pdf.summaryMs!);
  const bareCold = runs.map((r) => r.bare.ms);
  const pdfPeak = Math.max(...runs.map((r) => r.pdf.peak));
  const worst = Math.max(...pdfCold, ...pdfWarm);
  const timeOk = worst <= TARGET_MS;
  const memOk = pdfPeak <= TARGET_BYTES;
  console.log();
  console.log(`PDF packet (summarizeRound + renderPacketPdf), ${RUNS} runs`);
  console.log(
    `  app        median ${fmtMs(median(pdfCold))} cold, ${fmtMs(median(pdfWarm))} warm; worst ${fmtMs(worst)}`,
  );
  console.log(`             of which renderPacketPdf: median ${fmtMs(median(render))} cold`);
  console.log(
    `  bare       median ${fmtMs(median(bareCold))} cold, ${fmtMs(median(runs.map((r) => r.bare.warmMs)))} warm`,
  );
  console.log(
    `  app/bare   ${(median(pdfCold) / median(bareCold)).toFixed(2)} (renderPacketPdf alone: ${(median(render) / median(bareCold)).toFixed(2)})`,
  );
  console.log(
    `  peak RSS   ${MB(pdfPeak)} (worst run; process RSS before the phase ${MB(Math.min(...runs.map((r) => r.pdf.baseline)))}–${MB(Math.max(...runs.map((r) => r.pdf.baseline)))})`,
  );
  console.log(
    `  target     ≤ ${TARGET_MS.toLocaleString("en")} ms every run: ${timeOk ? "PASS" : "FAIL"}; ≤ ${MB(TARGET_BYTES)} peak: ${memOk ? "PASS" : "FAIL"}`,
  );
  console.log(`xlsx (renderPacketXlsx from the same summary; no target)`);
  console.log(
    `  app        median ${fmtMs(median(runs.map((r) => r.xlsx.ms)))} cold, ${fmtMs(median(runs.map((r) => r.xlsx.warmMs)))} warm; peak RSS ${MB(Math.max(...runs.map((r) => r.xlsx.peak)))}`,
  );
  console.log(
    `fingerprint (packetFingerprint, ${UNITS.toLocaleString("en")} units): ${fmtMs(median(runs.map((r) => r.xlsx.fingerprintMs!)))}`,
  );
  return timeOk && memOk ? 0 : 1;
}

const childKind = arg("child", "") as Kind | "";
if (childKind) {
  const result = await child(childKind);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  process.exitCode = await main();
}
