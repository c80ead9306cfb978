import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireConference } from "#app/auth/guard.server.ts";
import { organiserFile } from "#app/meeting-documents/listing.server.ts";
import { documentFileResponse } from "#app/meeting-documents/file-response.ts";

// The organisers' copy of a meeting document's file, published or not (a classified one has none).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const file = await organiserFile(access.conference.id, params.docId ?? "");
  if (!file) notFound("Không tìm thấy tệp tài liệu này.");
  return documentFileResponse(file);
}
