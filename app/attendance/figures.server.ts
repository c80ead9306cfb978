// The attendance figures counted in SQL: one grouped query over the conference's attendees and their marks,
// folded into the same per-group and per-bridge lines as `summarize` (summary.ts). The live page polls
// them every few seconds, so they never load the attendees themselves.
import { groupLabel } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { summarizeCells, type AttendanceSummary, type CountedCell } from "#app/attendance/summary.ts";

interface CellRow {
  groupId: string | null;
  bridgePointId: string | null;
  rsvp: CountedCell["rsvp"];
  status: CountedCell["status"];
  markBridgePointId: string | null;
  n: number | bigint;
}

/** Non-revoked attendees counted by group, invited place, answer, mark and marked place. */
export async function attendanceCells(conferenceId: string): Promise<CountedCell[]> {
  const rows = await prisma.$queryRaw<CellRow[]>`
    SELECT a."groupId" AS "groupId", a."bridgePointId" AS "bridgePointId", a."rsvp" AS "rsvp",
           m."status" AS "status", m."bridgePointId" AS "markBridgePointId", COUNT(*) AS "n"
    FROM "Attendee" a LEFT JOIN "Attendance" m ON m."attendeeId" = a."id"
    WHERE a."conferenceId" = ${conferenceId} AND a."revokedAt" IS NULL
    GROUP BY a."groupId", a."bridgePointId", a."rsvp", m."status", m."bridgePointId"`;
  // PostgreSQL's COUNT is a bigint; enum values arrive as their names on both databases.
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The conference's groups and bridge points as the attendance pages name them. */
export function attendancePlaces(conference: {
  attendeeGroups: Array<{ id: string; heading: string; lines: Array<{ text: string }> }>;
  bridgePoints: Array<{ id: string; name: string }>;
}) {
  return {
    groups: conference.attendeeGroups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) })),
    bridges: conference.bridgePoints.map((b) => ({ id: b.id, name: b.name })),
  };
}

/** The figures per group and bridge point, counted in SQL. */
export async function attendanceSummary(conference: {
  id: string;
  attendeeGroups: Array<{ id: string; heading: string; lines: Array<{ text: string }> }>;
  bridgePoints: Array<{ id: string; name: string }>;
}): Promise<AttendanceSummary> {
  const { groups, bridges } = attendancePlaces(conference);
  return summarizeCells(groups, bridges, await attendanceCells(conference.id));
}
