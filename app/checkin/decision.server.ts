// The decision on one scan: who it is, whether they may be checked in here, and whether this is the first
// record or a duplicate; then the attendance write, its audit row and the scan log. A pure function of the
// rows the store read inside the scan's transaction (rows.server.ts), so the rules live once for both
// databases: store.server.ts + group-commit.server.ts apply it on SQLite, pg-store.server.ts on
// PostgreSQL; checkin.server.ts is the entry point.

import { checkinAuditRow } from "#app/checkin/attendance-audit.server.ts";
import { formatScanTime } from "#app/checkin/format.ts";
import type { AttendanceWrite, AttendeeRow, AuditWrite, ScanFacts } from "#app/checkin/rows.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import {
  REJECT_MESSAGE,
  type AttendanceStatus,
  type CheckinMethod,
  type CheckinResponse,
  type RejectReason,
  type ScannedAttendee,
} from "#app/checkin/types.ts";
import { groupLabel } from "#app/conferences/naming.ts";

/** The attendee's group named as in the attendee list (conferences/naming.ts). */
function groupOf(row: AttendeeRow): string {
  if (row.groupPosition === null) return "";
  const lines = row.groupFirstLine !== null ? [{ text: row.groupFirstLine }] : [];
  // Positions are the groups' indexes in the plan (0, 1, …), as the attendee list numbers them.
  return groupLabel({ heading: row.groupHeading, lines }, row.groupPosition);
}

function scanned(row: AttendeeRow): ScannedAttendee {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    organizationName: row.organizationName,
    group: groupOf(row),
  };
}

export function rejected(
  reason: RejectReason,
  attendee?: ScannedAttendee,
  message = REJECT_MESSAGE[reason],
): CheckinResponse {
  return attendee ? { result: "rejected", reason, message, attendee } : { result: "rejected", reason, message };
}

/**
 * When the scan happened by the server's clock. A live scan is dated when it arrives (device clocks
 * disagree by seconds to minutes, which must not turn a second door's scan into "first"); a scan that
 * waited offline keeps its age, measured on the device's own clock (sentAt − scannedAt) when given —
 * but never before `notBefore`, the issue time of the credential it came with: a device cannot have
 * scanned with a credential it did not have yet, so a queue (or a forged body) cannot back-date a scan
 * by years to jump ahead of an earlier record.
 */
export function effectiveScanTime(
  scannedAt: Date,
  receivedAt: Date,
  sentAt?: Date | null,
  notBefore?: Date | null,
): Date {
  const age = sentAt ? sentAt.getTime() - scannedAt.getTime() : receivedAt.getTime() - scannedAt.getTime();
  if (!(age > 30_000)) return receivedAt;
  const at = receivedAt.getTime() - age;
  if (notBefore && at < notBefore.getTime()) return new Date(Math.min(notBefore.getTime(), receivedAt.getTime()));
  return new Date(at);
}

/**
 * Whether an earlier scan (an offline door syncing late) may take over the current record. Two scans of
 * the same kind of presence: the earlier door counts. But a scan never turns someone recorded in person
 * in the hall into "online at a bridge", and never replaces a substitute recorded by roll call.
 */
export function earlierScanReplaces(current: AttendanceStatus, incoming: AttendanceStatus): boolean {
  if (current === "SUBSTITUTE" || current === "ABSENT") return false;
  if (current === "IN_PERSON") return incoming === "IN_PERSON";
  return true;
}

export interface Decision {
  response: CheckinResponse;
  attendeeId: string | null;
  conferenceId: string;
}

/** A decision and the writes that go with it, besides the scan log (none for a duplicate or a refusal). */
export interface ScanOutcome extends Decision {
  attendance?: AttendanceWrite;
  audit?: AuditWrite;
}

export function decideScan(facts: ScanFacts, input: CheckinInput, receivedAt: Date): ScanOutcome {
  const conferenceId = input.conferenceId;
  const row = facts.attendee;
  if (!row) return { response: rejected("unknown-attendee"), attendeeId: null, conferenceId };
  // An id typed by name search can only be from this conference; a token was compared above.
  if (row.conferenceId !== conferenceId)
    return { response: rejected("other-conference"), attendeeId: null, conferenceId };
  // Before anything that names the attendee: a bridge's scanner or poster learns nothing about others.
  if (input.onlyBridgePointId && row.bridgePointId !== input.onlyBridgePointId) {
    return { response: rejected("other-bridge"), attendeeId: row.id, conferenceId };
  }
  const who = scanned(row);
  if (row.conferenceStatus === "CANCELLED")
    return { response: rejected("cancelled-conference", who), attendeeId: row.id, conferenceId };
  if (row.revokedAt) {
    const sub = facts.substituteName;
    const message = sub !== null ? `${REJECT_MESSAGE.revoked.slice(0, -1)}: ${sub}.` : REJECT_MESSAGE.revoked;
    return { response: rejected("revoked", who, message), attendeeId: row.id, conferenceId };
  }

  let listId: string | null = null;
  let listName = "";
  let bridgePointId: string | null = null;
  let bridgeName = "";
  if (input.listId) {
    const list = facts.list;
    if (!list || list.conferenceId !== conferenceId)
      return { response: rejected("wrong-list", who), attendeeId: row.id, conferenceId };
    listId = list.id;
    listName = list.name;
    bridgePointId = list.bridgePointId;
    bridgeName = list.bridgeName ?? "";
  } else if (input.bridgePointId) {
    const bridge = facts.bridge;
    if (!bridge || bridge.conferenceId !== conferenceId)
      return { response: rejected("wrong-list", who), attendeeId: row.id, conferenceId };
    bridgePointId = bridge.id;
    bridgeName = bridge.name;
  }

  const status: AttendanceStatus = bridgePointId ? "ONLINE" : "IN_PERSON";
  const at = effectiveScanTime(input.scannedAt, receivedAt, input.sentAt, input.notBefore);
  const current = facts.current;
  const present = current && current.status !== "ABSENT";
  // Two doors that admitted the same person offline both keep their scan; the earlier one counts. Only a
  // scan dated in the past (it waited offline) can be earlier: a live scan is dated when it arrives, and
  // two live scans of the same person at the same moment (two doors, maybe two app instances whose
  // clocks differ by milliseconds) are decided in the order they take the attendee: the second is a
  // duplicate, never a second "accepted".
  const earlier =
    present &&
    at.getTime() < receivedAt.getTime() &&
    current.checkedInAt !== null &&
    new Date(current.checkedInAt).getTime() > at.getTime() &&
    earlierScanReplaces(current.status, status);
  if (present && !earlier) {
    const firstAt = current.checkedInAt ?? at.toISOString();
    const where = current.listName || current.bridgeName || "";
    return {
      response: {
        result: "duplicate",
        message: `Đã điểm danh trước đó ${formatScanTime(firstAt)}${where ? ` (${where})` : ""}.`,
        attendee: who,
        first: { at: new Date(firstAt).toISOString(), list: where, deviceId: current.deviceId, method: current.method },
      },
      attendeeId: row.id,
      conferenceId,
    };
  }
  const place = bridgeName ? `trực tuyến tại ${bridgeName}` : listName ? `tại ${listName}` : "";
  const audit = checkinAuditRow(input, row, receivedAt, current, {
    status,
    place: listName || bridgeName || null,
    bridgePointId,
    checkinListId: listId,
    checkedInAt: at.toISOString(),
    method: input.method,
    deviceId: input.deviceId,
    absenceReason: "",
    substituteName: "",
  });
  return {
    response: {
      result: "accepted",
      message: `Đã điểm danh${place ? ` ${place}` : ""}: ${row.name}.`,
      attendee: who,
      checkedInAt: at.toISOString(),
      status,
    },
    attendeeId: row.id,
    conferenceId,
    attendance: {
      attendeeId: row.id,
      conferenceId,
      status,
      bridgePointId,
      checkinListId: listId,
      checkedInAt: at,
      deviceId: input.deviceId,
      method: input.method,
      recordedById: input.userId,
      updatedAt: receivedAt,
    },
    audit,
  };
}

/** The scan log row of a decision (every scan has one; a retry with the same key reads its response). */
export interface ScanLogWrite {
  deviceId: string;
  nonce: string;
  conferenceId: string;
  credentialKey: string;
  attendeeId: string | null;
  checkinListId: string | null;
  userId: string | null;
  method: CheckinMethod;
  scannedAt: Date;
  receivedAt: Date;
  result: "ACCEPTED" | "DUPLICATE" | "REJECTED";
  reason: string;
  response: string;
}

export function scanLogRow(input: CheckinInput, d: Decision, receivedAt: Date): ScanLogWrite {
  return {
    deviceId: input.deviceId,
    nonce: input.nonce,
    conferenceId: d.conferenceId,
    credentialKey: input.credentialKey,
    attendeeId: d.attendeeId,
    checkinListId: input.listId,
    userId: input.userId,
    method: input.method,
    scannedAt: input.scannedAt,
    receivedAt,
    result:
      d.response.result === "accepted" ? "ACCEPTED" : d.response.result === "duplicate" ? "DUPLICATE" : "REJECTED",
    reason: d.response.result === "rejected" ? d.response.reason : "",
    response: JSON.stringify(d.response),
  };
}
