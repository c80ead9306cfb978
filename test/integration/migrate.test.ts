import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase, MIGRATIONS_DIR } from "#app/database/migrate.server.ts";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-migrate-"));
}

describe("npm run db:migrate", () => {
  it("creates the database file, applies every migration once and records it like prisma migrate deploy", () => {
    const file = path.join(tempDir(), "nested", "app.db");
    const first = migrateDatabase(file);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = migrateDatabase(file);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);

    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations`,
      )
      .all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(first.applied.length);
    for (const [i, m] of listMigrations().entries()) {
      expect(rows[i]).toMatchObject({
        migration_name: m.name,
        checksum: m.checksum,
        applied_steps_count: 1,
        rolled_back_at: null,
      });
      expect(rows[i]!.finished_at).not.toBeNull();
    }
  });

  it("refuses a migration whose SQL changed after it was applied", () => {
    const dir = tempDir();
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const file = path.join(dir, "app.db");
    migrateDatabase(file, migrations);
    const [first] = listMigrations(migrations);
    fs.appendFileSync(path.join(migrations, first!.name, "migration.sql"), "\n-- edited\n");
    expect(() => migrateDatabase(file, migrations)).toThrow(/checksum khác/);
  });

  it("rolls back a failing migration completely and records nothing", () => {
    const dir = tempDir();
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, "29990101000000_broken"));
    fs.writeFileSync(
      path.join(migrations, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id TEXT);\nTHIS IS NOT SQL;`,
    );
    const file = path.join(dir, "app.db");
    expect(() => migrateDatabase(file, migrations)).toThrow();
    const db = new Database(file, { readonly: true });
    const half = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).get();
    const recorded = db
      .prepare(`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`)
      .get() as { n: number };
    db.close();
    expect(half).toBeUndefined();
    expect(recorded.n).toBe(0);
  });
});
