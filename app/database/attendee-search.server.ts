// The one search over a conference's attendees that the organisers' pickers use (award recipient, named
// audience of a document, attendees to move to a bridge point): every typed word must be in the folded
// name, position, unit or e-mail ("nguyen van" finds "Nguyễn Văn"), and at most `limit` rows come back.
// There is no folded column: SQL narrows the rows by each word's consonants in order
// (foldedLikePattern), foldVietnamese decides, and rows are read a batch at a time in the list's order
// until the page is full, so a conference of 100,000 attendees is never read whole for a real query.
import { containsText, prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { foldedLikePattern, searchWords } from "#app/lib/folded-search.ts";

export const PICKER_LIMIT = 50;
export const SEARCH_MIN_CHARS = 2;
const BATCH = 500;

const pickerSelect = {
  id: true,
  name: true,
  position: true,
  organizationName: true,
  email: true,
  bridgePoint: { select: { name: true } },
} satisfies Prisma.AttendeeSelect;

export type PickedAttendee = Prisma.AttendeeGetPayload<{ select: typeof pickerSelect }>;

export interface PickerSearch {
  /** Also match the name of the attendee's bridge point (the bridge page's "where are they now"). */
  bridgeName?: boolean;
  /** The list's order: by name (default) or by unit, then name. */
  order?: "name" | "organization";
  limit?: number;
  /** The fewest letters a query needs (SEARCH_MIN_CHARS unless said). */
  minChars?: number;
}

/** The folded words of a picker's query, or none when it is too short to search by. */
export function pickerWords(query: string, minChars = SEARCH_MIN_CHARS): string[] {
  return searchWords(query, minChars);
}

/**
 * Attendees (not revoked) of the conference matching every word of `query`, in the list's order, at most
 * `limit` of them; `more` tells whether others match too. A query under two letters (or `minChars`) finds
 * nobody.
 */
export async function pickAttendees(
  conferenceId: string,
  query: string,
  options: PickerSearch = {},
): Promise<{ rows: PickedAttendee[]; more: boolean }> {
  const words = pickerWords(query, options.minChars);
  if (!words.length) return { rows: [], more: false };
  const limit = options.limit ?? PICKER_LIMIT;
  const text = (a: PickedAttendee) =>
    foldVietnamese(
      `${a.name} ${a.position} ${a.organizationName} ${a.email} ${options.bridgeName ? (a.bridgePoint?.name ?? "") : ""}`,
    );
  const narrowing = words.map(foldedLikePattern).filter((p) => p !== "%");
  const where: Prisma.AttendeeWhereInput = {
    conferenceId,
    revokedAt: null,
    AND: narrowing.map((p) => ({
      OR: [
        { name: containsText(p) },
        { position: containsText(p) },
        { organizationName: containsText(p) },
        { email: containsText(p) },
        ...(options.bridgeName ? [{ bridgePoint: { is: { name: containsText(p) } } }] : []),
      ],
    })),
  };
  const orderBy: Prisma.AttendeeOrderByWithRelationInput[] =
    options.order === "organization"
      ? [{ organizationName: "asc" }, { name: "asc" }, { id: "asc" }]
      : [{ name: "asc" }, { id: "asc" }];
  // Words of vowels only narrow nothing in SQL: read bigger batches then.
  const take = narrowing.length ? BATCH : BATCH * 10;
  const found: PickedAttendee[] = [];
  for (let after: string | undefined; ;) {
    const batch = await prisma.attendee.findMany({
      where,
      orderBy,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      take,
      select: pickerSelect,
    });
    for (const a of batch) {
      const haystack = text(a);
      if (!words.every((w) => haystack.includes(w))) continue;
      if (found.length === limit) return { rows: found, more: true };
      found.push(a);
    }
    if (batch.length < take) return { rows: found, more: false };
    after = batch[batch.length - 1]!.id;
  }
}

/** "Nguyễn Văn A, Giám đốc – Sở Nội vụ": how a picker names an attendee. */
export function pickerLabel(a: Pick<PickedAttendee, "name" | "position" | "organizationName">): string {
  return `${a.name}${a.position ? `, ${a.position}` : ""}${a.organizationName ? ` – ${a.organizationName}` : ""}`;
}
