// The notice as a file: the PDF stored at issue (what was sent), or for a draft the current text marked
// "DỰ THẢO" with the live roll call; the Word file from the same document model.
import { prisma } from "#app/database/db.server.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { readFile } from "#app/files/stored-files.server.ts";
import { attendanceLine } from "#app/conclusions/attendance-line.ts";
import { conclusionDocumentSpec } from "#app/conclusions/document.ts";
import { noticeFileName } from "#app/conclusions/issue.server.ts";
import { noticeAttendance, noticeForDocument, readNotice } from "#app/conclusions/notice.server.ts";

/** The notice's document model and its file name without extension; null when there is no notice yet. */
async function noticeDocument(conferenceId: string) {
  const notice = await readNotice(prisma, conferenceId);
  if (!notice) return null;
  const issued = notice.status === "ISSUED";
  const attendanceSummary = issued
    ? notice.attendanceSummary
    : attendanceLine(await noticeAttendance(prisma, conferenceId));
  return {
    notice,
    spec: conclusionDocumentSpec(noticeForDocument({ ...notice, attendanceSummary })),
    baseName: issued ? noticeFileName(notice).replace(/\.pdf$/, "") : "du-thao-thong-bao-ket-luan",
  };
}

/** The notice's PDF and file name; null when the conference has no notice yet. */
export async function noticePdf(conferenceId: string): Promise<{ name: string; bytes: Buffer } | null> {
  const doc = await noticeDocument(conferenceId);
  if (!doc) return null;
  if (doc.notice.status === "ISSUED" && doc.notice.pdfFileId) {
    const file = await readFile(prisma, doc.notice.pdfFileId);
    if (file) return { name: file.name, bytes: file.bytes };
  }
  return { name: `${doc.baseName}.pdf`, bytes: await renderOfficialDocument(doc.spec) };
}

/** The notice as a Word file (the same words as its PDF); null when the conference has no notice yet. */
export async function noticeDocx(conferenceId: string): Promise<{ baseName: string; bytes: Buffer } | null> {
  const doc = await noticeDocument(conferenceId);
  return doc && { baseName: doc.baseName, bytes: await renderOfficialDocx(doc.spec) };
}
