// The audit rows the check-in core writes in the same transaction as the attendance change: the fields
// compared, and the row of an accepted check-in (roll-call marks: marks.server.ts).

import { newId, type AttendanceRow, type AttendeeRow, type AuditWrite } from "#app/checkin/rows.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import { ATTENDANCE_LABEL, METHOD_LABEL, type AttendanceStatus, type CheckinMethod } from "#app/checkin/types.ts";
import { diffFields } from "#app/database/audit.server.ts";

/** The attendance fields an audit row compares, from a stored row or the row being written. */
export function attendanceFields(a: {
  status: AttendanceStatus;
  place: string | null;
  bridgePointId: string | null;
  checkinListId: string | null;
  checkedInAt: string | null;
  method: CheckinMethod;
  deviceId: string;
  absenceReason: string;
  substituteName: string;
}): Record<string, unknown> {
  return {
    status: a.status,
    place: a.place,
    bridgePointId: a.bridgePointId,
    checkinListId: a.checkinListId,
    checkedInAt: a.checkedInAt ? new Date(a.checkedInAt).toISOString() : null,
    method: a.method,
    deviceId: a.deviceId,
    absenceReason: a.absenceReason,
    substituteName: a.substituteName,
  };
}

/** For a record created or deleted, the fields that say something (empty reasons and absent places left out). */
function filled(fields: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!fields) return null;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== ""));
}

/** The audit `changes` of an attendance write: field by field; a creation or deletion lists its filled fields. */
export function attendanceChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  return diffFields(before && after ? before : filled(before), before && after ? after : filled(after));
}

/** The audit row of an accepted check-in, written in the same transaction as the attendance write. */
export function checkinAuditRow(
  input: CheckinInput,
  row: AttendeeRow,
  receivedAt: Date,
  current: AttendanceRow | undefined,
  after: Parameters<typeof attendanceFields>[0],
): AuditWrite {
  const { actor, action, createdAttendee } = input.audit;
  const before = current
    ? attendanceFields({ ...current, place: current.listName || current.bridgeName || null })
    : null;
  const afterFields = attendanceFields(after);
  const where = after.place ? ` (${after.place})` : "";
  const summary = `${input.audit.label ?? METHOD_LABEL[input.method]}: ${row.name} — ${ATTENDANCE_LABEL[after.status]}${where}${current && current.status !== "ABSENT" ? ", thay cho lượt ghi muộn hơn" : ""}`;
  const changes = createdAttendee
    ? attendanceChanges(null, { ...createdAttendee, ...afterFields })
    : attendanceChanges(before, afterFields);
  return {
    id: newId(),
    at: receivedAt,
    actorKind: actor.kind,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    action,
    entity: createdAttendee ? "Attendee" : "Attendance",
    entityId: row.id,
    summary,
    changes: JSON.stringify(changes),
    organizationId: row.organizationId,
    conferenceId: row.conferenceId,
  };
}
