// The packet PDF's page machinery (packet-pdf.server.ts): the OfficialPdf and its canvas, the running y,
// numbered sections for the contents, progress reports and yields, and the paginated table every
// section uses.

import type { FontStyle } from "#app/documents/fonts.server.ts";
import { OfficialPdf } from "#app/documents/pdf.server.ts";
import { Canvas } from "#app/documents/packet/canvas.server.ts";
import type { PacketInput, PacketProgress } from "#app/documents/packet/types.ts";

export const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
export const HEADER_FILL = "#e3e8ee";
export const ZEBRA = "#f3f5f8";
export const RULE = "#c5ccd4";
export const BORDER = "#7d8793";
export const MUTED = "#666666";
/** Rows drawn between two yields to the event loop. */
const YIELD_EVERY = 400;

export type Align = "left" | "right" | "center";

export interface Column<R> {
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

export interface TableOptions {
  size?: number;
  /** Fixed row height for one-line tables. */
  rowHeight?: number;
  /** Keep the header and this many rows together when the table starts. */
  keepWithHeader?: number;
  /** Count each row as a step of progress (default true). */
  tick?: boolean;
}

export interface Section {
  title: string;
  page: number;
}

export class PacketPdf {
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

  /**
   * "II. KẾT QUẢ XẾP HẠNG": on a new page, numbered, listed in the contents. `short`: a section of a
   * few lines, which follows on the current page when `short` pt still fit below a gap.
   */
  section(title: string, short = 0): void {
    if (short > 0 && this.y + 24 + short <= this.bottom) this.y += 24;
    else this.newPage();
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
