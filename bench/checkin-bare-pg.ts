// The PostgreSQL reference for POST /api/checkin: plain node:http that parses the same JSON body and does
// the same durable insert into PostgreSQL with `pg` (a pool as large as the app's, a committed INSERT per
// scan, synchronous_commit as the server has it) — no credential, no signature, no attendee lookup, no
// idempotency check, no audit row.
// Usage: node --import tsx bench/checkin-bare-pg.ts <postgresql-url>; prints {"port":N} once listening.
import pg from "pg";
import { serveBareScans } from "#bench/lib/bare-scan-server.ts";

const url = process.argv[2];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("usage: checkin-bare-pg.ts <postgresql://…>");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
await pool.query(`CREATE TABLE IF NOT EXISTS "BareScan" (
  "id" SERIAL PRIMARY KEY, "deviceId" TEXT NOT NULL, "nonce" TEXT NOT NULL, "token" TEXT NOT NULL,
  "scannedAt" TIMESTAMP(3) NOT NULL, "receivedAt" TIMESTAMP(3) NOT NULL, "response" TEXT NOT NULL, UNIQUE ("deviceId", "nonce"))`);
const INSERT = `INSERT INTO "BareScan" ("deviceId", "nonce", "token", "scannedAt", "receivedAt", "response") VALUES ($1, $2, $3, $4, $5, $6)`;

serveBareScans(
  ({ body, scannedAt, receivedAt }, answer) =>
    pool.query({
      name: "bare-insert",
      text: INSERT,
      values: [body.deviceId, body.nonce, body.token, scannedAt, receivedAt, answer],
    }),
  () => pool.end(),
);
