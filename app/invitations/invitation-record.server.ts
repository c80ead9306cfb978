// The invitation as the database holds it: the attendee with their conference and bridge point (the
// fields every invitation page, letter and e-mail reads), found by signed token or, for the outbox, by id
// with the conference read once per version.

import { prisma } from "#app/database/db.server.ts";
import { signingKeys } from "#app/invitations/signing.server.ts";
import { verifyToken } from "#app/invitations/tokens.server.ts";

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

/**
 * What a personal link opens: `find` reads the record by the invitation key the token signs, and the
 * record counts only while it still holds this very token (a replaced link opens nothing). Forged tokens
 * are refused before any database lookup.
 */
export async function openedByToken<T extends { token: string }>(
  token: string,
  find: (invitationKey: string) => Promise<T | null | undefined>,
): Promise<T | null> {
  const verified = verifyToken(signingKeys().publicKey, token);
  if (!verified.ok) return null;
  const record = await find(verified.invitationKey);
  return record && record.token === token ? record : null;
}

/** The attendee a token belongs to. */
export function attendeeByToken(token: string) {
  return openedByToken(token, (invitationKey) => findAttendee({ invitationKey }));
}

// A bulk send composes thousands of messages of one conference: its data is read
// once per version (updatedAt changes with every edit, including SEQUENCE bumps).
const conferenceCache = new Map<string, { updatedAt: number; data: InvitationRecord["conference"] }>();

/** The conference as the letters read it (the generic giấy mời too), from the per-version cache. */
export async function conferenceForMessage(id: string): Promise<InvitationRecord["conference"] | null> {
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

/** The record for the outbox: the attendee by id, their conference from the per-version cache. */
export async function attendeeForMessage(id: string): Promise<InvitationRecord | null> {
  return (await attendeesForMessages([id])).get(id) ?? null;
}

/** The records of many attendees at once (a claimed batch): one attendee query, each conference from the cache. */
export async function attendeesForMessages(ids: readonly string[]): Promise<Map<string, InvitationRecord>> {
  const { conference: _c, ...select } = attendeeSelect;
  const rows = await prisma.attendee.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { ...select, conferenceId: true },
  });
  const conferences = new Map<string, InvitationRecord["conference"] | null>();
  for (const id of new Set(rows.map((a) => a.conferenceId))) conferences.set(id, await conferenceForMessage(id));
  const out = new Map<string, InvitationRecord>();
  for (const a of rows) {
    const conference = conferences.get(a.conferenceId);
    if (conference) out.set(a.id, { ...a, conference });
  }
  return out;
}
