// What the scanner page asks the server besides scans: the keys to verify tokens offline and the
// search by name.

import { PRESENT_STATUSES } from "#app/checkin/lists.server.ts";
import type { SearchHit } from "#app/checkin/types.ts";
import { signingKeys } from "#app/invitations/signing.server.ts";
import { conferenceKeyFor, conferenceKeyString } from "#app/invitations/tokens.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

// ---------------------------------------------------------------------------------------------------------
// What the scanner page needs to verify tokens offline: the public key, this conference's key and the
// revoked invitations. Nothing else about attendees leaves the server.

export async function revokedKeys(conferenceId: string): Promise<string[]> {
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: { not: null } },
    select: { invitationKey: true },
  });
  return rows.map((r) => r.invitationKey);
}

export async function offlineKeys(conferenceId: string) {
  return {
    publicKey: Buffer.from(signingKeys().publicKeyRaw).toString("base64url"),
    conferenceKey: conferenceKeyString(conferenceKeyFor(conferenceId)),
    revokedKeys: await revokedKeys(conferenceId),
  };
}

export const SEARCH_MIN_CHARS = 2;
const SEARCH_LIMIT = 20;

/**
 * Attendees of the conference whose name (or organisation) holds every word typed; revoked invitations
 * are left out.
 */
export async function searchAttendees(
  conferenceId: string,
  query: string,
  bridgePointIds: string[] | null,
): Promise<SearchHit[]> {
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  if (words.join("").length < SEARCH_MIN_CHARS) return [];
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null, ...(bridgePointIds ? { bridgePointId: { in: bridgePointIds } } : {}) },
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      walkIn: true,
      attendance: { select: { status: true } },
    },
  });
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const r of rows) {
    const name = foldVietnamese(r.name);
    const haystack = `${name} ${foldVietnamese(r.organizationName)}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    const rank = name.startsWith(words[0]!) ? 0 : name.split(" ").some((part) => part.startsWith(words[0]!)) ? 1 : 2;
    hits.push({
      id: r.id,
      name: r.name,
      position: r.position,
      organizationName: r.organizationName,
      walkIn: r.walkIn,
      present: !!r.attendance && (PRESENT_STATUSES as readonly string[]).includes(r.attendance.status),
      rank,
    });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "vi"))
    .slice(0, SEARCH_LIMIT)
    .map(({ rank: _r, ...h }) => h);
}
