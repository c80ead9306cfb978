// Recording presence: the one function every check-in path goes through (QR scan, name search, walk-in,
// self check-in at a bridge point, roll call "present").
//
// It runs on its own better-sqlite3 connection with prepared statements rather than through Prisma:
// the door scanners are the one place where hundreds of requests a second arrive at once, and Prisma's
// per-query overhead (~1–2 ms) would cap the whole API near 500 req/s. Everything else keeps using
// Prisma on the same file (WAL lets both connections work side by side).

import Database from "better-sqlite3";
import { randomBytes, type KeyObject } from "node:crypto";
import { diffFields, type AuditActor } from "#app/database/audit.server.ts";
import { env, sqlitePath } from "#app/env.server.ts";
import { formatScanTime } from "#app/checkin/format.ts";
import {
  conferenceKeyFor,
  conferenceKeyString,
  deriveSigningKeys,
  verifyToken,
} from "#app/invitations/tokens.server.ts";
import {
  ATTENDANCE_LABEL,
  METHOD_LABEL,
  REJECT_MESSAGE,
  type AttendanceStatus,
  type CheckinMethod,
  type CheckinResponse,
  type RejectReason,
  type ScannedAttendee,
} from "#app/checkin/types.ts";

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
  /** A bridge's own scanner or poster: only attendees assigned to this bridge point; others are refused without their name. */
  onlyBridgePointId?: string | null;
  /** The credential's issue time: a scan is never dated before it (an offline queue cannot back-date). */
  notBefore?: Date | null;
  /** Who did it, for the audit row written in the same transaction when attendance changes. */
  audit: CheckinAudit;
}

export interface CheckinAudit {
  actor: AuditActor;
  /** "attendance.scan", "attendance.self-checkin", "attendance.roll-call", "attendance.bridge-report", "attendee.walk-in". */
  action: string;
  /** A walk-in: the attendee created for this check-in, recorded in the same audit row (entity Attendee). */
  createdAttendee?: Record<string, unknown>;
  /** How the log line starts, when not the method's name (e.g. "Điểm cầu UBND phường Hội An báo cáo"). */
  label?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Connection and statements

interface Statements {
  findScan: Database.Statement<[string, string, string, string], { response: string }>;
  attendeeByKey: Database.Statement<[string], AttendeeRow>;
  attendeeById: Database.Statement<[string], AttendeeRow>;
  substituteOf: Database.Statement<[string], { name: string }>;
  list: Database.Statement<
    [string],
    { id: string; conferenceId: string; name: string; bridgePointId: string | null; bridgeName: string | null }
  >;
  bridge: Database.Statement<[string], { id: string; conferenceId: string; name: string }>;
  attendance: Database.Statement<[string], AttendanceRow>;
  upsertAttendance: Database.Statement<unknown[]>;
  insertScan: Database.Statement<unknown[]>;
  insertScanOrIgnore: Database.Statement<unknown[]>;
  insertAudit: Database.Statement<unknown[]>;
  upsertMark: Database.Statement<unknown[]>;
  moveAttendance: Database.Statement<unknown[]>;
  deleteAttendance: Database.Statement<[string]>;
  issuedTokens: Database.Statement<[string], { token: string; invitationKey: string }>;
}

interface AttendeeRow {
  id: string;
  conferenceId: string;
  organizationId: string;
  bridgePointId: string | null;
  name: string;
  position: string;
  organizationName: string;
  revokedAt: string | null;
  groupHeading: string | null;
  groupPosition: number | null;
  conferenceStatus: string;
}

interface AttendanceRow {
  status: AttendanceStatus;
  bridgePointId: string | null;
  checkinListId: string | null;
  checkedInAt: string | null;
  deviceId: string;
  method: CheckinMethod;
  absenceReason: string;
  substituteName: string;
  listName: string | null;
  bridgeName: string | null;
}

interface Store {
  file: string;
  db: Database.Database;
  s: Statements;
}

const g = globalThis as unknown as { checkinStore?: Store };

function store(): Store {
  const file = sqlitePath(env().DATABASE_URL);
  if (g.checkinStore?.file === file) return g.checkinStore;
  g.checkinStore?.db.close();
  tokenIndex.clear();
  indexedTokens = 0;
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // Same durability as the rest of the app in WAL mode: a commit survives a crash of the process;
  // NORMAL skips the fsync per commit (the WAL is synced at checkpoints).
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Never block the event loop waiting for Prisma's connection to finish a transaction: retry later instead.
  db.pragma("busy_timeout = 0");
  const s: Statements = {
    findScan: db.prepare(
      `SELECT response FROM "CheckinScan" WHERE "conferenceId" = ? AND "credentialKey" = ? AND "deviceId" = ? AND "nonce" = ?`,
    ),
    attendeeByKey: db.prepare(ATTENDEE_SQL + ` WHERE a."invitationKey" = ?`),
    attendeeById: db.prepare(ATTENDEE_SQL + ` WHERE a."id" = ?`),
    substituteOf: db.prepare(
      `SELECT "name" FROM "Attendee" WHERE "substituteForId" = ? ORDER BY "createdAt" DESC LIMIT 1`,
    ),
    list: db.prepare(
      `SELECT l."id", l."conferenceId", l."name", l."bridgePointId", b."name" AS "bridgeName"
       FROM "CheckinList" l LEFT JOIN "BridgePoint" b ON b."id" = l."bridgePointId" WHERE l."id" = ?`,
    ),
    bridge: db.prepare(`SELECT "id", "conferenceId", "name" FROM "BridgePoint" WHERE "id" = ?`),
    attendance: db.prepare(
      `SELECT at."status", at."bridgePointId", at."checkinListId", at."checkedInAt", at."deviceId", at."method", at."absenceReason", at."substituteName",
         l."name" AS "listName", b."name" AS "bridgeName"
       FROM "Attendance" at
       LEFT JOIN "CheckinList" l ON l."id" = at."checkinListId"
       LEFT JOIN "BridgePoint" b ON b."id" = at."bridgePointId"
       WHERE at."attendeeId" = ?`,
    ),
    upsertAttendance: db.prepare(
      `INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkinListId", "checkedInAt", "deviceId", "method", "absenceReason", "substituteName", "recordedById", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)
       ON CONFLICT ("attendeeId") DO UPDATE SET
         "status" = excluded."status", "bridgePointId" = excluded."bridgePointId", "checkinListId" = excluded."checkinListId",
         "checkedInAt" = excluded."checkedInAt", "deviceId" = excluded."deviceId", "method" = excluded."method",
         "absenceReason" = '', "substituteName" = '', "recordedById" = excluded."recordedById", "updatedAt" = excluded."updatedAt"`,
    ),
    insertScan: db.prepare(`INSERT ${INSERT_SCAN_SQL}`),
    insertScanOrIgnore: db.prepare(`INSERT OR IGNORE ${INSERT_SCAN_SQL}`),
    insertAudit: db.prepare(
      `INSERT INTO "AuditEvent" ("id", "at", "actorKind", "actorUserId", "actorLabel", "ip", "action", "entity", "entityId", "summary", "changes", "organizationId", "conferenceId")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    upsertMark: db.prepare(
      `INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkinListId", "checkedInAt", "deviceId", "method", "absenceReason", "substituteName", "recordedById", "updatedAt")
       VALUES (?, ?, ?, ?, NULL, ?, '', 'ROLL_CALL', ?, ?, ?, ?)
       ON CONFLICT ("attendeeId") DO UPDATE SET
         "status" = excluded."status", "bridgePointId" = excluded."bridgePointId", "checkinListId" = NULL, "checkedInAt" = excluded."checkedInAt",
         "deviceId" = '', "method" = 'ROLL_CALL', "absenceReason" = excluded."absenceReason", "substituteName" = excluded."substituteName",
         "recordedById" = excluded."recordedById", "updatedAt" = excluded."updatedAt"`,
    ),
    moveAttendance: db.prepare(
      `UPDATE "Attendance" SET "status" = ?, "bridgePointId" = ?, "absenceReason" = '', "substituteName" = '', "recordedById" = ?, "updatedAt" = ? WHERE "attendeeId" = ?`,
    ),
    deleteAttendance: db.prepare(`DELETE FROM "Attendance" WHERE "attendeeId" = ?`),
    issuedTokens: db.prepare(`SELECT "token", "invitationKey" FROM "Attendee" WHERE "conferenceId" = ?`),
  };
  g.checkinStore = { file, db, s };
  return g.checkinStore;
}

const INSERT_SCAN_SQL = `INTO "CheckinScan" ("deviceId", "nonce", "conferenceId", "credentialKey", "attendeeId", "checkinListId", "userId", "method", "scannedAt", "receivedAt", "result", "reason", "response")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const ATTENDEE_SQL = `SELECT a."id", a."conferenceId", c."organizationId", a."bridgePointId", a."name", a."position", a."organizationName", a."revokedAt",
  gr."heading" AS "groupHeading", gr."position" AS "groupPosition", c."status" AS "conferenceStatus"
  FROM "Attendee" a
  JOIN "Conference" c ON c."id" = a."conferenceId"
  LEFT JOIN "AttendeeGroup" gr ON gr."id" = a."groupId"`;

// ---------------------------------------------------------------------------------------------------------
// Recognising a genuine invitation.
//
// A token is genuine when its Ed25519 signature verifies (~100 µs, the largest single cost of a scan) —
// or when it is exactly a token this server issued and stored. After the first genuine scan of a
// conference, the conference's issued tokens are indexed in memory (token → invitation key), so
// later genuine scans skip the signature. Anything not in the index is signature-checked, so a forged
// or tampered token is always refused by the signature and never reaches the database.

type VerifiedToken = { ok: true; conferenceKey: string; invitationKey: string } | { ok: false; reason: RejectReason };

const tokenIndex = new Map<string, Map<string, string>>();
const TOKEN_INDEX_LIMIT = 500_000;
let indexedTokens = 0;
const conferenceKeys = new Map<string, string>();
let publicKey: { secret: string; key: KeyObject } | undefined;

function verifySignature(token: string): VerifiedToken {
  const secret = env().SESSION_SECRET;
  if (publicKey?.secret !== secret) publicKey = { secret, key: deriveSigningKeys(secret).publicKey };
  const r = verifyToken(publicKey.key, token);
  return r.ok
    ? { ok: true, conferenceKey: conferenceKeyString(r.conferenceKey), invitationKey: r.invitationKey }
    : { ok: false, reason: r.reason };
}

function recogniseToken(st: Store, token: string, conferenceId: string): VerifiedToken {
  const index = tokenIndex.get(conferenceId);
  const known = index?.get(token);
  if (known !== undefined) return { ok: true, conferenceKey: conferenceKeyOf(conferenceId), invitationKey: known };
  const v = verifySignature(token);
  if (!v.ok || v.conferenceKey !== conferenceKeyOf(conferenceId)) return v;
  if (index) {
    // Issued after the index was built (a substitute, a walk-in): remember it too.
    index.set(token, v.invitationKey);
    indexedTokens++;
  } else {
    if (indexedTokens >= TOKEN_INDEX_LIMIT) {
      tokenIndex.clear();
      indexedTokens = 0;
    }
    const fresh = new Map<string, string>();
    for (const row of st.s.issuedTokens.iterate(conferenceId)) fresh.set(row.token, row.invitationKey);
    fresh.set(token, v.invitationKey);
    tokenIndex.set(conferenceId, fresh);
    indexedTokens += fresh.size;
  }
  return v;
}

function conferenceKeyOf(conferenceId: string): string {
  let key = conferenceKeys.get(conferenceId);
  if (!key) {
    key = conferenceKeyString(conferenceKeyFor(conferenceId));
    conferenceKeys.set(conferenceId, key);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------------------
// The decision

/** ISO text as Prisma stores DateTime in SQLite, so both connections write comparable values. */
export function dbTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function groupLabel(row: AttendeeRow): string {
  if (row.groupPosition === null) return "";
  return row.groupHeading || `Thành phần ${row.groupPosition + 1}`;
}

function scanned(row: AttendeeRow): ScannedAttendee {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    organizationName: row.organizationName,
    group: groupLabel(row),
  };
}

function rejected(reason: RejectReason, attendee?: ScannedAttendee, message = REJECT_MESSAGE[reason]): CheckinResponse {
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

interface Decision {
  response: CheckinResponse;
  attendeeId: string | null;
  conferenceId: string;
}

/** The attendance fields an audit row compares, from a stored row or the row being written. */
function attendanceFields(a: {
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
function attendanceChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  return diffFields(before && after ? before : filled(before), before && after ? after : filled(after));
}

/** A cuid-like id for rows this connection writes (AuditEvent ids are opaque text). */
function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

function decide(st: Store, input: CheckinInput, invitationKey: string | null, receivedAt: Date): Decision {
  const { s } = st;
  const conferenceId = input.conferenceId;

  const row =
    invitationKey !== null
      ? s.attendeeByKey.get(invitationKey)
      : input.attendeeId !== undefined
        ? s.attendeeById.get(input.attendeeId)
        : undefined;
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
    const sub = s.substituteOf.get(row.id);
    const message = sub ? `${REJECT_MESSAGE.revoked.slice(0, -1)}: ${sub.name}.` : REJECT_MESSAGE.revoked;
    return { response: rejected("revoked", who, message), attendeeId: row.id, conferenceId };
  }

  let listId: string | null = null;
  let listName = "";
  let bridgePointId: string | null = null;
  let bridgeName = "";
  if (input.listId) {
    const list = s.list.get(input.listId);
    if (!list || list.conferenceId !== conferenceId)
      return { response: rejected("wrong-list", who), attendeeId: row.id, conferenceId };
    listId = list.id;
    listName = list.name;
    bridgePointId = list.bridgePointId;
    bridgeName = list.bridgeName ?? "";
  } else if (input.bridgePointId) {
    const bridge = s.bridge.get(input.bridgePointId);
    if (!bridge || bridge.conferenceId !== conferenceId)
      return { response: rejected("wrong-list", who), attendeeId: row.id, conferenceId };
    bridgePointId = bridge.id;
    bridgeName = bridge.name;
  }

  const status: AttendanceStatus = bridgePointId ? "ONLINE" : "IN_PERSON";
  const at = effectiveScanTime(input.scannedAt, receivedAt, input.sentAt, input.notBefore);
  const atText = dbTime(at);
  const current = s.attendance.get(row.id);
  const present = current && current.status !== "ABSENT";
  // Two doors that admitted the same person offline both keep their scan; the earlier one counts.
  const earlier =
    present &&
    current.checkedInAt !== null &&
    new Date(current.checkedInAt).getTime() > at.getTime() &&
    earlierScanReplaces(current.status, status);
  if (present && !earlier) {
    const firstAt = current.checkedInAt ?? atText;
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
  s.upsertAttendance.run(
    row.id,
    conferenceId,
    status,
    bridgePointId,
    listId,
    atText,
    input.deviceId,
    input.method,
    input.userId,
    dbTime(receivedAt),
  );
  const place = bridgeName ? `trực tuyến tại ${bridgeName}` : listName ? `tại ${listName}` : "";
  audit(st, input, row, receivedAt, current, {
    status,
    place: listName || bridgeName || null,
    bridgePointId,
    checkinListId: listId,
    checkedInAt: atText,
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
  };
}

/** The audit row of an accepted check-in, inside the same SQLite transaction as the attendance write. */
function audit(
  st: Store,
  input: CheckinInput,
  row: AttendeeRow,
  receivedAt: Date,
  current: AttendanceRow | undefined,
  after: Parameters<typeof attendanceFields>[0],
): void {
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
  st.s.insertAudit.run(
    newId(),
    dbTime(receivedAt),
    actor.kind,
    actor.userId,
    actor.label,
    actor.ip,
    action,
    createdAttendee ? "Attendee" : "Attendance",
    row.id,
    summary,
    JSON.stringify(changes),
    row.organizationId,
    row.conferenceId,
  );
}

function recordOnce(st: Store, input: CheckinInput, invitationKey: string | null, receivedAt: Date): CheckinResponse {
  const previous = st.s.findScan.get(input.conferenceId, input.credentialKey, input.deviceId, input.nonce);
  if (previous) return JSON.parse(previous.response) as CheckinResponse;
  const d = decide(st, input, invitationKey, receivedAt);
  logScan(st.s.insertScan, input, d, receivedAt);
  return d.response;
}

function logScan(statement: Database.Statement<unknown[]>, input: CheckinInput, d: Decision, receivedAt: Date): void {
  const response = JSON.stringify(d.response);
  statement.run(
    input.deviceId,
    input.nonce,
    d.conferenceId,
    input.credentialKey,
    d.attendeeId,
    input.listId,
    input.userId,
    input.method,
    dbTime(input.scannedAt),
    dbTime(receivedAt),
    d.response.result.toUpperCase(),
    d.response.result === "rejected" ? d.response.reason : "",
    response,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Group commit. Each scan's writes (attendance, scan log, audit row) must commit together; the commit is
// the largest fixed cost of a scan (every page it touched is written to the WAL), and the audit row
// doubled the pages touched. Scans that arrive while the event loop is busy are therefore decided one
// after another inside ONE immediate transaction, each in its own savepoint: a scan that fails rolls back
// alone, the others commit together, and nobody is answered before the commit. At low load a batch holds
// one scan, as before; under a door rush (many scanners) the commit is shared.

interface PendingScan {
  input: CheckinInput;
  invitationKey: string | null;
  receivedAt: Date;
  resolve: (r: CheckinResponse) => void;
  reject: (e: unknown) => void;
  outcome?: { ok: true; response: CheckinResponse } | { ok: false; error: unknown };
}

const MAX_BATCH = 200;

interface Batcher {
  queue: PendingScan[];
  scheduled: boolean;
  running: boolean;
  batch: (items: PendingScan[]) => void;
  one: (input: CheckinInput, invitationKey: string | null, receivedAt: Date) => CheckinResponse;
}

const batchers = new WeakMap<Database.Database, Batcher>();

function batcherOf(st: Store): Batcher {
  let b = batchers.get(st.db);
  if (!b) {
    // Nested inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
    const one = st.db.transaction((i: CheckinInput, k: string | null, r: Date) => recordOnce(st, i, k, r));
    const batch = st.db.transaction((items: PendingScan[]) => {
      for (const item of items) {
        try {
          item.outcome = { ok: true, response: one(item.input, item.invitationKey, item.receivedAt) };
        } catch (error) {
          // The write lock is the batch's: a busy error is the whole batch's, retried as one.
          if (isBusy(error)) throw error;
          item.outcome = { ok: false, error };
        }
      }
    });
    b = {
      queue: [],
      scheduled: false,
      running: false,
      // A batch of one (low load) needs no savepoint: the scan is the transaction.
      batch: (items) => {
        if (items.length !== 1) return batch.immediate(items);
        const item = items[0]!;
        try {
          item.outcome = { ok: true, response: one.immediate(item.input, item.invitationKey, item.receivedAt) };
        } catch (error) {
          if (isBusy(error)) throw error;
          item.outcome = { ok: false, error };
        }
      },
      one,
    };
    batchers.set(st.db, b);
  }
  return b;
}

function enqueueScan(
  st: Store,
  input: CheckinInput,
  invitationKey: string | null,
  receivedAt: Date,
): Promise<CheckinResponse> {
  const b = batcherOf(st);
  return new Promise<CheckinResponse>((resolve, reject) => {
    b.queue.push({ input, invitationKey, receivedAt, resolve, reject });
    schedule(b);
  });
}

function schedule(b: Batcher): void {
  if (b.scheduled || b.running) return;
  b.scheduled = true;
  // After the I/O callbacks of this turn: every request already read joins the batch.
  setImmediate(() => void flush(b));
}

async function flush(b: Batcher): Promise<void> {
  b.scheduled = false;
  b.running = true;
  const items = b.queue.splice(0, MAX_BATCH);
  try {
    await withBusyRetry(() => {
      for (const item of items) item.outcome = undefined;
      b.batch(items);
    });
    for (const item of items) {
      if (item.outcome?.ok) item.resolve(item.outcome.response);
      else item.reject(item.outcome ? item.outcome.error : new Error("scan not recorded"));
    }
  } catch (error) {
    // The batch did not commit (lock held too long, disk error): nothing of it was saved.
    for (const item of items) item.reject(error);
  } finally {
    b.running = false;
    if (b.queue.length > 0) schedule(b);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const BUSY_RETRY_MS = 5_000;

/** Runs `work` (synchronous SQLite writes), retrying while Prisma's connection holds the write lock. */
async function withBusyRetry<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return work();
    } catch (error) {
      // Prisma's connection holds the write lock for a moment (its own transaction): try again shortly.
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Records one scan and answers it. Idempotent per (conference, credentialKey, deviceId, nonce): a retry
 * gets the first answer. Every scan is logged; an attendee is counted once; an accepted scan that changes
 * attendance writes its audit row in the same transaction. Forged or foreign tokens are refused before
 * any database read.
 */
export async function checkIn(input: CheckinInput): Promise<CheckinResponse> {
  const receivedAt = input.receivedAt ?? new Date();
  const st = store();
  let invitationKey: string | null = null;
  let refused: Decision | null = null;
  if (input.token !== undefined) {
    const v = recogniseToken(st, input.token, input.conferenceId);
    if (!v.ok) refused = { response: rejected(v.reason), attendeeId: null, conferenceId: input.conferenceId };
    else if (v.conferenceKey !== conferenceKeyOf(input.conferenceId)) {
      refused = { response: rejected("other-conference"), attendeeId: null, conferenceId: input.conferenceId };
    } else invitationKey = v.invitationKey;
  }
  if (refused) {
    const decided = refused;
    // Decided from the token alone: logged, and a retry (same nonce) is the same answer anyway.
    return withBusyRetry(() => {
      logScan(st.s.insertScanOrIgnore, input, decided, receivedAt);
      return decided.response;
    });
  }
  return enqueueScan(st, input, invitationKey, receivedAt);
}

// ---------------------------------------------------------------------------------------------------------
// Roll-call marks that are not a check-in: absent, substitute, clearing a mark, and an organiser moving
// someone already present (hall ↔ bridge point). Same connection and the same kind of IMMEDIATE
// transaction as a scan, so the check, the write and the audit row cannot interleave with a door scan.

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
