// The Decree 30/2020/NĐ-CP layout (Appendix I) as numbers and words: A4, margins, font sizes, the
// national name and motto, and the plain-text rules of the header and "Nơi nhận:". Plain TypeScript;
// pdf.server.ts draws with them.

import type { FontStyle } from "#app/documents/fonts.server.ts";

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
export const LINE_GAP = 1.5;
/** Space between paragraphs (at least 6 pt). */
export const PARAGRAPH_GAP = 6;
/** Width of the left header column (issuing body, number); the rest is the motto column. */
export const LEFT_COLUMN_RATIO = 0.4;
/** Room left for the hand signature and the seal. */
export const SIGNATURE_SPACE = 26 * MM;
export const RULE_WIDTH = 0.6;
/** Space between the last paragraph and "Nơi nhận:" / the signature block. */
export const CLOSING_GAP = 6;

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

export const nfc = (s: string) => s.normalize("NFC");
export const clean = (s: string) => nfc(s).replace(/\s+/g, " ").trim();

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
