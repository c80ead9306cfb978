import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The migration files of one provider in Prisma's layout (<stamp>_<name>/migration.sql), in order, with
// the checksum `prisma migrate deploy` records.

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export interface RecordedMigration {
  name: string;
  checksum: string;
  finished: boolean;
}

/**
 * The migrations still to apply, in order, given what `_prisma_migrations` records. Refuses (in
 * Vietnamese) an applied migration whose file was edited since, and one that failed before.
 */
export function pendingMigrations(
  dir: string,
  recorded: RecordedMigration[],
): { pending: MigrationFile[]; alreadyApplied: number } {
  const byName = new Map(recorded.map((r) => [r.name, r]));
  const pending: MigrationFile[] = [];
  let alreadyApplied = 0;
  for (const m of listMigrations(dir)) {
    const row = byName.get(m.name);
    if (row?.finished) {
      if (row.checksum !== m.checksum) {
        throw new Error(
          `Migration ${m.name} đã được áp dụng nhưng tệp SQL đã bị sửa (checksum khác). Hãy tạo migration mới thay vì sửa migration cũ.`,
        );
      }
      alreadyApplied++;
    } else if (row) {
      throw new Error(`Migration ${m.name} đã thất bại trước đó; hãy khắc phục cơ sở dữ liệu rồi chạy lại.`);
    } else pending.push(m);
  }
  return { pending, alreadyApplied };
}
