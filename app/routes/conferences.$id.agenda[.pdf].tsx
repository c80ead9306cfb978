import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { programmeForFiles } from "#app/documents/conference-documents.server.ts";
import { renderProgrammePdf } from "#app/documents/programme-pdf.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const pdf = await renderProgrammePdf(await programmeForFiles(conference.id));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="chuong-trinh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
