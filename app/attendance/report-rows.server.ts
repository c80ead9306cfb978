// The lines of the attendance report and roll-call sheet (non-revoked attendees by group), read in chunks.
import { ATTENDEE_ROW_SELECT, toAttendeeRow } from "#app/attendance/attendance.server.ts";
import { KEYSET_ORDER, keysetChunks, listSections } from "#app/attendance/attendee-chunks.server.ts";
import { reportLiner, type ReportRow } from "#app/attendance/report.ts";
import { prisma } from "#app/database/db.server.ts";

/** A section of a list document: its label, how many lines, and the lines chunk by chunk. */
export interface StreamedSection<T> {
  label: string;
  count: number;
  chunks: AsyncIterable<T[]>;
}

/** Non-revoked attendees per group id (null: none), counted in SQL. */
export async function countsByGroup(conferenceId: string, revoked = false): Promise<Map<string | null, number>> {
  const counts = await prisma.attendee.groupBy({
    by: ["groupId"],
    where: { conferenceId, ...(revoked ? {} : { revokedAt: null }) },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.groupId, c._count._all]));
}

/** Lines per section of `counts`: a group's own count, "Đại biểu khác" the rest. */
export function sectionCount(counts: Map<string | null, number>, groupIds: string[], groupId: string | null): number {
  if (groupId) return counts.get(groupId) ?? 0;
  let n = 0;
  for (const [id, c] of counts) if (!id || !groupIds.includes(id)) n += c;
  return n;
}

/** The report's lines (report.ts `ReportRow`) per group in plan order, "Đại biểu khác" last; empty groups left out. */
export async function reportSections(
  conferenceId: string,
  groups: Array<{ id: string; label: string }>,
  bridges: Array<{ id: string; name: string }>,
): Promise<Array<StreamedSection<ReportRow>>> {
  const counts = await countsByGroup(conferenceId);
  const line = reportLiner(bridges);
  const ids = groups.map((g) => g.id);
  return listSections(groups)
    .map((s, i) => ({ ...s, count: sectionCount(counts, ids, groups[i]?.id ?? null) }))
    .filter((s) => s.count > 0)
    .map((s) => ({
      label: s.label,
      count: s.count,
      chunks: (async function* () {
        const chunks = keysetChunks((after, take) =>
          prisma.attendee.findMany({
            where: { AND: [{ conferenceId, revokedAt: null }, s.where, after] },
            orderBy: [...KEYSET_ORDER],
            take,
            select: { ...ATTENDEE_ROW_SELECT, createdAt: true },
          }),
        );
        for await (const rows of chunks) yield rows.map((r) => line(toAttendeeRow(r), s.label));
      })(),
    }));
}
