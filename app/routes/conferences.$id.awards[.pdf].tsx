import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { listAwards } from "#app/awards/awards.server.ts";
import { renderAwardListPdf } from "#app/documents/award-list-pdf.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  const awards = await listAwards(c.id);
  if (!awards.length) throw new Response("Hội nghị chưa có danh sách khen thưởng.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  const pdf = await renderAwardListPdf({
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    awards,
    closing: { recipients: ["Lưu: VT."], signature: plan.signature, signerName: plan.signerName },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="khen-thuong.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
