// A small layer over pdfkit for documents in the form of Decree 30/2020/NĐ-CP
// (Appendix I): A4, margins, the issuing-body and national-motto blocks, number
// and date, document type and title, justified body, "Nơi nhận:" and the
// signature block, page numbers from page 2. Shared by the invitation letter
// (giấy mời) and the other official documents (plan, programme, award list…).
//
// Everything is drawn with `doc.text` and an explicit width, so no line crosses
// the margins. Only the shipped Liberation Serif fonts are used (no built-in
// PDF font is ever referenced), each parsed once per process (see fonts.ts).
import PDFDocument from "pdfkit";
import { FONT_STYLES, fontSource, type FontStyle } from "#app/documents/fonts.server.ts";

export type { FontStyle } from "#app/documents/fonts.server.ts";

/** Points per millimetre. */
export const MM = 72 / 25.4;

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Decree 30: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
export const ND30_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

/** Font sizes (pt) within the ranges Decree 30 sets for each part. */
export const ND30_SIZES = {
  parentBody: 12, // 12-13, upright
  issuingBody: 12, // 12-13, bold
  nationalName: 12, // 12-13, bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  motto: 13, // 13-14, bold, "Độc lập - Tự do - Hạnh phúc"
  numberLine: 13, // 13
  placeAndDate: 13, // 13-14, italic
  documentType: 14, // 13-14, bold
  title: 14, // 13-14, bold
  body: 14, // 13-14
  recipientsHeading: 12, // 12, bold italic
  recipients: 11, // 11
  signature: 14, // 13-14, bold
  signerName: 14, // 13-14, bold
  pageNumber: 13, // 13-14
} as const;

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const CREATOR = "Hội nghị CCHC";

/** First-line indent of body paragraphs (Decree 30: 1-1.27 cm). */
export const FIRST_LINE_INDENT = 10 * MM;
/** Extra space between the lines of a paragraph (single to 1.5 lines). */
const LINE_GAP = 1.5;
/** Space between paragraphs (at least 6 pt). */
const PARAGRAPH_GAP = 6;
/** Width of the left header column (issuing body, number); the rest is the motto column. */
const LEFT_COLUMN_RATIO = 0.4;
/** Room left for the hand signature and the seal. */
const SIGNATURE_SPACE = 26 * MM;
const RULE_WIDTH = 0.6;
/** Space between the last paragraph and "Nơi nhận:" / the signature block. */
const CLOSING_GAP = 6;

const fontName = (style: FontStyle) => `ND30-${style}`;

// pdfkit caches the shaping (fontkit layout) of each word per font and per
// document. Words repeat from one letter to the next, so the caches are shared by
// every document of the process: a cached run depends only on the font and the
// word, and pdfkit never changes a run once it is cached. Renewed now and then
// so that a process rendering many distinct texts does not grow without bound.
type LayoutCache = Record<string, unknown>;
const SHARED_LAYOUT_DOCUMENTS = 2000;
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

/** Metadata written into the PDF's Info dictionary. */
export interface OfficialPdfInfo {
  /** Title shown by PDF viewers. */
  title: string;
  /** The issuing body. */
  author: string;
  subject?: string;
  keywords?: string;
  /** Creation date; now when omitted. */
  createdAt?: Date;
}

/** The two header blocks of page 1. */
export interface OfficialHeader {
  /** Governing body printed above the issuer (upright, uppercase), when Decree 30 wants one. */
  parentBody?: string | null;
  /** "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"; a "\n" forces the line break. */
  issuingBody: string;
  /** "Số: 71/KH-UBND". */
  numberLine: string;
  /** "Quảng Nam, ngày 04 tháng 01 năm 2024". */
  placeAndDate: string;
}

export interface ParagraphOptions {
  align?: "justify" | "left" | "center" | "right";
  /** First-line indent in pt; the Decree 30 indent when omitted. */
  indent?: number;
  size?: number;
  style?: FontStyle;
  /** Space after the paragraph in pt (6 when omitted). */
  spaceAfter?: number;
  /** Makes the whole paragraph a link to this URL. */
  link?: string;
}

/** A piece of a paragraph in its own style ("2. Thời gian: " in bold, then the text upright). */
export interface TextRun {
  text: string;
  /** The paragraph's style when omitted. */
  style?: FontStyle;
}

/** One entry of "Nơi nhận:" ("- Như trên;"), or a sub-heading of the list ("Gửi bản điện tử:"). */
export interface RecipientLine {
  text: string;
  isHeading?: boolean;
}

export interface ClosingBlock {
  /** Entries as written, with or without the leading "- " and the trailing ";" (see `recipientLines`). */
  recipients: Array<string | RecipientLine>;
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" (printed uppercase, bold). */
  signature: string[];
  signerName: string;
}

const nfc = (s: string) => s.normalize("NFC");
const clean = (s: string) => nfc(s).replace(/\s+/g, " ").trim();

/**
 * The lines of "Nơi nhận:" as printed: "- …;" each, headings ("…:") as they are,
 * the last line "- Lưu: VT." (added when the list has no "Lưu" line, moved last when it has).
 */
export function recipientLines(entries: Array<string | RecipientLine>): string[] {
  const items: RecipientLine[] = [];
  let filing: string | null = null;
  for (const e of entries) {
    const raw = typeof e === "string" ? { text: e } : e;
    const text = clean(raw.text)
      .replace(/^[-–•+]\s*/, "")
      .replace(/[;.,]+$/, "")
      .trim();
    if (!text) continue;
    if (/^lưu\b/i.test(text)) {
      filing = text;
      continue;
    }
    items.push({ text, isHeading: raw.isHeading ?? text.endsWith(":") });
  }
  const out = items.map((r) => (r.isHeading ? r.text : `- ${r.text};`));
  out.push(`- ${filing ?? "Lưu: VT"}.`);
  return out;
}

/**
 * Splits an issuing body's name into header lines that fit `width`: as written
 * when it fits or holds "\n"; else after "ỦY BAN NHÂN DÂN"-like prefixes; else
 * at the most balanced word boundary.
 */
export function splitBodyName(name: string, fits: (line: string) => boolean): string[] {
  const explicit = nfc(name)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (explicit.length !== 1) return explicit;
  const text = explicit[0]!;
  if (fits(text)) return [text];
  const prefix = text.match(/^((?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|VĂN PHÒNG)\s+(.+)$/u);
  if (prefix && fits(prefix[1]!) && fits(prefix[2]!)) return [prefix[1]!, prefix[2]!];
  const words = text.split(" ");
  let best: string[] | null = null;
  let bestScore = Infinity;
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(" ");
    const b = words.slice(k).join(" ");
    if (!fits(a) || !fits(b)) continue;
    const score = Math.abs(a.length - b.length);
    if (score < bestScore) {
      best = [a, b];
      bestScore = score;
    }
  }
  return best ?? [text];
}

/** An A4 document in the Decree 30 layout, drawn top to bottom. */
export class OfficialPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly sharing = new Set<FontStyle>();
  private readonly done: Promise<Buffer>;

  constructor(info: OfficialPdfInfo) {
    const doc = new PDFDocument({
      size: "A4",
      margins: { ...ND30_MARGINS },
      bufferPages: true, // page numbers are written once the page count is known
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
      doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
      doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      doc.on("error", reject);
    });
    this.font("regular", ND30_SIZES.body);
    doc.y = this.top;
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
    if (!this.sharing.has(style)) {
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

  private line(
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

  private rule(x1: number, x2: number, y: number): void {
    this.doc.save().lineWidth(RULE_WIDTH).moveTo(x1, y).lineTo(x2, y).stroke("#000000").restore();
  }

  /**
   * Page 1 header: issuing body (top left, uppercase, bold, its governing body
   * above it) with a short rule and "Số: …" under it; the national name and motto
   * (top right, bold) with a rule as long as the motto, and the place and date in
   * italics under them.
   */
  header(h: OfficialHeader): this {
    const top = this.top;
    const leftWidth = Math.round(this.width * LEFT_COLUMN_RATIO);
    const rightX = this.left + leftWidth;
    const rightWidth = this.right - rightX;

    // Left: [parent body], issuing body, short rule.
    let y = top;
    const lines: Array<{ text: string; style: FontStyle; size: number }> = [];
    if (h.parentBody?.trim()) {
      for (const l of splitBodyName(
        h.parentBody.toLocaleUpperCase("vi"),
        (s) => this.measure(s, "regular", ND30_SIZES.parentBody) <= leftWidth,
      )) {
        lines.push({ text: l, style: "regular", size: ND30_SIZES.parentBody });
      }
    }
    for (const l of splitBodyName(
      h.issuingBody.toLocaleUpperCase("vi"),
      (s) => this.measure(s, "bold", ND30_SIZES.issuingBody) <= leftWidth,
    )) {
      lines.push({ text: l, style: "bold", size: ND30_SIZES.issuingBody });
    }
    let longestIssuer = 0;
    for (const l of lines) {
      y = this.line(l.text, this.left, y, leftWidth, l.style, l.size);
      if (l.style === "bold")
        longestIssuer = Math.max(longestIssuer, Math.min(leftWidth, this.measure(l.text, l.style, l.size)));
    }
    const shortRule = Math.max(40, longestIssuer * 0.4);
    const leftCentre = this.left + leftWidth / 2;
    const leftRuleY = y + 3;
    this.rule(leftCentre - shortRule / 2, leftCentre + shortRule / 2, leftRuleY);

    // Right: national name, motto, rule as long as the motto.
    let ry = this.line(NATIONAL_NAME, rightX, top, rightWidth, "bold", ND30_SIZES.nationalName);
    ry = this.line(NATIONAL_MOTTO, rightX, ry, rightWidth, "bold", ND30_SIZES.motto);
    const mottoWidth = Math.min(rightWidth, this.measure(NATIONAL_MOTTO, "bold", ND30_SIZES.motto));
    const rightCentre = rightX + rightWidth / 2;
    const rightRuleY = ry + 3;
    this.rule(rightCentre - mottoWidth / 2, rightCentre + mottoWidth / 2, rightRuleY);

    // Number and place-and-date on one line under the rules.
    const rowY = Math.max(leftRuleY, rightRuleY) + 8;
    const afterNumber = this.line(h.numberLine, this.left, rowY, leftWidth, "regular", ND30_SIZES.numberLine);
    const afterDate = this.line(h.placeAndDate, rightX, rowY, rightWidth, "italic", ND30_SIZES.placeAndDate);
    this.doc.x = this.left;
    this.doc.y = Math.max(afterNumber, afterDate) + 14;
    return this;
  }

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

  /**
   * Document type ("KẾ HOẠCH", "GIẤY MỜI") and title (trích yếu), centred and bold,
   * with a short rule under the title.
   */
  documentTitle(type: string, title?: string | null, opts: { rule?: boolean } = {}): this {
    this.centered(type.toLocaleUpperCase("vi"), { style: "bold", size: ND30_SIZES.documentType, spaceAfter: 0 });
    const t = title?.trim();
    if (t) this.centered(t, { style: "bold", size: ND30_SIZES.title });
    if (opts.rule ?? true) {
      const w = Math.min(this.width / 3, Math.max(60, this.measure(t ?? type, "bold", ND30_SIZES.title) / 3));
      const c = this.left + this.width / 2;
      this.rule(c - w / 2, c + w / 2, this.doc.y + 3);
      this.moveDown(3);
    }
    return this.moveDown(12);
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

  /**
   * The room `closing` needs on one page (the space above it included): the
   * signature block and the whole of "Nơi nhận:" beside it (a list longer than a
   * page runs on). Lets a document keep its last paragraph with the closing.
   */
  closingHeight(block: ClosingBlock): number {
    const items = recipientLines(block.recipients);
    const authority = block.signature
      .map(clean)
      .filter(Boolean)
      .map((s) => s.toLocaleUpperCase("vi"));
    const signer = clean(block.signerName);
    const leftWidth = Math.round(this.width * 0.45);
    const sigWidth = this.width - leftWidth;
    const recipientsHeight =
      this.heightOf("Nơi nhận:", "boldItalic", ND30_SIZES.recipientsHeading, leftWidth, 0) +
      items.reduce((h, l) => h + this.heightOf(l, "regular", ND30_SIZES.recipients, leftWidth, 0), 0);
    const sigHeight =
      authority.reduce((h, l) => h + this.heightOf(l, "bold", ND30_SIZES.signature, sigWidth, 0), 0) +
      SIGNATURE_SPACE +
      (signer ? this.heightOf(signer, "bold", ND30_SIZES.signerName, sigWidth, 0) : 0);
    return CLOSING_GAP + Math.max(sigHeight, Math.min(recipientsHeight, this.bottom - this.top));
  }

  /**
   * "Nơi nhận:" bottom left (12 pt bold italic, items 11 pt) beside the signature
   * block bottom right (authority lines bold uppercase, room to sign, the name bold).
   * Starts a new page when the pair does not fit on this one.
   */
  closing(block: ClosingBlock): this {
    const items = recipientLines(block.recipients);
    const authority = block.signature
      .map(clean)
      .filter(Boolean)
      .map((s) => s.toLocaleUpperCase("vi"));
    const signer = clean(block.signerName);

    const leftWidth = Math.round(this.width * 0.45);
    const sigX = this.left + leftWidth;
    const sigWidth = this.right - sigX;

    this.moveDown(CLOSING_GAP);
    // The signature must not be separated from its recipients list's first lines.
    this.ensureSpace(this.closingHeight(block) - CLOSING_GAP);

    const startY = this.doc.y;
    const startPage = this.currentPageIndex();

    // Signature first: the recipients may run on to the next page.
    let sy = startY;
    for (const l of authority) sy = this.line(l, sigX, sy, sigWidth, "bold", ND30_SIZES.signature);
    sy += SIGNATURE_SPACE;
    if (signer) sy = this.line(signer, sigX, sy, sigWidth, "bold", ND30_SIZES.signerName);

    let ry = this.line("Nơi nhận:", this.left, startY, leftWidth, "boldItalic", ND30_SIZES.recipientsHeading, "left");
    for (const l of items) {
      this.font("regular", ND30_SIZES.recipients);
      this.doc.text(nfc(l), this.left, ry, { width: leftWidth, align: "left", lineGap: 0 });
      ry = this.doc.y;
    }
    this.doc.x = this.left;
    this.doc.y = this.currentPageIndex() === startPage ? Math.max(sy, ry) : ry;
    return this;
  }

  private currentPageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Page numbers from page 2, centred in the top margin. */
  private numberPages(): void {
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

/** A whole document from plain data (plans, reports): header, type, title, paragraphs, closing. */
export interface OfficialDocumentSpec {
  info: OfficialPdfInfo;
  header: OfficialHeader;
  documentType: string;
  title?: string | null;
  body: Array<{ kind: "heading" | "subheading" | "paragraph"; text: string; label?: string }>;
  recipients: Array<string | RecipientLine>;
  signature: string[];
  signerName: string;
}

export function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const pdf = new OfficialPdf(spec.info);
  pdf.header(spec.header).documentTitle(spec.documentType, spec.title);
  for (const node of spec.body) {
    const text = node.kind === "paragraph" && node.label ? `${node.label}${node.text}` : node.text;
    if (node.kind === "paragraph") pdf.paragraph(text);
    else pdf.heading(text);
  }
  pdf.closing({ recipients: spec.recipients, signature: spec.signature, signerName: spec.signerName });
  return pdf.toBuffer();
}
