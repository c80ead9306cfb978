// The reference for POST /api/checkin on PostgreSQL: plain node:http that parses the same JSON body and
// does the same durable insert with `pg` (one INSERT … ON CONFLICT DO NOTHING per scan, committed before
// the answer) — no credential, no signature, no attendee lookup, no audit row.
// Usage: node --import tsx bench/checkin-bare-pg.ts <postgresql-url>; prints {"port":N} once listening.
import http from "node:http";
import pg from "pg";

const url = process.argv[2];
if (!url) {
  console.error("usage: checkin-bare-pg.ts <postgresql-url>");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS "BareScan" (
  "id" BIGSERIAL PRIMARY KEY, "deviceId" TEXT NOT NULL, "nonce" TEXT NOT NULL, "token" TEXT NOT NULL,
  "scannedAt" TIMESTAMP(3) NOT NULL, "receivedAt" TIMESTAMP(3) NOT NULL, "response" TEXT NOT NULL,
  UNIQUE ("deviceId", "nonce"))`);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const answer = (status: number, text: string) => {
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
    };
    let body: Record<string, string>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
    } catch {
      return answer(400, JSON.stringify({ error: "bad request" }));
    }
    const text = JSON.stringify({ result: "accepted" });
    pool
      .query(
        `INSERT INTO "BareScan" ("deviceId", "nonce", "token", "scannedAt", "receivedAt", "response")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [
          body.deviceId,
          body.nonce,
          body.token,
          String(body.scannedAt).slice(0, 23),
          new Date().toISOString().slice(0, 23),
          text,
        ],
      )
      .then(
        () => answer(200, text),
        () => answer(500, JSON.stringify({ error: "database" })),
      );
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
});
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
