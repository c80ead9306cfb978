// Plain data shared by the invitation capability (letters, e-mails, calendar
// entries, QR codes). No Remix, no Prisma.

export const MESSAGE_KINDS = ["INVITATION", "UPDATE", "CANCELLATION", "REMINDER"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

/** Where an attendee takes part: the main hall, or an online bridge point (điểm cầu). */
export interface AttendanceSite {
  kind: "MAIN_HALL" | "BRIDGE";
  /** "Hội trường UBND tỉnh" or "Điểm cầu UBND huyện Duy Xuyên". */
  name: string;
  address: string;
}

export interface InvitationConference {
  id: string;
  title: string;
  /** Issuing body as on documents, e.g. "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM". */
  issuingBody: string;
  /** Body above the issuer when Decree 30 wants it, else null. */
  parentBody: string | null;
  /** Readable organiser name for e-mails, e.g. "UBND tỉnh Quảng Nam". */
  organizerName: string;
  /** "Số: 12/GM-UBND" number part; null or "" while not yet numbered. */
  invitationNumber: string | null;
  issuePlace: string;
  /** Date the letter is issued (Vietnam time). */
  issuedOn: Date;
  chair: string;
  content: string;
  startsAt: Date;
  endsAt: Date;
  /** Main venue (hội trường). */
  venue: string;
  /** What to bring or prepare. */
  preparationNote: string;
  contact: Contact;
  /** ICS SEQUENCE: 0 for the first invitation, +1 for each update. */
  sequence: number;
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  /** Distribution list of the letter. */
  recipients: string[];
}

export interface InvitationAttendee {
  id: string;
  name: string;
  position: string;
  organization: string;
  email: string;
  /** "K7Q-M3X": the short check-in code printed on the invitation (typed at a bridge's self check-in). */
  checkinCode?: string;
}

export interface InvitationMailData {
  kind: MessageKind;
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
