// What the scanner page asks the server besides scans: the keys to verify tokens offline and the
// search by name.

import { PRESENT_STATUSES } from "#app/checkin/lists.server.ts";
import type { SearchHit } from "#app/checkin/types.ts";
import { signingKeys } from "#app/invitations/signing.server.ts";
import { conferenceKeyFor, conferenceKeyString } from "#app/invitations/tokens.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { foldedMatch } from "#app/database/folded-match.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { searchWords } from "#app/lib/folded-search.ts";

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
 * Attendees of the conference whose name (or organisation) holds every word typed, with or without
 * diacritics; revoked invitations are left out. Names that start with the first word come first, then
 * names with a word that does, then the others. Matched, ranked and limited in SQL: at the door of a
 * conference of 100,000 attendees a keystroke reads twenty rows, not the list.
 */
export async function searchAttendees(
  conferenceId: string,
  query: string,
  bridgePointIds: string[] | null,
): Promise<SearchHit[]> {
  const words = searchWords(query, SEARCH_MIN_CHARS);
  if (!words.length || bridgePointIds?.length === 0) return [];
  const name = Prisma.sql`a."name"`;
  const text = Prisma.sql`(a."name" || ' ' || a."organizationName")`;
  const where = [
    Prisma.sql`a."conferenceId" = ${conferenceId}`,
    Prisma.sql`a."revokedAt" IS NULL`,
    ...(bridgePointIds ? [Prisma.sql`a."bridgePointId" IN (${Prisma.join(bridgePointIds)})`] : []),
    ...words.map((w) => foldedMatch(text, w)),
  ];
  const rank = Prisma.sql`CASE WHEN ${foldedMatch(name, words[0]!, "start")} THEN 0
    WHEN ${foldedMatch(name, words[0]!, "word")} THEN 1 ELSE 2 END`;
  const ranked = await prisma.$queryRaw<Array<{ id: string; rank: number | bigint }>>`
    SELECT a."id", ${rank} AS "rank" FROM "Attendee" a WHERE ${Prisma.join(where, " AND ")}
    ORDER BY 2, a."name", a."id" LIMIT ${SEARCH_LIMIT}`;
  const rows = await prisma.attendee.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      walkIn: true,
      attendance: { select: { status: true } },
    },
  });
  const rankOf = new Map(ranked.map((r) => [r.id, Number(r.rank)]));
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      organizationName: r.organizationName,
      walkIn: r.walkIn,
      present: !!r.attendance && (PRESENT_STATUSES as readonly string[]).includes(r.attendance.status),
    }))
    .sort((a, b) => rankOf.get(a.id)! - rankOf.get(b.id)! || a.name.localeCompare(b.name, "vi"));
}
