import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { pendingMigrations, type MigrateResult } from "#app/database/migration-files.server.ts";

// The PostgreSQL migrations (prisma/postgresql/migrations), applied and recorded in _prisma_migrations
// exactly as `prisma migrate deploy` does. Several instances may start at once: an advisory lock lets
// one migrate while the others wait, then find nothing left to do.

export const PG_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/postgresql/migrations");

// Prisma's own table definition for PostgreSQL.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any constant both migrating processes agree on; "hoing" in ASCII.
const MIGRATION_LOCK = 0x686f696e67;

export async function migratePostgres(url: string, dir = PG_MIGRATIONS_DIR): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: collation } = await client.query<{ datcollate: string }>(
      "SELECT datcollate FROM pg_database WHERE datname = current_database()",
    );
    const collate = collation[0]?.datcollate ?? "";
    if (!["C", "POSIX", "C.UTF-8", "C.utf8"].includes(collate)) {
      // Not an error: the app works, but lists sorted by the database follow its language rules instead of
      // the code-point order of SQLite (and of the tests).
      console.warn(
        `Cảnh báo: cơ sở dữ liệu PostgreSQL dùng collation "${collate}"; nên tạo với LC_COLLATE 'C' để danh sách ` +
          `sắp xếp như bản SQLite (xem README).`,
      );
    }
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL`,
    );
    const { pending, alreadyApplied } = pendingMigrations(
      dir,
      rows.map((r) => ({ name: r.migration_name, checksum: r.checksum, finished: r.finished })),
    );
    const applied: string[] = [];
    for (const m of pending) {
      const id = crypto.randomUUID();
      // DDL is transactional in PostgreSQL: the migration and its record commit together or not at all.
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} thất bại: ${error instanceof Error ? error.message : error}`, {
          cause: error,
        });
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
