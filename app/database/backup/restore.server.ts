import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { checkDatabaseCopy, unknownMigrationProblems } from "#app/database/backup/checks.server.ts";
import {
  databaseSidecars,
  isExcluded,
  isWithin,
  KEPT_ASIDE_MARK,
  RESTORE_STAGING_PREFIX,
  timeStamp,
  type ExclusionContext,
} from "#app/database/backup/locations.server.ts";
import {
  copyHashed,
  DATA_COPY,
  DATABASE_COPY,
  hashFile,
  readManifest,
  type BackupFileEntry,
  type BackupManifest,
} from "#app/database/backup/manifest.server.ts";

// npm run db:restore: proves a backup intact (checksums, SQLite integrity, migrations this
// app knows), stages every file next to its destination, and only then swaps: what it
// replaces is renamed to "<name>.before-restore-<stamp>", never deleted. Any failure before
// the swap leaves the destination exactly as it was.

export type RestoreProgress =
  | { stage: "verify"; checkedFiles: number; totalFiles: number; checkedBytes: number; totalBytes: number }
  | { stage: "integrity" }
  | { stage: "copy"; copiedFiles: number; totalFiles: number; copiedBytes: number; totalBytes: number }
  | { stage: "migrate" };

export interface RestoreOptions {
  backupFolder: string;
  databaseFile: string;
  dataDir: string;
  /** Backups kept inside the data directory stay where they are. */
  backupRoot?: string;
  /** Replace an existing database and data directory (kept aside, not deleted). */
  force?: boolean;
  now?: Date;
  migrationsDir?: string;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  keptAside: string[];
  appliedMigrations: string[];
}

interface Located {
  entry: BackupFileEntry;
  file: string;
}

function located(folder: string, manifest: BackupManifest): Located[] {
  return [
    { entry: manifest.database, file: path.join(folder, DATABASE_COPY) },
    ...manifest.files.map((entry) => ({ entry, file: path.join(folder, DATA_COPY, ...entry.path.split("/")) })),
  ];
}

/** Reads and checks a backup without writing anything; returns its manifest or throws a Vietnamese message. */
export async function verifyBackup(
  folder: string,
  options: Pick<RestoreOptions, "migrationsDir" | "onProgress"> = {},
): Promise<BackupManifest> {
  const manifest = readManifest(folder);
  if (manifest.database.path !== DATABASE_COPY)
    throw new Error(
      `Bản sao lưu bị hỏng: manifest ghi tệp cơ sở dữ liệu là ${manifest.database.path}, không phải ${DATABASE_COPY}.`,
    );
  const all = located(folder, manifest);
  const totalBytes = all.reduce((sum, f) => sum + f.entry.bytes, 0);
  const problems: string[] = [];
  let checkedBytes = 0;
  for (const [i, { entry, file }] of all.entries()) {
    const name = file === all[0]!.file ? entry.path : `${DATA_COPY}/${entry.path}`;
    if (!fs.existsSync(file)) problems.push(`thiếu tệp ${name}`);
    else {
      const actual = await hashFile(file);
      if (actual.bytes !== entry.bytes) problems.push(`${name} dài ${actual.bytes} byte, manifest ghi ${entry.bytes}`);
      else if (actual.sha256 !== entry.sha256)
        problems.push(`${name} có mã SHA-256 khác manifest (nội dung đã thay đổi)`);
    }
    checkedBytes += entry.bytes;
    options.onProgress?.({ stage: "verify", checkedFiles: i + 1, totalFiles: all.length, checkedBytes, totalBytes });
  }
  if (problems.length) {
    const more = problems.length > 5 ? ` và ${problems.length - 5} lỗi khác` : "";
    throw new Error(`Bản sao lưu bị hỏng: ${problems.slice(0, 5).join("; ")}${more}. Không khôi phục gì cả.`);
  }

  options.onProgress?.({ stage: "integrity" });
  let facts;
  try {
    facts = checkDatabaseCopy(all[0]!.file, { readonly: true });
  } catch (error) {
    throw new Error(`Bản sao lưu bị hỏng: ${(error as Error).message}. Không khôi phục gì cả.`, { cause: error });
  }
  const recorded = manifest.migrations.map((m) => `${m.name}:${m.checksum}`).join(",");
  if (facts.migrations.map((m) => `${m.name}:${m.checksum}`).join(",") !== recorded) {
    throw new Error(
      "Bản sao lưu bị hỏng: danh sách migration trong cơ sở dữ liệu khác với manifest. Không khôi phục gì cả.",
    );
  }
  const unknown = unknownMigrationProblems(facts.migrations, options.migrationsDir);
  if (unknown.length) {
    throw new Error(
      `Phiên bản ứng dụng này không khôi phục được bản sao lưu: ${unknown.join("; ")}. Hãy cài đúng phiên bản (hoặc mới hơn) rồi chạy lại.`,
    );
  }
  return manifest;
}

/** Top-level entries of the data directory that a restore replaces (kept aside). */
function replaceableEntries(ctx: ExclusionContext): string[] {
  if (!fs.existsSync(ctx.dataDir)) return [];
  return fs
    .readdirSync(ctx.dataDir)
    .filter((name) => {
      const absolute = path.join(ctx.dataDir, name);
      // A folder holding the backups (or the very backup being restored) stays put.
      return !isExcluded(absolute, ctx) && !ctx.protectedDirs.some((dir) => isWithin(dir, absolute));
    })
    .sort();
}

/**
 * A running app keeps the database open; in WAL mode SQLite then refuses to leave WAL mode,
 * which makes that request a reliable "is anyone else connected" test. When nobody is, it
 * also folds the WAL into the main file, so the copy kept aside is one self-contained file.
 */
function assertNotInUse(databaseFile: string): void {
  if (!fs.existsSync(databaseFile)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(databaseFile, { fileMustExist: true, timeout: 0 });
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "");
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new Error(
        `Cơ sở dữ liệu ${databaseFile} đang được một tiến trình khác sử dụng (ứng dụng đang chạy?). Hãy dừng ứng dụng rồi chạy lại lệnh khôi phục.`,
        { cause: error },
      );
    }
    // An unreadable or damaged database is exactly what a restore replaces.
  } finally {
    db?.close();
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { backupFolder, databaseFile, dataDir, onProgress } = options;
  const ctx: ExclusionContext = {
    dataDir,
    databaseFile,
    protectedDirs: [path.resolve(backupFolder), ...(options.backupRoot ? [options.backupRoot] : [])],
  };
  const databaseExists = databaseSidecars(databaseFile).some((f) => fs.existsSync(f));
  const entries = replaceableEntries(ctx);
  if ((databaseExists || entries.length) && !options.force) {
    const what = [
      ...(databaseExists ? [`cơ sở dữ liệu ${databaseFile}`] : []),
      ...(entries.length ? [`thư mục dữ liệu ${dataDir} (${entries.join(", ")})`] : []),
    ];
    throw new Error(
      `Đã có ${what.join(" và ")}. Không ghi đè khi thiếu --force. Chạy lại với --force để thay thế; ` +
        `bản hiện tại sẽ được giữ lại với đuôi ${KEPT_ASIDE_MARK}<thời điểm>.`,
    );
  }
  // Checked after the cheap refusal above, before anything is written.
  const manifest = await verifyBackup(backupFolder, options);
  if (databaseExists) assertNotInUse(databaseFile);

  const stamp = timeStamp(options.now ?? new Date());
  const stagedDb = `${databaseFile}${RESTORE_STAGING_PREFIX}${stamp}.tmp`;
  const stagedData = path.join(dataDir, `${RESTORE_STAGING_PREFIX}${stamp}`);
  try {
    await stage(located(backupFolder, manifest), stagedDb, stagedData, onProgress);
  } catch (error) {
    fs.rmSync(stagedDb, { force: true });
    fs.rmSync(stagedData, { recursive: true, force: true });
    throw error;
  }

  // The swap: renames only, within each file system.
  const keptAside: string[] = [];
  const aside = (file: string) => {
    const to = `${file}${KEPT_ASIDE_MARK}${stamp}`;
    fs.renameSync(file, to);
    keptAside.push(to);
  };
  for (const file of databaseSidecars(databaseFile)) if (fs.existsSync(file)) aside(file);
  fs.renameSync(stagedDb, databaseFile);
  for (const name of entries) aside(path.join(dataDir, name));
  for (const name of fs.readdirSync(stagedData)) {
    const target = path.join(dataDir, name);
    if (fs.existsSync(target)) aside(target);
    fs.renameSync(path.join(stagedData, name), target);
  }
  fs.rmSync(stagedData, { recursive: true, force: true });

  onProgress?.({ stage: "migrate" });
  let appliedMigrations: string[];
  try {
    appliedMigrations = migrateDatabase(databaseFile, options.migrationsDir).applied;
  } catch (error) {
    throw new Error(`Đã chép bản sao lưu vào chỗ nhưng áp dụng migration thất bại: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { manifest, keptAside, appliedMigrations };
}

async function stage(
  files: Located[],
  stagedDb: string,
  stagedData: string,
  onProgress: RestoreOptions["onProgress"],
): Promise<void> {
  fs.mkdirSync(path.dirname(stagedDb), { recursive: true });
  fs.mkdirSync(stagedData, { recursive: true });
  const totalBytes = files.reduce((sum, f) => sum + f.entry.bytes, 0);
  let copiedBytes = 0;
  for (const [i, { entry, file }] of files.entries()) {
    const to = i === 0 ? stagedDb : path.join(stagedData, ...entry.path.split("/"));
    const copied = await copyHashed(file, to);
    // Checked again on the way in: the backup may sit on a network share that changed since.
    if (copied.sha256 !== entry.sha256)
      throw new Error(`Chép ${entry.path} ra khác với bản sao lưu (SHA-256 khác). Không khôi phục gì cả.`);
    copiedBytes += copied.bytes;
    onProgress?.({ stage: "copy", copiedFiles: i + 1, totalFiles: files.length, copiedBytes, totalBytes });
  }
}
