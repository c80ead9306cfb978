// What a check-in path hands to checkIn (checkin.server.ts): the scan and who made it. Types only.

import type { CheckinMethod } from "#app/checkin/types.ts";
import type { AuditActor } from "#app/database/audit.server.ts";

export interface CheckinInput {
  conferenceId: string;
  /** The check-in list (entrance or bridge point) the device scans for; null = no list (the hall). */
  listId: string | null;
  /** Self check-in at a bridge point without a list: presence is online at that bridge. */
  bridgePointId?: string | null;
  token?: string;
  attendeeId?: string;
  deviceId: string;
  nonce: string;
  /** The device's clock when the code was read. */
  scannedAt: Date;
  /** The device's clock when it sent the request; with receivedAt it corrects a device clock that is off. */
  sentAt?: Date | null;
  method: CheckinMethod;
  userId: string | null;
  receivedAt?: Date;
  /**
   * Whose retries share answers (with the conference): the scanner credential's session for the API,
   * the path for server-made nonces. A nonce replayed under another key is a new scan.
   */
  credentialKey: string;
  /**
   * A bridge's own scanner or poster: only attendees assigned to this bridge point; others are refused
   * without their name.
   */
  onlyBridgePointId?: string | null;
  /** The credential's issue time: a scan is never dated before it (an offline queue cannot back-date). */
  notBefore?: Date | null;
  /** Who did it, for the audit row written in the same transaction when attendance changes. */
  audit: CheckinAudit;
}

export interface CheckinAudit {
  actor: AuditActor;
  /**
   * "attendance.scan", "attendance.self-checkin", "attendance.roll-call", "attendance.bridge-report",
   * "attendee.walk-in".
   */
  action: string;
  /** A walk-in: the attendee created for this check-in, recorded in the same audit row (entity Attendee). */
  createdAttendee?: Record<string, unknown>;
  /** How the log line starts, when not the method's name (e.g. "Điểm cầu UBND phường Hội An báo cáo"). */
  label?: string;
}
