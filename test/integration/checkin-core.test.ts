// The check-in core (app/checkin/checkin.server.ts) in-process: scans that arrive together share one
// commit (group commit), yet each is all-or-nothing — a scan that fails leaves no attendance, scan log
// or audit row behind, and does not take the others down with it.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";

describe("check-in core", () => {
  it("commits concurrent scans together, but a scan that fails rolls back alone", async () => {
    const db = new Database(process.env.TEST_DATABASE_FILE!);
    db.pragma("busy_timeout = 5000");
    try {
      const { id: conferenceId } = db
        .prepare(
          `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED' ORDER BY "createdAt" LIMIT 1`,
        )
        .get() as { id: string };
      const ids = Array.from({ length: 5 }, (_, i) => `core${i}`);
      const insert = db.prepare(
        `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "createdAt") VALUES (?, ?, ?, '', '', ?, ?, ?, ?)`,
      );
      for (const id of ids)
        insert.run(
          id,
          conferenceId,
          `Đại biểu ${id}`,
          `${id}@example.vn`,
          `token-${id}`,
          `key-${id}`,
          new Date().toISOString(),
        );
      // One scan's log insert fails (as a full disk or a constraint would).
      db.exec(
        `CREATE TRIGGER "test_fail_one" BEFORE INSERT ON "CheckinScan" WHEN NEW."nonce" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
      );

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
      const count = (table: string, column: string) =>
        (
          db
            .prepare(
              `SELECT "${column}" AS id FROM "${table}" WHERE "${column}" IN (${ids.map(() => "?").join(",")}) ORDER BY 1`,
            )
            .all(...ids) as Array<{ id: string }>
        ).map((r) => r.id);
      const saved = ["core0", "core1", "core3", "core4"];
      expect(count("Attendance", "attendeeId")).toEqual(saved);
      expect(count("CheckinScan", "attendeeId")).toEqual(saved);
      expect(count("AuditEvent", "entityId")).toEqual(saved);
    } finally {
      db.exec(`DROP TRIGGER IF EXISTS "test_fail_one"`);
      db.close();
    }
  });
});
