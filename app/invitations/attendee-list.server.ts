// The attendee list of the organiser's page at any size: one page of attendees matching a search and
// filters, counted and paged in SQL, with each shown attendee's last message; the answers per group
// counted in SQL; which of some e-mails are already invited. Nothing here reads every attendee.

import { prisma } from "#app/database/db.server.ts";
import { foldedMatch } from "#app/database/folded-match.server.ts";
import { onPostgres } from "#app/database/lease.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { RsvpStatus } from "#app/generated/prisma/enums.ts";
import { readInChunks } from "#app/invitations/chunks.ts";
import { ATTENDEES_PER_PAGE, type ListQuery } from "#app/invitations/attendee-list-query.ts";
import { searchWords } from "#app/lib/folded-search.ts";
import { LEGACY_CLAIM_MS } from "#app/mailing/claims.server.ts";

/**
 * An attendee whose last message failed, or was claimed by a sender that died (isStuck in SQL: SENDING
 * with a lease run out, or from before leases, claimed long ago or never).
 */
function deliveryProblem(conferenceId: string, now: Date): Prisma.Sql {
  const pg = onPostgres();
  const time = (d: Date) => (pg ? Prisma.sql`CAST(${pgTime(d)} AS timestamp(3))` : Prisma.sql`${d}`);
  const legacy = new Date(now.getTime() - LEGACY_CLAIM_MS);
  return Prisma.sql`a."id" IN (
    SELECT m."attendeeId" FROM "OutboxMessage" m
    WHERE m."conferenceId" = ${conferenceId} AND m."attendeeId" IS NOT NULL
      AND m."status" IN ('FAILED', 'SENDING')
      AND (m."status" = 'FAILED' OR m."leaseUntil" < ${time(now)}
        OR (m."leaseUntil" IS NULL AND (m."claimedAt" IS NULL OR m."claimedAt" < ${time(legacy)})))
      AND NOT EXISTS (
        SELECT 1 FROM "OutboxMessage" l WHERE l."attendeeId" = m."attendeeId"
          AND (l."createdAt" > m."createdAt" OR (l."createdAt" = m."createdAt" AND l."id" > m."id"))))`;
}

function listWhere(conferenceId: string, query: ListQuery, now: Date): Prisma.Sql {
  const pg = onPostgres();
  const parts = [Prisma.sql`a."conferenceId" = ${conferenceId}`];
  if (query.rsvp)
    parts.push(pg ? Prisma.sql`a."rsvp" = CAST(${query.rsvp} AS "RsvpStatus")` : Prisma.sql`a."rsvp" = ${query.rsvp}`);
  const text = Prisma.sql`(a."name" || ' ' || a."email" || ' ' || a."organizationName" || ' ' || a."position")`;
  for (const word of searchWords(query.q)) parts.push(foldedMatch(text, word));
  if (query.mail === "problem") parts.push(deliveryProblem(conferenceId, now));
  return Prisma.join(parts, " AND ");
}

/** The ids of one page of matching attendees in list order, and how many match in all. */
async function pageIds(conferenceId: string, query: ListQuery, now: Date) {
  const where = listWhere(conferenceId, query, now);
  const count = async () => {
    const [row] = await prisma.$queryRaw<[{ matching: number | bigint }]>`
      SELECT CAST(COUNT(*) AS INTEGER) AS "matching" FROM "Attendee" a WHERE ${where}`;
    return Number(row.matching);
  };
  const read = (page: number, counted: boolean) =>
    prisma.$queryRaw<Array<{ id: string; matching?: number | bigint }>>`
      SELECT a."id"${counted ? Prisma.sql`, CAST(COUNT(*) OVER () AS INTEGER) AS "matching"` : Prisma.empty}
      FROM "Attendee" a WHERE ${where}
      ORDER BY a."createdAt", a."id" LIMIT ${ATTENDEES_PER_PAGE} OFFSET ${(page - 1) * ATTENDEES_PER_PAGE}`;
  const lastPage = (matching: number) => Math.max(1, Math.ceil(matching / ATTENDEES_PER_PAGE));
  if (!searchWords(query.q).length && !query.mail) {
    // The conference (and answer) alone: the count comes from an index, the page from a top-100 sort.
    const matching = await count();
    const page = Math.min(query.page, lastPage(matching));
    const rows = matching ? await read(page, false) : [];
    return { ids: rows.map((r) => r.id), page, matching };
  }
  // A search or the delivery filter reads every row of the conference: one pass counts and pages.
  let page = query.page;
  let rows = await read(page, true);
  if (!rows.length && page > 1) {
    // Past the end (the list shrank, or a hand-made URL): the last page instead.
    const matching = await count();
    page = lastPage(matching);
    rows = matching ? await read(page, true) : [];
  }
  return { ids: rows.map((r) => r.id), page, matching: Number(rows[0]?.matching ?? 0) };
}

/** One page of the list: the attendees shown, with their place, substitute and last message. */
export async function attendeeListPage(conferenceId: string, query: ListQuery, now: Date) {
  const { ids, page, matching } = await pageIds(conferenceId, query, now);
  const rows = await prisma.attendee.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      email: true,
      token: true,
      rsvp: true,
      declineReason: true,
      revokedAt: true,
      groupId: true,
      bridgePoint: { select: { name: true } },
      substituteFor: { select: { name: true } },
      messages: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: {
          id: true,
          kind: true,
          status: true,
          sentAt: true,
          lastError: true,
          attempts: true,
          claimedAt: true,
          leaseUntil: true,
        },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    attendees: ids.flatMap((id) => byId.get(id) ?? []),
    paging: {
      page,
      pages: Math.max(1, Math.ceil(matching / ATTENDEES_PER_PAGE)),
      matching,
      from: (page - 1) * ATTENDEES_PER_PAGE + 1,
    },
  };
}

/**
 * Invited (not revoked), accepted, declined and unanswered per group, in the plan's order, then those in
 * no group; groups nobody is in are left out. `total` counts every attendee still invited.
 */
export async function responseCounts(conferenceId: string, groups: Array<{ id: string; label: string }>) {
  const rows = await prisma.attendee.groupBy({
    by: ["groupId", "rsvp"],
    where: { conferenceId, revokedAt: null },
    _count: { _all: true },
  });
  const count = (groupId: string | null, rsvp?: RsvpStatus) =>
    rows.filter((r) => r.groupId === groupId && (!rsvp || r.rsvp === rsvp)).reduce((sum, r) => sum + r._count._all, 0);
  const perGroup = [...groups, { id: null, label: "Chưa phân nhóm" }]
    .map((g) => ({
      label: g.label,
      total: count(g.id),
      accepted: count(g.id, "ACCEPTED"),
      declined: count(g.id, "DECLINED"),
      noAnswer: count(g.id, "NO_ANSWER"),
    }))
    .filter((g) => g.total > 0);
  return { perGroup, total: rows.reduce((sum, r) => sum + r._count._all, 0) };
}

/** Which of these e-mails (as stored: trimmed, lower case) are already on the conference's list. */
export async function invitedAmong(conferenceId: string, emails: readonly string[]): Promise<Set<string>> {
  const rows = await readInChunks([...new Set(emails)], (chunk) =>
    prisma.attendee.findMany({ where: { conferenceId, email: { in: chunk } }, select: { email: true } }),
  );
  return new Set(rows.map((r) => r.email));
}
