import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import { genericLetter } from "#app/invitations/generic-letter.server.ts";

/** The generic giấy mời ("Các đồng chí có tên trong thành phần") as a PDF: /conferences/:id/letter.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const { spec } = await genericLetter(conference.id);
  const pdf = await renderOfficialDocument(spec);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="giay-moi.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
