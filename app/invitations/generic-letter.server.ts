// The generic giấy mời, "Kính gửi: Các đồng chí có tên trong thành phần": the letter the organiser
// prints or sends by the document system, with no personal code or link; as a PDF and a Word file.
import { documentFileName } from "#app/documents/conference-documents.server.ts";
import { invitationLetterDocument, invitationNumberLine } from "#app/documents/invitation-letter.server.ts";
import type { OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { attendanceSite } from "#app/conferences/invitation.ts";
import { conferenceForMessage } from "#app/invitations/invitation-record.server.ts";
import { invitationConference } from "#app/invitations/invitation-message.server.ts";

/** The generic letter's model and file name; a 409 while the conference has no exact schedule. */
export async function genericLetter(conferenceId: string): Promise<{ spec: OfficialDocumentSpec; fileName: string }> {
  const c = await conferenceForMessage(conferenceId);
  if (!c) throw new Response("Không tìm thấy hội nghị.", { status: 404 });
  if (!c.startsAt || !c.endsAt)
    throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa có giấy mời.", { status: 409 });
  const conference = invitationConference(c);
  const spec = invitationLetterDocument({
    conference,
    attendee: null,
    site: attendanceSite(null, c.venue),
    videoLink: null,
  });
  return { spec, fileName: documentFileName("giấy mời", invitationNumberLine(conference.invitationNumber)) };
}
