// Which files a meeting document may carry: PDF, Word, Excel and PowerPoint, told by their content
// (the PDF signature; for the Office formats the package's parts, app/files/office-zip.ts), never by the
// name alone. A renamed .exe or a plain .zip renamed .docx is refused. Pure.
import { officeKind, type OfficeKind } from "#app/files/office-zip.ts";

export const PDF_TYPE = "application/pdf";

interface Kind {
  ext: string;
  contentType: string;
  label: string;
  office: OfficeKind | null;
}

const KINDS: readonly Kind[] = [
  { ext: "pdf", contentType: PDF_TYPE, label: "PDF", office: null },
  {
    ext: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word (.docx)",
    office: "word",
  },
  {
    ext: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel (.xlsx)",
    office: "xl",
  },
  {
    ext: "pptx",
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "PowerPoint (.pptx)",
    office: "ppt",
  },
];

/** For the file input's `accept`. */
export const ACCEPTED_MEETING_DOCUMENTS = KINDS.map((k) => `.${k.ext}`).join(",");

export type FileCheck = { ok: true; contentType: string; ext: string } | { ok: false; error: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The stored type of a meeting document's file, or the Vietnamese reason it is refused. */
export function checkMeetingDocument(fileName: string, bytes: Uint8Array, maxBytes: number): FileCheck {
  if (bytes.length === 0) return { ok: false, error: "Tệp rỗng." };
  if (bytes.length > maxBytes)
    return { ok: false, error: `Tệp lớn hơn ${Math.round(maxBytes / 1024 / 1024)} MB, không nhận.` };
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  const kind = KINDS.find((k) => k.ext === ext);
  if (!kind) return { ok: false, error: "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc PowerPoint (.pptx)." };
  const fits = kind.office === null ? PDF_MAGIC.every((b, i) => bytes[i] === b) : officeKind(bytes) === kind.office;
  if (!fits) return { ok: false, error: `Nội dung tệp không phải ${kind.label} như phần mở rộng .${ext}.` };
  return { ok: true, contentType: kind.contentType, ext };
}

/** Whether a browser should show the file in place (PDF) rather than download it (Office files). */
export function opensInline(contentType: string): boolean {
  return contentType === PDF_TYPE;
}
