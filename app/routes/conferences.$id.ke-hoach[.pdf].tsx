import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { planPdfMeta, renderPlanPdf } from "~/documents/plan-pdf.ts";
import { buildPlanDocument } from "~/plans/document.ts";
import { getConference, notFound, toDocumentInput } from "~/plans/plans.server.ts";

/** The plan (kế hoạch) as a Decree 30 PDF: /conferences/:id/ke-hoach.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  if (!id || id.length > 40) notFound();
  // Other organisations' plans are a 404, as on the plan screen.
  const c = await getConference(user, id);
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
