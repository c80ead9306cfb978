// Whole-list documents (report, roll-call sheet, spreadsheet) read the attendees a chunk at a time, in keyset
// order (createdAt, id) within each group, so memory stays flat at any size and every relation load binds at
// most one chunk of ids (Prisma refuses more than 32,766 parameters).
import { setImmediate as yieldToEvents } from "node:timers/promises";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { NO_GROUP_LABEL } from "#app/attendance/summary.ts";

export const CHUNK_SIZE = 2000;

type Keyed = { id: string; createdAt: Date };

/**
 * The rows `read` returns, chunk after chunk: `read(after, take)` must filter with `after` and order by
 * createdAt then id. The event loop runs between chunks, so a long document does not hold up other requests.
 */
export async function* keysetChunks<T extends Keyed>(
  read: (after: Prisma.AttendeeWhereInput, take: number) => Promise<T[]>,
  size = CHUNK_SIZE,
): AsyncGenerator<T[]> {
  let after: Prisma.AttendeeWhereInput = {};
  for (;;) {
    const rows = await read(after, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] };
    await yieldToEvents();
  }
}

export const KEYSET_ORDER = [
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.AttendeeOrderByWithRelationInput[];

/** One section of a list document: a group in the plan's order, then "Đại biểu khác". */
export interface ListSection {
  label: string;
  /** The filter of this section's attendees (to add to the conference's). */
  where: Prisma.AttendeeWhereInput;
}

/**
 * The sections in order: each group, then the attendees of no group (or of a group no longer in the plan)
 * under "Đại biểu khác". `strictOthers` keeps only those with no group at all (the report's older rule).
 */
export function listSections(groups: Array<{ id: string; label: string }>, strictOthers = false): ListSection[] {
  const others: Prisma.AttendeeWhereInput = strictOthers
    ? { groupId: null }
    : { OR: [{ groupId: null }, { groupId: { notIn: groups.map((g) => g.id) } }] };
  return [
    ...groups.map((g) => ({ label: g.label, where: { groupId: g.id } })),
    { label: NO_GROUP_LABEL, where: others },
  ];
}
