// What an invitation states: the conference as its letter, e-mail and calendar entry present it, the
// person invited and where they take part. Plain data, no imports: the letter (documents/), the e-mails
// (invitations/, emails/) and the calendar entry all read it.

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

/** The hall's name when the conference names no venue. */
export const MAIN_HALL_NAME = "Hội trường";

/**
 * Where an attendee takes part: their bridge point, else the conference's venue (the main hall). The one
 * rule for the letter, the e-mail, the calendar entry and the invitation page.
 */
export function attendanceSite(bridgePoint: { name: string; address: string } | null, venue: string): AttendanceSite {
  return bridgePoint
    ? { kind: "BRIDGE", name: bridgePoint.name, address: bridgePoint.address }
    : { kind: "MAIN_HALL", name: venue || MAIN_HALL_NAME, address: "" };
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
