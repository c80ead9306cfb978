// An invitation's e-mail, letter and calendar file, composed from the current record: the outbox
// composer of the INVITATION, UPDATE, CANCELLATION and REMINDER kinds (registered in
// app/mail-composers.server.ts) and what the invitation page serves.

import type { SendMailOptions } from "nodemailer";
import { meetingName } from "#app/conferences/naming.ts";
import {
  attendanceSite,
  type AttendanceSite,
  type InvitationAttendee,
  type InvitationConference,
} from "#app/conferences/invitation.ts";
import { renderInvitationLetter } from "#app/documents/invitation-letter.server.ts";
import { env } from "#app/env.server.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";
import { fromAddress } from "#app/mailing/from-address.server.ts";
import { issuingBody } from "#app/plans/document.ts";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";
import { composeInvitation, invitationIcs } from "#app/invitations/compose.server.ts";
import {
  attendeeForMessage,
  attendeesForMessages,
  type InvitationRecord,
} from "#app/invitations/invitation-record.server.ts";
import { isInvitationKind, type InvitationMailData } from "#app/invitations/types.ts";

/** What the letter, the e-mail and the calendar entry say of the conference. */
export function invitationConference(c: InvitationRecord["conference"]): InvitationConference {
  if (!c.startsAt || !c.endsAt) throw new Error("conference has no exact schedule");
  const body = issuingBody(c.organization);
  return {
    id: c.id,
    title: meetingName(c.title),
    issuingBody: body.documentName,
    parentBody: body.parentDocumentName,
    organizerName: c.organization.name,
    invitationNumber: c.invitationNumber,
    issuePlace: c.issuePlace,
    issuedOn: new Date(),
    chair: c.chair,
    content: c.content.split("\n")[0]?.replace(/^-\s*/, "") ?? "",
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    venue: c.venue,
    preparationNote: c.preparationNote,
    contact: { name: c.contactName, phone: c.contactPhone, email: c.contactEmail },
    sequence: c.calendarSequence,
    signAuthority: c.signAuthority,
    signDelegation: c.signDelegation,
    signerTitle: c.signerTitle,
    signerName: c.signerName,
    recipients: c.recipients.map((r) => r.text),
  };
}

/** What the letter, the e-mail and the calendar entry say, from the attendee's record. */
export function invitationParts(a: InvitationRecord): {
  conference: InvitationConference;
  attendee: InvitationAttendee;
  site: AttendanceSite;
  videoLink: string | null;
} {
  const c = a.conference;
  return {
    conference: invitationConference(c),
    attendee: {
      id: a.id,
      name: a.name,
      position: a.position,
      organization: a.organizationName,
      email: a.email,
      checkinCode: formatCheckinCode(checkinCode(a.invitationKey)),
    },
    site: attendanceSite(a.bridgePoint, c.venue),
    videoLink: a.bridgePoint?.videoLink || null,
  };
}

/** The attendee's personal links: the invitation page, the letter and the calendar file. */
export function invitationLinks(token: string) {
  const base = env().APP_URL.replace(/\/$/, "");
  return { rsvp: `${base}/i/${token}`, pdf: `${base}/i/${token}/letter.pdf`, ics: `${base}/i/${token}/invite.ics` };
}

/** The attendee's invitation letter (giấy mời) as a PDF. */
export async function letterPdf(a: InvitationRecord): Promise<Buffer> {
  const { conference, attendee, site, videoLink } = invitationParts(a);
  return renderInvitationLetter({ conference, attendee, site, videoLink });
}

/**
 * The outbox's prefetch for invitation rows: every attendee of a claimed batch in one query (null: no
 * longer in the list), instead of one query per message.
 */
export async function prefetchInvitationRecords(rows: OutboxRow[]): Promise<Map<string, InvitationRecord | null>> {
  const ids = rows.flatMap((r) => (r.attendeeId ? [r.attendeeId] : []));
  const records = ids.length ? await attendeesForMessages(ids) : new Map<string, InvitationRecord>();
  return new Map(rows.filter((r) => r.attendeeId).map((r) => [r.id, records.get(r.attendeeId!) ?? null]));
}

/**
 * The e-mail for one outbox row, composed from the current data at send time: the record its batch's
 * prefetch read right after the claim, or (none) read now.
 */
export async function composeInvitationMessage(row: OutboxRow, prefetched?: unknown): Promise<SendMailOptions> {
  if (!isInvitationKind(row.kind)) throw new Error(`Không phải thư mời: ${row.kind}`);
  if (!row.attendeeId) throw new Error("Thư không gắn với người được mời nào");
  const a =
    prefetched === undefined ? await attendeeForMessage(row.attendeeId) : (prefetched as InvitationRecord | null);
  if (!a) throw new Error("Người được mời không còn trong danh sách");
  const parts = invitationParts(a);
  const data: InvitationMailData = {
    kind: row.kind,
    messageId: row.messageId,
    from: fromAddress(),
    ...parts,
    links: invitationLinks(a.token),
    token: a.token,
    changeNote: row.changeNote || null,
    pdf: row.attachPdf ? await renderInvitationLetter(parts) : null,
  };
  return composeInvitation(data);
}

/** The attendee's calendar file, the same as the one in the e-mail; CANCEL once the conference is cancelled. */
export function attendeeIcs(a: InvitationRecord): string {
  const cancelled = a.conference.status === "CANCELLED";
  return invitationIcs(
    {
      kind: cancelled ? "CANCELLATION" : "INVITATION",
      from: fromAddress(),
      ...invitationParts(a),
      links: invitationLinks(a.token),
      token: a.token,
      changeNote: null,
    },
    { method: cancelled ? "CANCEL" : "REQUEST" },
  );
}
