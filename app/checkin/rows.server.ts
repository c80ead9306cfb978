// The rows the check-in core reads and the writes it decides, in a form neither database owns: the
// decision (decision.server.ts, marks.server.ts) is a pure function from rows to writes, and each store
// (store.server.ts on SQLite, pg-store.server.ts on PostgreSQL) reads the rows and applies the writes in
// its own transaction. Times are instants (Date) or ISO text; each store converts to its column format.

import type { AttendanceStatus, CheckinMethod } from "#app/checkin/types.ts";

export interface AttendeeRow {
  id: string;
  conferenceId: string;
  organizationId: string;
  bridgePointId: string | null;
  name: string;
  position: string;
  organizationName: string;
  /** Only whether it is set matters. */
  revokedAt: string | null;
  groupHeading: string | null;
  groupPosition: number | null;
  /** The group's first role line, which names it when it has no heading (groupLabel). */
  groupFirstLine: string | null;
  conferenceStatus: string;
}

export interface AttendanceRow {
  status: AttendanceStatus;
  bridgePointId: string | null;
  checkinListId: string | null;
  /** ISO 8601 (any offset): compared as an instant. */
  checkedInAt: string | null;
  deviceId: string;
  method: CheckinMethod;
  absenceReason: string;
  substituteName: string;
  listName: string | null;
  bridgeName: string | null;
}

export interface ListRow {
  id: string;
  conferenceId: string;
  name: string;
  bridgePointId: string | null;
  bridgeName: string | null;
}

export interface BridgeRow {
  id: string;
  conferenceId: string;
  name: string;
}

/** What a scan's decision needs, read inside the scan's transaction. */
export interface ScanFacts {
  attendee: AttendeeRow | undefined;
  /** The newest substitute's name, read when the attendee is revoked. */
  substituteName: string | null;
  /** The input's list (input.listId) or bridge point (input.bridgePointId), when given. */
  list: ListRow | undefined;
  bridge: BridgeRow | undefined;
  current: AttendanceRow | undefined;
}

/** A check-in's attendance row (insert, or replace the whole record). */
export interface AttendanceWrite {
  attendeeId: string;
  conferenceId: string;
  status: AttendanceStatus;
  bridgePointId: string | null;
  checkinListId: string | null;
  checkedInAt: Date;
  deviceId: string;
  method: CheckinMethod;
  recordedById: string | null;
  updatedAt: Date;
}

export interface AuditWrite {
  id: string;
  at: Date;
  actorKind: string;
  actorUserId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  summary: string;
  changes: string;
  organizationId: string;
  conferenceId: string;
}

/** Ids for rows the core writes (AuditEvent ids are opaque text). */
export { newRowId as newId } from "#app/database/row-id.server.ts";
