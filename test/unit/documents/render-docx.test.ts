// renderOfficialDocx: the document model as a Word file. A conclusion-notice-like spec (headings,
// labelled paragraphs, a link, "Nơi nhận:", signature) is rendered by both renderers: the .docx holds
// the words of the PDF, labels in bold runs, the link as a hyperlink, page numbers from page 2 only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderOfficialDocument, type OfficialDocumentSpec } from "#app/documents/pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-docx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const spec: OfficialDocumentSpec = {
  info: { title: "Thông báo kết luận", author: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" },
  header: {
    issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
    numberLine: "Số: 15/TB-UBND",
    placeAndDate: "Quảng Nam, ngày 22 tháng 01 năm 2024",
  },
  documentType: "THÔNG BÁO",
  title: "Kết luận của Phó Chủ tịch UBND tỉnh Hồ Quang Bửu tại Hội nghị tổng kết công tác cải cách hành chính năm 2023",
  body: [
    {
      kind: "paragraph",
      text: "Ngày 18/01/2024, UBND tỉnh tổ chức Hội nghị; có mặt 18/20 đại biểu, vắng 2 (có lý do).",
    },
    { kind: "heading", text: "1. Về kết quả cải cách hành chính năm 2023" },
    {
      kind: "paragraph",
      label: "Sở Nội vụ: ",
      text: "tổng hợp ý kiến, hoàn thành trước ngày 31/01/2024 & báo cáo <UBND> tỉnh.",
    },
    { kind: "centered", text: "Kính gửi: Các cơ quan, đơn vị", size: 14 },
    { kind: "link", label: "- Tài liệu:", url: "https://hoinghi.example.vn/tai-lieu/15" },
    { kind: "paragraph", text: "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./." },
  ],
  recipients: ["Sở Nội vụ", "Lưu: VT, NC"],
  signature: ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
  signerName: "Nguyễn Văn Hải",
};

const unzip = (file: string, part: string) => execFileSync("unzip", ["-p", file, part], { encoding: "utf8" });
const fold = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

function docxWords(xml: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const text = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(""))
    .join(" ");
  return fold(text).split(" ").filter(Boolean);
}

describe("renderOfficialDocx", () => {
  it("writes the PDF's words, bold labels, a hyperlink, the motto table and page numbers from page 2", async () => {
    const docx = path.join(dir, "tb.docx");
    const pdf = path.join(dir, "tb.pdf");
    fs.writeFileSync(docx, await renderOfficialDocx(spec));
    fs.writeFileSync(pdf, await renderOfficialDocument(spec));
    const xml = unzip(docx, "word/document.xml");
    const pdfWords = fold(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" })).split(" ");
    expect(docxWords(xml).sort()).toEqual(pdfWords.filter(Boolean).sort());
    expect(xml).toMatch(/<w:b\/>.*?<w:t xml:space="preserve">Sở Nội vụ: <\/w:t>/);
    expect(xml).toContain("&amp; báo cáo &lt;UBND&gt; tỉnh.");
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/);
    expect(unzip(docx, "word/_rels/document.xml.rels")).toContain('Target="https://hoinghi.example.vn/tai-lieu/15"');
    expect(xml).toContain("<w:titlePg/>");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2); // header blocks, closing block
    expect(docxWords(xml).join(" ")).toContain("Nơi nhận: - Sở Nội vụ; - Lưu: VT, NC. TL. CHỦ TỊCH CHÁNH VĂN PHÒNG");
    // The default header (pages 2…) holds the page number field; the first page's header is empty.
    const headers = unzip(docx, "word/_rels/document.xml.rels").match(/header\d+\.xml/g)!;
    expect(headers).toHaveLength(2);
    const texts = headers.map((h) => unzip(docx, `word/${h}`));
    expect(texts.filter((t) => t.includes("PAGE"))).toHaveLength(1);
  });

  it("leaves out the number line and the closing block when the model has none (a programme)", async () => {
    const docx = path.join(dir, "ct.docx");
    const { signature: _s, recipients: _r, signerName: _n, ...rest } = spec;
    fs.writeFileSync(docx, await renderOfficialDocx({ ...rest, header: { ...spec.header, numberLine: "" } }));
    const words = docxWords(unzip(docx, "word/document.xml")).join(" ");
    expect(words).not.toContain("Số:");
    expect(words).not.toContain("Nơi nhận:");
    expect(words).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc");
  });
});
