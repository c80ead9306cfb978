import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { planForFiles } from "#app/documents/conference-documents.server.ts";
import { planOfficialDocument } from "#app/documents/plan-pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

/** The plan (kế hoạch) as a Word file in the Decree 30 layout: /conferences/:id/plan.docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const { doc, meta, fileName } = await planForFiles(conference.id);
  return docxResponse(await renderOfficialDocx(planOfficialDocument(doc, meta)), fileName);
}
