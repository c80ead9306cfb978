// The check-in core (app/checkin/checkin.server.ts) in-process. On SQLite, scans that arrive together share
// one commit (group commit); on PostgreSQL each scan is its own transaction. On both, each scan is
// all-or-nothing — a scan that fails leaves no attendance, scan log or audit row behind, and does not take
// the others down with it. On PostgreSQL, several app instances (here: separate connection pools, as
// separate processes would have) scanning at once still count each attendee once and log each nonce once.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { checkIn, type CheckinInput } from "#app/checkin/checkin.server.ts";
import { checkInPg, type PgStore } from "#app/checkin/pg-store.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

let db: TestDb;
let conferenceId: string;

beforeAll(async () => {
  db = openTestDb();
  const row = await db.get<{ id: string }>(
    `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED' ORDER BY "createdAt" LIMIT 1`,
  );
  conferenceId = row!.id;
});
afterAll(() => db.close());

async function addAttendees(ids: string[]): Promise<void> {
  for (const id of ids)
    await db.run(
      `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "createdAt") VALUES (?, ?, ?, '', '', ?, ?, ?, ?)`,
      id,
      conferenceId,
      `Đại biểu ${id}`,
      `${id}@example.vn`,
      `token-${id}`,
      `key-${id}`,
      new Date(),
    );
}

const inList = (ids: string[]) => ids.map(() => "?").join(",");

describe("check-in core", () => {
  it("commits concurrent scans together, but a scan that fails rolls back alone", async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `core${i}`);
    await addAttendees(ids);
    // One scan's log insert fails (as a full disk or a constraint would).
    if (db.kind === "sqlite")
      await db.run(
        `CREATE TRIGGER "test_fail_one" BEFORE INSERT ON "CheckinScan" WHEN NEW."nonce" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
      );
    else {
      await db.run(
        `CREATE FUNCTION test_fail_one() RETURNS trigger AS $$ BEGIN IF NEW."nonce" = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.run(
        `CREATE TRIGGER "test_fail_one" BEFORE INSERT ON "CheckinScan" FOR EACH ROW EXECUTE FUNCTION test_fail_one()`,
      );
    }
    try {
      const results = await Promise.allSettled(
        ids.map((attendeeId, i) =>
          checkIn({
            conferenceId,
            listId: null,
            attendeeId,
            deviceId: "core-test",
            nonce: i === 2 ? "boom" : `ok-${i}`,
            scannedAt: new Date(),
            method: "MANUAL",
            userId: null,
            credentialKey: "core-test",
            audit: { actor: SYSTEM_ACTOR, action: "attendance.scan" },
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
      expect(
        results
          .filter((r) => r.status === "fulfilled")
          .map((r) => (r as PromiseFulfilledResult<{ result: string }>).value.result),
      ).toEqual(["accepted", "accepted", "accepted", "accepted"]);
      const saved = async (table: string, column: string) =>
        (
          await db.all<{ id: string }>(
            `SELECT "${column}" AS id FROM "${table}" WHERE "${column}" IN (${inList(ids)}) ORDER BY 1`,
            ...ids,
          )
        ).map((r) => r.id);
      const kept = ["core0", "core1", "core3", "core4"];
      expect(await saved("Attendance", "attendeeId")).toEqual(kept);
      expect(await saved("CheckinScan", "attendeeId")).toEqual(kept);
      expect(await saved("AuditEvent", "entityId")).toEqual(kept);
    } finally {
      await db.run(`DROP TRIGGER IF EXISTS "test_fail_one"${db.kind === "postgresql" ? ` ON "CheckinScan"` : ""}`);
      if (db.kind === "postgresql") await db.run(`DROP FUNCTION IF EXISTS test_fail_one()`);
    }
  });

  // SQLite has one writer process by design (the group commit above); checkin-api.test.ts covers its
  // concurrency through the API. This is PostgreSQL's: several instances on one database.
  it.skipIf(!process.env.DATABASE_URL?.startsWith("postgres"))(
    "two instances (separate pools) scanning at once: each attendee checked in once, each nonce logged once with one answer",
    async () => {
      const ATTENDEES = 120;
      const ids = Array.from({ length: ATTENDEES }, (_, i) => `multi${String(i).padStart(3, "0")}`);
      await addAttendees(ids);
      const instances: PgStore[] = [0, 1].map(() => ({
        url: process.env.DATABASE_URL!,
        pool: new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 8 }),
        tokens: { index: new Map(), count: 0 },
      }));
      try {
        const scan = (attendeeId: string, device: string, nonce: string): CheckinInput => ({
          conferenceId,
          listId: null,
          attendeeId,
          deviceId: device,
          nonce,
          scannedAt: new Date(),
          method: "MANUAL",
          userId: null,
          credentialKey: "multi-test",
          audit: { actor: SYSTEM_ACTOR, action: "attendance.scan" },
        });
        // Each attendee is read by three doors at once; each door's request is sent to one instance and
        // its retry (same nonce) to the other, while the first attempt is still in flight.
        const sends: Array<{ key: string; answer: Promise<CheckinResponse> }> = [];
        for (const [i, id] of ids.entries())
          for (const door of [0, 1, 2]) {
            const key = `${door}|n-${id}-${door}`;
            const input = scan(id, `door-${door}`, `n-${id}-${door}`);
            sends.push({ key, answer: checkInPg(instances[(i + door) % 2]!, input, null, new Date()) });
            if ((i + door) % 3 === 0)
              sends.push({ key, answer: checkInPg(instances[(i + door + 1) % 2]!, input, null, new Date()) });
          }
        const answers = await Promise.all(sends.map((s) => s.answer));
        const byKey = new Map<string, CheckinResponse[]>();
        sends.forEach((s, i) => byKey.set(s.key, [...(byKey.get(s.key) ?? []), answers[i]!]));
        // A retry got the first answer, exactly.
        for (const same of byKey.values()) for (const a of same) expect(a).toEqual(same[0]);
        const perAttendee = new Map<string, string[]>();
        for (const [key, [a]] of byKey) {
          const id = key.split("|n-")[1]!.replace(/-\d$/, "");
          perAttendee.set(id, [...(perAttendee.get(id) ?? []), a!.result].sort());
        }
        for (const results of perAttendee.values()) expect(results).toEqual(["accepted", "duplicate", "duplicate"]);

        expect(await db.count(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" LIKE 'multi%'`)).toBe(
          ATTENDEES,
        );
        expect(await db.count(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" LIKE 'multi%'`)).toBe(
          ATTENDEES * 3,
        );
        expect(
          await db.count(
            `SELECT COUNT(*) AS n FROM (SELECT "deviceId", "nonce" FROM "CheckinScan" WHERE "attendeeId" LIKE 'multi%' GROUP BY 1, 2 HAVING COUNT(*) > 1) d`,
          ),
        ).toBe(0);
        expect(
          await db.count(
            `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" LIKE 'multi%' AND "result" = 'ACCEPTED'`,
          ),
        ).toBe(ATTENDEES);
        expect(
          await db.count(
            `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "entityId" LIKE 'multi%' AND "action" = 'attendance.scan'`,
          ),
        ).toBe(ATTENDEES);
        // The stored answer of each nonce is the one its requests got.
        const stored = await db.all<{ deviceId: string; nonce: string; response: string }>(
          `SELECT "deviceId", "nonce", "response" FROM "CheckinScan" WHERE "attendeeId" LIKE 'multi%'`,
        );
        for (const r of stored)
          expect(JSON.parse(r.response)).toEqual(byKey.get(`${r.deviceId.slice(5)}|${r.nonce}`)![0]);
      } finally {
        await Promise.all(instances.map((i) => i.pool.end()));
      }
    },
  );
});
