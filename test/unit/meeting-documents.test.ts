import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { officeKind, zipEntryNames } from "#app/files/office-zip.ts";
import { documentsDeadlineWarning } from "#app/meeting-documents/deadline.ts";
import { checkMeetingDocument } from "#app/meeting-documents/file-check.ts";
import { documentFileResponse } from "#app/meeting-documents/file-response.ts";
import { buildPptx } from "#prisma/seed-data/meeting-documents-pptx.ts";

// The pure parts of meeting documents (issue 14): the ZIP central directory reader, the content check
// of uploads, the three-working-day warning of Decision 45/2018 and the download headers.

const MB = 1024 * 1024;
const docx = async () =>
  new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("x")] }] })));
const xlsx = async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("A").addRow([1]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
const zipOf = async (files: Record<string, string>, comment?: string) => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", comment });
};

describe("office-zip", () => {
  it("tells Word, Excel and PowerPoint packages by their parts", async () => {
    expect(officeKind(await docx())).toBe("word");
    expect(officeKind(await xlsx())).toBe("xl");
    expect(officeKind(new Uint8Array(await buildPptx("t", [{ title: "a", lines: ["b"] }])))).toBe("ppt");
  });

  it("refuses a plain zip, a zip without content types, and bytes that are no zip", async () => {
    expect(officeKind(await zipOf({ "a.txt": "x" }))).toBeNull();
    expect(officeKind(await zipOf({ "word/document.xml": "<w/>" }))).toBeNull();
    expect(officeKind(await zipOf({ "[Content_Types].xml": "<T/>", "docProps/app.xml": "<a/>" }))).toBeNull();
    expect(officeKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(zipEntryNames(new Uint8Array(10))).toBeNull();
  });

  it("finds the directory behind an archive comment", async () => {
    const z = await zipOf({ "[Content_Types].xml": "<T/>", "ppt/presentation.xml": "<p/>" }, "chú thích ".repeat(50));
    expect(officeKind(z)).toBe("ppt");
  });
});

describe("checkMeetingDocument", () => {
  it("takes the type from the content, not the name", async () => {
    const d = await docx();
    expect(checkMeetingDocument("Dự thảo.DOCX", d, 10 * MB)).toMatchObject({ ok: true, ext: "docx" });
    expect(checkMeetingDocument("bang-diem.xlsx", d, 10 * MB)).toEqual({
      ok: false,
      error: "Nội dung tệp không phải Excel (.xlsx) như phần mở rộng .xlsx.",
    });
    expect(checkMeetingDocument("a.pdf", new TextEncoder().encode("%PDF-1.7 ..."), 10 * MB)).toMatchObject({
      ok: true,
      contentType: "application/pdf",
    });
    expect(checkMeetingDocument("a.pdf", new Uint8Array([0x4d, 0x5a, 0, 0]), 10 * MB).ok).toBe(false);
    expect(checkMeetingDocument("a.zip", d, 10 * MB).ok).toBe(false);
    expect(checkMeetingDocument("a.pdf", new Uint8Array(0), 10 * MB)).toEqual({ ok: false, error: "Tệp rỗng." });
    expect(checkMeetingDocument("a.pdf", new Uint8Array(11), 10)).toMatchObject({ ok: false });
  });
});

describe("documentsDeadlineWarning (three working days, Decision 45/2018)", () => {
  const start = new Date("2026-02-13T08:00:00+07:00"); // Friday before Tết 2026: due Tuesday 10/02
  it("warns with the due date and the working days late", () => {
    expect(documentsDeadlineWarning(start, new Date("2026-02-12T10:00:00+07:00"))).toBe(
      "Tài liệu phải gửi chậm nhất ngày 10/02/2026 (03 ngày làm việc trước ngày họp, Quyết định số 45/2018/QĐ-TTg); " +
        "công bố hôm nay là muộn 2 ngày làm việc.",
    );
  });
  it("says nothing in time, without a start, or after the meeting day", () => {
    expect(documentsDeadlineWarning(start, new Date("2026-02-10T16:00:00+07:00"))).toBeNull();
    expect(documentsDeadlineWarning(null, new Date("2026-02-12T10:00:00+07:00"))).toBeNull();
    expect(documentsDeadlineWarning(start, new Date("2026-02-14T10:00:00+07:00"))).toBeNull();
    expect(documentsDeadlineWarning(start, new Date("2026-02-13T07:00:00+07:00"))).toContain("muộn 3 ngày làm việc");
  });
});

describe("documentFileResponse", () => {
  it("opens a PDF in place and downloads an Office file under a folded name, never cached or sniffed", () => {
    const pdf = documentFileResponse({ name: "Báo cáo.pdf", contentType: "application/pdf", bytes: new Uint8Array(3) });
    expect(pdf.headers.get("Content-Disposition")).toBe('inline; filename="bao-cao.pdf"');
    const office = documentFileResponse({
      name: 'Bảng điểm "quý" 4.xlsx',
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      bytes: new Uint8Array(3),
    });
    expect(office.headers.get("Content-Disposition")).toBe('attachment; filename="bang-diem-quy-4.xlsx"');
    expect(office.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(office.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
