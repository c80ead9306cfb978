// The plan (kế hoạch) PDF read back with Debian's poppler-utils, against the
// five seed plans: every line of each seed (heading, paragraph, recipient,
// signature) comes back from the PDF, in order; the header blocks, the type
// faces and sizes of Decree 30; the margins; the embedded fonts; page numbers;
// names with diacritics; long plans that run over several pages.
//
// Reading the PDF: `pdftotext -bbox` gives every word with its box, and the
// lines are rebuilt from the positions (a row of words at one height; a new
// paragraph where a row starts right of the left margin, that is at a
// first-line indent or centred). The side-by-side blocks (issuer | motto,
// Nơi nhận | signature) are split into their columns by the gap between them,
// so they never interleave, and the page numbers (in the top margin) are kept
// out of the text. `pdftohtml -xml` adds which words are bold or italic and
// their sizes. Seed lines are then matched as test/unit/seed-fidelity.test.ts
// matches them against planDocumentText, with the same normalisation.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedPlanDocumentInput } from "#tests/helpers/seed-plans.ts";
import { matchInOrder, normalize, report, seedLines } from "#tests/helpers/seed-matching.ts";
import { balancedLines, planPdfMeta, printedNumberLine, renderPlanPdf } from "#app/documents/plan-pdf.server.ts";
import { NATIONAL_MOTTO, NATIONAL_NAME, recipientLines } from "#app/documents/pdf.server.ts";
import { buildPlanDocument, type PlanDocument } from "#app/plans/document.ts";
import { plans } from "#prisma/seed-data/plans.ts";
import type { SeedPlan } from "#prisma/seed-data/types.ts";

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
/** Decree 30 margins (top and bottom 20 mm, left 30 mm, right 15 mm), in pt. */
const LIMITS = { left: 30 * MM, right: PAGE.width - 15 * MM, top: 20 * MM, bottom: PAGE.height - 20 * MM };
/** Gap (pt) between the two blocks of a row (issuer | motto, Nơi nhận | signature); wider than any space in a line. */
const COLUMN_GAP = 30;

// ─── Files and poppler ──────────────────────────────────────────────────────

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-plan-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

function writeTemp(pdf: Buffer): string {
  const file = path.join(dir, `plan-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box (pt, origin top left), from `pdftotext -bbox`. */
function pdfWords(file: string): Word[][] {
  const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  return html
    .split(/<page /)
    .slice(1)
    .map((page, i) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          page: i + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: decode(m[5]!).normalize("NFC"),
        }),
      ),
    );
}

interface Row {
  page: number;
  y: number;
  words: Word[];
}

/** Words at one height, left to right, top to bottom. */
function rowsOf(words: Word[]): Row[] {
  const rows: Row[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const row = rows.find((r) => Math.abs(r.y - w.yMin) < 1.5);
    if (row) row.words.push(w);
    else rows.push({ page: w.page, y: w.yMin, words: [w] });
  }
  for (const r of rows) r.words.sort((a, b) => a.xMin - b.xMin);
  return rows.sort((a, b) => a.y - b.y);
}

interface Segment {
  text: string;
  xMin: number;
  xMax: number;
}

const textOf = (words: Word[]) => normalize(words.map((w) => w.text).join(" "));

/** A row cut where two blocks stand side by side. */
function segmentsOf(row: Row): Segment[] {
  const out: Word[][] = [];
  for (const w of row.words) {
    const last = out.at(-1);
    if (last && w.xMin - last.at(-1)!.xMax <= COLUMN_GAP) last.push(w);
    else out.push([w]);
  }
  return out.map((ws) => ({ text: textOf(ws), xMin: ws[0]!.xMin, xMax: ws.at(-1)!.xMax }));
}

/** The words in the top margin of a page: its page number. */
const inTopMargin = (w: Word) => w.yMax < LIMITS.top;

interface ReadBack {
  pages: Word[][];
  /** Page 1 above the document type, block by block, row by row. */
  header: Segment[][];
  /** Document type, title and body: one line per paragraph (a wrapped paragraph joined again). */
  body: string[];
  /** "Nơi nhận:" and its items (a wrapped item joined again). */
  recipients: string[];
  signature: string[];
  /** Page of "Nơi nhận:" and of each signature line. */
  closingPages: { recipients: number; signature: number[] };
  /** Everything in reading order: header, body, Nơi nhận, signature. */
  lines: string[];
}

function readBack(file: string, doc: PlanDocument): ReadBack {
  const pages = pdfWords(file);
  const rows = pages.flatMap((words, i) => rowsOf(i === 0 ? words : words.filter((w) => !inTopMargin(w))));
  const typeAt = rows.findIndex((r) => r.page === 1 && textOf(r.words) === normalize(doc.documentType));
  if (typeAt < 0) throw new Error(`no "${doc.documentType}" on page 1`);
  const header = rows.slice(0, typeAt).map(segmentsOf);

  let closingAt = -1;
  rows.forEach((r, i) => {
    if (segmentsOf(r)[0]!.text.startsWith("Nơi nhận:")) closingAt = i;
  });
  const bodyRows = rows.slice(typeAt, closingAt < 0 ? rows.length : closingAt);
  const body: string[] = [];
  for (const r of bodyRows) {
    const text = textOf(r.words);
    // Paragraphs start at the first-line indent, centred lines anywhere right of the margin.
    if (r.words[0]!.xMin > LIMITS.left + 2 || body.length === 0) body.push(text);
    else body[body.length - 1] = `${body.at(-1)} ${text}`;
  }

  const recipients: string[] = [];
  const signature: string[] = [];
  const closingPages = { recipients: 0, signature: [] as number[] };
  if (closingAt >= 0) {
    const left = segmentsOf(rows[closingAt]!)[0]!.xMin;
    closingPages.recipients = rows[closingAt]!.page;
    for (const r of rows.slice(closingAt)) {
      for (const s of segmentsOf(r)) {
        if (Math.abs(s.xMin - left) < 3) {
          const prev = recipients.at(-1);
          // An item starts with "- "; a heading ("Gửi bản điện tử:") follows a line ending in ":" or ";".
          if (prev === undefined || s.text.startsWith("- ") || /[:;.]$/.test(prev)) recipients.push(s.text);
          else recipients[recipients.length - 1] = `${prev} ${s.text}`;
        } else {
          signature.push(s.text);
          closingPages.signature.push(r.page);
        }
      }
    }
  }
  const lines = [...header.flat().map((s) => s.text), ...body, ...recipients, ...signature].filter(Boolean);
  return { pages, header, body, recipients, signature, closingPages, lines };
}

interface StyledText {
  page: number;
  top: number;
  left: number;
  size: number;
  bold: boolean;
  italic: boolean;
  text: string;
}

/** Runs of text with their size and style, from `pdftohtml -xml` (pt). */
function styledTexts(file: string): StyledText[] {
  const xml = run("pdftohtml", ["-xml", "-i", "-stdout", "-zoom", "1", "-enc", "UTF-8", file]);
  const out: StyledText[] = [];
  // Font ids hold for the whole document; each is declared on the first page that uses it.
  const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
  for (const page of xml.split(/<page /).slice(1)) {
    const pageNo = Number(page.match(/^number="(\d+)"/)![1]);
    for (const m of page.matchAll(
      /<text top="(\d+)" left="(\d+)" width="\d+" height="\d+" font="(\d+)">(.*?)<\/text>/g,
    )) {
      // Split the markup into runs: <b>, <i> and plain text may alternate within one line.
      let bold = false;
      let italic = false;
      for (const part of m[4]!.split(/(<\/?[bi]>)/)) {
        if (part === "<b>") bold = true;
        else if (part === "</b>") bold = false;
        else if (part === "<i>") italic = true;
        else if (part === "</i>") italic = false;
        else if (part.trim()) {
          out.push({
            page: pageNo,
            top: Number(m[1]),
            left: Number(m[2]),
            size: sizes.get(m[3]!)!,
            bold,
            italic,
            text: normalize(decode(part)),
          });
        }
      }
    }
  }
  return out;
}

interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

function pdfFonts(file: string): FontRow[] {
  return run("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const m = l.match(/^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
      if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes", subset: m[5] === "yes", unicode: m[6] === "yes" };
    });
}

function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run("pdfinfo", ["-enc", "UTF-8", file]).split("\n")) {
    const m = line.match(/^([^:]+):\s*(.*)$/);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Words outside the Decree 30 margins (1 pt tolerance). */
function outsideMargins(words: Word[]): Word[] {
  return words.filter(
    (w) =>
      w.xMin < LIMITS.left - 1 || w.xMax > LIMITS.right + 1 || w.yMin < LIMITS.top - 1 || w.yMax > LIMITS.bottom + 1,
  );
}

// ─── Seed plans, built as test/unit/seed-fidelity.test.ts builds them ───────

const toDocumentInput = seedPlanDocumentInput;

// ─── Rendering ──────────────────────────────────────────────────────────────

async function renderFile(doc: PlanDocument): Promise<string> {
  const pdf = await renderPlanPdf(doc, planPdfMeta(doc));
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return writeTemp(pdf);
}

const seedDoc = (plan: SeedPlan) => buildPlanDocument(toDocumentInput(plan));

const bold = (t: StyledText) => t.bold && !t.italic;

// ─── Tests ──────────────────────────────────────────────────────────────────

describe.each(plans.map((plan) => [plan.seedFile, plan] as const))("plan PDF of seed %s", (seedFile, plan) => {
  const doc = seedDoc(plan);
  const seed = seedLines(seedFile);
  // One rendering per seed, read once, shared by the tests below.
  const ready = (async () => {
    const file = await renderFile(doc);
    return { file, read: readBack(file, doc), styled: styledTexts(file) };
  })();

  it("gives back every line of the seed, in order: header, headings, paragraphs, recipients, signature", async () => {
    const { read } = await ready;
    const result = matchInOrder(
      seed.map((l) => l.text),
      read.lines,
    );
    if (!result.ok) expect.fail(report(seedFile, seed, read.lines, result));
  });

  it("gives back the title on balanced centred lines, then the body paragraph by paragraph, as the plan has them", async () => {
    const { read } = await ready;
    expect(read.body[0]).toBe(doc.documentType);
    // The title: centred rows, each read back as a line of its own.
    const title: string[] = [];
    for (const line of read.body.slice(1)) {
      if (title.join(" ") === normalize(doc.title)) break;
      title.push(line);
    }
    expect(title.join(" ")).toBe(normalize(doc.title));
    const widths = title.map((l) => l.length);
    if (widths.length > 1) expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.6);
    // Every paragraph whole, in order, nothing else.
    const paragraphs = doc.body.map((n) =>
      normalize(n.kind === "paragraph" && n.label ? `${n.label}${n.text}` : n.text),
    );
    expect(read.body.slice(1 + title.length)).toEqual(paragraphs);
  });

  it("prints the issuing body, Số, the national name and motto, and the place and date as Decree 30 wants", async () => {
    const { read } = await ready;
    const centre = (LIMITS.left + LIMITS.right) / 2;
    const left = read.header.flat().filter((s) => s.xMax < centre);
    const right = read.header.flat().filter((s) => s.xMin > centre - 60);
    expect(left.length + right.length).toBe(read.header.flat().length);
    const issuer = [doc.header.parentBody, doc.header.issuingBody].filter(Boolean).join(" ");
    expect(
      left
        .slice(0, -1)
        .map((s) => s.text)
        .join(" "),
    ).toBe(normalize(issuer.toLocaleUpperCase("vi")));
    expect(left.at(-1)!.text).toBe(normalize(doc.header.numberLine));
    expect(right.map((s) => s.text)).toEqual([NATIONAL_NAME, NATIONAL_MOTTO, normalize(doc.header.placeAndDate)]);
    // "Số:" sits under the issuer, the date under the motto, on one row.
    const rowOf = (text: string) => read.header.findIndex((row) => row.some((s) => s.text === text));
    expect(rowOf(normalize(doc.header.numberLine))).toBe(rowOf(normalize(doc.header.placeAndDate)));
    expect(rowOf(normalize(doc.header.numberLine))).toBe(read.header.length - 1);
  });

  it("sets the place and date in italics, the type, title, headings, sub-headings and labels in bold, the body in 14 pt", async () => {
    const { read, styled } = await ready;
    const date = styled.filter((t) => t.page === 1 && t.text === normalize(doc.header.placeAndDate));
    expect(date).toEqual([expect.objectContaining({ italic: true, bold: false, size: 13 })]);
    expect(styled.find((t) => t.text === normalize(doc.header.numberLine))).toMatchObject({
      italic: false,
      bold: false,
      size: 13,
    });

    // Between the document type and the closing row ("Nơi nhận:" beside "TM. …"), page numbers left out.
    const typeAt = styled.findIndex((t) => t.page === 1 && t.text === doc.documentType);
    const closingAt = styled.findIndex((t) => t.text === "Nơi nhận:");
    const closing = styled[closingAt];
    expect(styled[typeAt]).toMatchObject({ bold: true, size: 14 });
    const beforeClosing = (t: StyledText) =>
      !closing || t.page < closing.page || (t.page === closing.page && t.top < closing.top - 1);
    const body = styled.slice(typeAt + 1).filter((t) => beforeClosing(t) && !(t.page > 1 && t.top < LIMITS.top));
    expect(body.every((t) => t.size === 14 && !t.italic)).toBe(true);
    const boldText = normalize(
      body
        .filter(bold)
        .map((t) => t.text)
        .join(" "),
    );
    const expectedBold = normalize(
      [doc.title, ...doc.body.flatMap((n) => (n.kind === "paragraph" ? (n.label ? [n.label] : []) : [n.text]))].join(
        " ",
      ),
    );
    expect(boldText).toBe(expectedBold);

    expect(closing).toMatchObject({ bold: true, italic: true, size: 12 });
    const items = styled.filter((t) => t.page === closing!.page && t.top > closing!.top && t.left < LIMITS.left + 3);
    expect(items.map((t) => t.text).join(" ")).toBe(recipientLines(doc.recipients).map(normalize).join(" "));
    expect(items.every((t) => t.size === 11 && !t.bold && !t.italic)).toBe(true);
    for (const line of read.signature) {
      expect(
        styled.find((t) => t.page === closing!.page && t.text === line && t.top >= closing!.top - 1),
      ).toMatchObject({ bold: true, italic: false, size: 14 });
    }
  });

  it("prints Nơi nhận and the signature block as the plan has them, on one page", async () => {
    const { read } = await ready;
    // Seed 003 (a web page) shows no signer: the block keeps its authority lines only.
    const signature = [
      ...doc.signature.map((l) => l.toLocaleUpperCase("vi")),
      ...(doc.signerName ? [doc.signerName] : []),
    ];
    expect(read.signature).toEqual(signature.map(normalize));
    expect(read.recipients).toEqual(["Nơi nhận:", ...recipientLines(doc.recipients).map(normalize)]);
    if (read.signature.length > 0)
      expect(new Set(read.closingPages.signature)).toEqual(new Set([read.closingPages.recipients]));
    // The signer's name comes back with its diacritics.
    if (plan.signerName) expect(read.signature.at(-1)).toBe(plan.signerName.normalize("NFC"));
  });

  it("keeps every word of every page inside the Decree 30 margins", async () => {
    const { read } = await ready;
    expect(read.pages[0]!.length).toBeGreaterThan(100);
    expect(outsideMargins(read.pages[0]!)).toEqual([]);
    for (const words of read.pages.slice(1)) expect(outsideMargins(words.filter((w) => !inTopMargin(w)))).toEqual([]);
  });

  it("numbers the pages from page 2, centred in the top margin", async () => {
    const { read, styled } = await ready;
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    expect(read.pages[0]!.filter(inTopMargin)).toEqual([]);
    read.pages.slice(1).forEach((words, i) => {
      const number = words.filter(inTopMargin);
      expect(number.map((w) => w.text)).toEqual([String(i + 2)]);
      const centre = (number[0]!.xMin + number[0]!.xMax) / 2;
      expect(Math.abs(centre - (LIMITS.left + LIMITS.right) / 2)).toBeLessThan(3);
      expect(styled.find((t) => t.page === i + 2 && t.text === String(i + 2))).toMatchObject({
        size: 13,
        bold: false,
        italic: false,
      });
    });
  });

  it("embeds only subsets of the shipped Liberation Serif, with Unicode maps", async () => {
    const { file } = await ready;
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(4); // regular, bold, italic (date), bold italic (Nơi nhận)
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
      expect(f).toMatchObject({ type: "CID TrueType", embedded: true, subset: true, unicode: true });
    }
  });

  it("is an A4 document titled after the plan, by its issuing body", async () => {
    const { file } = await ready;
    const info = pdfInfo(file);
    expect(info["Page size"]).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info.Title).toContain(doc.title);
    expect(info.Title).toMatch(/^Kế hoạch/);
    expect(info.Author).toBe(doc.header.issuingBody);
    expect(info.Creator).toBe("Hội nghị CCHC");
  });
});

describe("plan PDF, drafts and names", () => {
  const tamDuong = plans.find((p) => p.seedFile.startsWith("000_"))!;
  const quangNam = plans.find((p) => p.seedFile.startsWith("001_"))!;

  it("keeps the blanks of a draft wide enough to fill in by hand: Số:      /KH-UBND, ngày      tháng 5", async () => {
    const doc = seedDoc(tamDuong);
    expect(doc.header.numberLine).toBe("Số: /KH-UBND");
    const words = pdfWords(await renderFile(doc))[0]!;
    const gapBetween = (a: string, b: string) => {
      const wa = words.find((w) => w.text === a)!;
      const wb = words.find((w) => w.text === b && Math.abs(w.yMin - wa.yMin) < 1.5 && w.xMin > wa.xMax)!;
      return wb.xMin - wa.xMax;
    };
    // A space of the 13 pt number and date lines is 3.25 pt.
    expect(gapBetween("Số:", "/KH-UBND")).toBeGreaterThan(15);
    expect(gapBetween("ngày", "tháng")).toBeGreaterThan(12);
  });

  it("prints the number and the date of a numbered plan with their leading zeros", async () => {
    const read = readBack(await renderFile(seedDoc(quangNam)), seedDoc(quangNam));
    const header = read.header.flat().map((s) => s.text);
    expect(header).toContain("Số: 71/KH-UBND");
    expect(header).toContain("Quảng Nam, ngày 04 tháng 01 năm 2024");
  });

  // Stacked marks (Ánh, Tuyết), hook above on a capital (Ỷ), horn with dot below
  // (ự), circumflex with tilde (ẫ), breve with tilde (ẵ); some given decomposed (NFD).
  const HARD_NAMES = [
    "Nguyễn Thị Ánh Tuyết",
    "Trần Ỷ Lực Mẫn Hẵng Thuận",
    "Sùng Lữ Páo",
    "Hồ Quang Bửu",
    "Đặng Ượng Ửng Ỗ",
  ];

  it.each(HARD_NAMES)(
    "gives back the name %s unchanged, as signer, attendee and recipient, even from decomposed input",
    async (name) => {
      const input = toDocumentInput(quangNam);
      const nfd = name.normalize("NFD");
      const doc = buildPlanDocument({
        ...input,
        signerName: nfd,
        attendeeGroups: [
          { heading: "Khách mời", lines: [{ text: `Đồng chí ${nfd}, Phó Chủ tịch UBND tỉnh;` }] },
          ...input.attendeeGroups,
        ],
        recipients: [`Đồng chí ${nfd}`, ...input.recipients],
      });
      const read = readBack(await renderFile(doc), doc);
      expect(read.signature.at(-1)).toBe(name);
      expect(read.body).toContain(`- Đồng chí ${name}, Phó Chủ tịch UBND tỉnh;`);
      expect(read.recipients[1]).toBe(`- Đồng chí ${name};`);
    },
  );
});

describe("plan PDF, long plans", () => {
  const quangNam = plans.find((p) => p.seedFile.startsWith("001_"))!;
  const filler = (i: number) =>
    `Căn cứ văn bản số ${i + 1}/UBND-NC ngày 15/01/2024 của UBND tỉnh về việc triển khai các nhiệm vụ cải cách hành chính, chuyển đổi số và nâng cao Chỉ số PAR INDEX, SIPAS năm 2024 (nội dung ${i + 1}).`;

  // Moving the body down line by line moves every page break through every
  // kind of node: headings, labelled paragraphs, the closing sentence, Nơi nhận.
  const cases = Array.from({ length: 24 }, (_, k) => k);

  it.each(cases)("with %i more paragraphs: pages break cleanly and the closing stays whole", async (k) => {
    const input = toDocumentInput(quangNam);
    const legalBasis = [...Array.from({ length: k }, (_, i) => filler(i)), input.legalBasis].join("\n");
    const doc = buildPlanDocument({ ...input, legalBasis });
    const file = await renderFile(doc);
    const read = readBack(file, doc);
    const styled = styledTexts(file);

    // Every paragraph comes back whole and in order across the page breaks.
    const paragraphs = doc.body.map((n) =>
      normalize(n.kind === "paragraph" && n.label ? `${n.label}${n.text}` : n.text),
    );
    expect(read.body.slice(-paragraphs.length)).toEqual(paragraphs);

    // Margins and page numbers on every page.
    read.pages.forEach((words, i) => {
      const body = i === 0 ? words : words.filter((w) => !inTopMargin(w));
      expect(outsideMargins(body)).toEqual([]);
      expect(words.filter(inTopMargin).map((w) => w.text)).toEqual(i === 0 ? [] : [String(i + 1)]);
    });

    // The signature block and "Nơi nhận:" start on one page, with the closing sentence.
    const closingPage = read.closingPages.recipients;
    expect(new Set(read.closingPages.signature)).toEqual(new Set([closingPage]));
    const closingSentence = doc.body.at(-1)!.text;
    const firstWords = normalize(closingSentence).split(" ").slice(0, 6).join(" ");
    const sentenceRow = rowsOf(read.pages[closingPage - 1]!).find((r) => textOf(r.words).startsWith(firstWords));
    expect(sentenceRow, "the closing sentence on the page of the signature").toBeDefined();

    // No line of a paragraph alone at the foot of a page, nor at the top of the next.
    const closingY = read.pages[closingPage - 1]!.findLast((w) => w.text === "Nơi" && w.xMin < LIMITS.left + 2)!.yMin;
    const bodyRows = (page: number) =>
      rowsOf(read.pages[page - 1]!.filter((w) => !inTopMargin(w))).filter(
        (r) => page < closingPage || r.y < closingY - 1,
      );
    const startsParagraph = (r: Row) => r.words[0]!.xMin > LIMITS.left + 2;
    for (let page = 1; page < closingPage; page++) {
      const [above, below] = [bodyRows(page), bodyRows(page + 1)];
      if (!below[0] || startsParagraph(below[0])) continue;
      expect(startsParagraph(above.at(-1)!), `page ${page} ends with the first line of a paragraph alone`).toBe(false);
      expect(
        below.length >= 2 && !startsParagraph(below[1]!),
        `page ${page + 1} starts with the last line of a paragraph alone`,
      ).toBe(true);
    }

    // No page ends with a heading (a row all in bold) cut off from what follows it.
    for (let page = 1; page < read.pages.length; page++) {
      const rows = styled.filter((t) => t.page === page && t.top >= LIMITS.top);
      const lastTop = Math.max(...rows.map((t) => t.top));
      const lastRow = rows.filter((t) => t.top === lastTop);
      if (page < closingPage)
        expect(lastRow.every(bold), `page ${page} ends with "${lastRow.map((t) => t.text).join(" ")}"`).toBe(false);
    }
  });
});

describe("plan PDF helpers", () => {
  it("leaves room for a hand-written number on a draft", () => {
    expect(printedNumberLine("Số: /KH-UBND")).toBe("Số:      /KH-UBND");
    expect(printedNumberLine("Số: 71/KH-UBND")).toBe("Số: 71/KH-UBND");
  });

  it("names the PDF after the plan and its number", () => {
    const doc = seedDoc(plans[1]!);
    expect(planPdfMeta(doc)).toEqual({
      title:
        "Kế hoạch số 71/KH-UBND: Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024",
      author: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
    });
    expect(planPdfMeta(seedDoc(plans[0]!)).title).toBe(
      "Kế hoạch: Tổ chức Hội nghị Công bố chỉ số cải cách hành chính cấp xã trên địa bàn huyện Tam Đường năm 2023",
    );
  });

  it("balances the lines of a title without changing its words", () => {
    const measure = (s: string) => s.length;
    expect(balancedLines("aaa bbb ccc ddd eee", 12, measure)).toEqual(["aaa bbb ccc", "ddd eee"]);
    expect(balancedLines("aaa bbb ccc ddd eee fff ggg", 24, measure)).toEqual(["aaa bbb ccc ddd", "eee fff ggg"]);
    expect(balancedLines("  một   dòng ", 100, measure)).toEqual(["một dòng"]);
    expect(balancedLines("", 100, measure)).toEqual([]);
  });
});
