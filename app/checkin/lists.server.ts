// Check-in lists (entrances of the hall, one per bridge point): who may use them and their counters.
// Managing them: list-admin.server.ts; the scanner's name search and offline keys: search.server.ts;
// walk-in registration: walk-in.server.ts.

import type { ConferenceAccess } from "#app/auth/guard.server.ts";
import { forbidden } from "#app/auth/guard.server.ts";
import type { ListCounts } from "#app/checkin/types.ts";
import { prisma } from "#app/database/db.server.ts";

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
    bridgePoints: Array<{ id: string; name: string; position: number; isMain: boolean }>;
  };
  /** Every list of the conference (organisers, check-in staff); false: a bridge operator's own lists only. */
  staff: boolean;
  /** Create, rename and delete lists ("conference.edit"). */
  canManage: boolean;
  /** Bridge points this user operates, when that is all they may check in at. */
  operatedBridgeIds: string[];
}

/**
 * The check-in view of a guarded conference: a 404 for a remediation plan (it has no check-in), the
 * bridge points, and whether the user's "attendance.take" is limited to the bridges they operate.
 */
export async function checkinScope(access: ConferenceAccess): Promise<CheckinScope> {
  if (access.conference.kind !== "CONFERENCE") notFound();
  const bridgePoints = await prisma.bridgePoint.findMany({
    where: { conferenceId: access.conference.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, isMain: true },
  });
  const staff = !access.onlyOperatedBridges("attendance.take");
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      status: access.conference.status,
      organizationId: access.conference.organizationId,
      bridgePoints,
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

/** The lists this user may use, in order. */
export async function visibleLists(access: CheckinScope) {
  const lists = await prisma.checkinList.findMany({
    where: { conferenceId: access.conference.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: listSelect,
  });
  return lists.filter((l) => mayUseList(access, l));
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
  const [expected, present, here, mains] = await Promise.all([
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, revokedAt: null },
      _count: { _all: true },
    }),
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, revokedAt: null, attendance: { is: { status: { in: [...PRESENT_STATUSES] } } } },
      _count: { _all: true },
    }),
    prisma.attendance.groupBy({
      by: ["checkinListId"],
      where: { conferenceId, status: { in: [...PRESENT_STATUSES] }, checkinListId: { in: lists.map((l) => l.id) } },
      _count: { _all: true },
    }),
    prisma.bridgePoint.findMany({ where: { conferenceId, isMain: true }, select: { id: true } }),
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
