import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CACHE_MS, checkReadiness, LEASE_OVERDUE_MS, QUEUED_STUCK_MS, readiness } from "#app/health.server.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

// Issue 17, part 3: the checks behind GET /readyz on this file's database, each made to fail on its
// own (the server's answers, the database moved away and a missing migration are in health.test.ts).

let db: TestDb;
let queued: string[];
const options = () => ({ databaseUrl: process.env.DATABASE_URL!, dataDir: process.env.DATA_DIR!, minFreeBytes: 0 });
const ALL_OK = { database: "ok", migrations: "ok", outbox: "ok", disk: "ok" };

beforeAll(async () => {
  db = openTestDb();
  queued = (
    await db.all<{ id: string }>(`SELECT "id" FROM "OutboxMessage" WHERE "status" = 'QUEUED' ORDER BY "id" LIMIT 2`)
  ).map((r) => r.id);
  expect(queued).toHaveLength(2);
});

// The seeded invitations wait in the queue, due since the run's template was made; nobody sends them here.
beforeEach(async () => {
  await db.run(
    `UPDATE "OutboxMessage" SET "status" = 'QUEUED', "nextAttemptAt" = ?, "claimedBy" = NULL, "leaseUntil" = NULL
     WHERE "status" IN ('QUEUED', 'SENDING')`,
    new Date(),
  );
});

afterAll(async () => {
  await db?.close();
});

const ago = (ms: number) => new Date(Date.now() - ms);

describe("checkReadiness", () => {
  it("is ready on a migrated database with a moving outbox and room on the disk", async () => {
    expect(await checkReadiness(options())).toEqual({ ready: true, checks: ALL_OK });
  });

  it("fails the disk check below the free space asked for", async () => {
    expect(await checkReadiness({ ...options(), minFreeBytes: Number.MAX_SAFE_INTEGER })).toEqual({
      ready: false,
      checks: { ...ALL_OK, disk: "fail" },
    });
    // A data directory not made yet: the disk it would be made on.
    const missing = `${process.env.DATA_DIR}/not/made/yet`;
    expect((await checkReadiness({ ...options(), dataDir: missing })).checks.disk).toBe("ok");
  });

  it("fails the outbox check when a message has been due for long with no sender alive", async () => {
    await db.run(
      `UPDATE "OutboxMessage" SET "nextAttemptAt" = ? WHERE "id" = ?`,
      ago(QUEUED_STUCK_MS + 60_000),
      queued[0],
    );
    expect(await checkReadiness(options())).toEqual({ ready: false, checks: { ...ALL_OK, outbox: "fail" } });

    // A mass mailing: the queue is long but a sender holds a live claim, so it is moving.
    await db.run(
      `UPDATE "OutboxMessage" SET "status" = 'SENDING', "claimedBy" = 'another', "leaseUntil" = ? WHERE "id" = ?`,
      new Date(Date.now() + 30_000),
      queued[1],
    );
    expect((await checkReadiness(options())).checks.outbox).toBe("ok");
  });

  it("fails the outbox check when a claim's lease ran out long ago (no instance takes it back)", async () => {
    await db.run(
      `UPDATE "OutboxMessage" SET "status" = 'SENDING', "claimedBy" = 'dead', "leaseUntil" = ? WHERE "id" = ?`,
      ago(LEASE_OVERDUE_MS - 60_000),
      queued[0],
    );
    // Run out a moment ago: the next poll of any live sender takes it back.
    expect((await checkReadiness(options())).checks.outbox).toBe("ok");
    await db.run(
      `UPDATE "OutboxMessage" SET "leaseUntil" = ? WHERE "id" = ?`,
      ago(LEASE_OVERDUE_MS + 60_000),
      queued[0],
    );
    expect(await checkReadiness(options())).toEqual({ ready: false, checks: { ...ALL_OK, outbox: "fail" } });
  });

  it("fails the migrations check when an applied migration is not this build's file (checksum)", async () => {
    const row = (await db.get<{ name: string; checksum: string }>(
      `SELECT "migration_name" AS "name", "checksum" FROM "_prisma_migrations" ORDER BY "migration_name" LIMIT 1`,
    ))!;
    await db.run(`UPDATE "_prisma_migrations" SET "checksum" = 'edited' WHERE "migration_name" = ?`, row.name);
    try {
      expect(await checkReadiness(options())).toEqual({ ready: false, checks: { ...ALL_OK, migrations: "fail" } });
    } finally {
      await db.run(`UPDATE "_prisma_migrations" SET "checksum" = ? WHERE "migration_name" = ?`, row.checksum, row.name);
    }
    expect((await checkReadiness(options())).ready).toBe(true);
  });
});

describe("readiness (what /readyz answers)", () => {
  it("evaluates once for every caller within CACHE_MS of the last answer, then anew", async () => {
    const first = readiness();
    expect(readiness()).toBe(first);
    expect(await first).toEqual({ ready: true, checks: ALL_OK });
    expect(readiness(Date.now())).toBe(first);
    const next = readiness(Date.now() + CACHE_MS + 1);
    expect(next).not.toBe(first);
    expect(await next).toEqual({ ready: true, checks: ALL_OK });
  });
});
