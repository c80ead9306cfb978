// A separate process that keeps writing to the app's database the way the app does, for the
// backup-under-load test: `node --import tsx test/helpers/write-load.ts <database> <data dir>`.
// Every transaction (batch n) inserts BATCH_ROWS sessions "load-<n>-<i>"; every
// EVIDENCE_EVERY-th batch also stores an evidence file first and then its EvidenceFile row,
// in that order, as app/remediation does. Prints "ready" after the first commit; stops on SIGTERM.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const BATCH_ROWS = 5;
const EVIDENCE_EVERY = 10;

const [databaseFile, dataDir] = process.argv.slice(2);
if (!databaseFile || !dataDir) throw new Error("usage: write-load.ts <database> <data dir>");

const db = new Database(databaseFile, { timeout: 10_000 });
db.pragma("journal_mode = WAL");
const { id: userId } = db.prepare(`SELECT id FROM "User" ORDER BY id LIMIT 1`).get() as { id: string };
const { id: actionId } = db.prepare(`SELECT id FROM "RemediationAction" ORDER BY id LIMIT 1`).get() as { id: string };
const insertSession = db.prepare(`INSERT INTO "Session" (id, userId, expiresAt, createdAt) VALUES (?, ?, ?, ?)`);
const insertEvidence = db.prepare(
  `INSERT INTO "EvidenceFile" (id, actionId, fileName, mimeType, size, storagePath, createdAt) VALUES (?, ?, ?, 'application/octet-stream', ?, ?, ?)`,
);

const commit = db.transaction((batch: number, evidence: { rel: string; size: number } | null) => {
  const now = new Date().toISOString();
  for (let i = 0; i < BATCH_ROWS; i++) insertSession.run(`load-${batch}-${i}`, userId, now, now);
  if (evidence)
    insertEvidence.run(`load-evidence-${batch}`, actionId, `minh-chung-${batch}.bin`, evidence.size, evidence.rel, now);
});

let batch = 0;
function writeOne() {
  batch++;
  let evidence: { rel: string; size: number } | null = null;
  if (batch % EVIDENCE_EVERY === 0) {
    const rel = `2026-12/load-${batch}.bin`;
    const bytes = crypto.randomBytes(20_000 + (batch % 7) * 1000);
    fs.mkdirSync(path.join(dataDir!, "evidence", "2026-12"), { recursive: true });
    fs.writeFileSync(path.join(dataDir!, "evidence", rel), bytes);
    evidence = { rel, size: bytes.length };
  }
  commit(batch, evidence);
}

writeOne();
process.stdout.write("ready\n");
// A steady trickle (one transaction every 2 ms), not a tight loop: the machine is shared.
const timer = setInterval(writeOne, 2);
process.on("SIGTERM", () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
