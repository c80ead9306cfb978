import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { noticePdf } from "#app/conclusions/notice-pdf.server.ts";

/** The conclusion notice as a PDF: /conferences/:id/conclusion.pdf (the issued file, or the draft marked "DỰ THẢO"). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const pdf = await noticePdf(conference.id);
  if (!pdf) throw new Response("Hội nghị này chưa có thông báo kết luận.", { status: 404 });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.name}"`,
      "Content-Length": String(pdf.bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
