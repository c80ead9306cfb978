import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { planPdfMeta, renderPlanPdf } from "#app/documents/plan-pdf.server.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

/** The plan (kế hoạch) as a Decree 30 PDF: /conferences/:id/plan.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  const doc = buildPlanDocument(toDocumentInput(c));
  const pdf = await renderPlanPdf(doc, { ...planPdfMeta(doc), createdAt: c.updatedAt });
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
