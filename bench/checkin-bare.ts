// The reference for POST /api/checkin: plain node:http that parses the same JSON body and does the
// same durable insert with better-sqlite3 directly (WAL, synchronous = NORMAL, like the app's check-in
// connection) — no credential, no signature, no attendee lookup, no idempotency check.
// Usage: node --import tsx bench/checkin-bare.ts <sqlite-file>; prints {"port":N} once listening.
import Database from "better-sqlite3";
import http from "node:http";

const file = process.argv[2];
if (!file) {
  console.error("usage: checkin-bare.ts <sqlite-file>");
  process.exit(2);
}
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(`CREATE TABLE IF NOT EXISTS "Scan" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT, "deviceId" TEXT NOT NULL, "nonce" TEXT NOT NULL, "token" TEXT NOT NULL,
  "scannedAt" TEXT NOT NULL, "receivedAt" TEXT NOT NULL, "response" TEXT NOT NULL, UNIQUE ("deviceId", "nonce"))`);
const insert = db.prepare(
  `INSERT INTO "Scan" ("deviceId", "nonce", "token", "scannedAt", "receivedAt", "response") VALUES (?, ?, ?, ?, ?, ?)`,
);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let status = 200;
    let text: string;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
      text = JSON.stringify({ result: "accepted" });
      insert.run(body.deviceId, body.nonce, body.token, body.scannedAt, new Date().toISOString(), text);
    } catch {
      status = 400;
      text = JSON.stringify({ error: "bad request" });
    }
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
