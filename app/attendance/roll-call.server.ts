// The organisers' roll-call page (routes/conferences.$id.attendance._index.tsx): the filtered list with
// each attendee's current mark and the live figures, and one mark saved from a row's form.

import { attendanceData, parseRollCallForm, recordRollCall } from "#app/attendance/attendance.server.ts";
import type { LiveData } from "#app/attendance/summary.ts";
import { matchesStatus, STATUS_FILTERS, type StatusFilter } from "#app/attendance/roll-call-filter.ts";
import { describeMark, MAIN_HALL_LABEL, methodLabel } from "#app/attendance/summary.ts";
import type { AuditActor } from "#app/database/audit.server.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";

const ROW_LIMIT = 300;

/** The attendees matching the page's filters (?group, ?bridge, ?status, ?name), at most ROW_LIMIT of them. */
export async function rollCallPage(conference: Parameters<typeof attendanceData>[0], url: URL) {
  const data = await attendanceData(conference);
  const filter = {
    group: url.searchParams.get("group") ?? "",
    bridge: url.searchParams.get("bridge") ?? "",
    status: (url.searchParams.get("status") ?? "") as StatusFilter,
    name: (url.searchParams.get("name") ?? "").slice(0, 100),
  };
  if (!(filter.status in STATUS_FILTERS)) filter.status = "";
  const name = foldVietnamese(filter.name);
  const bridgeName = new Map(data.bridges.map((b) => [b.id, b.name]));
  const matching = data.rows
    .filter((r) => !filter.group || (filter.group === "none" ? !r.groupId : r.groupId === filter.group))
    .filter((r) => !filter.bridge || (filter.bridge === "main" ? !r.bridgePointId : r.bridgePointId === filter.bridge))
    .filter((r) => matchesStatus(r, filter.status))
    .filter((r) => !name || foldVietnamese(`${r.name} ${r.organizationName}`).includes(name))
    .map((r) => ({
      ...r,
      site: r.bridgePointId ? (bridgeName.get(r.bridgePointId) ?? MAIN_HALL_LABEL) : MAIN_HALL_LABEL,
      markText: describeMark(r.attendance, (id) => (id ? (bridgeName.get(id) ?? null) : null)),
      markTime: r.attendance?.checkedInAt ? formatTime(new Date(r.attendance.checkedInAt)) : "",
      markMethod: methodLabel(r.attendance?.method),
    }));
  // A province- or nation-wide conference has thousands of attendees: one form each would make the page
  // unusable, so the list shows the first ROW_LIMIT matches and asks for a filter.
  const now = new Date();
  const live: LiveData = { summary: data.summary, asOf: formatDateTime(now), at: now.getTime() };
  return {
    groups: data.groups,
    bridges: data.bridges,
    filter,
    rows: matching.slice(0, ROW_LIMIT),
    matching: matching.length,
    total: data.rows.length,
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
