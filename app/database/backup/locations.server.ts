import path from "node:path";
import { isPostgresUrl, sqlitePath } from "#app/env.server.ts";

// Where the database, the data directory and the backups live. Read straight from the
// environment rather than through parseEnv(): backing up and restoring must work on a
// machine where the operator has not (yet) set SESSION_SECRET, and these commands need
// nothing else. The defaults are the same as app/env.server.ts's (a test checks that).

export const DEFAULT_DATABASE_URL = "file:./data/hoinghi.db";
export const DEFAULT_DATA_DIR = "./data";

export interface StorageLocations {
  databaseFile: string;
  dataDir: string;
  /** Parent folder of the named backup folders. */
  backupRoot: string;
}

/**
 * db:backup and db:restore copy a SQLite file page by page; a PostgreSQL server has its own tools,
 * which also back up while the app serves (README, “Sao lưu và khôi phục”).
 */
export const POSTGRES_BACKUP_MESSAGE =
  "DATABASE_URL trỏ tới máy chủ PostgreSQL: npm run db:backup và db:restore chỉ dùng cho tệp SQLite. " +
  'Với PostgreSQL, sao lưu bằng pg_dump (ví dụ pg_dump -Fc -f hoinghi.dump "$DATABASE_URL") ' +
  'và khôi phục bằng pg_restore (pg_restore --clean -d "$DATABASE_URL" hoinghi.dump); ' +
  "sao lưu thư mục dữ liệu DATA_DIR riêng nếu có tệp ở đó.";

export function storageLocations(source: Record<string, string | undefined> = process.env): StorageLocations {
  const url = source.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (isPostgresUrl(url)) throw new Error(POSTGRES_BACKUP_MESSAGE);
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL phải có dạng file:<đường dẫn tệp SQLite>");
  const dataDir = path.resolve(process.cwd(), source.DATA_DIR || DEFAULT_DATA_DIR);
  const backupRoot = source.BACKUP_DIR ? path.resolve(process.cwd(), source.BACKUP_DIR) : path.join(dataDir, "backups");
  return { databaseFile: sqlitePath(url), dataDir, backupRoot };
}

/** The database file and the files SQLite keeps beside it while it is open or mid-transaction. */
export function databaseSidecars(databaseFile: string): string[] {
  return ["", "-wal", "-shm", "-journal"].map((suffix) => databaseFile + suffix);
}

export const KEPT_ASIDE_MARK = ".before-restore-";
export const RESTORE_STAGING_PREFIX = ".restore-";

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export interface ExclusionContext {
  dataDir: string;
  databaseFile: string;
  /** Folders that must never be copied or moved: the backup root, the backup being restored. */
  protectedDirs: string[];
}

/**
 * Whether a path under the data directory is left out of backups (and left in place by a
 * restore): the live database (copied separately, consistently, through SQLite), backups
 * themselves, half-written files, the packet cache (rebuilt from the database on demand),
 * and what an earlier restore kept aside or is still staging.
 */
export function isExcluded(absolute: string, ctx: ExclusionContext): boolean {
  if (databaseSidecars(ctx.databaseFile).includes(absolute)) return true;
  if (ctx.protectedDirs.some((dir) => isWithin(absolute, dir))) return true;
  const rel = path.relative(ctx.dataDir, absolute);
  const name = path.basename(absolute);
  if (rel === "packets") return true;
  if (name.endsWith(".tmp") || name.includes(KEPT_ASIDE_MARK)) return true;
  if (!rel.includes(path.sep) && name.startsWith(RESTORE_STAGING_PREFIX)) return true;
  return false;
}

/** 2026-12-04T21-55-00Z: a UTC time that sorts, and is a valid file name everywhere. */
export function timeStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, "-")}Z`;
}
