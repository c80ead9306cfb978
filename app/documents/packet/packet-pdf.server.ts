// The presentation packet as one PDF (issue 5, §5): cover with contents;
// programme; ranking table; charts; analysis by area; appendix highlights; SIPAS;
// award list; order of speeches. A4 portrait in the Decree 30 margins, the
// shipped Liberation Serif only, page numbers from page 2 (OfficialPdf).
//
// Charts are vector graphics. The index-by-unit chart shows every unit up to
// FULL_CHART_UNITS units; above that (a national round has 3,300) it shows the
// first and last CHART_ENDS units, says so, and a histogram of the index shows
// the whole distribution; the full list is the ranking table.
//
// Rendering yields to the event loop every few hundred rows and reports
// progress, so a route can run it in the background and show how far it is.
import { SIPAS_COMPONENTS, SIPAS_LABEL, type SipasRow } from "#app/scoring/sipas.ts";
import { classFor } from "#app/scoring/compute.ts";
import type { UnitResult } from "#app/scoring/types.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import type { FontStyle } from "#app/documents/fonts.server.ts";
import { OfficialPdf } from "#app/documents/pdf.server.ts";
import { Canvas } from "#app/documents/packet/canvas.server.ts";
import { drawColumns, drawHBars, drawLegend, ticksUpTo, type HBar } from "#app/documents/packet/charts.server.ts";
import {
  appendixUnits,
  areaFullCounts,
  areaUnitCounts,
  CHART_ENDS,
  CLASS_CHANGE_LABEL,
  classColorMap,
  criterionTallies,
  DOWN_COLOR,
  FULL_CHART_UNITS,
  LOST_PER_UNIT,
  mostLost,
  movers,
  UP_COLOR,
  type CriterionTally,
} from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtRankChange, fmtSignedPct } from "#app/documents/packet/format.ts";
import type { PacketInput, PacketProgress } from "#app/documents/packet/types.ts";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
const HEADER_FILL = "#e3e8ee";
const ZEBRA = "#f3f5f8";
const RULE = "#c5ccd4";
const BORDER = "#7d8793";
const MUTED = "#666666";
/** Rows drawn between two yields to the event loop. */
const YIELD_EVERY = 400;

type Align = "left" | "right" | "center";

interface Column<R> {
  title: string;
  /** Points; 0 = share the width left over. */
  width: number;
  align?: Align;
  /** Wrap the text over several lines (otherwise one line, shrunk or cut to fit). */
  wrap?: boolean;
  style?: FontStyle;
  text: (row: R, index: number) => string;
  color?: (row: R) => string | undefined;
  /** A small coloured square before the text (class colour). */
  swatch?: (row: R) => string | undefined;
}

interface TableOptions {
  size?: number;
  /** Fixed row height for one-line tables. */
  rowHeight?: number;
  /** Keep the header and this many rows together when the table starts. */
  keepWithHeader?: number;
  /** Count each row as a step of progress (default true). */
  tick?: boolean;
}

interface Section {
  title: string;
  page: number;
}

class PacketPdf {
  readonly pdf: OfficialPdf;
  readonly c: Canvas;
  y: number;
  private done = 0;
  private reported = -1;
  private stage = "";
  private sinceYield = 0;
  readonly sections: Section[] = [];
  private sectionNo = 0;

  constructor(
    readonly input: PacketInput,
    readonly total: number,
    private readonly onProgress?: PacketProgress,
  ) {
    const { conference, round } = input;
    this.pdf = new OfficialPdf({
      title: `Tài liệu hội nghị: ${conference.title}`,
      author: conference.organizerName || conference.issuingBody,
      subject: round.title,
      keywords: `Chỉ số CCHC, ${round.year}`,
    });
    this.c = new Canvas(this.pdf);
    this.y = this.pdf.top;
  }

  get left(): number {
    return this.pdf.left;
  }
  get width(): number {
    return this.pdf.width;
  }
  get bottom(): number {
    return this.pdf.bottom;
  }

  // -- progress --------------------------------------------------------------

  setStage(stage: string): void {
    this.stage = stage;
    this.report(true);
  }

  private report(force = false): void {
    if (!this.onProgress) return;
    const step = Math.max(1, Math.floor(this.total / 100));
    if (force || this.done - this.reported >= step) {
      this.reported = this.done;
      this.onProgress(Math.min(this.done, this.total), this.total, this.stage);
    }
  }

  async tick(n = 1): Promise<void> {
    this.done += n;
    this.report();
    this.sinceYield += n;
    if (this.sinceYield >= YIELD_EVERY) {
      this.sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  finish(): void {
    this.done = this.total;
    this.stage = "Hoàn tất";
    this.report(true);
  }

  // -- pages and text ---------------------------------------------------------

  newPage(): void {
    this.c.flush();
    this.pdf.doc.addPage();
    this.y = this.pdf.top;
  }

  /** A new page unless `h` pt still fit; true when a page was added. */
  ensure(h: number): boolean {
    if (this.y + h <= this.bottom || this.y <= this.pdf.top + 0.5) return false;
    this.newPage();
    return true;
  }

  get pageIndex(): number {
    const r = this.pdf.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  /** "II. KẾT QUẢ XẾP HẠNG": on a new page, numbered, listed in the contents. */
  section(title: string): void {
    this.newPage();
    const numbered = `${ROMAN[this.sectionNo++] ?? this.sectionNo}. ${title.toLocaleUpperCase("vi")}`;
    this.sections.push({ title: numbered, page: this.pageIndex + 1 });
    this.y =
      this.c.paragraph(numbered, this.left, this.y, this.width, { style: "bold", size: 13, align: "center" }) + 6;
  }

  subheading(text: string, keepWith = 60): void {
    this.ensure(16 + keepWith);
    this.y = this.c.paragraph(text, this.left, this.y, this.width, { style: "bold", size: 10.5 }) + 4;
  }

  note(text: string, opts: { style?: FontStyle; size?: number; color?: string } = {}): void {
    const size = opts.size ?? 9;
    const style = opts.style ?? "italic";
    const lines = this.c.wrap(text, style, size, this.width);
    const lh = this.c.lineHeight(style, size);
    this.ensure(lines.length * lh);
    for (const line of lines) {
      this.c.text(line, this.left, this.y, { style, size, color: opts.color ?? MUTED, width: this.width, fit: false });
      this.y += lh;
    }
    this.y += 4;
  }

  // -- tables -------------------------------------------------------------------

  async table<R>(rows: R[], columns: Column<R>[], opts: TableOptions = {}): Promise<void> {
    const c = this.c;
    const size = opts.size ?? 8.5;
    const pad = 3;
    const fixed = columns.reduce((s, col) => s + col.width, 0);
    const flex = columns.filter((col) => col.width === 0).length;
    const widths = columns.map((col) => (col.width === 0 ? (this.width - fixed) / Math.max(1, flex) : col.width));
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), this.left);
    const right = this.left + widths.reduce((s, w) => s + w, 0);
    const lh = c.lineHeight("regular", size);
    const wraps = columns.some((col) => col.wrap);
    const oneLine = opts.rowHeight ?? lh + 3.5;

    // Header cells wrapped to their column, centred.
    const headSize = size - 0.5;
    const headLh = c.lineHeight("bold", headSize);
    const headLines = columns.map((col, i) => c.wrap(col.title, "bold", headSize, widths[i]! - 2 * pad + 0.5));
    const headH = Math.max(...headLines.map((l) => l.length)) * headLh + 6;

    let segTop = this.y;
    const drawHeader = () => {
      segTop = this.y;
      c.rect(this.left, this.y, right - this.left, headH, HEADER_FILL);
      headLines.forEach((lines, i) => {
        const top = this.y + (headH - lines.length * headLh) / 2;
        lines.forEach((line, k) =>
          c.text(line, xs[i]! + pad, top + k * headLh, {
            style: "bold",
            size: headSize,
            width: widths[i]! - 2 * pad,
            align: "center",
          }),
        );
      });
      this.y += headH;
      c.line(this.left, this.y, right, this.y, BORDER, 0.6);
    };
    const closeSegment = () => {
      for (let i = 1; i < xs.length; i++) c.line(xs[i]!, segTop, xs[i]!, this.y, RULE, 0.4);
      c.strokeRect(this.left, segTop, right - this.left, this.y - segTop, BORDER, 0.6);
    };

    const cellLines = (row: R, index: number): { lines: string[][]; h: number } | null => {
      if (!wraps) return null;
      const lines = columns.map((col, i) =>
        col.wrap
          ? c.wrap(col.text(row, index), col.style ?? "regular", size, widths[i]! - 2 * pad)
          : [col.text(row, index)],
      );
      return { lines, h: Math.max(...lines.map((l) => l.length)) * lh + 4 };
    };

    const first = rows[0];
    const firstH =
      first === undefined ? 0 : (cellLines(first, 0)?.h ?? oneLine) * Math.min(rows.length, opts.keepWithHeader ?? 1);
    this.ensure(headH + firstH);
    drawHeader();
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      const wrapped = cellLines(row, index);
      const h = wrapped?.h ?? oneLine;
      if (this.y + h > this.bottom) {
        closeSegment();
        this.newPage();
        drawHeader();
      }
      // Inset, so the stripe does not cover the rules above and below it.
      if (index % 2 === 1) c.rect(this.left, this.y + 0.3, right - this.left, h - 0.6, ZEBRA);
      columns.forEach((col, i) => {
        const x = xs[i]! + pad;
        const w = widths[i]! - 2 * pad;
        const style = col.style ?? "regular";
        const color = col.color?.(row);
        if (wrapped) {
          const lines = wrapped.lines[i]!;
          lines.forEach((line, k) =>
            c.text(line, x, this.y + 2 + k * lh, {
              style,
              size,
              width: w,
              align: col.align ?? "left",
              color,
              fit: !col.wrap,
            }),
          );
          return;
        }
        const ty = this.y + (h - lh) / 2 + 0.3;
        const swatch = col.swatch?.(row);
        if (swatch) {
          c.rect(x, this.y + (h - 6.5) / 2, 6.5, 6.5, swatch);
          c.text(col.text(row, index), x + 9, ty, { style, size, width: w - 9, align: col.align ?? "left", color });
        } else {
          c.text(col.text(row, index), x, ty, { style, size, width: w, align: col.align ?? "left", color });
        }
      });
      this.y += h;
      c.line(this.left, this.y, right, this.y, RULE, 0.3);
      if (opts.tick !== false) await this.tick();
    }
    closeSegment();
    this.y += 8;
  }
}

// -- the sections -------------------------------------------------------------

function progressTotal(input: PacketInput, appendixCount: number): number {
  const s = input.summary;
  const n = s.ranking.length;
  const chartBars = n <= FULL_CHART_UNITS ? n : 2 * CHART_ENDS;
  return (
    1 + // cover
    input.programme.length +
    n + // ranking table
    chartBars +
    40 + // histogram, classes, gainers and losers
    s.areaAverages.length +
    5 +
    appendixCount * (LOST_PER_UNIT + 1) +
    20 +
    s.sipas.length +
    input.awards.length +
    input.speeches.length +
    Math.max(10, Math.ceil(n / 10)) // writing the file
  );
}

function cover(p: PacketPdf): { contentsTop: number } {
  const { c, input } = p;
  const { conference, round, summary } = input;
  const x = p.left;
  const w = p.width;
  let y = p.y;
  // Issuing body, centred, with a short rule.
  y = c.paragraph(conference.issuingBody.toLocaleUpperCase("vi"), x, y, w, {
    style: "bold",
    size: 13,
    align: "center",
  });
  c.line(x + w / 2 - 40, y + 3, x + w / 2 + 40, y + 3, "#000000", 0.6);
  y += 70;
  y = c.paragraph("TÀI LIỆU HỘI NGHỊ", x, y, w, { style: "bold", size: 20, align: "center" }) + 10;
  y = c.paragraph(conference.title, x + 20, y, w - 40, { style: "bold", size: 15, align: "center", leading: 19 }) + 10;
  y = c.paragraph(round.title, x + 20, y, w - 40, { style: "italic", size: 13, align: "center", leading: 16 }) + 18;

  const lines: Array<[string, string]> = [
    ["Đơn vị tổ chức", conference.organizerName],
    ["Thời gian", conference.startsAt ? formatDateTime(conference.startsAt) : "sẽ có thông báo sau"],
  ];
  if (round.frameworkName) lines.push(["Bộ chỉ số", round.frameworkName]);
  lines.push([
    "Số đơn vị được đánh giá",
    `${fmtInt(summary.statistics.units)}; chỉ số bình quân ${fmtPct(summary.statistics.averageIndexPct)} %`,
  ]);
  if (round.previousTitle) lines.push(["So sánh với", round.previousTitle]);
  const labelW = 130;
  for (const [label, value] of lines) {
    c.text(`${label}:`, x + 20, y, { style: "bold", size: 11 });
    y = c.paragraph(value, x + 20 + labelW, y, w - 40 - labelW, { size: 11 }) + 2;
  }
  y += 20;
  // The contents are written at the end, when the pages are known.
  const contentsTop = y;
  c.text(conference.placeAndDate, x, p.bottom - 16, {
    style: "italic",
    size: 12,
    width: w,
    align: "center",
    fit: true,
  });
  return { contentsTop };
}

function writeContents(p: PacketPdf, top: number): void {
  const { c } = p;
  const x = p.left + 20;
  const w = p.width - 40;
  let y = top;
  c.text("NỘI DUNG", x, y, { style: "bold", size: 11 });
  y += 16;
  const size = 10.5;
  const lh = c.lineHeight("regular", size) + 2;
  for (const s of p.sections) {
    if (y + lh > p.bottom - 30) break;
    const page = `Trang ${s.page}`;
    const pw = c.widthOf(page, "regular", size);
    const tw = c.text(s.title, x, y, { size, width: w - pw - 30 });
    // Dotted leader between the title and the page number.
    c.line(x + tw + 4, y + lh - 5, x + w - pw - 4, y + lh - 5, "#999999", 0.6, [1, 2]);
    c.text(page, x + w - pw, y, { size });
    y += lh;
  }
}

async function programme(p: PacketPdf): Promise<void> {
  const items = p.input.programme;
  if (!items.length) return;
  p.setStage("Chương trình hội nghị");
  p.section("Chương trình hội nghị");
  p.note(p.input.conference.title, { style: "italic", size: 10 });
  await p.table(
    items,
    [
      { title: "Thời gian", width: 95, wrap: true, text: (r) => r.time },
      { title: "Nội dung", width: 0, wrap: true, text: (r) => r.title },
      { title: "Thực hiện", width: 140, wrap: true, text: (r) => r.presenter },
    ],
    { size: 10 },
  );
}

function classLegend(p: PacketPdf, colors: Map<string, string>): void {
  const bands = p.input.summary.bands;
  const items = bands.map((b, i) => ({
    label:
      i === bands.length - 1 && b.minPct <= 0
        ? `${b.name} (dưới ${fmtInt(bands[i - 1]?.minPct ?? 0)} %)`
        : `${b.name} (từ ${fmtInt(b.minPct)} %)`,
    color: colors.get(b.name)!,
  }));
  p.y = drawLegend(p.c, p.left, p.y, p.width, items, 8.5);
}

async function ranking(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary, round } = p.input;
  p.setStage("Bảng xếp hạng");
  p.section("Kết quả xếp hạng Chỉ số CCHC");
  const st = summary.statistics;
  p.note(round.title, { style: "italic", size: 10.5, color: "#000000" });
  p.note(
    `Số đơn vị: ${fmtInt(st.units)}. Điểm bình quân: ${fmtPoints(st.averagePoints)}; chỉ số bình quân: ${fmtPct(st.averageIndexPct)} %. ` +
      `Xếp loại: ${st.classCounts.map((k) => `${k.className}\u00a0${fmtInt(k.count)}`).join(", ")}.` +
      (round.previousTitle ? ` Thay đổi so với ${round.previousTitle} (▲ tăng hạng, ▼ giảm hạng).` : ""),
    { style: "regular", size: 9.5, color: "#000000" },
  );
  classLegend(p, colors);
  const rankColor = (r: UnitResult) =>
    r.rankChange === null || r.rankChange === 0 ? MUTED : r.rankChange > 0 ? UP_COLOR : DOWN_COLOR;
  const classChangeColor = (r: UnitResult) =>
    r.classChange === "up" ? UP_COLOR : r.classChange === "down" ? DOWN_COLOR : MUTED;
  await p.table(
    summary.ranking,
    [
      { title: "Hạng", width: 30, align: "center", text: (r) => String(r.rank) },
      { title: "Đơn vị", width: 0, text: (r) => r.unitName },
      { title: "Điểm", width: 42, align: "right", text: (r) => fmtPoints(r.points) },
      { title: "Tối đa", width: 38, align: "right", text: (r) => fmtPoints(r.maxPoints) },
      { title: "Chỉ số (%)", width: 44, align: "right", style: "bold", text: (r) => fmtPct(r.indexPct) },
      { title: "Xếp loại", width: 66, text: (r) => r.className, swatch: (r) => colors.get(r.className) },
      {
        title: "Thay đổi hạng",
        width: 44,
        align: "center",
        text: (r) => fmtRankChange(r.rankChange),
        color: rankColor,
      },
      {
        title: "Thay đổi xếp loại",
        width: 56,
        align: "center",
        text: (r) => (r.classChange ? CLASS_CHANGE_LABEL[r.classChange] : ""),
        color: classChangeColor,
      },
    ],
    { keepWithHeader: 5 },
  );
}

async function charts(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  const units = summary.ranking;
  const bands = summary.bands;
  p.setStage("Biểu đồ");
  p.section("Biểu đồ");
  if (!units.length) {
    p.note("Vòng đánh giá chưa có kết quả.");
    return;
  }
  const thresholds = bands
    .filter((b) => b.minPct > 0 && b.minPct < 100)
    .map((b) => ({ value: b.minPct, label: `${b.name} ${fmtInt(b.minPct)}`, color: colors.get(b.name)! }));
  const pctTicks = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const bar = (r: UnitResult): HBar => ({
    label: `${r.rank}. ${r.unitName}`,
    value: r.indexPct,
    color: colors.get(r.className) ?? "#888888",
    valueLabel: fmtPct(r.indexPct),
  });
  const hbarOptions = (pitch: number) => ({
    labelWidth: 165,
    pitch,
    max: 100,
    ticks: pctTicks,
    tickLabel: (v: number) => `${v}`,
    thresholds,
    size: Math.min(7.5, pitch * 0.82),
  });

  // 1. Index by unit.
  if (units.length <= FULL_CHART_UNITS) {
    p.subheading("1. Chỉ số CCHC theo đơn vị (%)");
    const pitch = Math.min(16, Math.max(10, (p.bottom - p.y - 40) / units.length));
    p.ensure(units.length * pitch + 30);
    p.y = drawHBars(c, p.left, p.y, p.width, units.map(bar), hbarOptions(pitch));
    await p.tick(units.length);
  } else {
    p.subheading(`1. Chỉ số CCHC theo đơn vị (%): ${CHART_ENDS} đơn vị dẫn đầu và ${CHART_ENDS} đơn vị cuối bảng`);
    p.note(
      `Vòng đánh giá có ${fmtInt(units.length)} đơn vị: biểu đồ chỉ nêu ${CHART_ENDS} đơn vị có chỉ số cao nhất và ${CHART_ENDS} đơn vị có chỉ số thấp nhất; ` +
        `kết quả của mọi đơn vị có trong bảng xếp hạng, phân bố chỉ số của toàn bộ đơn vị ở biểu đồ 2.`,
    );
    // Both charts on one page when they fit at 8 pt or more a bar.
    const overhead = 56; // title, threshold labels, axis and gap of one chart
    const pitch = Math.min(11, Math.max(8, (p.bottom - p.y - 2 * overhead) / (2 * CHART_ENDS)));
    p.ensure(CHART_ENDS * pitch + overhead);
    p.y = c.paragraph(`${CHART_ENDS} đơn vị dẫn đầu`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
    p.y = drawHBars(c, p.left, p.y, p.width, units.slice(0, CHART_ENDS).map(bar), hbarOptions(pitch));
    await p.tick(CHART_ENDS);
    p.ensure(CHART_ENDS * pitch + overhead);
    p.y = c.paragraph(`${CHART_ENDS} đơn vị cuối bảng`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
    p.y = drawHBars(c, p.left, p.y, p.width, units.slice(-CHART_ENDS).map(bar), hbarOptions(pitch));
    await p.tick(CHART_ENDS);
  }

  // 2. Distribution of the index (histogram), coloured by class.
  p.newPage();
  p.subheading("2. Phân bố chỉ số CCHC của các đơn vị", 200);
  const min = Math.min(...units.map((u) => u.indexPct));
  const widthOptions = [1, 2, 2.5, 5, 10];
  let binW = 10;
  for (const wOpt of widthOptions) {
    const lo = Math.floor(min / wOpt) * wOpt;
    if ((100 - lo) / wOpt <= 20) {
      binW = wOpt;
      break;
    }
  }
  const lo = Math.max(0, Math.min(Math.floor(min / binW) * binW, 100 - binW));
  const binCount = Math.max(1, Math.round((100 - lo) / binW));
  const counts = new Array<number>(binCount).fill(0);
  for (const u of units) {
    const k = Math.min(binCount - 1, Math.max(0, Math.floor((u.indexPct - lo) / binW + 1e-9)));
    counts[k]!++;
  }
  const countTicks = ticksUpTo(Math.max(...counts));
  const edgeLabel = (v: number) => fmtPoints(v);
  p.y = drawColumns(
    c,
    p.left,
    p.y,
    p.width,
    counts.map((count, k) => {
      const from = lo + k * binW;
      return {
        label: "",
        value: count,
        color: colors.get(classFor(from, bands)) ?? "#888888",
        topLabel: count ? fmtInt(count) : "",
      };
    }),
    {
      height: 170,
      max: countTicks.top,
      ticks: countTicks.ticks,
      tickLabel: fmtInt,
      edges: Array.from({ length: binCount + 1 }, (_, k) => edgeLabel(lo + k * binW)),
      axisTitle: "Số đơn vị",
    },
  );
  p.note(`Chỉ số CCHC (%), mỗi cột ${fmtPoints(binW)} điểm phần trăm; màu theo xếp loại.`, { size: 8.5 });
  await p.tick(10);

  // 3. Class distribution.
  p.y += 10;
  p.subheading("3. Số đơn vị theo xếp loại", 200);
  const classCounts = summary.statistics.classCounts;
  const classTicks = ticksUpTo(Math.max(1, ...classCounts.map((k) => k.count)));
  p.y = drawColumns(
    c,
    p.left,
    p.y,
    p.width,
    classCounts.map((k) => ({
      label: k.className,
      value: k.count,
      color: colors.get(k.className) ?? "#888888",
      topLabel: `${fmtInt(k.count)} (${fmtPct(units.length ? (k.count / units.length) * 100 : 0)} %)`,
    })),
    { height: 150, max: classTicks.top, ticks: classTicks.ticks, tickLabel: fmtInt, axisTitle: "Số đơn vị", size: 9 },
  );
  await p.tick(10);

  // 4. Biggest gainers and losers.
  p.newPage();
  p.subheading("4. Đơn vị tăng, giảm chỉ số nhiều nhất so với năm trước", 200);
  const { gainers, losers } = movers(summary);
  if (!gainers.length && !losers.length) {
    p.note(
      p.input.round.previousTitle
        ? "Không có đơn vị nào thay đổi chỉ số so với năm trước."
        : "Không có kết quả năm trước để so sánh.",
    );
    await p.tick(20);
    return;
  }
  const maxAbs = Math.max(...gainers.map((g) => g.indexChange!), ...losers.map((l) => -l.indexChange!));
  const changeTicks = ticksUpTo(maxAbs);
  const moverBar = (r: UnitResult, color: string): HBar => ({
    label: `${r.unitName} (hạng ${r.rank}${r.rankChange ? `, ${fmtRankChange(r.rankChange)}` : ""})`,
    value: Math.abs(r.indexChange!),
    color,
    valueLabel: fmtSignedPct(r.indexChange),
  });
  const moverOptions = {
    labelWidth: 200,
    pitch: 15,
    max: changeTicks.top,
    ticks: changeTicks.ticks,
    tickLabel: (v: number) => fmtPoints(v),
    size: 8,
  };
  const moverChart = async (title: string, list: UnitResult[], color: string) => {
    p.ensure(list.length * 15 + 40);
    p.y = c.paragraph(title, p.left, p.y, p.width, { style: "bold", size: 9.5 }) + 3;
    if (!list.length) p.note("Không có đơn vị nào.");
    else
      p.y = drawHBars(
        c,
        p.left,
        p.y,
        p.width,
        list.map((r) => moverBar(r, color)),
        moverOptions,
      );
    p.y += 8;
    await p.tick(10);
  };
  await moverChart(`Tăng nhiều nhất (điểm phần trăm của chỉ số)`, gainers, UP_COLOR);
  await moverChart(`Giảm nhiều nhất (điểm phần trăm của chỉ số)`, losers, DOWN_COLOR);
  p.note(
    "Độ dài cột: mức thay đổi chỉ số so với năm trước, tính bằng điểm phần trăm; trong ngoặc: hạng năm nay và thay đổi hạng.",
    { size: 8.5 },
  );
}

async function areas(p: PacketPdf): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  p.setStage("Phân tích theo lĩnh vực");
  p.section("Phân tích theo lĩnh vực");
  const avg = summary.areaAverages;
  if (!avg.length) {
    p.note("Vòng đánh giá chỉ có điểm tổng của từng đơn vị, không có số liệu theo lĩnh vực.");
    await p.tick(5);
    return;
  }
  const worst = [...avg].filter((a) => a.averagePct !== null).sort((a, b) => a.averagePct! - b.averagePct!)[0];
  const best = [...avg].filter((a) => a.averagePct !== null).sort((a, b) => b.averagePct! - a.averagePct!)[0];
  if (best && worst) {
    p.note(
      `Tỷ lệ điểm bình quân của ${fmtInt(summary.areas.size)} đơn vị theo từng lĩnh vực. Cao nhất: ${best.code}. ${best.title} (${fmtPct(best.averagePct)} %); ` +
        `thấp nhất: ${worst.code}. ${worst.title} (${fmtPct(worst.averagePct)} %).`,
      { style: "regular", size: 9.5, color: "#000000" },
    );
  }
  p.y += 2;
  const pitch = Math.min(22, Math.max(12, 300 / avg.length));
  p.ensure(avg.length * pitch + 30);
  const areaColor = (pct: number | null) =>
    pct === null
      ? "#888888"
      : pct >= 90
        ? "#1b7f3b"
        : pct >= 80
          ? "#6aa84f"
          : pct >= 70
            ? "#3d85c6"
            : pct >= 50
              ? "#e69138"
              : "#cc0000";
  p.y = drawHBars(
    c,
    p.left,
    p.y,
    p.width,
    avg.map((a) => ({
      label: `${a.code}. ${a.title}`,
      value: a.averagePct ?? 0,
      color: areaColor(a.averagePct),
      valueLabel: `${fmtPct(a.averagePct)} %`,
    })),
    {
      labelWidth: 190,
      pitch,
      max: 100,
      ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      tickLabel: (v) => `${v}`,
      size: 8,
      labelLines: pitch >= 20 ? 2 : 1,
    },
  );
  p.y += 8;
  const full = areaFullCounts(summary);
  const scored = areaUnitCounts(summary);
  await p.table(
    avg,
    [
      { title: "Mã", width: 28, align: "center", text: (a) => a.code },
      { title: "Lĩnh vực", width: 0, wrap: true, text: (a) => a.title },
      { title: "Điểm tối đa", width: 44, align: "right", text: (a) => fmtPoints(a.maxPoints) },
      { title: "Điểm bình quân", width: 52, align: "right", text: (a) => fmtPoints(a.averagePoints) },
      { title: "Tỷ lệ bình quân (%)", width: 56, align: "right", style: "bold", text: (a) => fmtPct(a.averagePct) },
      {
        title: "Số đơn vị đạt điểm tối đa",
        width: 70,
        align: "right",
        text: (a) => `${fmtInt(full.get(a.code) ?? 0)}/${fmtInt(scored.get(a.code) ?? 0)}`,
      },
    ],
    { size: 9 },
  );
}

async function appendices(p: PacketPdf): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  p.setStage("Phụ lục");
  p.section("Điểm nổi bật của các phụ lục");
  if (!summary.appendices.size) {
    p.note("Vòng đánh giá chỉ có điểm tổng của từng đơn vị: không có phụ lục theo tiêu chí.");
    await p.tick(20);
    return;
  }
  const tallies = criterionTallies(summary);
  const lost = mostLost(tallies);
  const units = summary.appendices.size;
  p.subheading(`1. Tiêu chí thành phần bị trừ điểm ở nhiều đơn vị nhất (trên ${fmtInt(units)} đơn vị)`);
  if (!lost.length) p.note("Không có tiêu chí nào bị trừ điểm.");
  else
    await p.table(
      lost,
      [
        { title: "Mã", width: 34, align: "center", text: (t: CriterionTally) => t.code },
        { title: "Tiêu chí thành phần", width: 0, wrap: true, text: (t) => t.title },
        { title: "Điểm tối đa", width: 42, align: "right", text: (t) => fmtPoints(t.maxPoints) },
        { title: "Số đơn vị bị trừ điểm", width: 58, align: "right", text: (t) => fmtInt(t.unitsLost) },
        {
          title: "Tỷ lệ đơn vị (%)",
          width: 48,
          align: "right",
          text: (t) => fmtPct((t.unitsLost / Math.max(1, t.unitsLost + t.unitsFull)) * 100),
        },
        {
          title: "Điểm bị trừ bình quân",
          width: 56,
          align: "right",
          text: (t) => fmtPct(t.totalLost / Math.max(1, t.unitsLost)),
        },
      ],
      { size: 8.5, tick: false },
    );
  await p.tick(20);

  const list = appendixUnits(p.input);
  if (!list.length) return;
  const all = summary.ranking.filter((r) => summary.appendices.has(r.unitId)).length;
  p.subheading(
    list.length < all
      ? `2. Từng đơn vị: ${fmtInt(list.length)} đơn vị đầu bảng xếp hạng (trong ${fmtInt(all)} đơn vị; phụ lục đầy đủ trong tệp Excel)`
      : `2. Từng đơn vị`,
  );
  p.note(
    `Phụ lục 1: các tiêu chí thành phần đạt điểm tối đa, cần duy trì. Phụ lục 2: các tiêu chí bị trừ điểm, cần khắc phục; dưới đây là ${LOST_PER_UNIT} tiêu chí bị trừ nhiều điểm nhất của mỗi đơn vị.`,
    { size: 8.5 },
  );
  for (const r of list) {
    const a = summary.appendices.get(r.unitId)!;
    const totalLost = a.lostPoints.reduce((s, i) => s + i.pointsLost, 0);
    const top = a.lostPoints.slice(0, LOST_PER_UNIT);
    // Keep the unit's title, its counts and its first rows together.
    p.ensure(46 + Math.min(3, top.length) * 14);
    p.y = c.paragraph(
      `Hạng ${r.rank}. ${r.unitName}: ${fmtPoints(r.points)}/${fmtPoints(r.maxPoints)} điểm (${fmtPct(r.indexPct)} %), ${r.className}`,
      p.left,
      p.y,
      p.width,
      {
        style: "bold",
        size: 9.5,
      },
    );
    p.y =
      c.paragraph(
        `Phụ lục 1: ${fmtInt(a.fullMarks.length)} tiêu chí thành phần đạt điểm tối đa. Phụ lục 2: ${fmtInt(a.lostPoints.length)} tiêu chí bị trừ điểm, tổng ${fmtPoints(totalLost)} điểm.`,
        p.left,
        p.y,
        p.width,
        { size: 9 },
      ) + 2;
    if (top.length) {
      await p.table(
        top,
        [
          { title: "Mã", width: 34, align: "center", text: (i) => i.code },
          { title: "Tiêu chí bị trừ điểm", width: 0, wrap: true, text: (i) => i.title },
          { title: "Tối đa", width: 40, align: "right", text: (i) => fmtPoints(i.maxPoints) },
          { title: "Đạt", width: 40, align: "right", text: (i) => fmtPoints(i.points) },
          {
            title: "Bị trừ",
            width: 40,
            align: "right",
            style: "bold",
            text: (i) => fmtPoints(i.pointsLost),
            color: () => DOWN_COLOR,
          },
        ],
        { size: 8.5, keepWithHeader: Math.min(3, top.length), tick: false },
      );
    } else {
      p.y += 4;
    }
    await p.tick(1 + LOST_PER_UNIT);
  }
}

async function sipas(p: PacketPdf): Promise<void> {
  const rows = p.input.summary.sipas;
  if (!rows.length) return;
  p.setStage("Chỉ số SIPAS");
  p.section("Chỉ số hài lòng SIPAS");
  const avg = rows.reduce((s, r) => s + r.index, 0) / rows.length;
  p.note(
    `Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của ${fmtInt(rows.length)} đơn vị, theo 5 yếu tố (%); bình quân ${fmtPct(avg)} %.`,
    {
      style: "regular",
      size: 9.5,
      color: "#000000",
    },
  );
  await p.table<SipasRow>(
    rows,
    [
      { title: "Hạng", width: 30, align: "center", text: (r) => String(r.rank) },
      { title: "Đơn vị", width: 0, text: (r) => r.unitName },
      ...SIPAS_COMPONENTS.map((k) => ({
        title: SIPAS_LABEL[k],
        width: 50,
        align: "right" as const,
        text: (r: SipasRow) => fmtPct(r.components[k]),
      })),
      { title: "Chỉ số SIPAS (%)", width: 50, align: "right", style: "bold", text: (r) => fmtPct(r.index) },
    ],
    { keepWithHeader: 5 },
  );
}

async function awards(p: PacketPdf): Promise<void> {
  const list = p.input.awards;
  if (!list.length) return;
  p.setStage("Khen thưởng");
  p.section("Danh sách khen thưởng");
  await p.table(
    list,
    [
      { title: "STT", width: 28, align: "center", text: (_r, i) => String(i + 1) },
      { title: "Tập thể, cá nhân", width: 0, wrap: true, style: "bold", text: (r) => r.recipient },
      { title: "Đơn vị", width: 100, wrap: true, text: (r) => r.organization },
      { title: "Thành tích", width: 120, wrap: true, text: (r) => r.achievement },
      { title: "Hình thức khen thưởng", width: 100, wrap: true, text: (r) => r.form },
    ],
    { size: 9.5 },
  );
}

async function speeches(p: PacketPdf): Promise<void> {
  const list = [...p.input.speeches].sort((a, b) => a.order - b.order);
  if (!list.length) return;
  p.setStage("Tham luận");
  p.section("Thứ tự tham luận, phát biểu");
  await p.table(
    list,
    [
      { title: "Thứ tự", width: 36, align: "center", text: (r) => String(r.order) },
      { title: "Tên tham luận", width: 0, wrap: true, style: "bold", text: (r) => r.title },
      { title: "Người trình bày", width: 110, wrap: true, text: (r) => r.speaker },
      { title: "Đơn vị", width: 120, wrap: true, text: (r) => r.organization },
    ],
    { size: 10 },
  );
}

/**
 * The packet as one PDF. `onProgress(done, total, stage)` is called at each
 * stage and about every 1 % of the work, and last with `done === total`
 * (stage "Hoàn tất"). The work yields to the event loop every few hundred rows.
 */
export async function renderPacketPdf(input: PacketInput, onProgress?: PacketProgress): Promise<Buffer> {
  const appendixCount = appendixUnits(input).length;
  const p = new PacketPdf(input, progressTotal(input, appendixCount), onProgress);
  const colors = classColorMap(input.summary);
  p.setStage("Trang bìa");
  const { contentsTop } = cover(p);
  await p.tick();
  await programme(p);
  await ranking(p, colors);
  await charts(p, colors);
  await areas(p);
  await appendices(p);
  await sipas(p);
  await awards(p);
  await speeches(p);
  p.setStage("Hoàn thiện tệp PDF");
  p.c.flush();
  p.pdf.doc.switchToPage(0);
  writeContents(p, contentsTop);
  p.c.flush();
  await new Promise<void>((resolve) => setImmediate(resolve));
  const buffer = await p.pdf.toBuffer();
  p.finish();
  return buffer;
}
