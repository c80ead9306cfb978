import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { awardListDocument } from "#app/documents/award-list-pdf.server.ts";
import { awardListForFiles } from "#app/documents/conference-documents.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

/** The award list (danh sách khen thưởng) as a Word file: /conferences/:id/awards.docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const input = await awardListForFiles(conference.id);
  return docxResponse(await renderOfficialDocx(awardListDocument(input)), "danh-sach-khen-thuong");
}
