// The organisers' roll-call page (routes/conferences.$id.attendance._index.tsx): the filtered list with
// each attendee's current mark and the live figures (counted in SQL), a page at a time, and one mark saved from a
// row's form.

import {
  ATTENDEE_ROW_SELECT,
  parseRollCallForm,
  recordRollCall,
  toAttendeeRow,
} from "#app/attendance/attendance.server.ts";
import { KEYSET_ORDER, keysetChunks } from "#app/attendance/attendee-chunks.server.ts";
import { attendancePlaces, attendanceSummary } from "#app/attendance/figures.server.ts";
import { liveData, type LiveData } from "#app/attendance/summary.ts";
import { STATUS_FILTERS, statusWhere, type StatusFilter } from "#app/attendance/roll-call-filter.ts";
import { describeMark, MAIN_HALL_LABEL, methodLabel } from "#app/attendance/summary.ts";
import type { AuditActor } from "#app/database/audit.server.ts";
import { BRIDGE_CHOICES_SHOWN, bridgeChoices } from "#app/database/bridge-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";

/** One form per attendee: a page of this many keeps the page light at any conference size. */
export const ROLL_CALL_PAGE_SIZE = 100;

/**
 * Ids of the attendees whose folded name or organisation contains `folded`, in list order: how many, and those
 * of one page. SQL cannot fold Vietnamese, so names are read a chunk at a time and only the page's ids kept.
 */
async function nameMatches(where: Prisma.AttendeeWhereInput, folded: string, skip: number, take: number) {
  let matching = 0;
  const ids: string[] = [];
  const chunks = keysetChunks((after, size) =>
    prisma.attendee.findMany({
      where: { AND: [where, after] },
      orderBy: [...KEYSET_ORDER],
      take: size,
      select: { id: true, createdAt: true, name: true, organizationName: true },
    }),
  );
  for await (const rows of chunks)
    for (const r of rows) {
      if (!foldVietnamese(`${r.name} ${r.organizationName}`).includes(folded)) continue;
      if (matching >= skip && ids.length < take) ids.push(r.id);
      matching++;
    }
  return { matching, ids };
}

type RollCallConference = Parameters<typeof attendancePlaces>[0] & { id: string };

/** One page of the attendees matching the filters (?group, ?bridge, ?status, ?name, ?page), and the live figures. */
export async function rollCallPage(conference: RollCallConference, url: URL) {
  const { groups, bridges } = attendancePlaces(conference);
  const filter = {
    group: url.searchParams.get("group") ?? "",
    bridge: url.searchParams.get("bridge") ?? "",
    status: (url.searchParams.get("status") ?? "") as StatusFilter,
    name: (url.searchParams.get("name") ?? "").slice(0, 100),
  };
  if (!(filter.status in STATUS_FILTERS)) filter.status = "";
  const where: Prisma.AttendeeWhereInput = {
    conferenceId: conference.id,
    revokedAt: null,
    ...(filter.group ? { groupId: filter.group === "none" ? null : filter.group } : {}),
    ...(filter.bridge ? { bridgePointId: filter.bridge === "main" ? null : filter.bridge } : {}),
    ...statusWhere(filter.status),
  };
  const folded = foldVietnamese(filter.name);
  const asked = Math.max(1, Math.floor(Number(url.searchParams.get("page")) || 1));
  const summary = await attendanceSummary(conference);
  // The page asked for, or the last one when the list has become shorter.
  const locate = async (page: number) => {
    const skip = (page - 1) * ROLL_CALL_PAGE_SIZE;
    if (folded) return nameMatches(where, folded, skip, ROLL_CALL_PAGE_SIZE);
    const [matching, rows] = await Promise.all([
      prisma.attendee.count({ where }),
      prisma.attendee.findMany({
        where,
        orderBy: [...KEYSET_ORDER],
        skip,
        take: ROLL_CALL_PAGE_SIZE,
        select: { id: true },
      }),
    ]);
    return { matching, ids: rows.map((r) => r.id) };
  };
  let page = asked;
  let found = await locate(page);
  const pages = Math.max(1, Math.ceil(found.matching / ROLL_CALL_PAGE_SIZE));
  if (page > pages) found = await locate((page = pages));
  const loaded = found.ids.length
    ? await prisma.attendee.findMany({ where: { id: { in: found.ids } }, select: ATTENDEE_ROW_SELECT })
    : [];
  const byId = new Map(loaded.map((a) => [a.id, toAttendeeRow(a)]));
  const bridgeName = new Map(bridges.map((b) => [b.id, b.name]));
  const rows = found.ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({
      ...r,
      site: r.bridgePointId ? (bridgeName.get(r.bridgePointId) ?? MAIN_HALL_LABEL) : MAIN_HALL_LABEL,
      markText: describeMark(r.attendance, (id) => (id ? (bridgeName.get(id) ?? null) : null)),
      markTime: r.attendance?.checkedInAt ? formatTime(new Date(r.attendance.checkedInAt)) : "",
      markMethod: methodLabel(r.attendance?.method),
    }));
  const now = new Date();
  const live: LiveData = liveData(summary, formatDateTime(now), now.getTime());
  // A row offers the bridge points that concern it (roll-call-row.tsx): a nation-wide conference sends
  // those of the page's rows and the filter's, not every one.
  const relevant = new Set([filter.bridge, ...rows.flatMap((r) => [r.bridgePointId, r.attendance?.bridgePointId])]);
  return {
    groups,
    bridges: bridges.length <= BRIDGE_CHOICES_SHOWN ? bridges : bridges.filter((b) => relevant.has(b.id)),
    bridgeChoices: await bridgeChoices(conference.id, url.searchParams.get("bq") ?? ""),
    filter,
    rows,
    matching: found.matching,
    total: summary.total.invited,
    paging: { page, pages, from: (page - 1) * ROLL_CALL_PAGE_SIZE + 1 },
    live,
  };
}

/** One row's form: the mark saved, or why not (the field named); with the HTTP status of the answer. */
export async function takeRollCall(form: FormData, by: { conferenceId: string; userId: string; actor: AuditActor }) {
  const attendeeId = String(form.get("attendeeId") ?? "");
  const parsed = parseRollCallForm(form);
  if (!parsed.ok) {
    return { status: 400, answer: { ok: false as const, attendeeId, message: parsed.message, field: parsed.field } };
  }
  const r = await recordRollCall({
    conferenceId: by.conferenceId,
    attendeeId: parsed.attendeeId,
    mark: parsed.mark,
    userId: by.userId,
    actor: by.actor,
  });
  if (!r.ok)
    return { status: r.status, answer: { ok: false as const, attendeeId, message: r.message, field: r.field } };
  return { status: 200, answer: { ok: true as const, attendeeId, message: r.message } };
}

/** What a row's form gets back. */
export type RollCallAnswer = Awaited<ReturnType<typeof takeRollCall>>["answer"];
