// The check-in core on PostgreSQL: the same decision (decision.server.ts, marks.server.ts) as on SQLite,
// with the guarantees kept when several app instances share the database.
//
// A scan is two statements on the process's pg pool (raw `pg`, not Prisma), each its own atomic commit:
// 1. read everything the decision needs (the nonce's stored answer, attendee, substitute, list, current
//    attendance with its updatedAt);
// 2. write, in ONE statement (data-modifying CTEs): the scan log row (`ON CONFLICT DO NOTHING` on the
//    (conference, credentialKey, device, nonce) key), and for an accepted scan the attendance and its
//    audit row — the attendance only if it is still what step 1 read (optimistic check on updatedAt and
//    status; an insert finding a row that appeared meanwhile counts as moved).
// Why it holds across instances:
// - an attendee is counted once: two doors scanning the same person on two instances both may read "not
//   present", but their attendance writes meet on the row's primary key — the second waits for the first
//   to commit, then finds the row moved, its whole statement aborts (nothing written, not even its scan
//   log row), and it is decided again from fresh rows: a duplicate;
// - idempotent per (conference, credentialKey, device, nonce): a retry reads the stored answer; a retry
//   racing its first attempt (maybe on another instance) waits on the scan log key, writes nothing and
//   answers with the stored response;
// - the attendance write, its audit row and the scan log commit together (one statement).
// Roll-call marks (marks.server.ts) use an explicit transaction that locks the attendee row; a scan racing
// a mark sees the attendance moved and is decided again.
// Timestamps are `timestamp(3)` holding UTC clock time: read as text and converted (fromPgTime), written
// with pgTime, as Prisma does.

import type pg from "pg";
import { decideScan, scanLogRow, type Decision, type ScanLogWrite } from "#app/checkin/decision.server.ts";
import type { AttendanceRow, AuditWrite, ScanFacts } from "#app/checkin/rows.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import type { IssuedTokens, TokenIndex } from "#app/checkin/token-index.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { fromPgTime, pgPool, pgTime } from "#app/database/pg-pool.server.ts";

export interface PgStore {
  url: string;
  pool: pg.Pool;
  tokens: TokenIndex;
}

const g = globalThis as unknown as { checkinPgStore?: PgStore };

export function pgStore(url: string): PgStore {
  if (g.checkinPgStore?.url === url) return g.checkinPgStore;
  g.checkinPgStore = { url, pool: pgPool(url), tokens: { index: new Map(), count: 0 } };
  return g.checkinPgStore;
}

export async function issuedTokensPg(st: PgStore, conferenceId: string): Promise<IssuedTokens> {
  const r = await st.pool.query<{ token: string; invitationKey: string }>({
    name: "checkin-issued-tokens",
    text: `SELECT "token", "invitationKey" FROM "Attendee" WHERE "conferenceId" = $1`,
    values: [conferenceId],
  });
  return r.rows;
}

/** Locks the attendee's row for this transaction; its id, or null when there is no such attendee. */
export async function lockAttendee(
  client: pg.PoolClient,
  by: { invitationKey: string } | { id: string },
): Promise<string | null> {
  const r =
    "invitationKey" in by
      ? await client.query<{ id: string }>({
          name: "checkin-lock-by-key",
          text: `SELECT "id" FROM "Attendee" WHERE "invitationKey" = $1 FOR NO KEY UPDATE`,
          values: [by.invitationKey],
        })
      : await client.query<{ id: string }>({
          name: "checkin-lock-by-id",
          text: `SELECT "id" FROM "Attendee" WHERE "id" = $1 FOR NO KEY UPDATE`,
          values: [by.id],
        });
  return r.rows[0]?.id ?? null;
}

const attendeeJson = (id: string) => `(SELECT row_to_json(x) FROM (
    SELECT a."id", a."conferenceId", c."organizationId", a."bridgePointId", a."name", a."position", a."organizationName",
      a."revokedAt"::text AS "revokedAt", gr."heading" AS "groupHeading", gr."position" AS "groupPosition",
      (SELECT l."text" FROM "AttendeeLine" l WHERE l."groupId" = gr."id" ORDER BY l."position" LIMIT 1) AS "groupFirstLine",
      c."status"::text AS "conferenceStatus"
    FROM "Attendee" a JOIN "Conference" c ON c."id" = a."conferenceId" LEFT JOIN "AttendeeGroup" gr ON gr."id" = a."groupId"
    WHERE a."id" = ${id}) x)`;

// "version": the row's updatedAt, which the scan's write checks has not moved since it was read.
const currentJson = (id: string) => `(SELECT row_to_json(x) FROM (
    SELECT at."status"::text AS "status", at."bridgePointId", at."checkinListId", at."checkedInAt"::text AS "checkedInAt",
      at."deviceId", at."method"::text AS "method", at."absenceReason", at."substituteName", l."name" AS "listName", b."name" AS "bridgeName",
      at."updatedAt"::text AS "version"
    FROM "Attendance" at LEFT JOIN "CheckinList" l ON l."id" = at."checkinListId" LEFT JOIN "BridgePoint" b ON b."id" = at."bridgePointId"
    WHERE at."attendeeId" = ${id}) x)`;

const ATTENDEE_JSON = attendeeJson("$1");
const CURRENT_JSON = currentJson("$1");

const BRIDGE_JSON = (param: string) =>
  `(SELECT row_to_json(x) FROM (SELECT "id", "conferenceId", "name" FROM "BridgePoint" WHERE "id" = ${param}) x)`;

// Everything a scan's decision reads, in one statement: the stored answer of this nonce, the attendee (by
// invitation key or id), the substitute, the list or bridge point, and the current attendance.
const scanFactsSql = (by: "key" | "id") => `SELECT
  (SELECT "response" FROM "CheckinScan" WHERE "conferenceId" = $4 AND "credentialKey" = $5 AND "deviceId" = $6 AND "nonce" = $7) AS "previous",
  ${attendeeJson('t."aid"')} AS "attendee",
  -- Only for a revoked invitation ("substituteForId" has no index: never scan for everyone).
  CASE WHEN EXISTS (SELECT 1 FROM "Attendee" r WHERE r."id" = t."aid" AND r."revokedAt" IS NOT NULL) THEN
    (SELECT s."name" FROM "Attendee" s WHERE s."substituteForId" = t."aid" ORDER BY s."createdAt" DESC LIMIT 1) END AS "substituteName",
  (SELECT row_to_json(x) FROM (
    SELECT l."id", l."conferenceId", l."name", l."bridgePointId", b."name" AS "bridgeName"
    FROM "CheckinList" l LEFT JOIN "BridgePoint" b ON b."id" = l."bridgePointId" WHERE l."id" = $2) x) AS "list",
  ${BRIDGE_JSON("$3")} AS "bridge",
  ${currentJson('t."aid"')} AS "current"
  FROM (SELECT ${by === "key" ? `(SELECT "id" FROM "Attendee" WHERE "invitationKey" = $1)` : `$1::text`} AS "aid") t`;
const SCAN_FACTS_BY_KEY = scanFactsSql("key");
const SCAN_FACTS_BY_ID = scanFactsSql("id");

interface FactsRow {
  previous: string | null;
  attendee: ScanFacts["attendee"] | null;
  substituteName: string | null;
  list: ScanFacts["list"] | null;
  bridge: ScanFacts["bridge"] | null;
  current: (AttendanceRow & { version: string }) | null;
}

/** The attendance row as read through JSON: `checkedInAt` back to an ISO instant. */
function attendanceOf(row: AttendanceRow | null): AttendanceRow | undefined {
  if (!row) return undefined;
  return { ...row, checkedInAt: row.checkedInAt === null ? null : fromPgTime(row.checkedInAt).toISOString() };
}

const SCAN_COLUMNS = `"deviceId", "nonce", "conferenceId", "credentialKey", "attendeeId", "checkinListId", "userId", "method", "scannedAt", "receivedAt", "result", "reason", "response"`;
const SCAN_VALUES = `$1, $2, $3, $4, $5, $6, $7, $8::"CheckinMethod", $9::timestamp(3), $10::timestamp(3), $11::"ScanResult", $12, $13`;
const SCAN_KEY = `("conferenceId", "credentialKey", "deviceId", "nonce")`;

const INSERT_SCAN_SQL = `INSERT INTO "CheckinScan" (${SCAN_COLUMNS}) VALUES (${SCAN_VALUES}) ON CONFLICT ${SCAN_KEY} DO NOTHING`;

const AUDIT_COLUMNS = `"id", "at", "actorKind", "actorUserId", "actorLabel", "ip", "action", "entity", "entityId", "summary", "changes", "organizationId", "conferenceId"`;
const auditValues = (from: number) =>
  Array.from({ length: 13 }, (_, i) => `$${from + i}${i === 1 ? "::timestamp(3)" : ""}`).join(", ");

// One statement, so one atomic commit: the scan log row; the attendance only when the scan log row went
// in AND the attendance is still what the decision read (same updatedAt and status, or still none); its
// audit row with it. When the scan log row went in but the attendance had moved (another door, another
// instance, a roll-call mark), the division by zero aborts the whole statement and the scan is decided
// again from fresh rows.
const ACCEPT_SQL = `WITH s AS (
    INSERT INTO "CheckinScan" (${SCAN_COLUMNS}) VALUES (${SCAN_VALUES}) ON CONFLICT ${SCAN_KEY} DO NOTHING RETURNING 1
  ), a AS (
    INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkinListId", "checkedInAt", "deviceId", "method", "absenceReason", "substituteName", "recordedById", "updatedAt")
    SELECT $14, $15, $16::"AttendanceStatus", $17, $18, $19::timestamp(3), $20, $21::"CheckinMethod", '', '', $22, $23::timestamp(3)
    WHERE EXISTS (SELECT 1 FROM s)
    ON CONFLICT ("attendeeId") DO UPDATE SET
      "status" = excluded."status", "bridgePointId" = excluded."bridgePointId", "checkinListId" = excluded."checkinListId",
      "checkedInAt" = excluded."checkedInAt", "deviceId" = excluded."deviceId", "method" = excluded."method",
      "absenceReason" = '', "substituteName" = '', "recordedById" = excluded."recordedById", "updatedAt" = excluded."updatedAt"
    WHERE "Attendance"."updatedAt" = $24::timestamp(3) AND "Attendance"."status" = $25::"AttendanceStatus"
    RETURNING 1
  ), e AS (
    INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${auditValues(26)} WHERE EXISTS (SELECT 1 FROM a)
  )
  SELECT 1 / (CASE WHEN (SELECT COUNT(*) FROM s) = (SELECT COUNT(*) FROM a) THEN 1 ELSE 0 END) AS "ok",
    (SELECT COUNT(*)::int FROM s) AS "n"`;

function scanParams(r: ScanLogWrite): unknown[] {
  return [
    r.deviceId,
    r.nonce,
    r.conferenceId,
    r.credentialKey,
    r.attendeeId,
    r.checkinListId,
    r.userId,
    r.method,
    pgTime(r.scannedAt),
    pgTime(r.receivedAt),
    r.result,
    r.reason,
    r.response,
  ];
}

export function auditParams(a: AuditWrite): unknown[] {
  return [
    a.id,
    pgTime(a.at),
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
  ];
}

async function storedResponse(st: PgStore, input: CheckinInput): Promise<CheckinResponse> {
  const r = await st.pool.query<{ response: string }>({
    name: "checkin-stored-response",
    text: `SELECT "response" FROM "CheckinScan" WHERE "conferenceId" = $1 AND "credentialKey" = $2 AND "deviceId" = $3 AND "nonce" = $4`,
    values: [input.conferenceId, input.credentialKey, input.deviceId, input.nonce],
  });
  const row = r.rows[0];
  if (!row) throw new Error("scan log conflict without a stored answer");
  return JSON.parse(row.response) as CheckinResponse;
}

/** A scan decided from its token alone (forged, foreign): logged once; a retry gets the stored answer. */
export async function logRefusedPg(
  st: PgStore,
  input: CheckinInput,
  d: Decision,
  receivedAt: Date,
): Promise<CheckinResponse> {
  const r = await st.pool.query({
    name: "checkin-insert-scan",
    text: INSERT_SCAN_SQL,
    values: scanParams(scanLogRow(input, d, receivedAt)),
  });
  return r.rowCount === 1 ? d.response : storedResponse(st, input);
}

// Deadlock or serialization failure: the transaction did nothing; run it again.
const RETRY_CODES = new Set(["40P01", "40001"]);

/** Runs `work` in one transaction on a pooled connection, again when PostgreSQL asks for a retry. */
export async function inTransaction<T>(
  st: PgStore,
  work: (client: pg.PoolClient) => Promise<{ commit: boolean; value: T }>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await st.pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const { commit, value } = await work(client);
      await client.query(commit ? "COMMIT" : "ROLLBACK");
      return value;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch {
        // The connection itself failed: do not give it back to the pool.
        broken = true;
      }
      const code = (error as { code?: unknown } | null)?.code;
      if (!(typeof code === "string" && RETRY_CODES.has(code)) || attempt >= 5) throw error;
    } finally {
      client.release(broken);
    }
  }
}

// The attendance moved between the read and the write (ACCEPT_SQL's division by zero), or a deadlock.
const RESCAN_CODES = new Set(["22012", "40P01", "40001"]);

/** One scan on PostgreSQL (see the header for the guarantees): two statements, no explicit transaction. */
export async function checkInPg(
  st: PgStore,
  input: CheckinInput,
  invitationKey: string | null,
  receivedAt: Date,
): Promise<CheckinResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await scanOnce(st, input, invitationKey, receivedAt);
      return answer ?? (await storedResponse(st, input));
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (!(typeof code === "string" && RESCAN_CODES.has(code)) || attempt >= 20) throw error;
    }
  }
}

/** The scan's answer, or null when the same nonce's answer was stored meanwhile (by a racing retry). */
async function scanOnce(
  st: PgStore,
  input: CheckinInput,
  invitationKey: string | null,
  receivedAt: Date,
): Promise<CheckinResponse | null> {
  const by = invitationKey !== null ? invitationKey : (input.attendeeId ?? null);
  const f = (
    await st.pool.query<FactsRow>({
      name: invitationKey !== null ? "checkin-scan-facts-key" : "checkin-scan-facts-id",
      text: invitationKey !== null ? SCAN_FACTS_BY_KEY : SCAN_FACTS_BY_ID,
      values: [
        by,
        input.listId ?? null,
        input.bridgePointId ?? null,
        input.conferenceId,
        input.credentialKey,
        input.deviceId,
        input.nonce,
      ],
    })
  ).rows[0]!;
  if (f.previous !== null) return JSON.parse(f.previous) as CheckinResponse;
  const facts: ScanFacts = {
    attendee: f.attendee ?? undefined,
    substituteName: f.substituteName,
    list: f.list ?? undefined,
    bridge: f.bridge ?? undefined,
    current: attendanceOf(f.current),
  };
  const d = decideScan(facts, input, receivedAt);
  const scan = scanParams(scanLogRow(input, d, receivedAt));
  if (d.attendance && d.audit) {
    const w = d.attendance;
    const r = await st.pool.query<{ n: number }>({
      name: "checkin-accept",
      text: ACCEPT_SQL,
      values: [
        ...scan,
        w.attendeeId,
        w.conferenceId,
        w.status,
        w.bridgePointId,
        w.checkinListId,
        pgTime(w.checkedInAt),
        w.deviceId,
        w.method,
        w.recordedById,
        pgTime(w.updatedAt),
        f.current?.version ?? null,
        f.current?.status ?? null,
        ...auditParams(d.audit),
      ],
    });
    return r.rows[0]!.n === 1 ? d.response : null;
  }
  const r = await st.pool.query({ name: "checkin-insert-scan", text: INSERT_SCAN_SQL, values: scan });
  return r.rowCount === 1 ? d.response : null;
}

export { BRIDGE_JSON, CURRENT_JSON, ATTENDEE_JSON, attendanceOf };
