// The attendance figures counted in SQL (figures.server.ts) and the roll-call page's filters in SQL
// (roll-call.server.ts) give what the rows themselves give, on every seeded conference with attendees.
import { describe, expect, it } from "vitest";
import { ATTENDEE_ROW_SELECT, toAttendeeRow } from "#app/attendance/attendance.server.ts";
import { attendancePlaces, attendanceSummary } from "#app/attendance/figures.server.ts";
import { STATUS_FILTERS, type StatusFilter } from "#app/attendance/roll-call-filter.ts";
import { rollCallPage } from "#app/attendance/roll-call.server.ts";
import { isPresent, summarize, type AttendeeRow } from "#app/attendance/summary.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";

async function conferencesWithMarks() {
  const marked = await prisma.attendance.groupBy({ by: ["conferenceId"], _count: { _all: true } });
  expect(marked.length).toBeGreaterThan(0);
  return Promise.all(marked.map((m) => invitationConference(m.conferenceId)));
}

async function rowsOf(conferenceId: string): Promise<AttendeeRow[]> {
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ATTENDEE_ROW_SELECT,
  });
  return rows.map(toAttendeeRow);
}

const keeps: Record<StatusFilter, (r: AttendeeRow) => boolean> = {
  "": () => true,
  NONE: (r) => !r.attendance,
  PRESENT: (r) => isPresent(r.attendance?.status),
  IN_PERSON: (r) => r.attendance?.status === "IN_PERSON",
  ONLINE: (r) => r.attendance?.status === "ONLINE",
  SUBSTITUTE: (r) => r.attendance?.status === "SUBSTITUTE",
  ABSENT: (r) => r.attendance?.status === "ABSENT",
};

describe("attendance figures and filters in SQL", () => {
  it("count what the rows count, per group and per bridge point", async () => {
    for (const c of await conferencesWithMarks()) {
      const { groups, bridges } = attendancePlaces(c);
      const rows = await rowsOf(c.id);
      expect(await attendanceSummary(c)).toEqual(summarize(groups, bridges, rows));
    }
  });

  it("filter the roll call by status, group and bridge point as the rows do, a page at a time", async () => {
    for (const c of await conferencesWithMarks()) {
      const rows = await rowsOf(c.id);
      const group = c.attendeeGroups[0]?.id ?? "none";
      const bridge = c.bridgePoints[0]?.id ?? "main";
      for (const status of Object.keys(STATUS_FILTERS) as StatusFilter[]) {
        const url = new URL(`http://x/attendance?status=${status}&group=${group}`);
        const page = await rollCallPage(c, url);
        const expected = rows.filter((r) => keeps[status](r) && r.groupId === group);
        expect(page.matching).toBe(expected.length);
        expect(page.rows.map((r) => r.id)).toEqual(expected.slice(0, 100).map((r) => r.id));
      }
      const byBridge = await rollCallPage(c, new URL(`http://x/attendance?bridge=${bridge}&status=PRESENT`));
      expect(byBridge.rows.map((r) => r.id)).toEqual(
        rows
          .filter((r) => (bridge === "main" ? !r.bridgePointId : r.bridgePointId === bridge))
          .filter(keeps.PRESENT)
          .slice(0, 100)
          .map((r) => r.id),
      );
      expect(byBridge.total).toBe(rows.length);
    }
  });
});
