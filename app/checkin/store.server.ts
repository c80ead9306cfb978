// The check-in core's own better-sqlite3 connection (see checkin.server.ts for why not Prisma), its
// prepared statements and the rows they read. One connection per database file, kept across reloads.

import Database from "better-sqlite3";
import { decideScan, scanLogRow, type Decision } from "#app/checkin/decision.server.ts";
import type {
  AttendanceRow,
  AttendeeRow,
  AuditWrite,
  BridgeRow,
  ListRow,
  ScanFacts,
} from "#app/checkin/rows.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import type { TokenIndex } from "#app/checkin/token-index.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { env, sqlitePath } from "#app/env.server.ts";

interface Statements {
  findScan: Database.Statement<[string, string, string, string], { response: string }>;
  attendeeByKey: Database.Statement<[string], AttendeeRow>;
  attendeeById: Database.Statement<[string], AttendeeRow>;
  substituteOf: Database.Statement<[string], { name: string }>;
  list: Database.Statement<[string], ListRow>;
  bridge: Database.Statement<[string], BridgeRow>;
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

export interface Store {
  file: string;
  db: Database.Database;
  s: Statements;
  /** Issued tokens of the conferences scanned so far (token-index.server.ts), reset with the connection. */
  tokens: TokenIndex;
}

const g = globalThis as unknown as { checkinStore?: Store };

export function store(): Store {
  const file = sqlitePath(env().DATABASE_URL);
  if (g.checkinStore?.file === file) return g.checkinStore;
  g.checkinStore?.db.close();
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
  g.checkinStore = { file, db, s, tokens: { index: new Map(), count: 0 } };
  return g.checkinStore;
}

const INSERT_SCAN_SQL = `INTO "CheckinScan" ("deviceId", "nonce", "conferenceId", "credentialKey", "attendeeId", "checkinListId", "userId", "method", "scannedAt", "receivedAt", "result", "reason", "response")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const ATTENDEE_SQL = `SELECT a."id", a."conferenceId", c."organizationId", a."bridgePointId", a."name", a."position", a."organizationName", a."revokedAt",
  gr."heading" AS "groupHeading", gr."position" AS "groupPosition",
  (SELECT l."text" FROM "AttendeeLine" l WHERE l."groupId" = gr."id" ORDER BY l."position" LIMIT 1) AS "groupFirstLine",
  c."status" AS "conferenceStatus"
  FROM "Attendee" a
  JOIN "Conference" c ON c."id" = a."conferenceId"
  LEFT JOIN "AttendeeGroup" gr ON gr."id" = a."groupId"`;

/** ISO text as Prisma stores DateTime in SQLite, so both connections write comparable values. */
export function dbTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** The rows a scan's decision reads (decision.server.ts), inside the scan's transaction. */
export function readScanFacts(st: Store, input: CheckinInput, invitationKey: string | null): ScanFacts {
  const { s } = st;
  const attendee =
    invitationKey !== null
      ? s.attendeeByKey.get(invitationKey)
      : input.attendeeId !== undefined
        ? s.attendeeById.get(input.attendeeId)
        : undefined;
  if (!attendee) return { attendee, substituteName: null, list: undefined, bridge: undefined, current: undefined };
  return {
    attendee,
    substituteName: attendee.revokedAt ? (s.substituteOf.get(attendee.id)?.name ?? null) : null,
    list: input.listId ? s.list.get(input.listId) : undefined,
    bridge: !input.listId && input.bridgePointId ? s.bridge.get(input.bridgePointId) : undefined,
    current: s.attendance.get(attendee.id),
  };
}

/** One scan inside its (savepoint) transaction: a retry gets the first answer; otherwise decide and write. */
export function recordOnce(
  st: Store,
  input: CheckinInput,
  invitationKey: string | null,
  receivedAt: Date,
): CheckinResponse {
  const previous = st.s.findScan.get(input.conferenceId, input.credentialKey, input.deviceId, input.nonce);
  if (previous) return JSON.parse(previous.response) as CheckinResponse;
  const d = decideScan(readScanFacts(st, input, invitationKey), input, receivedAt);
  if (d.attendance) {
    const w = d.attendance;
    st.s.upsertAttendance.run(
      w.attendeeId,
      w.conferenceId,
      w.status,
      w.bridgePointId,
      w.checkinListId,
      dbTime(w.checkedInAt),
      w.deviceId,
      w.method,
      w.recordedById,
      dbTime(w.updatedAt),
    );
  }
  if (d.audit) insertAudit(st, d.audit);
  logScan(st.s.insertScan, input, d, receivedAt);
  return d.response;
}

export function insertAudit(st: Store, a: AuditWrite): void {
  st.s.insertAudit.run(
    a.id,
    dbTime(a.at),
    a.actorKind,
    a.actorUserId,
    a.actorLabel,
    a.ip,
    a.action,
    a.entity,
    a.entityId,
    a.summary,
    a.changes,
    a.organizationId,
    a.conferenceId,
  );
}

export function logScan(
  statement: Database.Statement<unknown[]>,
  input: CheckinInput,
  d: Decision,
  receivedAt: Date,
): void {
  const r = scanLogRow(input, d, receivedAt);
  statement.run(
    r.deviceId,
    r.nonce,
    r.conferenceId,
    r.credentialKey,
    r.attendeeId,
    r.checkinListId,
    r.userId,
    r.method,
    dbTime(r.scannedAt),
    dbTime(r.receivedAt),
    r.result,
    r.reason,
    r.response,
  );
}
