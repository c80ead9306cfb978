import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { noticeDocx } from "#app/conclusions/notice-pdf.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

/** The conclusion notice as a Word file: /conferences/:id/conclusion.docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const docx = await noticeDocx(conference.id);
  if (!docx) throw new Response("Hội nghị này chưa có thông báo kết luận.", { status: 404 });
  return docxResponse(docx.bytes, docx.baseName);
}
