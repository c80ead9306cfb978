// The page machinery under OfficialPdf (pdf.server.ts): a pdfkit A4 document with the shipped fonts
// (their shaping caches shared between documents), measuring and wrapping text, page breaks, page
// numbers from page 2, and the finished bytes.

import PDFDocument from "pdfkit";
import { FONT_STYLES, fontSource, type FontStyle } from "#app/documents/fonts.server.ts";
import {
  A4,
  clean,
  CREATOR,
  LINE_GAP,
  ND30_MARGINS,
  ND30_SIZES,
  nfc,
  RULE_WIDTH,
  type OfficialPdfInfo,
} from "#app/documents/nd30.ts";

const fontName = (style: FontStyle) => `ND30-${style}`;

// pdfkit caches the shaping (fontkit layout) of each word per font and per
// document. Words repeat from one letter to the next, so the caches are shared by
// every document of the process: a cached run depends only on the font and the
// word, and pdfkit never changes a run once it is cached. Renewed every 200
// documents so that a process rendering many distinct texts does not grow: each
// letter brings words of its own (names, codes, addresses), and at 2,000 letters the
// cache held about 11 MB; renewed at 200 it holds about 1 MB, and letters render as
// fast (3.79 ms either way, bench/documents.ts 1000).
type LayoutCache = Record<string, unknown>;
const SHARED_LAYOUT_DOCUMENTS = 200;
let sharedLayout = new Map<FontStyle, LayoutCache>();
let documentsOnSharedLayout = 0;

function sharedLayoutCache(style: FontStyle): LayoutCache {
  let cache = sharedLayout.get(style);
  if (!cache) {
    cache = Object.create(null) as LayoutCache;
    sharedLayout.set(style, cache);
  }
  return cache;
}

/** How many pages of a streamed document share one shaping cache. */
const PAGES_PER_LAYOUT_CACHE = 20;

/** An A4 page flow in the Decree 30 margins, drawn top to bottom. */
export class PdfPage {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly sharing = new Set<FontStyle>();
  private readonly done: Promise<Buffer>;

  /** Pages written out as soon as the next one starts (a long list), else kept until the end. */
  private readonly streamed: boolean;

  /**
   * `streamPages`: each page is written out (compressed) when the next one starts and its number drawn
   * when it starts, so memory stays flat however long the document; such a document cannot go back to an
   * earlier page. pdfkit keeps every operator of a buffered page as its own small array until the end:
   * about 50 KB per line of a list, which ran a 100,000-line report out of heap.
   */
  constructor(info: OfficialPdfInfo, options: { streamPages?: boolean } = {}) {
    this.streamed = options.streamPages ?? false;
    const doc = new PDFDocument({
      size: "A4",
      margins: { ...ND30_MARGINS },
      bufferPages: !this.streamed, // page numbers are written once the page count is known
      autoFirstPage: true,
      // No default font: pdfkit would otherwise load Helvetica into every document.
      font: "",
      lang: "vi-VN",
      displayTitle: true,
      info: {
        Title: clean(info.title),
        Author: clean(info.author),
        Creator: CREATOR,
        ...(info.subject ? { Subject: clean(info.subject) } : {}),
        ...(info.keywords ? { Keywords: clean(info.keywords) } : {}),
        ...(info.createdAt ? { CreationDate: info.createdAt } : {}),
      },
    });
    if (++documentsOnSharedLayout > SHARED_LAYOUT_DOCUMENTS) {
      sharedLayout = new Map();
      documentsOnSharedLayout = 1;
    }
    for (const style of FONT_STYLES) {
      // pdfkit 0.20 accepts an already-parsed fontkit Font; its type still says bytes.
      doc.registerFont(fontName(style), fontSource(style) as unknown as Buffer);
    }
    this.doc = doc;
    this.done = new Promise<Buffer>((resolve, reject) => {
      // A compressed page comes as a small view of zlib's larger output buffer: copied, so that the
      // document holds its own bytes and not every page's whole buffer.
      doc.on("data", (chunk: Buffer) =>
        this.chunks.push(chunk.buffer.byteLength > 2 * chunk.length ? Buffer.from(chunk) : chunk),
      );
      doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      doc.on("error", reject);
    });
    this.font("regular", ND30_SIZES.body);
    doc.y = this.top;
    if (this.streamed) doc.on("pageAdded", () => this.numberNewPage());
  }

  private pagesAdded = 1;

  /**
   * The number of a page just started (from page 2), drawn before its content. pdfkit may start the page in
   * the middle of wrapping a paragraph, so the font and position it was using are put back afterwards;
   * the number is drawn without a width, which leaves pdfkit's line wrapper alone.
   */
  private numberNewPage(): void {
    const doc = this.doc as unknown as Record<"_font" | "_fontSize" | "_fontSource" | "_fontFamily", unknown> &
      PDFKit.PDFDocument;
    const saved = { font: doc._font, size: doc._fontSize, source: doc._fontSource, family: doc._fontFamily };
    const { x, y } = doc;
    const text = String(++this.pagesAdded);
    if (this.pagesAdded % PAGES_PER_LAYOUT_CACHE === 0) {
      const families = (this.doc as unknown as { _fontFamilies: Record<string, { layoutCache?: unknown }> })
        ._fontFamilies;
      for (const font of Object.values(families))
        if (typeof font.layoutCache === "object") font.layoutCache = Object.create(null);
    }
    this.font("regular", ND30_SIZES.pageNumber);
    const h = doc.currentLineHeight(true);
    doc.text(text, this.left + (this.width - doc.widthOfString(text)) / 2, this.top - h - 4, { lineBreak: false });
    Object.assign(doc, {
      _font: saved.font,
      _fontSize: saved.size,
      _fontSource: saved.source,
      _fontFamily: saved.family,
    });
    doc.x = x;
    doc.y = y;
  }

  get left(): number {
    return ND30_MARGINS.left;
  }
  get right(): number {
    return A4.width - ND30_MARGINS.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return ND30_MARGINS.top;
  }
  get bottom(): number {
    return A4.height - ND30_MARGINS.bottom;
  }
  get y(): number {
    return this.doc.y;
  }

  font(style: FontStyle, size: number): this {
    this.doc.font(fontName(style), size);
    // A streamed document keeps its own caches, renewed every few pages (numberNewPage): a long list has
    // a distinct word on every line (its number), which would grow a cache without bound.
    if (!this.streamed && !this.sharing.has(style)) {
      this.sharing.add(style);
      const font = (this.doc as unknown as { _font?: { layoutCache?: unknown } })._font;
      if (font && typeof font.layoutCache === "object" && font.layoutCache !== null)
        font.layoutCache = sharedLayoutCache(style);
    }
    return this;
  }

  /** Line height (with the given gap) of the current font. */
  lineHeight(style: FontStyle, size: number, lineGap = LINE_GAP): number {
    this.font(style, size);
    return this.doc.currentLineHeight(true) + lineGap;
  }

  /** Width of one line of text in the given font. */
  measure(text: string, style: FontStyle, size: number): number {
    this.font(style, size);
    return this.doc.widthOfString(nfc(text));
  }

  /** Height that `text` takes when wrapped to `width`. */
  heightOf(text: string, style: FontStyle, size: number, width: number, lineGap = LINE_GAP): number {
    this.font(style, size);
    const t = nfc(text);
    // One line needs no wrapping pass (the width comes from the layout cache).
    if (!t.includes("\n") && this.doc.widthOfString(t) <= width) return this.doc.currentLineHeight(true) + lineGap;
    return this.doc.heightOfString(t, { width, lineGap });
  }

  /** Room left on the current page, in pt. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  moveDown(pt: number): this {
    this.doc.y += pt;
    return this;
  }

  /** Starts a new page unless `height` pt still fit on this one; true when a page was added. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.bottom || this.doc.y <= this.top + 0.5) return false;
    this.doc.addPage();
    this.doc.y = this.top;
    return true;
  }

  protected line(
    text: string,
    x: number,
    y: number,
    width: number,
    style: FontStyle,
    size: number,
    align: "left" | "center" | "right" = "center",
    lineGap = 0,
  ): number {
    this.font(style, size);
    this.doc.text(nfc(text), x, y, { width, align, lineGap });
    return this.doc.y;
  }

  protected rule(x1: number, x2: number, y: number): void {
    this.doc.save().lineWidth(RULE_WIDTH).moveTo(x1, y).lineTo(x2, y).stroke("#000000").restore();
  }

  protected currentPageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Page numbers from page 2, centred in the top margin. */
  private numberPages(): void {
    if (this.streamed) return;
    const range = this.doc.bufferedPageRange();
    if (range.count < 2) return;
    this.font("regular", ND30_SIZES.pageNumber);
    const h = this.doc.currentLineHeight(true);
    for (let i = 1; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      this.doc.text(String(i + 1), this.left, this.top - h - 4, {
        width: this.width,
        align: "center",
        lineBreak: false,
      });
    }
  }

  /** Ends the document and resolves with its bytes. */
  toBuffer(): Promise<Buffer> {
    this.numberPages();
    this.doc.end();
    return this.done;
  }
}
