import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { genericLetter } from "#app/invitations/generic-letter.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

/** The generic giấy mời ("Các đồng chí có tên trong thành phần") as a Word file: /conferences/:id/letter.docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const { spec, fileName } = await genericLetter(conference.id);
  return docxResponse(await renderOfficialDocx(spec), fileName);
}
