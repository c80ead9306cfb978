import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { checkDatabaseCopy } from "#app/database/backup/checks.server.ts";
import { isExcluded, timeStamp, type ExclusionContext } from "#app/database/backup/locations.server.ts";
import {
  copyHashed,
  DATA_COPY,
  DATABASE_COPY,
  hashFile,
  MANIFEST_FORMAT,
  writeManifest,
  type BackupFileEntry,
  type BackupManifest,
} from "#app/database/backup/manifest.server.ts";

// npm run db:backup: a consistent copy of the live database (taken through SQLite's online
// backup API while the app keeps serving and writing) plus the files of the data directory,
// with a manifest of sizes and SHA-256 checksums. Everything is written to "<name>.partial"
// and renamed at the very end, so a folder without that suffix is always a complete backup.

export type BackupProgress =
  | { stage: "database"; copiedPages: number; totalPages: number; pageSize: number }
  | { stage: "integrity" }
  | { stage: "files"; copiedFiles: number; totalFiles: number; copiedBytes: number; totalBytes: number };

export interface BackupOptions {
  databaseFile: string;
  dataDir: string;
  /** The named backup folder is created inside this one. */
  backupRoot: string;
  now?: Date;
  /** Pages copied per step of the online backup (default 2048, i.e. 8 MB with 4 KB pages). */
  pagesPerStep?: number;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
}

export function backupName(now: Date): string {
  return `hoinghi-${timeStamp(now)}`;
}

function freeFolder(root: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(root, n === 1 ? name : `${name}-${n}`);
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) return candidate;
  }
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { databaseFile, dataDir, backupRoot, onProgress } = options;
  const now = options.now ?? new Date();
  const started = Date.now();
  if (!fs.existsSync(databaseFile))
    throw new Error(`Không tìm thấy cơ sở dữ liệu tại ${databaseFile} (kiểm tra DATABASE_URL).`);
  try {
    fs.mkdirSync(backupRoot, { recursive: true });
  } catch (error) {
    throw new Error(`Không tạo được thư mục sao lưu ${backupRoot}: ${(error as Error).message}`, { cause: error });
  }
  const folder = freeFolder(backupRoot, backupName(now));
  const partial = `${folder}.partial`;
  fs.mkdirSync(partial);
  try {
    const dbCopy = path.join(partial, DATABASE_COPY);
    await copyDatabase(databaseFile, dbCopy, options.pagesPerStep ?? 2048, onProgress);

    onProgress?.({ stage: "integrity" });
    const facts = checkCopy(dbCopy);
    const database = {
      path: DATABASE_COPY,
      ...(await hashFile(dbCopy)),
      pageSize: facts.pageSize,
      pageCount: facts.pageCount,
      integrityCheck: "ok" as const,
    };

    // The data directory is copied after the database snapshot: a file that a snapshot row
    // names was stored before that row was committed, so it is there to be copied.
    const ctx: ExclusionContext = { dataDir, databaseFile, protectedDirs: [backupRoot, partial] };
    const { files, skipped } = await copyDataDir(ctx, path.join(partial, DATA_COPY), onProgress);

    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      durationMs: Date.now() - started,
      source: { databaseFile, dataDir, host: os.hostname() },
      database,
      migrations: facts.migrations,
      files,
      skipped,
      totals: { files: files.length + 1, bytes: database.bytes + files.reduce((sum, f) => sum + f.bytes, 0) },
    };
    writeManifest(partial, manifest);
    fs.renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function copyDatabase(
  source: string,
  dest: string,
  pagesPerStep: number,
  onProgress: BackupOptions["onProgress"],
): Promise<void> {
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw new Error(`Không mở được cơ sở dữ liệu ${source}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const wal = db.pragma("journal_mode", { simple: true }) === "wal";
    // In WAL mode a read transaction held across every step pins one snapshot: each step
    // copies pages of that same snapshot, the app's writers carry on in the WAL unhindered,
    // and SQLite never restarts the copy (without it, any commit by the app between two
    // steps restarts the backup from page one, and under steady load it may never finish).
    // (Meanwhile the WAL cannot be checkpointed past that snapshot and grows by what the app
    // writes during the copy; it shrinks back at the next checkpoint after it.)
    // Outside WAL mode a held read lock would block the app's writers, so the copy is taken
    // in a single step instead.
    if (wal) {
      db.exec("BEGIN");
      db.prepare("SELECT count(*) FROM sqlite_master").get();
    }
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    const done = await db.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.({ stage: "database", copiedPages: totalPages - remainingPages, totalPages, pageSize });
        return wal ? pagesPerStep : 0x7fffffff;
      },
    });
    if (wal) db.exec("COMMIT");
    onProgress?.({ stage: "database", copiedPages: done.totalPages, totalPages: done.totalPages, pageSize });
  } catch (error) {
    throw new Error(`Sao chép cơ sở dữ liệu thất bại: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

function checkCopy(dbCopy: string) {
  // The copy carries the live database's WAL flag; a backup is one self-contained file.
  const db = new Database(dbCopy, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
  try {
    return checkDatabaseCopy(dbCopy, { readonly: true });
  } catch (error) {
    throw new Error(`Bản sao cơ sở dữ liệu không đạt kiểm tra: ${(error as Error).message}`, { cause: error });
  }
}

interface FoundFile {
  absolute: string;
  rel: string;
  bytes: number;
}

function listDataFiles(ctx: ExclusionContext): { found: FoundFile[]; skipped: string[] } {
  const found: FoundFile[] = [];
  const skipped: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const absolute = path.join(dir, entry.name);
      const rel = path.relative(ctx.dataDir, absolute).split(path.sep).join("/");
      if (isExcluded(absolute, ctx)) continue;
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile()) found.push({ absolute, rel, bytes: fs.statSync(absolute).size });
      // Sockets, links and the like are not data the app wrote; say so instead of following them.
      else skipped.push(rel);
    }
  };
  if (fs.existsSync(ctx.dataDir)) walk(ctx.dataDir);
  return { found, skipped };
}

async function copyDataDir(ctx: ExclusionContext, dest: string, onProgress: BackupOptions["onProgress"]) {
  const { found, skipped } = listDataFiles(ctx);
  const totalBytes = found.reduce((sum, f) => sum + f.bytes, 0);
  const files: BackupFileEntry[] = [];
  let copiedBytes = 0;
  for (const [i, file] of found.entries()) {
    const target = path.join(dest, ...file.rel.split("/"));
    try {
      const hashed = await copyHashed(file.absolute, target);
      files.push({ path: file.rel, ...hashed });
      copiedBytes += hashed.bytes;
    } catch (error) {
      // A file removed between listing and copying (an outbox message being renamed, an
      // evidence file deleted) is no longer data; anything else is a failed backup.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || fs.existsSync(file.absolute)) {
        throw new Error(`Không sao chép được ${file.absolute}: ${(error as Error).message}`, { cause: error });
      }
      fs.rmSync(target, { force: true });
      skipped.push(`${file.rel} (đã bị xóa trong lúc sao lưu)`);
    }
    onProgress?.({ stage: "files", copiedFiles: i + 1, totalFiles: found.length, copiedBytes, totalBytes });
  }
  return { files, skipped };
}
