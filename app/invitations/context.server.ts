import { meetingName } from "#app/conferences/naming.ts";
import type { SendMailOptions } from "nodemailer";
import { prisma } from "#app/db.server.ts";
import { renderInvitationLetter } from "#app/documents/invitation-letter.server.ts";
import { env } from "#app/env.server.ts";
import type { OutboxRow } from "#app/mailing/outbox.server.ts";
import { composeBridgeTestMessage } from "#app/bridges/mail.server.ts";
import { checkinCode, formatCheckinCode } from "#app/checkin/code.ts";
import { issuingBody } from "#app/plans/document.ts";
import { composeInvitation, invitationIcs } from "#app/invitations/compose.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken, verifyToken } from "#app/invitations/tokens.ts";
import type {
  AttendanceSite,
  InvitationAttendee,
  InvitationConference,
  InvitationMailData,
  MessageKind,
} from "#app/invitations/types.ts";

export function signingKeys() {
  return deriveSigningKeys(env().SESSION_SECRET);
}

export function newToken(conferenceId: string) {
  return issueToken(signingKeys(), conferenceKeyFor(conferenceId));
}

/** Why a conference cannot send calendar entries yet, or null when it can. */
export function cannotInviteReason(c: {
  startsAt: Date | null;
  endsAt: Date | null;
  tentativeMonth: number | null;
  status: string;
}): string | null {
  if (c.status === "CANCELLED") return "Hội nghị đã hủy.";
  if (!c.startsAt || !c.endsAt) {
    return c.tentativeMonth
      ? "Kế hoạch mới dự kiến theo tháng; cần ngày giờ cụ thể (sửa kế hoạch, mục Thời gian) trước khi gửi giấy mời có lịch."
      : "Kế hoạch chưa có ngày giờ tổ chức; hãy nhập thời gian bắt đầu và kết thúc trước khi gửi giấy mời.";
  }
  return null;
}

const conferenceSelect = {
  id: true,
  title: true,
  status: true,
  issuePlace: true,
  chair: true,
  content: true,
  startsAt: true,
  endsAt: true,
  tentativeMonth: true,
  venue: true,
  preparationNote: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  calendarSequence: true,
  invitationNumber: true,
  signAuthority: true,
  signDelegation: true,
  signerTitle: true,
  signerName: true,
  recipients: { orderBy: { position: "asc" }, select: { text: true } },
  organization: {
    select: {
      name: true,
      documentName: true,
      level: { select: { code: true } },
      parent: { select: { documentName: true } },
    },
  },
} as const;

const attendeeSelect = {
  id: true,
  name: true,
  position: true,
  organizationName: true,
  email: true,
  token: true,
  invitationKey: true,
  revokedAt: true,
  rsvp: true,
  declineReason: true,
  bridgePoint: { select: { name: true, address: true, videoLink: true } },
  conference: { select: conferenceSelect },
} as const;

export type InvitationRecord = NonNullable<Awaited<ReturnType<typeof findAttendee>>>;

function findAttendee(where: { id: string } | { invitationKey: string }) {
  return prisma.attendee.findUnique({ where, select: attendeeSelect });
}

/** A personal invitation link that does not (or no longer) open an invitation. */
export function invitationLinkNotFound(): never {
  throw new Response("Đường dẫn giấy mời không đúng hoặc đã hết hiệu lực.", { status: 404 });
}

/** The attendee a token belongs to; forged tokens are refused before any database lookup. */
export async function attendeeByToken(token: string) {
  const verified = verifyToken(signingKeys().publicKey, token);
  if (!verified.ok) return null;
  const attendee = await findAttendee({ invitationKey: verified.invitationKey });
  return attendee && attendee.token === token ? attendee : null;
}

export function invitationParts(a: InvitationRecord): {
  conference: InvitationConference;
  attendee: InvitationAttendee;
  site: AttendanceSite;
  videoLink: string | null;
} {
  const c = a.conference;
  if (!c.startsAt || !c.endsAt) throw new Error("conference has no exact schedule");
  const body = issuingBody(c.organization);
  return {
    conference: {
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
    },
    attendee: {
      id: a.id,
      name: a.name,
      position: a.position,
      organization: a.organizationName,
      email: a.email,
      checkinCode: formatCheckinCode(checkinCode(a.invitationKey)),
    },
    site: a.bridgePoint
      ? { kind: "BRIDGE", name: a.bridgePoint.name, address: a.bridgePoint.address }
      : { kind: "MAIN_HALL", name: c.venue || "Hội trường", address: "" },
    videoLink: a.bridgePoint?.videoLink || null,
  };
}

export function invitationLinks(token: string) {
  const base = env().APP_URL.replace(/\/$/, "");
  return { rsvp: `${base}/i/${token}`, pdf: `${base}/i/${token}/giay-moi.pdf`, ics: `${base}/i/${token}/invite.ics` };
}

export function fromAddress(): { name: string; address: string } {
  const m = env().MAIL_FROM.match(/^\s*(.*?)\s*<([^>]+)>\s*$/);
  return m ? { name: m[1]!, address: m[2]! } : { name: "Hội nghị CCHC", address: env().MAIL_FROM };
}

export async function letterPdf(a: InvitationRecord): Promise<Buffer> {
  const { conference, attendee, site, videoLink } = invitationParts(a);
  return renderInvitationLetter({ conference, attendee, site, videoLink });
}

// A bulk send composes thousands of messages of one conference: its data is read
// once per version (updatedAt changes with every edit, including SEQUENCE bumps).
const conferenceCache = new Map<string, { updatedAt: number; data: InvitationRecord["conference"] }>();

async function conferenceForMessage(id: string): Promise<InvitationRecord["conference"] | null> {
  const version = await prisma.conference.findUnique({ where: { id }, select: { updatedAt: true } });
  if (!version) return null;
  const cached = conferenceCache.get(id);
  if (cached && cached.updatedAt === version.updatedAt.getTime()) return cached.data;
  const data = await prisma.conference.findUnique({ where: { id }, select: conferenceSelect });
  if (!data) return null;
  if (conferenceCache.size > 100) conferenceCache.clear();
  conferenceCache.set(id, { updatedAt: version.updatedAt.getTime(), data });
  return data;
}

async function attendeeForMessage(id: string): Promise<InvitationRecord | null> {
  const { conference: _c, ...select } = attendeeSelect;
  const a = await prisma.attendee.findUnique({ where: { id }, select: { ...select, conferenceId: true } });
  if (!a) return null;
  const conference = await conferenceForMessage(a.conferenceId);
  return conference ? { ...a, conference } : null;
}

/** The e-mail for one outbox row, composed from the current data at send time. */
export async function composeOutboxMessage(row: OutboxRow): Promise<SendMailOptions> {
  if (row.kind === "BRIDGE_TEST") return composeBridgeTestMessage(row);
  if (!row.attendeeId) throw new Error("Thư không gắn với người được mời nào");
  const a = await attendeeForMessage(row.attendeeId);
  if (!a) throw new Error("Người được mời không còn trong danh sách");
  const parts = invitationParts(a);
  const data: InvitationMailData = {
    kind: row.kind as MessageKind,
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
