// Plain data shared by the invitation capability (letters, e-mails, calendar
// entries, QR codes). No Remix, no Prisma.

import type { AttendanceSite, InvitationAttendee, InvitationConference } from "#app/conferences/invitation.ts";

/** The outbox message kinds of an invitation (the outbox has one more: BRIDGE_TEST). */
export const INVITATION_KINDS = ["INVITATION", "UPDATE", "CANCELLATION", "REMINDER"] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export function isInvitationKind(kind: string): kind is InvitationKind {
  return (INVITATION_KINDS as readonly string[]).includes(kind);
}

export interface InvitationMailData {
  kind: InvitationKind;
  /** Stable per attendee, kind and version: "<inv-…@hoinghi.local>". */
  messageId: string;
  from: { name: string; address: string };
  attendee: InvitationAttendee;
  conference: InvitationConference;
  site: AttendanceSite;
  /** Video link, only for attendees at a bridge point (never the passcode). */
  videoLink: string | null;
  links: { rsvp: string; pdf: string; ics: string };
  /** What the QR code encodes: the attendee's signed token. */
  token: string;
  /** For UPDATE: what changed, shown highlighted. */
  changeNote: string | null;
  /** Attached when the organiser chooses. */
  pdf: Buffer | null;
}
