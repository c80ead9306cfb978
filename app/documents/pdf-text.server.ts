// Body text of an official document (OfficialPdf, pdf.server.ts): centred blocks, justified paragraphs
// with the Decree 30 first-line indent, paragraphs mixing styles, labelled paragraphs and headings.

import type { FontStyle } from "#app/documents/fonts.server.ts";
import {
  FIRST_LINE_INDENT,
  clean,
  LINE_GAP,
  ND30_SIZES,
  nfc,
  PARAGRAPH_GAP,
  type ParagraphOptions,
  type TextRun,
} from "#app/documents/nd30.ts";
import { PdfPage } from "#app/documents/pdf-page.server.ts";

/** Paragraph flow on top of the page machinery. */
export class PdfText extends PdfPage {
  /** A centred line or block, wrapped to the text width. */
  centered(text: string, opts: { style?: FontStyle; size?: number; spaceAfter?: number; lineGap?: number } = {}): this {
    const size = opts.size ?? ND30_SIZES.body;
    const style = opts.style ?? "regular";
    // Keep the block on one page (measured only when it may not fit).
    if (this.room < 6 * this.lineHeight(style, size, opts.lineGap ?? LINE_GAP)) {
      this.ensureSpace(this.heightOf(text, style, size, this.width, opts.lineGap ?? LINE_GAP));
    }
    this.line(text, this.left, this.doc.y, this.width, style, size, "center", opts.lineGap ?? LINE_GAP);
    return this.moveDown(opts.spaceAfter ?? 0);
  }

  /** A body paragraph: justified, first-line indent, 6 pt after. */
  paragraph(text: string, opts: ParagraphOptions = {}): this {
    const t = clean(text);
    if (!t) return this;
    const size = opts.size ?? ND30_SIZES.body;
    const style = opts.style ?? "regular";
    const indent = opts.indent ?? FIRST_LINE_INDENT;
    // Keep at least two lines of a paragraph together at the bottom of a page
    // (measured only near the bottom, where it matters).
    const twoLines = 2 * this.lineHeight(style, size);
    if (this.room < twoLines) this.ensureSpace(Math.min(twoLines, this.heightOf(t, style, size, this.width - indent)));
    this.font(style, size);
    this.doc.text(t, this.left, this.doc.y, {
      width: this.width,
      align: opts.align ?? "justify",
      indent,
      lineGap: LINE_GAP,
      ...(opts.link ? { link: opts.link } : {}),
    });
    return this.moveDown(opts.spaceAfter ?? PARAGRAPH_GAP);
  }

  /**
   * A body paragraph made of runs in different styles (a bold label, an italic
   * note), laid out as one paragraph with the first-line indent. Justified lines
   * share their slack between all their spaces, whatever run each belongs to
   * (pdfkit's `continued` text justifies each run on its own, which leaves one
   * wide gap after a long label). Lines break at spaces only: never inside
   * "16/QĐ-UBND" or "HĐND-UBND", where pdfkit's Unicode line breaking would.
   */
  paragraphRuns(runs: TextRun[], opts: Omit<ParagraphOptions, "link"> = {}): this {
    const size = opts.size ?? ND30_SIZES.body;
    const style = opts.style ?? "regular";
    const align = opts.align ?? "justify";
    const indent = opts.indent ?? FIRST_LINE_INDENT;

    // Words made of pieces, each piece in one style; whitespace collapsed across
    // the runs as `paragraph` does for one text.
    type Piece = { text: string; style: FontStyle; width: number };
    const words: Piece[][] = [];
    let word: Piece[] = [];
    for (const r of runs) {
      const chunks = nfc(r.text).split(/\s+/);
      chunks.forEach((chunk, k) => {
        if (k > 0 && word.length) {
          words.push(word);
          word = [];
        }
        if (chunk)
          word.push({ text: chunk, style: r.style ?? style, width: this.measure(chunk, r.style ?? style, size) });
      });
    }
    if (word.length) words.push(word);
    if (words.length === 0) return this;
    const plain = words.map((w) => w.map((p) => p.text).join("")).join(" ");
    const styles = new Set(words.flatMap((w) => w.map((p) => p.style)));

    const widthOf = (w: Piece[]) => w.reduce((sum, p) => sum + p.width, 0);
    const space = this.measure(" ", style, size);
    // A word wider than a line (a long link) needs pdfkit's breaking inside words.
    if (words.some((w) => widthOf(w) > this.width - indent))
      return this.paragraph(plain, { ...opts, style: words[0]![0]!.style });

    const lines: Array<{ words: Piece[][]; width: number; available: number }> = [];
    let current: Piece[][] = [];
    let currentWidth = 0;
    for (const w of words) {
      const available = this.width - (lines.length === 0 ? indent : 0);
      const ww = widthOf(w);
      if (current.length > 0 && currentWidth + space + ww > available) {
        lines.push({ words: current, width: currentWidth, available });
        current = [];
        currentWidth = 0;
      }
      currentWidth += (current.length > 0 ? space : 0) + ww;
      current.push(w);
    }
    lines.push({ words: current, width: currentWidth, available: this.width - (lines.length === 0 ? indent : 0) });

    const fontHeight = Math.max(...[...styles].map((st) => this.lineHeight(st, size, 0)));
    const lineHeight = fontHeight + LINE_GAP;
    // Never one line alone at the foot of a page (as `paragraph`), nor at the top
    // of the next: a paragraph of three lines that would break moves as a whole.
    const fitting = Math.max(0, Math.floor((this.bottom - this.doc.y - fontHeight) / lineHeight) + 1);
    if (fitting < lines.length && (fitting < 2 || (fitting === 2 && lines.length === 3)))
      this.ensureSpace(lines.length * lineHeight);

    lines.forEach((line, i) => {
      const fits = this.doc.y + fontHeight <= this.bottom;
      // No last line alone at the top of a page: two go over when two may stay.
      const widow = fits && i === lines.length - 2 && i >= 2 && this.doc.y + lineHeight + fontHeight > this.bottom;
      if (!fits || widow) {
        this.doc.addPage();
        this.doc.y = this.top;
      }
      const last = i === lines.length - 1;
      const gaps = line.words.length - 1;
      const slack = line.available - line.width;
      let gap = space;
      let x = this.left + (i === 0 ? indent : 0);
      if (align === "justify" && !last && gaps > 0) gap = space + slack / gaps;
      else if (align === "center") x += slack / 2;
      else if (align === "right") x += slack;
      const y = this.doc.y;
      for (const w of line.words) {
        for (const p of w) {
          this.font(p.style, size);
          this.doc.text(p.text, x, y, { lineBreak: false });
          x += p.width;
        }
        x += gap;
      }
      this.doc.y = y + lineHeight;
    });
    this.doc.x = this.left;
    return this.moveDown(opts.spaceAfter ?? PARAGRAPH_GAP);
  }

  /** A paragraph that opens with a bold label: "2. Thời gian: Dự kiến trong tháng 6/2024." */
  labelledParagraph(label: string, text: string, opts: Omit<ParagraphOptions, "link"> = {}): this {
    return this.paragraphRuns(
      [
        { text: label, style: "bold" },
        { text, style: opts.style ?? "regular" },
      ],
      opts,
    );
  }

  /** A bold heading of the body ("I. MỤC ĐÍCH, YÊU CẦU"), left-aligned with the indent. */
  heading(text: string, opts: { size?: number; style?: FontStyle } = {}): this {
    return this.paragraph(text, { style: opts.style ?? "bold", size: opts.size, align: "left" });
  }
}
