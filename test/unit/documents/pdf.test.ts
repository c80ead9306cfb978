// The Decree 30 layer over pdfkit: recipients, header line breaks, the font
// subsetter, and a whole document drawn from a plan's data.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fontBuffer } from "#app/documents/fonts.server.ts";
import { TrueTypeSource, TrueTypeSubset } from "#app/documents/truetype-subset.ts";
import {
  ND30_MARGINS,
  OfficialPdf,
  recipientLines,
  renderOfficialDocument,
  splitBodyName,
} from "#app/documents/pdf.server.ts";
import { buildPlanDocument, type PlanDocumentInput } from "#app/plans/document.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const writeTemp = (pdf: Buffer) => {
  const file = path.join(dir, `doc-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
};
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const readingText = (file: string) => collapse(run("pdftotext", ["-enc", "UTF-8", file, "-"]));

describe("Nơi nhận", () => {
  it("writes '- …;' items, keeps headings and ends with '- Lưu: VT.'", () => {
    expect(recipientLines(["Như trên", "- Sở Nội vụ;", "Gửi bản điện tử:", "UBND các huyện.", ""])).toEqual([
      "- Như trên;",
      "- Sở Nội vụ;",
      "Gửi bản điện tử:",
      "- UBND các huyện;",
      "- Lưu: VT.",
    ]);
  });
  it("moves the filing line last, as written", () => {
    expect(recipientLines(["- Lưu: VT, CCHC;", { text: "Các sở, ban, ngành" }])).toEqual([
      "- Các sở, ban, ngành;",
      "- Lưu: VT, CCHC.",
    ]);
  });
});

describe("issuing body lines", () => {
  const fitsIn = (chars: number) => (s: string) => s.length <= chars;
  it("breaks after 'ỦY BAN NHÂN DÂN' when the name is too long for one line", () => {
    expect(splitBodyName("ỦY BAN NHÂN DÂN THÀNH PHỐ TAM KỲ", fitsIn(20))).toEqual([
      "ỦY BAN NHÂN DÂN",
      "THÀNH PHỐ TAM KỲ",
    ]);
    expect(splitBodyName("SỞ NỘI VỤ", fitsIn(20))).toEqual(["SỞ NỘI VỤ"]);
  });
  it("keeps explicit line breaks and otherwise balances the two lines", () => {
    expect(splitBodyName("BAN CHỈ ĐẠO\nCẢI CÁCH HÀNH CHÍNH", fitsIn(40))).toEqual([
      "BAN CHỈ ĐẠO",
      "CẢI CÁCH HÀNH CHÍNH",
    ]);
    expect(splitBodyName("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH", fitsIn(22))).toEqual([
      "TRUNG TÂM PHỤC VỤ",
      "HÀNH CHÍNH CÔNG TỈNH",
    ]);
  });
});

describe("TrueType subset", () => {
  // Parse the subset back with the fontkit that pdfkit uses and compare every
  // glyph's outline and advance with the original: composite glyphs (most
  // Vietnamese letters) must point at their renumbered components.
  type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string }; codePoints: number[] };
  type Font = { numGlyphs: number; glyphsForString(s: string): Glyph[]; getGlyph(id: number): Glyph };
  const fontkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"))("fontkit") as {
    create(b: Uint8Array): Font;
  };

  it.each(["regular", "bold", "italic", "boldItalic"] as const)(
    "keeps every outline of Vietnamese text (%s)",
    (style) => {
      const bytes = fontBuffer(style);
      const before = createHash("sha256").update(bytes).digest("hex");
      const original = fontkit.create(bytes);
      const subset = new TrueTypeSubset(new TrueTypeSource(bytes));
      const text = "Nguyễn Thị Ánh Tuyết, Hồ Quang Bửu, Ỷ ự ẫ ẵ ậ ỗ ữ ặ ở Đ đ – “CỘNG HÒA” 0123456789 ./;";
      const glyphs = original.glyphsForString(text);
      const ids = glyphs.map((g) => subset.includeGlyph(g.id));
      const parsed = fontkit.create(subset.encode());
      expect(parsed.numGlyphs).toBe(subset.glyphs.length);
      expect(subset.glyphs.length).toBeGreaterThan(new Set(ids).size); // components were added
      glyphs.forEach((g, i) => {
        const copy = parsed.getGlyph(ids[i]!);
        expect(copy.advanceWidth).toBe(g.advanceWidth);
        expect(copy.path.toSVG()).toBe(g.path.toSVG());
      });
      // Subsetting never writes into the shared font bytes, and is repeatable.
      expect(Buffer.from(subset.encode()).equals(Buffer.from(subset.encode()))).toBe(true);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(before);
    },
  );
});

describe("official document", () => {
  const plan: PlanDocumentInput = {
    kind: "CONFERENCE",
    issuingBody: { documentName: "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" },
    documentNumber: "71",
    documentSymbol: "KH-UBND",
    issuePlace: "Tam Đường",
    issueDay: null,
    issueMonth: 5,
    issueYear: 2024,
    title: "Tổ chức Hội nghị phân tích, công bố Chỉ số cải cách hành chính năm 2023 của UBND các xã, thị trấn",
    legalBasis: "Căn cứ Kế hoạch số 50/KH-UBND ngày 15/01/2024 của UBND huyện;",
    purposes: "Đánh giá thực chất, khách quan kết quả cải cách hành chính.",
    requirements: "Bảo đảm thiết thực, hiệu quả.",
    content: "Phân tích, công bố Chỉ số CCHC năm 2023.",
    closing: "Trên đây là Kế hoạch tổ chức Hội nghị./.",
    format: "IN_PERSON",
    formatNote: "",
    startsAt: null,
    endsAt: null,
    tentativeMonth: 6,
    tentativeYear: 2024,
    scheduleNote: "thời gian cụ thể sẽ có thông báo sau",
    scheduleText: "",
    venue: "Hội trường UBND huyện",
    budgetSource: "Ngân sách huyện",
    chair: "Đồng chí Chủ tịch UBND huyện",
    attendeeGroups: [{ heading: "Cấp huyện", lines: [{ text: "Lãnh đạo UBND huyện" }, { text: "Phòng Nội vụ" }] }],
    tasks: [{ assignee: "Phòng Nội vụ", duties: "Chuẩn bị báo cáo phân tích.", inlineDuties: true }],
    recipients: ["Sở Nội vụ tỉnh (b/c)", "TT Huyện ủy", "Lưu: VT"],
    signAuthority: "TM. ỦY BAN NHÂN DÂN",
    signDelegation: "KT. CHỦ TỊCH",
    signerTitle: "PHÓ CHỦ TỊCH",
    signerName: "Nguyễn Thị Ánh Tuyết",
    outline: null,
  };

  it("draws a plan from its document model, inside the margins", async () => {
    const d = buildPlanDocument(plan);
    const file = writeTemp(
      await renderOfficialDocument({
        info: { title: d.title, author: d.header.issuingBody },
        header: d.header,
        documentType: d.documentType,
        title: d.title,
        body: d.body,
        recipients: d.recipients,
        signature: d.signature,
        signerName: d.signerName,
      }),
    );
    const text = readingText(file);
    for (const part of [
      "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG",
      "Số: 71/KH-UBND",
      "KẾ HOẠCH",
      "Căn cứ Kế hoạch số 50/KH-UBND ngày 15/01/2024 của UBND huyện;",
      "Dự kiến trong tháng 6/2024 (thời gian cụ thể sẽ có thông báo sau).",
      "Trên đây là Kế hoạch tổ chức Hội nghị./.",
      "- Sở Nội vụ tỉnh (b/c); - TT Huyện ủy; - Lưu: VT.",
      "Nguyễn Thị Ánh Tuyết",
    ]) {
      expect(text).toContain(part);
    }
    // The day is left blank to be filled in by hand.
    expect(text).toMatch(/Tam Đường, ngày\s+tháng 5 năm 2024/);
    const html = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"]);
    const boxes = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map(
      (m) => m.slice(1, 5).map(Number),
    );
    expect(boxes.length).toBeGreaterThan(50);
    for (const [xMin, yMin, xMax, yMax] of boxes) {
      expect(xMin).toBeGreaterThanOrEqual(ND30_MARGINS.left - 1);
      expect(xMax).toBeLessThanOrEqual(595.28 - ND30_MARGINS.right + 1);
      expect(yMin).toBeGreaterThanOrEqual(ND30_MARGINS.top - 1);
      expect(yMax).toBeLessThanOrEqual(841.89 - ND30_MARGINS.bottom + 1);
    }
  });

  it("gives the same text whether documents are drawn one by one or interleaved", async () => {
    const make = (i: number) => {
      const pdf = new OfficialPdf({ title: `Tài liệu ${i}`, author: "UBND" });
      pdf.header({
        issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
        numberLine: `Số: ${i}/KH-UBND`,
        placeAndDate: "Quảng Nam, ngày 04 tháng 01 năm 2024",
      });
      return pdf;
    };
    const names = ["Lê Ỷ Lan", "Vũ Thị Hẵng", "Đặng Văn Lực"];
    const sequential: string[] = [];
    for (const [i, name] of names.entries()) {
      const pdf = make(i);
      pdf.paragraph(`Kính mời ${name} tham dự.`);
      sequential.push(readingText(writeTemp(await pdf.toBuffer())));
    }
    const docs = names.map((_, i) => make(i));
    docs.forEach((pdf, i) => pdf.paragraph(`Kính mời ${names[i]} tham dự.`));
    const interleaved = await Promise.all(docs.map(async (pdf) => readingText(writeTemp(await pdf.toBuffer()))));
    expect(interleaved).toEqual(sequential);
    expect(interleaved[1]).toContain("Kính mời Vũ Thị Hẵng tham dự.");
  });
});
