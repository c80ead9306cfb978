import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isPostgresUrl, sqlitePath } from "#app/env.server.ts";
import {
  listMigrations,
  MIGRATIONS_DIR,
  pendingMigrations,
  type MigrateResult,
} from "#app/database/migration-files.server.ts";

export { listMigrations, MIGRATIONS_DIR, type MigrateResult };

// Applies prisma/migrations/<stamp>_<name>/migration.sql in order and records
// each in _prisma_migrations exactly as `prisma migrate deploy` does, so a
// machine with Prisma's schema engine can take over the same database.

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * Migrates the database a DATABASE_URL names: the SQLite file (prisma/migrations) or the PostgreSQL
 * database (prisma/postgresql/migrations). Returns where it went, for messages.
 */
export async function migrateUrl(url: string): Promise<MigrateResult & { target: string }> {
  if (isPostgresUrl(url)) {
    const { migratePostgres } = await import("#app/database/migrate-pg.server.ts");
    return { ...(await migratePostgres(url)), target: redactUrl(url) };
  }
  const file = sqlitePath(url);
  return { ...migrateDatabase(file), target: file };
}

/** A database URL fit for a log line: the password is left out. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

export function migrateDatabase(file: string, dir = MIGRATIONS_DIR): MigrateResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(CREATE_TABLE);
    const done = db
      .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as Array<{ migration_name: string; checksum: string; finished_at: string | null }>;
    const { pending, alreadyApplied } = pendingMigrations(
      dir,
      done.map((r) => ({ name: r.migration_name, checksum: r.checksum, finished: r.finished_at !== null })),
    );
    const applied: string[] = [];
    for (const m of pending) {
      const id = crypto.randomUUID();
      // The whole migration and its record commit together or not at all.
      db.transaction(() => {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)`,
        ).run(id, m.checksum, m.name, Date.now());
        db.exec(m.sql);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(
          Date.now(),
          id,
        );
      })();
      applied.push(m.name);
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}
