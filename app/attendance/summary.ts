// Attendance figures (điểm danh) per attendee group and per bridge point, from plain rows.
// Plain TypeScript: no Remix, no Prisma, safe in the browser.
import { ATTENDANCE_LABEL, METHOD_LABEL, type AttendanceStatus, type CheckinMethod } from "#app/checkin/types.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

export const MAIN_HALL_LABEL = "Hội trường chính";
export const NO_GROUP_LABEL = "Đại biểu khác";

export interface AttendanceMark {
  status: AttendanceStatus;
  bridgePointId: string | null;
  /** ISO time of the earliest accepted check-in; null for absences. */
  checkedInAt: string | null;
  method: CheckinMethod;
  absenceReason: string;
  substituteName: string;
}

export interface AttendeeRow {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  groupId: string | null;
  /** Where the attendee is invited to attend; null = the main hall. */
  bridgePointId: string | null;
  rsvp: "NO_ANSWER" | "ACCEPTED" | "DECLINED" | "SUBSTITUTED";
  walkIn: boolean;
  /** Named as a substitute through the invitation. */
  substituteForName: string | null;
  attendance: AttendanceMark | null;
}

export interface Counts {
  /** Invited and not revoked (walk-ins included). */
  invited: number;
  /** Answered "tham dự". */
  confirmed: number;
  /** In person, online or through a substitute. */
  present: number;
  inPerson: number;
  online: number;
  substitute: number;
  absent: number;
  notRecorded: number;
}

export interface SummaryLine {
  id: string | null;
  label: string;
  counts: Counts;
}

export interface AttendanceSummary {
  total: Counts;
  byGroup: SummaryLine[];
  byBridge: SummaryLine[];
}

export function emptyCounts(): Counts {
  return { invited: 0, confirmed: 0, present: 0, inPerson: 0, online: 0, substitute: 0, absent: 0, notRecorded: 0 };
}

export function isPresent(status: AttendanceStatus | null | undefined): boolean {
  return status === "IN_PERSON" || status === "ONLINE" || status === "SUBSTITUTE";
}

/** What the figures need of an attendee (or of `n` alike ones, when counted in SQL). */
export interface CountedCell {
  groupId: string | null;
  /** Where invited; null = the main hall. */
  bridgePointId: string | null;
  rsvp: AttendeeRow["rsvp"];
  status: AttendanceStatus | null;
  /** Where the mark was recorded (a bridge point for online and substitute marks). */
  markBridgePointId: string | null;
  n: number;
}

function add(c: Counts, cell: CountedCell): void {
  const n = cell.n;
  c.invited += n;
  if (cell.rsvp === "ACCEPTED") c.confirmed += n;
  const s = cell.status;
  if (!s) c.notRecorded += n;
  else if (s === "ABSENT") c.absent += n;
  else {
    c.present += n;
    if (s === "IN_PERSON") c.inPerson += n;
    else if (s === "ONLINE") c.online += n;
    else c.substitute += n;
  }
}

/** Where a row is counted among the bridge points: where it was recorded present, else where it was invited. */
export function placeOf(row: AttendeeRow): string | null {
  return cellPlace(cellOf(row));
}

function cellPlace(c: CountedCell): string | null {
  if (c.status && isPresent(c.status))
    return c.status === "IN_PERSON" ? null : (c.markBridgePointId ?? c.bridgePointId);
  return c.bridgePointId;
}

function cellOf(row: AttendeeRow): CountedCell {
  return {
    groupId: row.groupId,
    bridgePointId: row.bridgePointId,
    rsvp: row.rsvp,
    status: row.attendance?.status ?? null,
    markBridgePointId: row.attendance?.bridgePointId ?? null,
    n: 1,
  };
}

/**
 * Figures per group (plan order, then "Đại biểu khác") and per bridge point (main hall first, then every
 * bridge point in order). Groups and the main hall with nobody are left out. `rows` are the non-revoked attendees.
 */
export function summarize(
  groups: Array<{ id: string; label: string }>,
  bridges: Array<{ id: string; name: string }>,
  rows: AttendeeRow[],
): AttendanceSummary {
  return summarizeCells(groups, bridges, rows.map(cellOf));
}

/** The same figures from counted cells (attendees alike in every field the figures read, as SQL groups them). */
export function summarizeCells(
  groups: Array<{ id: string; label: string }>,
  bridges: Array<{ id: string; name: string }>,
  cells: CountedCell[],
): AttendanceSummary {
  const total = emptyCounts();
  const byGroup = new Map<string | null, Counts>();
  const byBridge = new Map<string | null, Counts>();
  const known = new Set(groups.map((g) => g.id));
  const knownBridges = new Set(bridges.map((b) => b.id));
  for (const cell of cells) {
    add(total, cell);
    const g = cell.groupId && known.has(cell.groupId) ? cell.groupId : null;
    if (!byGroup.has(g)) byGroup.set(g, emptyCounts());
    add(byGroup.get(g)!, cell);
    const p = cellPlace(cell);
    const b = p && knownBridges.has(p) ? p : null;
    if (!byBridge.has(b)) byBridge.set(b, emptyCounts());
    add(byBridge.get(b)!, cell);
  }
  const lines = (
    entries: Array<{ id: string | null; label: string; always?: boolean }>,
    map: Map<string | null, Counts>,
  ) =>
    entries
      .filter((e) => e.always || map.has(e.id))
      .map((e) => ({ id: e.id, label: e.label, counts: map.get(e.id) ?? emptyCounts() }));
  return {
    total,
    byGroup: lines([...groups, { id: null, label: NO_GROUP_LABEL }], byGroup),
    // Every bridge point is listed, even with nobody: a site without attendance is worth seeing.
    byBridge: lines(
      [{ id: null, label: MAIN_HALL_LABEL }, ...bridges.map((b) => ({ id: b.id, label: b.name, always: true }))],
      byBridge,
    ),
  };
}

/**
 * "Có mặt trực tiếp", "Dự trực tuyến tại Điểm cầu UBND huyện Núi Thành", "Vắng mặt (lý do: Ốm)"… or
 * "Chưa điểm danh".
 */
export function describeMark(mark: AttendanceMark | null, bridgeName: (id: string | null) => string | null): string {
  if (!mark) return "Chưa điểm danh";
  switch (mark.status) {
    case "IN_PERSON":
      return ATTENDANCE_LABEL.IN_PERSON;
    case "ONLINE": {
      const name = bridgeName(mark.bridgePointId);
      return name ? `Dự trực tuyến tại ${name}` : ATTENDANCE_LABEL.ONLINE;
    }
    case "ABSENT":
      return mark.absenceReason ? `Vắng mặt (lý do: ${mark.absenceReason})` : ATTENDANCE_LABEL.ABSENT;
    case "SUBSTITUTE":
      return mark.substituteName ? `Người dự thay có mặt: ${mark.substituteName}` : ATTENDANCE_LABEL.SUBSTITUTE;
  }
}

export function methodLabel(method: CheckinMethod | null | undefined): string {
  return method ? METHOD_LABEL[method] : "";
}

/** Letters typed, not counting spaces and punctuation (the name list opens at 3). */
export function letterCount(text: string): number {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, "").length;
}

export const NAME_SEARCH_MIN_LETTERS = 3;
export const NAME_SEARCH_MAX_RESULTS = 5;

/**
 * Attendees whose name contains the typed text, diacritics ignored; names that start with it, or
 * whose given name (last word) starts with it, come first. Empty until 3 letters are typed; at most 5.
 */
export function matchByName<T extends { name: string }>(
  people: T[],
  query: string,
  limit = NAME_SEARCH_MAX_RESULTS,
): T[] {
  if (letterCount(query) < NAME_SEARCH_MIN_LETTERS) return [];
  const q = foldVietnamese(query);
  const scored: Array<{ p: T; score: number }> = [];
  for (const p of people) {
    const name = foldVietnamese(p.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const given = name.split(" ").at(-1) ?? "";
    const score = at === 0 ? 0 : given.startsWith(q) ? 1 : name.includes(` ${q}`) ? 2 : 3;
    scored.push({ p, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.p.name.localeCompare(b.p.name, "vi"))
    .slice(0, limit)
    .map((s) => s.p);
}

/** Percentage of the invited who are present, rounded; 0 when nobody is invited. */
export function presentShare(c: Counts): number {
  return c.invited ? Math.round((c.present / c.invited) * 100) : 0;
}

/** What the live attendance page polls: the figures and when they were taken. */
export interface LiveData {
  summary: AttendanceSummary;
  /** How many bridge-point lines the figures have in all (`summary.byBridge` may show fewer). */
  bridgeLines: number;
  /** "08 giờ 05, ngày 18 tháng 01 năm 2024" of the figures. */
  asOf: string;
  /** The same instant in ms, to tell which of two answers is newer. */
  at: number;
}

/** The live page shows every bridge point of a province; a nation-wide conference's, those furthest behind. */
export const LIVE_BRIDGE_LINES = 50;

/**
 * The live figures as the page shows them: above LIVE_BRIDGE_LINES bridge-point lines, those with the most
 * attendees not yet recorded (in the summary's order); the totals always count everyone.
 */
export function liveData(summary: AttendanceSummary, asOf: string, at: number): LiveData {
  const lines = summary.byBridge;
  if (lines.length <= LIVE_BRIDGE_LINES) return { summary, bridgeLines: lines.length, asOf, at };
  const kept = new Set(
    lines
      .map((line, index) => ({ line, index }))
      .sort((a, b) => b.line.counts.notRecorded - a.line.counts.notRecorded || a.index - b.index)
      .slice(0, LIVE_BRIDGE_LINES)
      .map((x) => x.line),
  );
  return { summary: { ...summary, byBridge: lines.filter((l) => kept.has(l)) }, bridgeLines: lines.length, asOf, at };
}
