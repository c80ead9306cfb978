// Roll-call marks that are not a check-in: absent, substitute, clearing a mark, and an organiser moving
// someone already present (hall ↔ bridge point). Same connection and the same kind of IMMEDIATE
// transaction as a scan, so the check, the write and the audit row cannot interleave with a door scan.

import type Database from "better-sqlite3";
import { attendanceChanges, attendanceFields } from "#app/checkin/attendance-audit.server.ts";
import { withBusyRetry } from "#app/checkin/group-commit.server.ts";
import type { CheckinAudit } from "#app/checkin/scan-input.ts";
import { dbTime, newId, store, type Store } from "#app/checkin/store.server.ts";
import { ATTENDANCE_LABEL, METHOD_LABEL, type AttendanceStatus } from "#app/checkin/types.ts";

export type MarkChange =
  | { kind: "ABSENT"; reason: string }
  | { kind: "SUBSTITUTE"; substituteName: string; bridgePointId: string | null }
  | { kind: "CLEAR" }
  /** Someone already present: where they attend changes, the first time stays. */
  | { kind: "MOVE"; bridgePointId: string | null };

export interface MarkInput {
  conferenceId: string;
  attendeeId: string;
  change: MarkChange;
  userId: string | null;
  now: Date;
  audit: CheckinAudit;
  /**
   * A bridge point reporting its own attendance: it may not change a record of someone present in the
   * hall or at another bridge point (an in-person record is never turned into something else by a bridge).
   */
  fromBridgePointId?: string | null;
}

export type MarkOutcome =
  | { ok: true; changed: boolean; name: string }
  | { ok: false; reason: "unknown-attendee" }
  | { ok: false; reason: "elsewhere"; name: string; status: AttendanceStatus; place: string };

function markTx(st: Store, input: MarkInput): MarkOutcome {
  const { s } = st;
  const row = s.attendeeById.get(input.attendeeId);
  if (!row || row.conferenceId !== input.conferenceId) return { ok: false, reason: "unknown-attendee" };
  const current = s.attendance.get(row.id);
  const currentPlace = current ? current.listName || current.bridgeName || "" : "";
  if (input.fromBridgePointId && current && current.status !== "ABSENT") {
    const elsewhere = current.status === "IN_PERSON" || current.bridgePointId !== input.fromBridgePointId;
    if (elsewhere)
      return { ok: false, reason: "elsewhere", name: row.name, status: current.status, place: currentPlace };
  }
  const before = current ? attendanceFields({ ...current, place: currentPlace || null }) : null;
  const at = dbTime(input.now);
  const c = input.change;
  let after: Parameters<typeof attendanceFields>[0] | null;
  let detail: string;
  if (c.kind === "CLEAR") {
    if (!current) return { ok: true, changed: false, name: row.name };
    s.deleteAttendance.run(row.id);
    after = null;
    detail = "xóa kết quả điểm danh";
  } else if (c.kind === "MOVE") {
    if (!current || current.status === "ABSENT") return { ok: true, changed: false, name: row.name };
    const status: AttendanceStatus = c.bridgePointId ? "ONLINE" : "IN_PERSON";
    // Back in the hall: the entrance it was scanned at, if it was scanned in the hall.
    const place = c.bridgePointId
      ? (s.bridge.get(c.bridgePointId)?.name ?? null)
      : current.status === "IN_PERSON"
        ? current.listName
        : null;
    after = { ...current, status, bridgePointId: c.bridgePointId, place, absenceReason: "", substituteName: "" };
    if (JSON.stringify(attendanceFields(after)) === JSON.stringify(before))
      return { ok: true, changed: false, name: row.name };
    s.moveAttendance.run(status, c.bridgePointId, input.userId, at, row.id);
    detail = `sửa thành ${ATTENDANCE_LABEL[status]}${place ? ` (${place})` : ""}`;
  } else {
    const bridgePointId = c.kind === "SUBSTITUTE" ? c.bridgePointId : null;
    after = {
      status: c.kind,
      place: bridgePointId ? (s.bridge.get(bridgePointId)?.name ?? null) : null,
      bridgePointId,
      checkinListId: null,
      checkedInAt: c.kind === "SUBSTITUTE" ? at : null,
      method: "ROLL_CALL",
      deviceId: "",
      absenceReason: c.kind === "ABSENT" ? c.reason : "",
      substituteName: c.kind === "SUBSTITUTE" ? c.substituteName : "",
    };
    // The same mark again (a double submit) changes nothing and is not logged twice.
    const same =
      current &&
      current.status === c.kind &&
      current.absenceReason === after.absenceReason &&
      current.substituteName === after.substituteName &&
      current.bridgePointId === bridgePointId;
    if (same) return { ok: true, changed: false, name: row.name };
    s.upsertMark.run(
      row.id,
      row.conferenceId,
      c.kind,
      bridgePointId,
      after.checkedInAt,
      after.absenceReason,
      after.substituteName,
      input.userId,
      at,
    );
    detail =
      c.kind === "ABSENT"
        ? `${ATTENDANCE_LABEL.ABSENT} (lý do: ${c.reason})`
        : `${ATTENDANCE_LABEL.SUBSTITUTE}: ${c.substituteName}${after.place ? ` (${after.place})` : ""}`;
  }
  const { actor, action, label } = input.audit;
  s.insertAudit.run(
    newId(),
    at,
    actor.kind,
    actor.userId,
    actor.label,
    actor.ip,
    action,
    "Attendance",
    row.id,
    `${label ?? METHOD_LABEL.ROLL_CALL}: ${row.name} — ${detail}`,
    JSON.stringify(attendanceChanges(before, after ? attendanceFields(after) : null)),
    row.organizationId,
    row.conferenceId,
  );
  return { ok: true, changed: true, name: row.name };
}

const markTransactions = new WeakMap<Database.Database, (input: MarkInput) => MarkOutcome>();

/** Records one roll-call mark that is not a check-in, with its audit row, in one IMMEDIATE transaction. */
export async function recordMark(input: MarkInput): Promise<MarkOutcome> {
  const st = store();
  let tx = markTransactions.get(st.db);
  if (!tx) {
    const t = st.db.transaction((i: MarkInput) => markTx(st, i));
    tx = (i) => t.immediate(i);
    markTransactions.set(st.db, tx);
  }
  const run = tx;
  return withBusyRetry(() => run(input));
}
