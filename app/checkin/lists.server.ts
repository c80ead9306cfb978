// Check-in lists (entrances of the hall, one per bridge point): who may use them and their counters.
// Managing them: list-admin.server.ts; the scanner's name search and offline keys: search.server.ts;
// walk-in registration: walk-in.server.ts.

import type { ConferenceAccess } from "#app/auth/guard.server.ts";
import { forbidden } from "#app/auth/guard.server.ts";
import type { ListCounts } from "#app/checkin/types.ts";
import { prisma } from "#app/database/db.server.ts";
import { foldedMatch } from "#app/database/folded-match.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { searchWords } from "#app/lib/folded-search.ts";

export const PRESENT_STATUSES = ["IN_PERSON", "ONLINE", "SUBSTITUTE"] as const;

export function notFound(): never {
  throw new Response("Không tìm thấy hội nghị hoặc danh sách điểm danh này.", { status: 404 });
}

/** What the check-in pages need of a conference the guard let the user into with "attendance.take". */
export interface CheckinScope {
  conference: {
    id: string;
    title: string;
    status: string;
    organizationId: string;
  };
  /** Every list of the conference (organisers, check-in staff); false: a bridge operator's own lists only. */
  staff: boolean;
  /** Create, rename and delete lists ("conference.edit"). */
  canManage: boolean;
  /** Bridge points this user operates, when that is all they may check in at. */
  operatedBridgeIds: string[];
}

/**
 * The check-in view of a guarded conference: a 404 for a remediation plan (it has no check-in), and
 * whether the user's "attendance.take" is limited to the bridges they operate.
 */
export async function checkinScope(access: ConferenceAccess): Promise<CheckinScope> {
  if (access.conference.kind !== "CONFERENCE") notFound();
  const staff = !access.onlyOperatedBridges("attendance.take");
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      status: access.conference.status,
      organizationId: access.conference.organizationId,
    },
    staff,
    canManage: access.can("conference.edit"),
    operatedBridgeIds: staff ? [] : access.operatedBridgeIds,
  };
}

export function mayUseList(scope: CheckinScope, list: { bridgePointId: string | null }): boolean {
  return scope.staff || (list.bridgePointId !== null && scope.operatedBridgeIds.includes(list.bridgePointId));
}

const listSelect = {
  id: true,
  name: true,
  position: true,
  bridgePointId: true,
  bridgePoint: { select: { name: true } },
} as const;

/** How many lists the list page shows at a time (a nation-wide conference has one per bridge point). */
export const LISTS_PER_PAGE = 50;

/**
 * One page of the lists the user may use, in their order, those whose name holds every word of `q`
 * (folded), counted and paged in SQL.
 */
export async function listPage(access: CheckinScope, query: { q: string; page: number }) {
  const parts = [Prisma.sql`l."conferenceId" = ${access.conference.id}`];
  if (!access.staff) {
    parts.push(
      access.operatedBridgeIds.length
        ? Prisma.sql`l."bridgePointId" IN (${Prisma.join(access.operatedBridgeIds)})`
        : Prisma.sql`1 = 0`,
    );
  }
  for (const word of searchWords(query.q)) parts.push(foldedMatch(Prisma.sql`l."name"`, word));
  const where = Prisma.join(parts, " AND ");
  const [row] = await prisma.$queryRaw<[{ matching: number | bigint }]>`
    SELECT CAST(COUNT(*) AS INTEGER) AS "matching" FROM "CheckinList" l WHERE ${where}`;
  const matching = Number(row.matching);
  const pages = Math.max(1, Math.ceil(matching / LISTS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Math.trunc(query.page) || 1));
  const ids = matching
    ? await prisma.$queryRaw<Array<{ id: string }>>`
        SELECT l."id" FROM "CheckinList" l WHERE ${where}
        ORDER BY l."position", l."createdAt", l."id" LIMIT ${LISTS_PER_PAGE} OFFSET ${(page - 1) * LISTS_PER_PAGE}`
    : [];
  const rows = await prisma.checkinList.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: listSelect });
  const byId = new Map(rows.map((l) => [l.id, l]));
  return {
    lists: ids.flatMap((r) => byId.get(r.id) ?? []),
    paging: { q: query.q, page, pages, matching, perPage: LISTS_PER_PAGE, from: (page - 1) * LISTS_PER_PAGE + 1 },
  };
}

/** Bridge points (other than the main one, the hall) with no check-in list yet. */
export async function bridgesWithoutList(conferenceId: string): Promise<number> {
  // NOT IN over the conference's lists, read once (Prisma's `none` is a correlated subquery per bridge point).
  const [row] = await prisma.$queryRaw<[{ n: number | bigint }]>`
    SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "BridgePoint" b
    WHERE b."conferenceId" = ${conferenceId} AND NOT b."isMain" AND b."id" NOT IN (
      SELECT l."bridgePointId" FROM "CheckinList" l
      WHERE l."conferenceId" = ${conferenceId} AND l."bridgePointId" IS NOT NULL)`;
  return Number(row.n);
}

/** One list the user may use, or a 404. */
export async function usableList(access: CheckinScope, listId: string) {
  const list = await prisma.checkinList.findFirst({
    where: { id: listId, conferenceId: access.conference.id },
    select: listSelect,
  });
  if (!list) notFound();
  // The user already knows the conference (the guard let them in): another bridge's list is refused.
  if (!mayUseList(access, list))
    forbidden("Danh sách điểm danh này thuộc điểm cầu khác; bạn chỉ điểm danh tại điểm cầu của mình.");
  return list;
}

/** "x / y đã có mặt" for each list, with two grouped queries whatever the number of lists. */
export async function listCounts(
  conferenceId: string,
  lists: ReadonlyArray<{ id: string; bridgePointId: string | null }>,
): Promise<Map<string, ListCounts>> {
  const mains = await prisma.bridgePoint.findMany({ where: { conferenceId, isMain: true }, select: { id: true } });
  // Only the sites of these lists: the hall (no bridge point, or the main one) and their bridge points.
  const sites = [...new Set([...lists.flatMap((l) => l.bridgePointId ?? []), ...mains.map((m) => m.id)])];
  const atSites = { OR: [{ bridgePointId: null }, { bridgePointId: { in: sites } }] };
  const [expected, present, here] = await Promise.all([
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, revokedAt: null, ...atSites },
      _count: { _all: true },
    }),
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: {
        conferenceId,
        revokedAt: null,
        attendance: { is: { status: { in: [...PRESENT_STATUSES] } } },
        ...atSites,
      },
      _count: { _all: true },
    }),
    prisma.attendance.groupBy({
      by: ["checkinListId"],
      where: { conferenceId, status: { in: [...PRESENT_STATUSES] }, checkinListId: { in: lists.map((l) => l.id) } },
      _count: { _all: true },
    }),
  ]);
  const hall = new Set<string | null>([null, ...mains.map((m) => m.id)]);
  const site = (id: string | null) => (hall.has(id) ? null : id);
  const byBridge = (rows: Array<{ bridgePointId: string | null; _count: { _all: number } }>, id: string | null) =>
    rows.filter((r) => site(r.bridgePointId) === site(id)).reduce((n, r) => n + r._count._all, 0);
  return new Map(
    lists.map((l) => [
      l.id,
      {
        present: byBridge(present, l.bridgePointId),
        expected: byBridge(expected, l.bridgePointId),
        here: here.find((r) => r.checkinListId === l.id)?._count._all ?? 0,
      },
    ]),
  );
}
