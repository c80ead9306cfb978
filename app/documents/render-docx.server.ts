// The document model (official-document.ts) as a Word file in the Decree 30 layout, with the `docx`
// package: A4, margins 20/20/30/15 mm, Times New Roman; the issuing body and the national name and
// motto side by side in a borderless table with short rules, "Số: …" and the place and date in
// italics under them; the document type and title centred in bold; the body justified with the
// first-line indent; "Nơi nhận:" beside the signature block; page numbers from page 2.
// The PDF (pdf.server.ts) is drawn from the same model, so both say the same words; the header's
// lines are split with the PDF's own measurements, so they break at the same places too.

import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { FontStyle } from "#app/documents/fonts.server.ts";
import {
  CLOSING_GAP,
  CREATOR,
  FIRST_LINE_INDENT,
  LEFT_COLUMN_RATIO,
  MM,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  ND30_SIZES,
  PARAGRAPH_GAP,
  SIGNATURE_SPACE,
  clean,
  nfc,
  recipientLines,
  splitBodyName,
} from "#app/documents/nd30.ts";
import { closingOf, type OfficialBlock, type OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { OfficialPdf } from "#app/documents/pdf.server.ts";

export const FONT = "Times New Roman";
/** Twentieths of a point (Word's unit) from points, and from millimetres (rounded, not floored). */
const twip = (pt: number) => Math.round(pt * 20);
const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** A4 in twips, and the text width between the Decree 30 margins (210 - 30 - 15 = 165 mm). */
const PAGE = { width: 11906, height: 16838 };
const TEXT_WIDTH_MM = 165;
/**
 * Line spacing in 240ths of a line: about the PDF's single spacing plus 1.5 pt. The rule "auto" is
 * written out: LibreOffice reads a w:line without it as an exact height (lines overlap).
 */
const LINE = 264;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function run(text: string, style: FontStyle = "regular", size: number = ND30_SIZES.body): TextRun {
  return new TextRun({
    text: nfc(text),
    font: FONT,
    size: size * 2,
    bold: style === "bold" || style === "boldItalic",
    italics: style === "italic" || style === "boldItalic",
  });
}

interface LineOptions {
  style?: FontStyle;
  size?: number;
  align?: keyof typeof ALIGN;
  /** Space after in pt. */
  after?: number;
  keepNext?: boolean;
}

/** A paragraph of one or more lines ("\n" breaks a line), no indent. */
function lines(text: string, o: LineOptions = {}): Paragraph {
  const parts = nfc(text).split("\n");
  return new Paragraph({
    alignment: ALIGN[o.align ?? "center"],
    spacing: { after: twip(o.after ?? 0), line: LINE, lineRule: LineRuleType.AUTO },
    ...(o.keepNext ? { keepNext: true } : {}),
    children: parts.map(
      (p, i) =>
        new TextRun({
          text: p,
          font: FONT,
          size: (o.size ?? ND30_SIZES.body) * 2,
          bold: o.style === "bold" || o.style === "boldItalic",
          italics: o.style === "italic" || o.style === "boldItalic",
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  });
}

/** A short centred rule under a block: an empty paragraph with a bottom border and side indents (pt). */
function rule(cellWidthPt: number, rulePt: number): Paragraph {
  const side = twip(Math.max(0, (cellWidthPt - rulePt) / 2));
  return new Paragraph({
    // An exact line height, else the border is drawn through the next line.
    spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 2 })],
  });
}

function cell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: mm(widthMm), type: WidthType.DXA }, borders: CELL_NO_BORDERS, children });
}

function twoColumns(leftMm: number, left: Paragraph[], right: Paragraph[], cantSplit = false): Table {
  const rightMm = TEXT_WIDTH_MM - leftMm;
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit, children: [cell(leftMm, left), cell(rightMm, right)] })],
  });
}

/** The header table: [parent body,] issuing body, rule, number | national name, motto, rule, place and date. */
function headerTable(spec: OfficialDocumentSpec, pdf: OfficialPdf): Table {
  const h = spec.header;
  const leftMm = TEXT_WIDTH_MM * LEFT_COLUMN_RATIO;
  const leftPt = leftMm * MM;
  const rightPt = (TEXT_WIDTH_MM - leftMm) * MM;
  const left: Paragraph[] = [];
  if (h.parentBody?.trim())
    for (const l of splitBodyName(h.parentBody.toLocaleUpperCase("vi"), (s) => pdf.measure(s, "regular", 12) <= leftPt))
      left.push(lines(l, { size: ND30_SIZES.parentBody }));
  const issuer = splitBodyName(
    h.issuingBody.toLocaleUpperCase("vi"),
    (s) => pdf.measure(s, "bold", ND30_SIZES.issuingBody) <= leftPt,
  );
  for (const l of issuer) left.push(lines(l, { style: "bold", size: ND30_SIZES.issuingBody }));
  const longest = Math.max(0, ...issuer.map((l) => Math.min(leftPt, pdf.measure(l, "bold", ND30_SIZES.issuingBody))));
  left.push(rule(leftPt, Math.max(40, longest * 0.4)));
  if (clean(h.numberLine)) left.push(lines(h.numberLine, { size: ND30_SIZES.numberLine }));
  const motto = Math.min(rightPt, pdf.measure(NATIONAL_MOTTO, "bold", ND30_SIZES.motto));
  const right = [
    lines(NATIONAL_NAME, { style: "bold", size: ND30_SIZES.nationalName }),
    lines(NATIONAL_MOTTO, { style: "bold", size: ND30_SIZES.motto }),
    rule(rightPt, motto),
    lines(h.placeAndDate, { style: "italic", size: ND30_SIZES.placeAndDate }),
  ];
  return twoColumns(leftMm, left, right);
}

/** A body paragraph in the Decree 30 form: justified, first-line indent, 6 pt after. */
function bodyParagraph(
  children: ParagraphChild[],
  o: { align?: keyof typeof ALIGN; indent?: number; after?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[o.align ?? "justify"],
    indent: { firstLine: twip(o.indent ?? FIRST_LINE_INDENT) },
    spacing: { after: twip(o.after ?? PARAGRAPH_GAP), line: LINE, lineRule: LineRuleType.AUTO },
    ...(o.keepNext ? { keepNext: true } : {}),
    children,
  });
}

function block(b: OfficialBlock, keepNext = false): Paragraph {
  switch (b.kind) {
    case "heading":
    case "subheading":
      return bodyParagraph([run(clean(b.text), "bold")], { align: "left", keepNext: true });
    case "centered":
      return lines(clean(b.text), { style: b.style, size: b.size, after: b.spaceAfter ?? 0, keepNext });
    case "link":
      return bodyParagraph(
        [
          run(`${clean(b.label)} `),
          new ExternalHyperlink({
            link: b.url,
            children: [new TextRun({ text: b.url, style: "Hyperlink", font: FONT, size: ND30_SIZES.body * 2 })],
          }),
        ],
        { align: "left" },
      );
    case "paragraph": {
      const size = b.size ?? ND30_SIZES.body;
      const children = b.label?.trim()
        ? [run(b.label, "bold", size), run(clean(b.text), b.style ?? "regular", size)]
        : [run(clean(b.text), b.style ?? "regular", size)];
      return bodyParagraph(children, { align: b.align, indent: b.indent, after: b.spaceAfter, keepNext });
    }
  }
}

/** "Nơi nhận:" (12 pt bold italic, items 11 pt) beside the authority lines, room to sign and the name. */
function closingTable(c: NonNullable<ReturnType<typeof closingOf>>): Table {
  const leftMm = TEXT_WIDTH_MM * 0.45;
  const left = [
    lines("Nơi nhận:", { style: "boldItalic", size: ND30_SIZES.recipientsHeading, align: "left" }),
    ...recipientLines(c.recipients).map((l) => lines(l, { size: ND30_SIZES.recipients, align: "left" })),
  ];
  const authority = c.signature
    .map(clean)
    .filter(Boolean)
    .map((s) => s.toLocaleUpperCase("vi"));
  const right = authority.map((l, i) =>
    lines(l, { style: "bold", size: ND30_SIZES.signature, after: i === authority.length - 1 ? SIGNATURE_SPACE : 0 }),
  );
  const signer = clean(c.signerName);
  if (signer) right.push(lines(signer, { style: "bold", size: ND30_SIZES.signerName }));
  return twoColumns(leftMm, left, right, true);
}

/** The title rule's length as the PDF draws it. */
function titleRule(spec: OfficialDocumentSpec, pdf: OfficialPdf): number {
  const t = spec.title?.trim();
  return Math.min(pdf.width / 3, Math.max(60, pdf.measure(t ?? spec.documentType, "bold", ND30_SIZES.title) / 3));
}

/** The document as a .docx (Office Open XML) file. */
export async function renderOfficialDocx(spec: OfficialDocumentSpec): Promise<Buffer> {
  const pdf = new OfficialPdf(spec.info); // measures only, never written
  const title = spec.title?.trim();
  const closing = closingOf(spec);
  const children: Array<Paragraph | Table> = [
    headerTable(spec, pdf),
    lines("", { after: 14 }),
    lines(spec.documentType.toLocaleUpperCase("vi"), { style: "bold", size: ND30_SIZES.documentType, keepNext: true }),
    ...(title ? [lines(title, { style: "bold", size: ND30_SIZES.title, keepNext: true })] : []),
    rule(pdf.width, titleRule(spec, pdf)),
    // The last paragraph ("Trên đây là …/.") stays on the page of the closing block.
    ...spec.body.map((b, i) => block(b, Boolean(closing) && i === spec.body.length - 1)),
  ];
  if (closing) children.push(lines("", { after: CLOSING_GAP }), closingTable(closing));
  const doc = new Document({
    creator: CREATOR,
    title: nfc(spec.info.title),
    ...(spec.info.subject ? { subject: nfc(spec.info.subject) } : {}),
    ...(spec.info.keywords ? { keywords: nfc(spec.info.keywords) } : {}),
    styles: { default: { document: { run: { font: FONT, size: ND30_SIZES.body * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true, // no page number on page 1 (Decree 30: from page 2)
          page: {
            size: PAGE,
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: ND30_SIZES.pageNumber * 2 }),
                ],
              }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
