// The notice as a PDF: the file stored at issue (what was sent), or for a draft the current text marked
// "DỰ THẢO" with the live roll call.
import { prisma } from "#app/database/db.server.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import { readFile } from "#app/files/stored-files.server.ts";
import { attendanceLine } from "#app/conclusions/attendance-line.ts";
import { conclusionDocumentSpec } from "#app/conclusions/document.ts";
import { noticeFileName } from "#app/conclusions/issue.server.ts";
import { noticeAttendance, noticeForDocument, readNotice } from "#app/conclusions/notice.server.ts";

/** The notice's PDF and file name; null when the conference has no notice yet. */
export async function noticePdf(conferenceId: string): Promise<{ name: string; bytes: Buffer } | null> {
  const notice = await readNotice(prisma, conferenceId);
  if (!notice) return null;
  if (notice.status === "ISSUED" && notice.pdfFileId) {
    const file = await readFile(prisma, notice.pdfFileId);
    if (file) return { name: file.name, bytes: file.bytes };
  }
  const attendanceSummary =
    notice.status === "ISSUED"
      ? notice.attendanceSummary
      : attendanceLine(await noticeAttendance(prisma, conferenceId));
  const spec = conclusionDocumentSpec(noticeForDocument({ ...notice, attendanceSummary }));
  const bytes = await renderOfficialDocument(spec);
  const name = notice.status === "ISSUED" ? noticeFileName(notice) : "du-thao-thong-bao-ket-luan.pdf";
  return { name, bytes };
}
