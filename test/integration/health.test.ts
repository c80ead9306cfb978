import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { databaseUrl } from "#tests/helpers/pg-databases.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

// Issue 17, part 3: GET /healthz and /readyz of the real server (scripts/serve.js, `npm run build`
// first): readiness follows the database (made unreachable, then back) and its migrations, and the
// answers say which check failed and nothing more.

const url = process.env.DATABASE_URL!;
let server: AppServer;
let db: TestDb;

const READY = { status: "ready", checks: { database: "ok", migrations: "ok", outbox: "ok", disk: "ok" } };

beforeAll(async () => {
  db = openTestDb();
  // The seeded invitations are queued since the run's template was made, which in a long run is more
  // than the outbox check allows; this server's worker sends them at once, this makes them due just now.
  await db.run(`UPDATE "OutboxMessage" SET "nextAttemptAt" = ? WHERE "status" = 'QUEUED'`, new Date());
  server = await startAppServer();
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function readyz(): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: await res.json() };
}

describe("/healthz", () => {
  it("answers 200 ok, uncached, without a session", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await fetch(`${server.url}/healthz`, { method: "HEAD" })).status).toBe(200);
    const post = await fetch(`${server.url}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("is not written to the request log", async () => {
    const logged = await startAppServer({ captureLog: true });
    try {
      for (let i = 0; i < 5; i++) await (await fetch(`${logged.url}/healthz`)).text();
      await (await fetch(`${logged.url}/readyz`)).text();
      await (await fetch(`${logged.url}/login`)).text();
      await expect.poll(() => logged.stdout()).toContain("/login");
      expect(logged.stdout()).not.toMatch(/healthz|readyz/);
    } finally {
      await logged.stop();
    }
  });
});

describe("/readyz", () => {
  it("answers 200 on a migrated database, with the checks by name only", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.json()).toEqual(READY);
  });

  it("answers 503 while a migration of the build is missing from the database, 200 once it is back", async () => {
    const last = (await db.get<{ name: string }>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    ))!.name;
    await db.run(
      `CREATE TABLE "saved_migration" AS SELECT * FROM "_prisma_migrations" WHERE "migration_name" = ?`,
      last,
    );
    await db.run(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?`, last);
    try {
      await expect.poll(readyz).toEqual({
        status: 503,
        body: { status: "unready", checks: { ...READY.checks, migrations: "fail" } },
      });
    } finally {
      await db.run(`INSERT INTO "_prisma_migrations" SELECT * FROM "saved_migration"`);
      await db.run(`DROP TABLE "saved_migration"`);
    }
    await expect.poll(readyz).toEqual({ status: 200, body: READY });
  });

  it("answers 503 while the database cannot be reached, 200 once it is back", async () => {
    const restore = await makeUnreachable();
    let unready: { status: number; body: unknown };
    try {
      await expect.poll(async () => (unready = await readyz()).status).toBe(503);
      expect(unready!.body).toEqual({
        status: "unready",
        checks: { database: "fail", migrations: "skipped", outbox: "skipped", disk: "ok" },
      });
    } finally {
      await restore();
    }
    await expect.poll(readyz, { timeout: 15_000 }).toEqual({ status: 200, body: READY });
    // The cause went to the log, once when it began and once when it ended: not the answer.
    expect(server.stderr()).toMatch(/readyz: database failing: .+[\s\S]*readyz: database ok again/);
    expect(JSON.stringify(unready!.body)).not.toMatch(/\/|error|hoinghi/i);
  });
});

/**
 * SQLite: the file moves away (what a deleted or misplaced file looks like to a restart; root ignores
 * chmod 000). PostgreSQL: the database is renamed, its connections ended, so none can be made.
 */
async function makeUnreachable(): Promise<() => Promise<void>> {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    fs.renameSync(file, `${file}.moved`);
    return async () => fs.renameSync(`${file}.moved`, file);
  }
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: databaseUrl(process.env.TEST_POSTGRES_URL!, "postgres") });
  await admin.connect();
  await db.close();
  // The server's pool reconnects between the two statements now and then: try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      await admin.query(`ALTER DATABASE "${name}" RENAME TO "${name}_moved"`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(20);
    }
  }
  return async () => {
    await admin.query(`ALTER DATABASE "${name}_moved" RENAME TO "${name}"`);
    await admin.end();
    db = openTestDb();
  };
}
