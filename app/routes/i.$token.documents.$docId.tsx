import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { openDocument } from "#app/meeting-documents/audience.server.ts";
import { documentFileResponse } from "#app/meeting-documents/file-response.ts";

// An attendee opens a meeting document from their invitation page, and the opening is counted. Whatever
// the reason they may not (forged token, revoked, outside the audience, unpublished, classified, another
// conference's), the answer is the same 404 as a bad invitation link.
export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  const file = await openDocument({ kind: "attendee", attendeeId: a.id }, params.docId ?? "");
  if (!file) invitationLinkNotFound();
  return documentFileResponse(file);
}
