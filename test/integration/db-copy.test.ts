import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "#app/database/client.server.ts";
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { freePort } from "#scripts/lib/app-process.ts";
import { seedDatabase } from "#prisma/seed-runner.ts";
import { startInstance, type Instance } from "#scripts/lib/cluster.ts";
import { createDatabase } from "#tests/helpers/pg-databases.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

// Issue 12: a province that started on the embedded SQLite moves to PostgreSQL with `npm run db:copy`
// and loses nothing: the row counts match table by table, and the app on PostgreSQL shows the same
// pages as on SQLite. Needs a PostgreSQL server: runs in the PostgreSQL pass (npm run test:pg).

const serverUrl = process.env.TEST_POSTGRES_URL;
const ROOT = path.resolve(import.meta.dirname, "../..");
const sqliteFile = path.join(process.env.DATA_DIR ?? "/tmp", "copy-source", "demo.db");
let targetUrl = "";
const servers: Instance[] = [];

const sourceDataDir = path.join(path.dirname(sqliteFile), "source-data");
// An upload as versions before StoredFile kept it: a file under DATA_DIR/evidence named by the row.
const legacy = { id: "legacyevidence1", path: "2025-11/bien-ban-kiem-tra.pdf", bytes: Buffer.from("%PDF-1.4\n% cũ\n") };

function copy(to: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", "--to", to], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${sqliteFile}`, DATA_DIR: sourceDataDir },
    encoding: "utf8",
  });
}

describe.runIf(serverUrl)("npm run db:copy from the demo SQLite database into PostgreSQL", () => {
  beforeAll(async () => {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    migrateDatabase(sqliteFile);
    const prisma = createPrismaClient(`file:${sqliteFile}`);
    await seedDatabase(prisma);
    const action = await prisma.remediationAction.findFirstOrThrow({ select: { id: true } });
    await prisma.evidenceFile.create({
      data: {
        id: legacy.id,
        actionId: action.id,
        fileName: "bien-ban.pdf",
        mimeType: "application/pdf",
        size: legacy.bytes.length,
        storagePath: legacy.path,
      },
    });
    fs.mkdirSync(path.join(sourceDataDir, "evidence", "2025-11"), { recursive: true });
    fs.writeFileSync(path.join(sourceDataDir, "evidence", legacy.path), legacy.bytes);
    await prisma.$disconnect();
    targetUrl = await createDatabase(serverUrl!, `${process.env.TEST_PG_RUN}_copy${Date.now().toString(36)}`);
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it("copies every row, then refuses to copy into a database that is no longer empty", async () => {
    const first = copy(targetUrl);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/số dòng khớp từng bảng/);
    expect(first.stdout).toMatch(/Đã chuyển 1 tệp tải lên/);
    const source = openTestDb(`file:${sqliteFile}`);
    const target = openTestDb(targetUrl);
    try {
      const tables = (
        await source.all<{ name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
        )
      ).map((t) => t.name);
      expect(tables.length).toBeGreaterThan(30);
      for (const t of tables) {
        const q = `SELECT COUNT(*) AS n FROM "${t}"`;
        // The one upload the source kept on disk is now a StoredFile row too.
        expect(await target.count(q), t).toBe((await source.count(q)) + (t === "StoredFile" ? 1 : 0));
      }
      expect(await target.count(`SELECT COUNT(*) AS n FROM "Conference"`)).toBeGreaterThan(5);
      // The scan log's ids were copied: the next scan continues after them instead of colliding with
      // the first copied row (a door that answered 500 after the move).
      const copiedMax = await target.count(`SELECT COALESCE(MAX("id"), 0) AS n FROM "CheckinScan"`);
      expect(copiedMax).toBeGreaterThan(0);
      const [scan] = await target.all<{ id: number }>(
        `INSERT INTO "CheckinScan" ("deviceId", "nonce", "conferenceId", "method", "scannedAt", "receivedAt", "result", "response")
         SELECT 'after-copy', 'n1', "conferenceId", 'SCAN', now(), now(), 'REJECTED', '{}' FROM "CheckinScan" LIMIT 1 RETURNING "id"`,
      );
      expect(scan!.id).toBe(copiedMax + 1);
    } finally {
      await source.close();
      await target.close();
    }
    const again = copy(targetUrl);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/không trống/);
  }, 120_000);

  it("serves the same pages from PostgreSQL as from SQLite", async () => {
    const dir = path.dirname(sqliteFile);
    const [onSqlite, onPg] = await Promise.all([
      freePort().then((port) =>
        startInstance(port, { databaseUrl: `file:${sqliteFile}`, dataDir: path.join(dir, "data-sqlite") }),
      ),
      freePort().then((port) => startInstance(port, { databaseUrl: targetUrl, dataDir: path.join(dir, "data-pg") })),
    ]);
    servers.push(onSqlite, onPg);
    const sessions = await Promise.all([onSqlite, onPg].map((s) => signIn(s.url)));
    const db = openTestDb(`file:${sqliteFile}`);
    const conferences = await db.all<{ id: string }>(`SELECT "id" FROM "Conference" ORDER BY "id"`);
    const rounds = await db.all<{ id: string }>(`SELECT "id" FROM "AssessmentRound" ORDER BY "id"`);
    const plans = await db.all<{ id: string }>(`SELECT "id" FROM "RemediationPlan" ORDER BY "id"`);
    await db.close();
    const pages = [
      "/conferences",
      ...conferences.flatMap((c) => [
        `/conferences/${c.id}`,
        `/conferences/${c.id}/attendees`,
        `/conferences/${c.id}/attendance`,
        `/conferences/${c.id}/agenda`,
        `/conferences/${c.id}/awards`,
        `/conferences/${c.id}/bridges`,
      ]),
      "/scoring",
      ...rounds.flatMap((r) => [`/scoring/rounds/${r.id}`, `/scoring/rounds/${r.id}/sipas`]),
      "/remediation",
      ...plans.map((p) => `/remediation/${p.id}`),
      "/admin/organizations",
      "/admin/users",
    ];
    const differing: string[] = [];
    for (const page of pages) {
      const [a, b] = await Promise.all(
        [onSqlite, onPg].map(async (s, i) => {
          const res = await fetch(`${s.url}${page}`, { headers: { cookie: sessions[i]! }, redirect: "manual" });
          return { status: res.status, body: comparable(await res.text()) };
        }),
      );
      expect(a!.status, page).toBe(200);
      expect(b!.status, page).toBe(200);
      if (a!.body !== b!.body) differing.push(`${page}\n${firstDifference(a!.body, b!.body)}`);
    }
    expect(differing, differing.join("\n\n")).toEqual([]);
    // The upload the old installation kept on disk opens from PostgreSQL, without that data directory.
    const file = await fetch(`${onPg.url}/remediation/evidence/${legacy.id}`, { headers: { cookie: sessions[1]! } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(legacy.bytes)).toBe(true);
    for (const s of servers) expect(s.stderr()).not.toMatch(/Error|at \S+ \(/);
  }, 180_000);
});

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body: new URLSearchParams({ email: "admin@hoinghi.local", password: "hoinghi-demo" }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`sign-in answered ${res.status}`);
  return cookie.split(";")[0]!;
}

/** The page without what differs between two responses by design: per-response nonces, the time of the answer. */
function comparable(html: string): string {
  return html
    .replace(/ nonce="[^"]*"/g, "")
    .replace(/\\?"nonce\\?":\\?"[^"\\]*\\?"/g, "")
    .replace(/(\\"at\\",)\d{13}/g, "$1<now>");
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `sqlite: …${a.slice(Math.max(0, i - 80), i + 120)}…\npostgresql: …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}
