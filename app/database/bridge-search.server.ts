// The one search over a conference's bridge points that the organisers' lists and pickers use: every typed
// word must be in the folded name, host organisation or technical contact ("xa so 12" finds "xã số 12"),
// matched, counted and paged in SQL (foldedMatch), so a nation-wide conference's 3,300 bridge points are
// never read whole to show a page or a <select>.
import { prisma } from "#app/database/db.server.ts";
import { foldedMatch } from "#app/database/folded-match.server.ts";
import { onPostgres } from "#app/database/lease.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { BridgeReadiness } from "#app/generated/prisma/enums.ts";
import { searchWords } from "#app/lib/folded-search.ts";

/** Up to this many bridge points, a picker lists them all; above it, the first ones or those a search finds. */
export const BRIDGE_CHOICES_SHOWN = 200;

export interface BridgeFilter {
  q?: string;
  readiness?: BridgeReadiness | "";
}

/** A page of matching bridge points: their ids in order, the page shown and how many match in all. */
export interface BridgeIdPage {
  ids: string[];
  page: number;
  pages: number;
  matching: number;
}

function bridgeWhere(conferenceId: string, filter: BridgeFilter): Prisma.Sql {
  const parts = [Prisma.sql`b."conferenceId" = ${conferenceId}`];
  if (filter.readiness) {
    parts.push(
      onPostgres()
        ? Prisma.sql`b."readiness" = CAST(${filter.readiness} AS "BridgeReadiness")`
        : Prisma.sql`b."readiness" = ${filter.readiness}`,
    );
  }
  const text = Prisma.sql`(b."name" || ' ' || COALESCE(h."name", '') || ' ' || b."contactName")`;
  for (const word of searchWords(filter.q ?? "")) parts.push(foldedMatch(text, word));
  return Prisma.join(parts, " AND ");
}

// Enum order differs between the databases (ARCHITECTURE.md): spell the board's order out.
const PROBLEMS_FIRST = Prisma.sql`CASE CAST(b."readiness" AS TEXT) WHEN 'FAILED' THEN 0 WHEN 'UNTESTED' THEN 1 ELSE 2 END, b."position", b."id"`;
const BY_POSITION = Prisma.sql`b."position", b."id"`;

/**
 * One page of the conference's bridge points matching `filter`, by position or problems first (failed,
 * then untested, then passed); a page past the end shows the last one.
 */
export async function bridgeIdPage(
  conferenceId: string,
  filter: BridgeFilter,
  paging: { page: number; perPage: number; order: "position" | "problems" },
): Promise<BridgeIdPage> {
  const where = bridgeWhere(conferenceId, filter);
  const from = Prisma.sql`FROM "BridgePoint" b LEFT JOIN "Organization" h ON h."id" = b."hostOrganizationId" WHERE ${where}`;
  const [row] = await prisma.$queryRaw<[{ matching: number | bigint }]>`
    SELECT CAST(COUNT(*) AS INTEGER) AS "matching" ${from}`;
  const matching = Number(row.matching);
  const pages = Math.max(1, Math.ceil(matching / paging.perPage));
  const page = Math.min(pages, Math.max(1, Math.trunc(paging.page) || 1));
  if (!matching) return { ids: [], page, pages, matching };
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT b."id" ${from}
    ORDER BY ${paging.order === "problems" ? PROBLEMS_FIRST : BY_POSITION}
    LIMIT ${paging.perPage} OFFSET ${(page - 1) * paging.perPage}`;
  return { ids: rows.map((r) => r.id), page, pages, matching };
}

/**
 * The bridge points a picker offers, by position: all of them up to BRIDGE_CHOICES_SHOWN, else the first
 * ones or those the search `q` finds; `total` is the conference's count, `matching` what the search kept.
 */
export async function bridgeChoices(conferenceId: string, q: string, limit = BRIDGE_CHOICES_SHOWN) {
  const total = await prisma.bridgePoint.count({ where: { conferenceId } });
  const searched = total > limit && searchWords(q).length > 0;
  const found = await bridgeIdPage(conferenceId, searched ? { q } : {}, {
    page: 1,
    perPage: limit,
    order: "position",
  });
  const rows = await prisma.bridgePoint.findMany({
    where: { id: { in: found.ids } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  return { rows, total, matching: found.matching, searched, limited: total > limit, q: q.slice(0, 100) };
}

export type BridgeChoices = Awaited<ReturnType<typeof bridgeChoices>>;
