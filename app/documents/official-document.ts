// The one model of an official document in the Decree 30 layout, rendered twice: as a PDF by
// `renderOfficialDocument` (pdf.server.ts) and as a Word file by `renderOfficialDocx`
// (render-docx.server.ts). A builder (programme, award list, attendance report, giấy mời, plan,
// conclusion notice) produces this plain data once, so the PDF and the .docx say the same words.
// Plain TypeScript: no pdfkit, no docx.

import type { FontStyle } from "#app/documents/fonts.server.ts";
import type { OfficialHeader, OfficialPdfInfo, RecipientLine } from "#app/documents/nd30.ts";

/** How a block is laid out; every field optional, the Decree 30 body paragraph when all are omitted. */
export interface BlockLayout {
  align?: "justify" | "left" | "center" | "right";
  /** First-line indent in pt; the Decree 30 indent (10 mm) when omitted. */
  indent?: number;
  /** Font size in pt; 14 when omitted. */
  size?: number;
  style?: FontStyle;
  /** Space after in pt; 6 when omitted. */
  spaceAfter?: number;
}

/** One block of the body, top to bottom. */
export type OfficialBlock =
  /** "I. MỤC ĐÍCH, YÊU CẦU" (bold, left, kept with what follows). */
  | { kind: "heading" | "subheading"; text: string }
  /** A body paragraph; `label` opens it in bold ("2. Thời gian: "). */
  | ({ kind: "paragraph"; text: string; label?: string } & BlockLayout)
  /** A centred line or block ("Kính gửi: …"). */
  | { kind: "centered"; text: string; style?: FontStyle; size?: number; spaceAfter?: number }
  /** "- Đường dẫn tham dự trực tuyến: https://…": the URL is a link and is never broken in the middle. */
  | { kind: "link"; label: string; url: string };

/** A whole official document: header blocks, document type and title, body, "Nơi nhận:" and signature. */
export interface OfficialDocumentSpec {
  info: OfficialPdfInfo;
  header: OfficialHeader;
  /** "KẾ HOẠCH", "GIẤY MỜI", "THÔNG BÁO" (printed uppercase). */
  documentType: string;
  /** The trích yếu; a "\n" forces a line break in the PDF. */
  title?: string | null;
  body: OfficialBlock[];
  /** "Nơi nhận:" entries; with `signature`, the closing block. A document without a signature has none. */
  recipients?: Array<string | RecipientLine>;
  signature?: string[];
  signerName?: string;
}

/** The closing block of a spec, or null when the document has none (a programme). */
export function closingOf(
  spec: OfficialDocumentSpec,
): { recipients: Array<string | RecipientLine>; signature: string[]; signerName: string } | null {
  if (!spec.signature) return null;
  return { recipients: spec.recipients ?? [], signature: spec.signature, signerName: spec.signerName ?? "" };
}

/** The file's title for the .docx/.pdf properties: "Kế hoạch số 71/KH-UBND". */
export function sentenceCase(type: string): string {
  const t = type.normalize("NFC").trim();
  return t.charAt(0) + t.slice(1).toLocaleLowerCase("vi");
}
