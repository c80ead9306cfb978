// The plan (kế hoạch) as a PDF in the form of Decree 30/2020/NĐ-CP, Appendix I:
// A4, margins 20/20/30/15 mm; the issuing body top left with a short rule and
// "Số: …/KH-UBND" under it; the national name and motto top right with a rule
// and the place and date in italics under them (leading zeros, blanks kept);
// "KẾ HOẠCH" and the title centred in bold; the body in 14 pt, justified, with
// a first-line indent (headings and sub-headings bold, labels of labelled
// paragraphs bold); page numbers from page 2 centred at the top; "Nơi nhận:"
// (12 pt bold italic, items 11 pt) beside the signature block.
//
// Drawn from the document model of app/plans/document.ts, so the PDF says what
// the plan screen and planDocumentText say (test/unit/documents/plan-pdf.test.ts
// reads every seed plan back from the PDF).
import type { PlanDocument } from "#app/plans/document.ts";
import { sentenceCase, type OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { FIRST_LINE_INDENT, ND30_SIZES, OfficialPdf, type ClosingBlock } from "#app/documents/pdf.server.ts";

export interface PlanPdfMeta {
  /** Title shown by PDF viewers. */
  title: string;
  /** The issuing body. */
  author: string;
  /** Creation date written into the PDF; now when omitted. */
  createdAt?: Date;
}

/** Room for a number written by hand on a draft: "Số:      /KH-UBND" (as the giấy mời does). */
const HAND_NUMBER = " ".repeat(6);

/** The number line as printed: an unnumbered draft keeps a blank wide enough to write in. */
export function printedNumberLine(numberLine: string): string {
  return numberLine.replace(/^(Số:)\s*\//u, `$1${HAND_NUMBER}/`);
}

/** The metadata of a plan's PDF: "Kế hoạch số 71/KH-UBND: Tổ chức Hội nghị …", by its issuing body. */
export function planPdfMeta(doc: PlanDocument): PlanPdfMeta {
  const number = doc.header.numberLine.replace(/^Số:\s*/u, "").trim();
  const numbered = /^[^/\s]+\//u.test(number);
  const type = doc.documentType.charAt(0) + doc.documentType.slice(1).toLocaleLowerCase("vi");
  return {
    title: `${type}${numbered ? ` số ${number}` : ""}: ${doc.title}`,
    author: doc.header.issuingBody,
  };
}

/**
 * Breaks a centred title into lines of even length: the fewest lines that the
 * full width allows, each as short as that number of lines permits (the way a
 * clerk breaks a long trích yếu), instead of one full line and a short tail.
 */
export function balancedLines(text: string, width: number, measure: (s: string) => number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const wrap = (w: number): string[] => {
    const out: string[] = [];
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(candidate) > w) {
        out.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line) out.push(line);
    return out;
  };
  const full = wrap(width);
  if (full.length < 2) return full;
  // The narrowest width giving as many lines as the full width does.
  let lo = width / full.length;
  let hi = width;
  for (let i = 0; i < 20 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(mid).length <= full.length) hi = mid;
    else lo = mid;
  }
  return wrap(hi);
}

/**
 * The plan as the document model, for the Word file. The PDF keeps its own drawing below (balanced
 * title lines, headings and the closing sentence kept together); test/unit/documents/docx-drift.test.ts
 * checks that both say the same words.
 */
export function planOfficialDocument(doc: PlanDocument, meta: PlanPdfMeta): OfficialDocumentSpec {
  return {
    info: {
      title: meta.title,
      author: meta.author,
      subject: sentenceCase(doc.documentType),
      ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
    },
    header: { ...doc.header, numberLine: printedNumberLine(doc.header.numberLine) },
    documentType: doc.documentType,
    // The title breaks where the PDF breaks it (balanced lines).
    title: balancedTitle(doc.title, new OfficialPdf({ title: meta.title, author: meta.author })).join("\n"),
    body: doc.body,
    recipients: doc.recipients,
    signature: doc.signature,
    signerName: doc.signerName,
  };
}

/** The plan's title in balanced lines at the PDF's text width and title font. */
function balancedTitle(title: string, pdf: OfficialPdf): string[] {
  const t = title.normalize("NFC").trim();
  return t ? balancedLines(t, pdf.width, (s) => pdf.measure(s, "bold", ND30_SIZES.title)) : [];
}

/** Renders the plan as a Decree 30 PDF. */
export function renderPlanPdf(doc: PlanDocument, meta: PlanPdfMeta): Promise<Buffer> {
  const pdf = new OfficialPdf({
    title: meta.title,
    author: meta.author,
    subject: doc.documentType.charAt(0) + doc.documentType.slice(1).toLocaleLowerCase("vi"),
    ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
  });

  pdf.header({
    parentBody: doc.header.parentBody,
    issuingBody: doc.header.issuingBody,
    numberLine: printedNumberLine(doc.header.numberLine),
    placeAndDate: doc.header.placeAndDate,
  });

  pdf.documentTitle(doc.documentType, balancedTitle(doc.title, pdf).join("\n"));

  const closing: ClosingBlock = { recipients: doc.recipients, signature: doc.signature, signerName: doc.signerName };
  const bodyLine = pdf.lineHeight("regular", ND30_SIZES.body);
  // Heights are estimated at the width of an indented line, so never short.
  const textWidth = pdf.width - FIRST_LINE_INDENT;
  const last = doc.body.length - 1;

  doc.body.forEach((node, i) => {
    const text = node.text.trim();
    if (node.kind !== "paragraph") {
      // A heading is never left alone at the foot of a page: it goes on with
      // the first two lines of what follows it.
      const height = pdf.heightOf(text, "bold", ND30_SIZES.body, textWidth);
      pdf.ensureSpace(height + 6 + 2 * bodyLine);
      pdf.paragraphRuns([{ text, style: "bold" }], { align: "left" });
      return;
    }
    if (i === last) {
      // The closing sentence ("Trên đây là Kế hoạch …/.") goes with the
      // signature block: when the block must start a new page, so does it.
      // (Unless the two would not fit on one page anyway.)
      const together =
        pdf.heightOf(`${node.label ?? ""}${text}`, "regular", ND30_SIZES.body, textWidth) +
        6 +
        pdf.closingHeight(closing);
      if (together > pdf.room && together <= pdf.bottom - pdf.top) pdf.ensureSpace(together);
    }
    if (node.label?.trim()) pdf.labelledParagraph(node.label, text);
    else pdf.paragraphRuns([{ text }]);
  });

  pdf.closing(closing);
  return pdf.toBuffer();
}
