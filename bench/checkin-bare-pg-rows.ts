// The PostgreSQL reference for POST /api/checkin that writes what an accepted scan writes: plain node:http
// parses the same JSON body and commits, in ONE statement, the same three rows into the same tables as
// the app (the scan log row in "CheckinScan", the attendee's "Attendance" row, its "AuditEvent" row), with
// their indexes, foreign keys and triggers, on a `pg` pool as large as the app's. What it leaves out is
// the app's own work: no credential, no signature or token lookup, no read of the attendee, list and
// current attendance, no decision, no idempotent answer to a retry.
// Scans name the attendee by id ({"attendeeId": …}), since resolving a token is the app's read.
// Usage: node --import tsx bench/checkin-bare-pg-rows.ts <postgresql-url> <conferenceId> <organizationId>
import { randomUUID } from "node:crypto";
import pg from "pg";
import { serveBareScans } from "#bench/lib/bare-scan-server.ts";

const [url, conferenceId, organizationId] = process.argv.slice(2);
if (!url || !/^postgres(ql)?:\/\//.test(url) || !conferenceId || !organizationId) {
  console.error("usage: checkin-bare-pg-rows.ts <postgresql://…> <conferenceId> <organizationId>");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });

const WRITE = `WITH s AS (
    INSERT INTO "CheckinScan" ("deviceId", "nonce", "conferenceId", "credentialKey", "attendeeId", "method", "scannedAt", "receivedAt", "result", "response")
    VALUES ($1, $2, $3, 'bare', $4, 'MANUAL', $5::timestamp(3), $6::timestamp(3), 'ACCEPTED', $7)
    ON CONFLICT ("conferenceId", "credentialKey", "deviceId", "nonce") DO NOTHING RETURNING 1
  ), a AS (
    INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "checkedInAt", "deviceId", "method", "updatedAt")
    SELECT $4, $3, 'IN_PERSON', $6::timestamp(3), $1, 'MANUAL', $6::timestamp(3) WHERE EXISTS (SELECT 1 FROM s)
    ON CONFLICT ("attendeeId") DO NOTHING RETURNING 1
  )
  INSERT INTO "AuditEvent" ("id", "at", "actorKind", "actorLabel", "action", "entity", "entityId", "summary", "organizationId", "conferenceId")
  SELECT $8, $6::timestamp(3), 'device', $1, 'attendance.scan', 'Attendance', $4, 'Có mặt', $9, $3 WHERE EXISTS (SELECT 1 FROM a)`;

serveBareScans(
  ({ body, scannedAt, receivedAt }, answer) =>
    pool.query({
      name: "bare-rows",
      text: WRITE,
      values: [
        body.deviceId,
        body.nonce,
        conferenceId,
        body.attendeeId,
        scannedAt,
        receivedAt,
        answer,
        randomUUID(),
        organizationId,
      ],
    }),
  () => pool.end(),
);
