import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { programmeForFiles } from "#app/documents/conference-documents.server.ts";
import { programmeDocument } from "#app/documents/programme-pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

/** The programme (chương trình) as a Word file: /conferences/:id/agenda.docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const input = await programmeForFiles(conference.id);
  return docxResponse(await renderOfficialDocx(programmeDocument(input)), "chuong-trinh");
}
