// The PostgreSQL reference for POST /api/checkin: plain node:http that parses the same JSON body and does
// the same durable insert into PostgreSQL with `pg` (a pool as large as the app's, a committed INSERT per
// scan, synchronous_commit as the server has it) — no credential, no signature, no attendee lookup, no
// idempotency check, no audit row.
// Usage: node --import tsx bench/checkin-bare-pg.ts <postgresql-url>; prints {"port":N} once listening.
import http from "node:http";
import pg from "pg";

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

function send(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let values: unknown[];
    const text = JSON.stringify({ result: "accepted" });
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
      const scannedAt = new Date(body.scannedAt ?? "").toISOString().slice(0, -1);
      values = [body.deviceId, body.nonce, body.token, scannedAt, new Date().toISOString().slice(0, -1), text];
    } catch {
      send(res, 400, JSON.stringify({ error: "bad request" }));
      return;
    }
    pool
      .query({
        name: "bare-insert",
        text: INSERT,
        values,
      })
      .then(
        () => send(res, 200, text),
        () => send(res, 500, JSON.stringify({ error: "not saved" })),
      );
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
});
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
