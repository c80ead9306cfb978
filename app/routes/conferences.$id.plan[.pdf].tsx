import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { planForFiles } from "#app/documents/conference-documents.server.ts";
import { renderPlanPdf } from "#app/documents/plan-pdf.server.ts";

/** The plan (kế hoạch) as a Decree 30 PDF: /conferences/:id/plan.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const { doc, meta } = await planForFiles(conference.id);
  const pdf = await renderPlanPdf(doc, meta);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="ke-hoach.pdf"',
      "Content-Length": String(pdf.length),
      // The plan may change at any time and is not public.
      "Cache-Control": "private, no-store",
    },
  });
}
