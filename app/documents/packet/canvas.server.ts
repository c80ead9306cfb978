// A thin, fast drawing layer over one pdfkit document for the packet's tables and
// charts. A 3,300-unit round means about 55,000 table cells; drawn one by one with
// `doc.text`, each cell costs pdfkit an options object, a save/transform/restore
// and about ten separate content-stream writes (each its own small Uint8Array),
// which made the ranking and SIPAS tables alone take 1.6 s and 250 MB. Here the
// operators of a page are collected as strings and written to the page in one
// piece when the page is done (or before anything else draws on it).
//
// Glyphs still come from pdfkit's own font objects (`font.encode`), so the
// fonts, subsets, widths and ToUnicode maps (text extraction) are exactly those
// of the shipped Liberation Serif registered by OfficialPdf; no other font is
// ever referenced. Coordinates are pdfkit's: points from the top-left corner.
import type { FontStyle } from "#app/documents/fonts.server.ts";
import type { OfficialPdf } from "#app/documents/pdf.server.ts";

/** The parts of pdfkit's (undocumented) embedded-font object used here. */
interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface PdfkitFont {
  id: string;
  ascender: number;
  descender: number;
  lineGap: number;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  ref(): unknown;
}
interface PdfkitPage {
  height: number;
  width: number;
  fonts: Record<string, unknown>;
}

export interface TextOptions {
  style?: FontStyle;
  size?: number;
  /** "#rrggbb"; black when omitted. */
  color?: string;
  align?: "left" | "right" | "center";
  /** Box width for alignment and fitting; none = no fitting, left-aligned at x. */
  width?: number;
  /** When the text is wider than `width`: shrink down to `minSize`, then cut with "…". Default true. */
  fit?: boolean;
  minSize?: number;
}

const FONT_STYLES: FontStyle[] = ["regular", "bold", "italic", "boldItalic"];

const n2 = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
};

const rgbCache = new Map<string, string>();
/** "#1b7f3b" → "0.106 0.498 0.231". */
export function rgb(hex: string): string {
  let s = rgbCache.get(hex);
  if (!s) {
    const h = hex.replace("#", "");
    const v = (i: number) => Math.round((parseInt(h.slice(i, i + 2), 16) / 255) * 1000) / 1000;
    s = `${v(0)} ${v(2)} ${v(4)}`;
    rgbCache.set(hex, s);
  }
  return s;
}

export class Canvas {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts = new Map<FontStyle, PdfkitFont>();
  /** Graphics operators of the current batch (top-down coordinates, as pdfkit's page CTM). */
  private graphics: string[] = [];
  /** Text operators of the current batch (PDF's bottom-up coordinates). */
  private texts: string[] = [];
  private usedFonts = new Set<PdfkitFont>();
  private textFont: PdfkitFont | null = null;
  private textSize = 0;
  private textColor = "";

  constructor(readonly pdf: OfficialPdf) {
    this.doc = pdf.doc;
    for (const style of FONT_STYLES) {
      // Through OfficialPdf, so the font is the registered Liberation Serif and
      // shares the process-wide layout cache.
      pdf.font(style, 10);
      this.fonts.set(style, (this.doc as unknown as { _font: PdfkitFont })._font);
    }
  }

  private get page(): PdfkitPage {
    return (this.doc as unknown as { page: PdfkitPage }).page;
  }

  get pageWidth(): number {
    return this.page.width;
  }
  get pageHeight(): number {
    return this.page.height;
  }

  private font(style: FontStyle): PdfkitFont {
    return this.fonts.get(style)!;
  }

  widthOf(text: string, style: FontStyle, size: number): number {
    return this.font(style).widthOfString(text, size);
  }

  /** Height of one line of text (ascender to descender plus the font's line gap). */
  lineHeight(style: FontStyle, size: number): number {
    const f = this.font(style);
    return ((f.ascender - f.descender + f.lineGap) / 1000) * size;
  }

  /** Words wrapped greedily to `width` (a word longer than the width is cut by characters). */
  wrap(text: string, style: FontStyle, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.normalize("NFC").split(/\r?\n/)) {
      // Spaces and tabs only: a no-break space (U+00A0) keeps its words together.
      const words = paragraph.split(/[ \t]+/).filter(Boolean);
      let line = "";
      for (let word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.widthOf(candidate, style, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        while (this.widthOf(word, style, size) > width && word.length > 1) {
          let k = word.length - 1;
          while (k > 1 && this.widthOf(word.slice(0, k), style, size) > width) k--;
          lines.push(word.slice(0, k));
          word = word.slice(k);
        }
        line = word;
      }
      lines.push(line);
    }
    return lines;
  }

  /**
   * One line of text with its top at y. Returns the width drawn. With a width
   * the text is aligned in the box and made to fit it (smaller, then cut).
   */
  text(raw: string, x: number, y: number, opts: TextOptions = {}): number {
    // Runs of spaces are kept: a date known only to the month keeps its blanks ("ngày    tháng 5").
    let text = raw.normalize("NFC").replace(/[\t\r\n]+/g, " ");
    if (!text) return 0;
    const style = opts.style ?? "regular";
    const font = this.font(style);
    let size = opts.size ?? 9;
    let w = font.widthOfString(text, size);
    if (opts.width !== undefined && w > opts.width && opts.fit !== false) {
      const minSize = opts.minSize ?? Math.min(size, 6.5);
      const shrunk = Math.max(minSize, (size * opts.width) / w);
      w = (w * shrunk) / size;
      size = shrunk;
      if (w > opts.width) {
        let lo = 0;
        let hi = text.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (font.widthOfString(`${text.slice(0, mid).trimEnd()}…`, size) <= opts.width) lo = mid;
          else hi = mid - 1;
        }
        text = `${text.slice(0, lo).trimEnd()}…`;
        w = font.widthOfString(text, size);
      }
    }
    if (opts.width !== undefined) {
      if (opts.align === "right") x += opts.width - w;
      else if (opts.align === "center") x += (opts.width - w) / 2;
    }

    if (font !== this.textFont || size !== this.textSize) {
      this.texts.push(`/${font.id} ${n2(size)} Tf`);
      this.textFont = font;
      this.textSize = size;
      this.usedFonts.add(font);
    }
    const color = opts.color ?? "#000000";
    if (color !== this.textColor) {
      this.texts.push(`${rgb(color)} rg`);
      this.textColor = color;
    }

    // As pdfkit's _fragment: baseline one ascender below the top, kerning as TJ offsets.
    let px = x;
    const py = this.page.height - y - (font.ascender / 1000) * size;
    const [encoded, positions] = font.encode(text);
    const scale = size / 1000;
    const out = this.texts;
    out.push(`1 0 0 1 ${n2(px)} ${n2(py)} Tm`);
    const commands: string[] = [];
    let last = 0;
    let hadOffset = false;
    const segment = (cur: number) => {
      if (last < cur) {
        const p = positions[cur - 1]!;
        const adjust = p.xAdvance - p.advanceWidth;
        commands.push(`<${encoded.slice(last, cur).join("")}> ${adjust ? Math.round(-adjust * 1000) / 1000 : 0}`);
      }
      last = cur;
    };
    const flushTJ = (i: number) => {
      segment(i);
      if (commands.length) {
        out.push(`[${commands.join(" ")}] TJ`);
        commands.length = 0;
      }
    };
    let i = 0;
    for (; i < positions.length; i++) {
      const p = positions[i]!;
      if (p.xOffset || p.yOffset) {
        flushTJ(i);
        out.push(`1 0 0 1 ${n2(px + p.xOffset * scale)} ${n2(py + p.yOffset * scale)} Tm`);
        flushTJ(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out.push(`1 0 0 1 ${n2(px)} ${n2(py)} Tm`);
          hadOffset = false;
        }
        if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
      }
      px += p.xAdvance * scale;
    }
    flushTJ(i);
    return w;
  }

  /** Several wrapped lines from y; returns the y under the last line. */
  paragraph(text: string, x: number, y: number, width: number, opts: TextOptions & { leading?: number } = {}): number {
    const style = opts.style ?? "regular";
    const size = opts.size ?? 9;
    const lh = opts.leading ?? this.lineHeight(style, size);
    for (const line of this.wrap(text, style, size, width)) {
      this.text(line, x, y, { ...opts, style, size, width, fit: false });
      y += lh;
    }
    return y;
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.graphics.push(`${rgb(fill)} rg`, `${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)} re f`);
  }

  strokeRect(x: number, y: number, w: number, h: number, color: string, lineWidth = 0.5): void {
    this.graphics.push(`${n2(lineWidth)} w ${rgb(color)} RG [] 0 d`, `${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)} re S`);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, lineWidth = 0.5, dash?: [number, number]): void {
    this.graphics.push(
      `${n2(lineWidth)} w ${rgb(color)} RG ${dash ? `[${dash[0]} ${dash[1]}] 0 d` : "[] 0 d"}`,
      `${n2(x1)} ${n2(y1)} m ${n2(x2)} ${n2(y2)} l S`,
    );
  }

  /** A filled polygon (triangles of the ▲▼ legend, for instance). */
  polygon(points: Array<[number, number]>, fill: string): void {
    if (points.length < 3) return;
    const [first, ...rest] = points;
    this.graphics.push(
      `${rgb(fill)} rg`,
      `${n2(first![0])} ${n2(first![1])} m ${rest.map(([x, y]) => `${n2(x)} ${n2(y)} l`).join(" ")} h f`,
    );
  }

  /**
   * Writes the batch to the current page: graphics first, then the text over
   * them. Call before adding or switching pages and before any other pdfkit
   * drawing on the page.
   */
  flush(): void {
    if (!this.graphics.length && !this.texts.length) return;
    const page = this.page;
    const parts: string[] = [];
    if (this.graphics.length) parts.push("q", ...this.graphics, "Q");
    if (this.texts.length) {
      for (const f of this.usedFonts) if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
      // Undo the page's top-down flip for text, as pdfkit does per fragment.
      parts.push("q", `1 0 0 -1 0 ${n2(page.height)} cm`, "BT", ...this.texts, "ET", "Q");
    }
    this.doc.addContent(parts.join("\n"));
    this.graphics = [];
    this.texts = [];
    this.usedFonts = new Set();
    // A new BT block starts with no font or colour set.
    this.textFont = null;
    this.textSize = 0;
    this.textColor = "";
  }
}
