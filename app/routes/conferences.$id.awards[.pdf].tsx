import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { renderAwardListPdf } from "#app/documents/award-list-pdf.server.ts";
import { awardListForFiles } from "#app/documents/conference-documents.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const pdf = await renderAwardListPdf(await awardListForFiles(conference.id));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="khen-thuong.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
