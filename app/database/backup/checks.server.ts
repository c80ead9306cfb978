import Database from "better-sqlite3";
import { listMigrations } from "#app/database/migrate.server.ts";
import type { BackupMigration } from "#app/database/backup/manifest.server.ts";

// Checks run on a database copy (never on the live database): SQLite's own integrity check,
// and which migrations it carries compared with what this version of the app knows.

export interface CopyFacts {
  pageSize: number;
  pageCount: number;
  migrations: BackupMigration[];
}

function sqliteError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs PRAGMA integrity_check and reads the copy's migrations; throws a Vietnamese message on any problem. */
export function checkDatabaseCopy(file: string, { readonly }: { readonly: boolean }): CopyFacts {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
  } catch (error) {
    throw new Error(`Không mở được bản sao cơ sở dữ liệu ${file}: ${sqliteError(error)}`, { cause: error });
  }
  try {
    let problems: string[];
    try {
      problems = (db.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
    } catch (error) {
      throw new Error(`Kiểm tra toàn vẹn (PRAGMA integrity_check) thất bại: ${sqliteError(error)}`, { cause: error });
    }
    if (problems.length !== 1 || problems[0] !== "ok") {
      throw new Error(`Kiểm tra toàn vẹn (PRAGMA integrity_check) báo lỗi: ${problems.slice(0, 5).join("; ")}`);
    }
    const hasTable = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .get();
    if (!hasTable)
      throw new Error(
        "Cơ sở dữ liệu không có bảng _prisma_migrations: đây không phải cơ sở dữ liệu của ứng dụng (hoặc chưa từng được migrate).",
      );
    const rows = db
      .prepare(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
      )
      .all() as Array<{ migration_name: string; checksum: string; finished_at: string | number | null }>;
    return {
      pageSize: db.pragma("page_size", { simple: true }) as number,
      pageCount: db.pragma("page_count", { simple: true }) as number,
      // The app's migrate command stores milliseconds, `prisma migrate deploy` a datetime text.
      migrations: rows.map((r) => ({
        name: r.migration_name,
        checksum: r.checksum,
        finishedAt:
          r.finished_at === null
            ? null
            : typeof r.finished_at === "number"
              ? new Date(r.finished_at).toISOString()
              : String(r.finished_at),
      })),
    };
  } finally {
    db.close();
  }
}

/**
 * A backup can be restored by this version of the app when every migration it carries is one
 * this version ships, with the same SQL; newer migrations mean the backup came from a newer app.
 */
export function unknownMigrationProblems(migrations: BackupMigration[], migrationsDir?: string): string[] {
  const known = new Map(listMigrations(migrationsDir).map((m) => [m.name, m.checksum]));
  const problems: string[] = [];
  for (const m of migrations) {
    const checksum = known.get(m.name);
    if (checksum === undefined)
      problems.push(
        `migration ${m.name} không có trong phiên bản ứng dụng này (bản sao lưu được tạo bởi phiên bản mới hơn?)`,
      );
    else if (checksum !== m.checksum)
      problems.push(`migration ${m.name} khác với tệp SQL của phiên bản này (checksum khác)`);
    else if (m.finishedAt === null) problems.push(`migration ${m.name} chưa chạy xong khi sao lưu`);
  }
  return problems;
}
