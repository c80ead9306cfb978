// A small layer over pdfkit for documents in the form of Decree 30/2020/NĐ-CP
// (Appendix I): A4, margins, the issuing-body and national-motto blocks, number
// and date, document type and title, justified body, "Nơi nhận:" and the
// signature block, page numbers from page 2. Shared by the invitation letter
// (giấy mời) and the other official documents (plan, programme, award list…).
//
// Everything is drawn with `doc.text` and an explicit width, so no line crosses
// the margins. Only the shipped Liberation Serif fonts are used (no built-in
// PDF font is ever referenced), each parsed once per process (see fonts.server.ts).
//
// The numbers and plain-text rules: nd30.ts; fonts, measuring and pages: pdf-page.server.ts; paragraphs:
// pdf-text.server.ts. This module adds the blocks of Decree 30 (header, title, closing).

import type { FontStyle } from "#app/documents/fonts.server.ts";
import {
  CLOSING_GAP,
  FIRST_LINE_INDENT,
  LEFT_COLUMN_RATIO,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  ND30_SIZES,
  clean,
  nfc,
  recipientLines,
  SIGNATURE_SPACE,
  splitBodyName,
  type ClosingBlock,
  type OfficialHeader,
} from "#app/documents/nd30.ts";
import { closingOf, type OfficialBlock, type OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { PdfText } from "#app/documents/pdf-text.server.ts";

export type { FontStyle } from "#app/documents/fonts.server.ts";
export type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
export {
  A4,
  CREATOR,
  FIRST_LINE_INDENT,
  MM,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  ND30_MARGINS,
  ND30_SIZES,
  recipientLines,
  splitBodyName,
  type ClosingBlock,
  type OfficialHeader,
  type OfficialPdfInfo,
  type ParagraphOptions,
  type RecipientLine,
  type TextRun,
} from "#app/documents/nd30.ts";

/** An A4 document in the Decree 30 layout, drawn top to bottom. */
export class OfficialPdf extends PdfText {
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
}

/** Draws one block of the document model (official-document.ts). */
export function drawBlock(pdf: OfficialPdf, node: OfficialBlock): void {
  switch (node.kind) {
    case "heading":
    case "subheading":
      pdf.heading(node.text);
      return;
    case "centered":
      pdf.centered(node.text, {
        ...(node.style ? { style: node.style } : {}),
        ...(node.size ? { size: node.size } : {}),
        ...(node.spaceAfter !== undefined ? { spaceAfter: node.spaceAfter } : {}),
      });
      return;
    case "link": {
      // The link is clickable, and gets a line of its own when it does not fit beside its label,
      // so that it is never broken in the middle.
      const whole = `${node.label} ${node.url}`;
      if (pdf.measure(whole, "regular", ND30_SIZES.body) <= pdf.width - FIRST_LINE_INDENT) {
        pdf.paragraph(whole, { align: "left", link: node.url });
      } else {
        pdf.paragraph(node.label, { align: "left", spaceAfter: 0 });
        pdf.paragraph(node.url, { align: "left", link: node.url });
      }
      return;
    }
    case "paragraph": {
      const { kind: _kind, text, label, ...layout } = node;
      if (label?.trim()) pdf.labelledParagraph(label, text.trim(), layout);
      else pdf.paragraph(text, layout);
    }
  }
}

/** A whole document from the model: header, type, title, body blocks, closing (when it has a signature). */
export function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const pdf = new OfficialPdf(spec.info);
  pdf.header(spec.header).documentTitle(spec.documentType, spec.title);
  for (const node of spec.body) drawBlock(pdf, node);
  const closing = closingOf(spec);
  if (closing) pdf.closing(closing);
  return pdf.toBuffer();
}
