// "My bridge points" (/bridges): those hosted by a bridge operator's organisation, and the conferences
// whose readiness boards IT support or organisers follow, with their counts.

import { supportedOrganizationIds } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { ensureKeys } from "#app/bridges/links.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

// Conferences not yet scheduled (no startsAt) come last on both databases: SQLite sorts NULL as the
// smallest value, PostgreSQL as the largest, so the order is spelled out.

/** The bridge points an operator's organisation hosts (newest conference first), with their operator links. */
async function hostedBridges(user: CurrentUser) {
  const hosted = await prisma.bridgePoint.findMany({
    where: { hostOrganizationId: user.organizationId, conference: { status: { not: "CANCELLED" } } },
    orderBy: [{ conference: { startsAt: { sort: "desc", nulls: "last" } } }, { position: "asc" }],
    take: 200,
    select: { id: true },
  });
  if (!hosted.length) return [];
  await ensureKeys({ ids: hosted.map((b) => b.id) });
  const bridges = await prisma.bridgePoint.findMany({
    where: { id: { in: hosted.map((b) => b.id) } },
    orderBy: [{ conference: { startsAt: { sort: "desc", nulls: "last" } } }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      room: true,
      address: true,
      accessKey: true,
      readiness: true,
      conference: { select: { title: true, startsAt: true, bridgeTestAt: true } },
    },
  });
  return bridges.map((b) => ({
    id: b.id,
    name: b.name,
    place: [b.room, b.address].filter(Boolean).join(", "),
    path: `/b/${b.accessKey}`,
    readiness: b.readiness,
    conference: meetingName(b.conference.title),
    when: b.conference.startsAt ? formatDateTime(b.conference.startsAt) : "Thời gian sẽ được thông báo sau",
    testAt: b.conference.bridgeTestAt ? formatDateTime(b.conference.bridgeTestAt) : null,
  }));
}

/** Conferences with bridge points whose boards the user follows, with counts by readiness. */
async function followedBoards(user: CurrentUser) {
  const followed = [
    ...(await supportedOrganizationIds(user)),
    ...(can(user.roles, "bridges.manage") ? user.visibleOrganizationIds : []),
  ];
  if (!followed.length) return [];
  const conferences = await prisma.conference.findMany({
    where: { organizationId: { in: followed }, bridgePoints: { some: {} } },
    orderBy: [{ startsAt: { sort: "desc", nulls: "last" } }],
    take: 100,
    select: {
      id: true,
      title: true,
      startsAt: true,
      organization: { select: { name: true } },
      _count: { select: { bridgePoints: true } },
    },
  });
  const readiness = conferences.length
    ? await prisma.bridgePoint.groupBy({
        by: ["conferenceId", "readiness"],
        where: { conferenceId: { in: conferences.map((c) => c.id) } },
        _count: { _all: true },
      })
    : [];
  const countOf = (conferenceId: string, r: string) =>
    readiness.find((x) => x.conferenceId === conferenceId && x.readiness === r)?._count._all ?? 0;
  return conferences.map((c) => ({
    id: c.id,
    title: c.title,
    organizer: c.organization.name,
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    total: c._count.bridgePoints,
    passed: countOf(c.id, "PASSED"),
    failed: countOf(c.id, "FAILED"),
  }));
}

/** The "Điểm cầu" page of a signed-in user. */
export async function myBridges(user: CurrentUser) {
  const operator = user.roles.includes("BRIDGE_OPERATOR");
  return {
    bridges: operator ? await hostedBridges(user) : [],
    conferences: await followedBoards(user),
    operator,
  };
}
