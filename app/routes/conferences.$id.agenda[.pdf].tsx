import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaItems } from "#app/agenda/agenda.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { renderProgrammePdf } from "#app/documents/programme-pdf.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  if (!c.startsAt)
    throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa in được chương trình.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  const items = await agendaItems(c.id);
  const pdf = await renderProgrammePdf({
    // The programme goes with the plan: same issuing body and date, no number of its own.
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    startsAt: c.startsAt,
    venue: c.venue,
    items,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="chuong-trinh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
