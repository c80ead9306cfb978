// Word files (issue 14): every official document downloads as a .docx in the Decree 30 layout, built
// from the same model as its PDF. The .docx of the seed conferences are fetched through their routes,
// converted to PDF by ONE LibreOffice call (its own profile), and read back: A4, the national name and
// motto, the number, the title, "Nơi nhận:" and facts of each body. Each .docx also says exactly the
// words of its PDF sibling (pdftotext against the w:t text), so the two files cannot drift apart.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { NATIONAL_MOTTO, NATIONAL_NAME } from "#app/documents/nd30.ts";
import { DOCX_TYPE } from "#app/lib/file-names.ts";
import * as agendaDocx from "#app/routes/conferences.$id.agenda[.docx].tsx";
import * as agendaPdf from "#app/routes/conferences.$id.agenda[.pdf].tsx";
import * as reportDocx from "#app/routes/conferences.$id.attendance-report[.docx].tsx";
import * as reportPdf from "#app/routes/conferences.$id.attendance-report[.pdf].tsx";
import * as awardsDocx from "#app/routes/conferences.$id.awards[.docx].tsx";
import * as awardsPdf from "#app/routes/conferences.$id.awards[.pdf].tsx";
import * as letterDocx from "#app/routes/conferences.$id.letter[.docx].tsx";
import * as letterPdf from "#app/routes/conferences.$id.letter[.pdf].tsx";
import * as conclusionDocx from "#app/routes/conferences.$id.conclusion[.docx].tsx";
import * as conclusionPdf from "#app/routes/conferences.$id.conclusion[.pdf].tsx";
import * as planDocx from "#app/routes/conferences.$id.plan[.docx].tsx";
import * as planPdf from "#app/routes/conferences.$id.plan[.pdf].tsx";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
interface Case {
  name: string;
  docx: Loader;
  pdf: Loader;
  path: string;
  conference: "quangNam" | "daNang";
  fileName: string;
  /** The "Số:" line, when the document has a number of its own. */
  number?: string;
  title: string;
  facts: string[];
}

const cases: Case[] = [
  {
    name: "ke-hoach",
    ...{ docx: planDocx.loader, pdf: planPdf.loader, path: "plan" },
    conference: "quangNam",
    fileName: "ke-hoach-71-kh-ubnd.docx",
    number: "Số: 71/KH-UBND",
    title: "KẾ HOẠCH",
    facts: ["Quảng Nam, ngày 04 tháng 01 năm 2024", "III. PHÂN CÔNG THỰC HIỆN", "Hồ Quang Bửu"],
  },
  {
    name: "chuong-trinh",
    ...{ docx: agendaDocx.loader, pdf: agendaPdf.loader, path: "agenda" },
    conference: "quangNam",
    fileName: "chuong-trinh.docx",
    title: "CHƯƠNG TRÌNH",
    facts: ["Thời gian: ", "Khai mạc"],
  },
  {
    name: "khen-thuong",
    ...{ docx: awardsDocx.loader, pdf: awardsPdf.loader, path: "awards" },
    conference: "quangNam",
    fileName: "danh-sach-khen-thuong.docx",
    title: "DANH SÁCH",
    facts: ["I. TẬP THỂ", "UBND thành phố Hội An", "Quyết định số 05/QĐ-SNV"],
  },
  {
    name: "giay-moi",
    ...{ docx: letterDocx.loader, pdf: letterPdf.loader, path: "letter" },
    conference: "quangNam",
    fileName: "giay-moi-12-gm-ubnd.docx",
    number: "Số: 12/GM-UBND",
    title: "GIẤY MỜI",
    facts: ["Kính gửi: Các đồng chí có tên trong thành phần", "trân trọng kính mời các đồng chí tham dự"],
  },
  {
    name: "diem-danh",
    ...{ docx: reportDocx.loader, pdf: reportPdf.loader, path: "attendance-report" },
    conference: "daNang",
    fileName: "bao-cao-thanh-phan-tham-du.docx",
    title: "BÁO CÁO",
    facts: ["Tổng số đại biểu được mời:", "Nguyễn Hữu Phước, Giám đốc Sở Nội vụ"],
  },
  {
    name: "thong-bao-ket-luan",
    ...{ docx: conclusionDocx.loader, pdf: conclusionPdf.loader, path: "conclusion" },
    conference: "quangNam",
    fileName: "thong-bao-ket-luan-15-tb-ubnd.docx",
    number: "Số: 15/TB-UBND",
    title: "THÔNG BÁO",
    facts: ["có mặt 18/20 đại biểu, vắng 2 có lý do", "Sở Nội vụ", "Nơi nhận:"],
  },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-word-files-"));
const profile = path.join(os.tmpdir(), `hoinghi-soffice-${process.pid}-${Date.now()}`);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

async function cookieOf(email: string): Promise<string> {
  const user = await currentUserByEmail(email);
  if (!user) throw new Error(`no demo user ${email}`);
  const res = await createUserSession(user.id, "/conferences");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function call(fn: Loader, id: string, cookie: string, file: string): Promise<Response> {
  const request = new Request(`http://localhost/conferences/${id}/${file}`, { headers: { Cookie: cookie } });
  try {
    return await fn({ request, params: { id }, context: {} } as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const fold = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const pdfText = (file: string) => fold(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
const documentXml = (file: string) => execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });

/** The words of a .docx: its w:t runs, joined within a paragraph, paragraphs and line breaks as spaces. */
function docxWords(file: string): string[] {
  const xml = documentXml(file).replace(/<w:br\/>/g, "<w:t> </w:t>");
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const text = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(""))
    .join(" ");
  return fold(text).split(" ").filter(Boolean);
}

/** The words of a PDF without its page numbers (pages 2…n print their number alone at the top). */
function pdfWords(file: string): string[] {
  const words = pdfText(file).split(" ").filter(Boolean);
  for (let page = 2; page <= pdfPages(file); page++) words.splice(words.indexOf(String(page)), 1);
  return words;
}

const files: Record<string, { docx: string; pdf: string }> = {};

beforeAll(async () => {
  const ids = {
    quangNam: (await prisma.conference.findFirstOrThrow({ where: { documentNumber: "71", issuePlace: "Quảng Nam" } }))
      .id,
    daNang: (
      await prisma.conference.findFirstOrThrow({
        where: { title: { contains: "năm 2026" }, issuePlace: { contains: "Đà Nẵng" } },
      })
    ).id,
  };
  const cookies = {
    quangNam: await cookieOf("vanphong.quangnam@hoinghi.local"),
    daNang: await cookieOf("vanphong.danang@hoinghi.local"),
  };
  for (const c of cases) {
    const id = ids[c.conference];
    const docx = await call(c.docx, id, cookies[c.conference], `${c.path}.docx`);
    expect(docx.status, c.name).toBe(200);
    expect(docx.headers.get("Content-Type")).toBe(DOCX_TYPE);
    expect(docx.headers.get("Content-Disposition")).toBe(`attachment; filename="${c.fileName}"`);
    expect(docx.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = Buffer.from(await docx.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    const pdf = await call(c.pdf, id, cookies[c.conference], `${c.path}.pdf`);
    expect(pdf.status, c.name).toBe(200);
    files[c.name] = { docx: path.join(dir, `${c.name}.docx`), pdf: path.join(dir, `${c.name}.pdf`) };
    fs.writeFileSync(files[c.name]!.docx, bytes);
    fs.writeFileSync(files[c.name]!.pdf, Buffer.from(await pdf.arrayBuffer()));
  }
});

describe("Word files of the official documents", () => {
  it("open in LibreOffice as A4 documents in the Decree 30 layout with their number, title and body", async () => {
    const out = path.join(dir, "converted");
    fs.mkdirSync(out);
    // One conversion for every file (LibreOffice's start-up is most of the time), with a profile of its
    // own (two runs sharing one fail); its exit code is not trusted, the PDFs are checked instead.
    await new Promise<void>((resolve) => {
      execFile(
        "soffice",
        [
          "--headless",
          `-env:UserInstallation=file://${profile}`,
          "--convert-to",
          "pdf",
          "--outdir",
          out,
          ...cases.map((c) => files[c.name]!.docx),
        ],
        { timeout: 60_000 },
        () => resolve(),
      );
    });
    for (const c of cases) {
      const pdf = path.join(out, `${c.name}.pdf`);
      expect(fs.existsSync(pdf), `${c.name}.pdf converted`).toBe(true);
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }));
      expect(Math.abs(Number(size![1]) - 595.28), c.name).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(size![2]) - 841.89), c.name).toBeLessThanOrEqual(1);
      const text = pdfText(pdf);
      for (const part of [NATIONAL_NAME, NATIONAL_MOTTO, c.title, ...(c.number ? [c.number] : []), ...c.facts])
        expect(text, c.name).toContain(part);
      // A programme has no closing block; every other document ends with "Nơi nhận:" and the signature.
      if (c.name !== "chuong-trinh") expect(text, c.name).toContain("Nơi nhận:");
    }
  }, 90_000);

  it("sets Times New Roman, A4 and the margins of Decree 30 (20/20/30/15 mm) in word/document.xml", () => {
    const xml = documentXml(files["ke-hoach"]!.docx);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    for (const [side, twips] of Object.entries({ top: 1134, bottom: 1134, left: 1701, right: 850 }))
      expect(margin).toContain(`w:${side}="${twips}"`);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain("<w:titlePg/>");
  });

  it.each(cases.map((c) => c.name))("%s.docx says exactly the words of its PDF", (name) => {
    const { docx, pdf } = files[name]!;
    expect(docxWords(docx).sort()).toEqual(pdfWords(pdf).sort());
  });
});
