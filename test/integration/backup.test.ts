import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createBackup } from "#app/database/backup/backup.server.ts";
import { DEFAULT_DATA_DIR, DEFAULT_DATABASE_URL } from "#app/database/backup/locations.server.ts";
import {
  DATA_COPY,
  DATABASE_COPY,
  MANIFEST_FILE,
  readManifest,
  writeManifest,
} from "#app/database/backup/manifest.server.ts";
import { restoreBackup } from "#app/database/backup/restore.server.ts";
import { listMigrations, migrateDatabase, MIGRATIONS_DIR } from "#app/database/migrate.server.ts";
import { isPostgresUrl, parseEnv } from "#app/env.server.ts";

const root = path.resolve(import.meta.dirname, "../..");
// db:backup and db:restore copy a SQLite file: their cases run on a SQLite run (the file is this test
// file's database copy); a PostgreSQL run checks that they refuse and name pg_dump instead.
const postgres = isPostgresUrl(process.env.DATABASE_URL!);
const databaseFile = process.env.TEST_DATABASE_FILE!;
const dataDir = process.env.DATA_DIR!;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-backup-"));
  temps.push(dir);
  return dir;
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under a folder, relative path → SHA-256. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) out[rel.split(path.sep).join("/")] = sha256(full);
  }
  return out;
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Committed load batches (batch number → rows) as seen by an independent connection. */
function loadBatches(file: string): Map<number, number> {
  const rows = query<{ id: string }>(file, `SELECT id FROM "Session" WHERE id LIKE 'load-%'`);
  const batches = new Map<number, number>();
  for (const { id } of rows) {
    const batch = Number(id.split("-")[1]);
    batches.set(batch, (batches.get(batch) ?? 0) + 1);
  }
  return batches;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

async function startWriter(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "test/helpers/write-load.ts"), databaseFile, dataDir],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`writer exited ${code}: ${stderr}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Blocks the calling thread briefly (the progress callback is synchronous). */
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeDataFiles() {
  fs.mkdirSync(path.join(dataDir, "outbox"), { recursive: true });
  fs.mkdirSync(path.join(dataDir, "packets"), { recursive: true });
  fs.mkdirSync(path.join(dataDir, "evidence", "2026-11"), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, "outbox", "thu-moi-1.eml"),
    "Subject: =?UTF-8?B?R2nhuqV5IG3hu51p?=\r\n\r\nGiấy mời họp\r\n",
  );
  fs.writeFileSync(path.join(dataDir, "outbox", "thu-moi-2.eml.tmp"), "half a message");
  fs.writeFileSync(path.join(dataDir, "packets", "cached.pdf"), "rebuilt on demand");
  fs.writeFileSync(path.join(dataDir, "evidence", "2026-11", "bao-cao.pdf"), crypto.randomBytes(300_000));
}

describe.skipIf(postgres)("npm run db:backup and db:restore", () => {
  it("backs up under write load and restores into a fresh directory with nothing lost", async () => {
    writeDataFiles();
    // Grow the database so that the copy takes many steps while the writer keeps committing.
    const grow = new Database(databaseFile);
    grow.pragma("journal_mode = WAL");
    const userId = (grow.prepare(`SELECT id FROM "User" LIMIT 1`).get() as { id: string }).id;
    const insert = grow.prepare(
      `INSERT INTO "Session" (id, userId, expiresAt) VALUES (?, ?, '2027-01-01T00:00:00.000+00:00')`,
    );
    grow.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk-${i}-${"x".repeat(100)}`, userId);
    })();
    grow.close();

    const writer = await startWriter();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const committedBefore = loadBatches(databaseFile);
    const evidenceBefore = query<{ storagePath: string }>(databaseFile, `SELECT storagePath FROM "EvidenceFile"`).map(
      (r) => r.storagePath,
    );
    expect(committedBefore.size).toBeGreaterThan(0);

    const backupRoot = tempDir();
    const observer = new Database(databaseFile, { readonly: true });
    let duringCopy = 0;
    const { folder, manifest } = await createBackup({
      databaseFile,
      dataDir,
      backupRoot,
      pagesPerStep: 16,
      onProgress: (p) => {
        // Half-way through the copy, make sure the writer commits more transactions.
        if (p.stage !== "database" || duringCopy || p.copiedPages < p.totalPages / 2) return;
        const count = () =>
          (observer.prepare(`SELECT count(*) AS n FROM "Session" WHERE id LIKE 'load-%'`).get() as { n: number }).n;
        const seen = count();
        for (let i = 0; i < 200 && count() <= seen; i++) sleepSync(10);
        duringCopy = count() - seen;
      },
    });
    observer.close();
    await stop(writer);
    const committedAfter = loadBatches(databaseFile);
    expect(duringCopy, "the writer committed while the copy ran").toBeGreaterThan(0);
    expect(committedAfter.size).toBeGreaterThan(committedBefore.size);

    expect(path.basename(folder)).toMatch(/^hoinghi-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(fs.readdirSync(backupRoot)).toEqual([path.basename(folder)]);
    expect(manifest.migrations.map((m) => m.name)).toEqual(listMigrations().map((m) => m.name));
    const listed = manifest.files.map((f) => f.path);
    expect(listed).toContain("outbox/thu-moi-1.eml");
    expect(listed).toContain("evidence/2026-11/bao-cao.pdf");
    expect(listed.filter((p) => p.startsWith("packets/") || p.endsWith(".tmp"))).toEqual([]);
    expect(readManifest(folder)).toEqual(manifest);

    const fresh = tempDir();
    const target = { databaseFile: path.join(fresh, "db", "hoinghi.db"), dataDir: path.join(fresh, "data") };
    const restored = await restoreBackup({ backupFolder: folder, ...target });
    expect(restored.keptAside).toEqual([]);
    expect(restored.appliedMigrations).toEqual([]);

    expect(query<{ integrity_check: string }>(target.databaseFile, "PRAGMA integrity_check")).toEqual([
      { integrity_check: "ok" },
    ]);
    const recorded = query<{ migration_name: string }>(
      target.databaseFile,
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));

    // Every transaction committed before the backup began is there, each one whole, and
    // nothing the writer never committed.
    const inCopy = loadBatches(target.databaseFile);
    for (const [batch, rows] of committedBefore) expect(inCopy.get(batch), `batch ${batch}`).toBe(rows);
    for (const [batch, rows] of inCopy) {
      expect(rows).toBe(5);
      expect(committedAfter.get(batch)).toBe(5);
    }
    expect(
      query<{ n: number }>(target.databaseFile, `SELECT count(*) AS n FROM "Session" WHERE id LIKE 'bulk-%'`),
    ).toEqual([{ n: 20_000 }]);

    // Uploaded files: byte-identical, including every evidence file a restored row names.
    const restoredFiles = tree(target.dataDir);
    const original = tree(dataDir);
    expect(restoredFiles["outbox/thu-moi-1.eml"]).toBe(original["outbox/thu-moi-1.eml"]);
    expect(restoredFiles["evidence/2026-11/bao-cao.pdf"]).toBe(original["evidence/2026-11/bao-cao.pdf"]);
    const named = query<{ storagePath: string }>(target.databaseFile, `SELECT storagePath FROM "EvidenceFile"`).map(
      (r) => r.storagePath,
    );
    expect(named).toEqual(expect.arrayContaining(evidenceBefore));
    for (const rel of named) expect(restoredFiles[`evidence/${rel}`], rel).toBe(original[`evidence/${rel}`]);
    for (const rel of Object.keys(restoredFiles)) expect(restoredFiles[rel]).toBe(original[rel]);
    expect(Object.keys(restoredFiles).filter((p) => p.startsWith("packets/") || p.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it("refuses a corrupted backup with a Vietnamese message and changes nothing", async () => {
    writeDataFiles();
    const backupRoot = tempDir();
    const { folder } = await createBackup({ databaseFile, dataDir, backupRoot });
    const fresh = tempDir();
    const target = { databaseFile: path.join(fresh, "hoinghi.db"), dataDir: path.join(fresh, "data") };
    await restoreBackup({ backupFolder: folder, ...target });
    const before = tree(fresh);

    const flip = (file: string, at: number) => {
      const bytes = fs.readFileSync(file);
      bytes[at] = bytes[at]! ^ 0xff;
      fs.writeFileSync(file, bytes);
    };
    const dbCopy = path.join(folder, DATABASE_COPY);
    flip(dbCopy, Math.floor(fs.statSync(dbCopy).size / 2));
    await expect(restoreBackup({ backupFolder: folder, ...target, force: true })).rejects.toThrow(
      /^Bản sao lưu bị hỏng: hoinghi\.db có mã SHA-256 khác manifest.*Không khôi phục gì cả\.$/,
    );
    expect(tree(fresh)).toEqual(before);

    // A damaged page whose checksum was "fixed" in the manifest is caught by SQLite itself.
    flip(dbCopy, Math.floor(fs.statSync(dbCopy).size / 2));
    fs.writeFileSync(
      dbCopy,
      Buffer.concat([
        fs.readFileSync(dbCopy).subarray(0, 4096),
        Buffer.alloc(8, 0xff),
        fs.readFileSync(dbCopy).subarray(4096 + 8),
      ]),
    );
    const manifest = readManifest(folder);
    writeManifest(folder, { ...manifest, database: { ...manifest.database, sha256: sha256(dbCopy) } });
    await expect(restoreBackup({ backupFolder: folder, ...target, force: true })).rejects.toThrow(
      /^Bản sao lưu bị hỏng: .*(integrity_check|malformed|không hợp lệ)/,
    );
    expect(tree(fresh)).toEqual(before);

    // A changed evidence file.
    const { folder: second } = await createBackup({ databaseFile, dataDir, backupRoot });
    flip(path.join(second, DATA_COPY, "evidence", "2026-11", "bao-cao.pdf"), 1000);
    await expect(restoreBackup({ backupFolder: second, ...target, force: true })).rejects.toThrow(
      /data\/evidence\/2026-11\/bao-cao\.pdf có mã SHA-256 khác/,
    );
    expect(tree(fresh)).toEqual(before);

    // Not a backup at all.
    fs.rmSync(path.join(second, MANIFEST_FILE));
    await expect(restoreBackup({ backupFolder: second, ...target, force: true })).rejects.toThrow(
      /Không tìm thấy manifest\.json/,
    );
    expect(tree(fresh)).toEqual(before);
  });

  it("refuses to replace an existing or running database without --force, and keeps what it replaces", async () => {
    writeDataFiles();
    // The default place: backups inside the data directory, which later backups leave out.
    const backupRoot = path.join(dataDir, "backups");
    await createBackup({ databaseFile, dataDir, backupRoot, now: new Date("2026-12-04T21:00:00Z") });
    const { folder, manifest } = await createBackup({
      databaseFile,
      dataDir,
      backupRoot,
      now: new Date("2026-12-04T21:00:00Z"),
    });
    expect(path.basename(folder)).toBe("hoinghi-2026-12-04T21-00-00Z-2");
    expect(manifest.files.filter((f) => f.path.startsWith("backups/"))).toEqual([]);
    const fresh = tempDir();
    const target = { databaseFile: path.join(fresh, "hoinghi.db"), dataDir: path.join(fresh, "data") };
    await restoreBackup({ backupFolder: folder, ...target });

    // The app's data since then: a new user and an uploaded file.
    const live = new Database(target.databaseFile);
    live.prepare(`UPDATE "User" SET name = 'Sau sao lưu' WHERE id = (SELECT id FROM "User" ORDER BY id LIMIT 1)`).run();
    live.close();
    fs.mkdirSync(path.join(target.dataDir, "evidence", "2026-12"), { recursive: true });
    fs.writeFileSync(path.join(target.dataDir, "evidence", "2026-12", "moi.pdf"), "new upload");
    const before = tree(fresh);

    await expect(restoreBackup({ backupFolder: folder, ...target })).rejects.toThrow(
      /^Đã có cơ sở dữ liệu .*hoinghi\.db và thư mục dữ liệu .* \(evidence, outbox\)\. Không ghi đè khi thiếu --force\./,
    );
    expect(tree(fresh)).toEqual(before);

    // The app still has it open: refused even with --force.
    const app = new Database(target.databaseFile);
    app.pragma("journal_mode = WAL");
    app.prepare(`SELECT count(*) FROM "User"`).get();
    await expect(restoreBackup({ backupFolder: folder, ...target, force: true })).rejects.toThrow(
      /đang được một tiến trình khác sử dụng/,
    );
    app.close();

    const stamp = new Date("2026-12-04T21:55:00Z");
    const result = await restoreBackup({ backupFolder: folder, ...target, force: true, now: stamp });
    const aside = `.before-restore-2026-12-04T21-55-00Z`;
    expect(result.keptAside.map((f) => path.relative(fresh, f)).sort()).toEqual([
      `data/evidence${aside}`,
      `data/outbox${aside}`,
      `hoinghi.db${aside}`,
    ]);
    expect(
      query<{ name: string }>(`${target.databaseFile}${aside}`, `SELECT name FROM "User" WHERE name = 'Sau sao lưu'`),
    ).toHaveLength(1);
    expect(
      query<{ name: string }>(target.databaseFile, `SELECT name FROM "User" WHERE name = 'Sau sao lưu'`),
    ).toHaveLength(0);
    expect(fs.readFileSync(path.join(target.dataDir, `evidence${aside}`, "2026-12", "moi.pdf"), "utf8")).toBe(
      "new upload",
    );
    expect(fs.existsSync(path.join(target.dataDir, "evidence", "2026-12", "moi.pdf"))).toBe(false);
  });

  it("applies the migrations a backup from an older version lacks, and refuses one from a newer version", async () => {
    const dir = tempDir();
    const older = path.join(dir, "older-migrations");
    fs.cpSync(MIGRATIONS_DIR, older, { recursive: true });
    const all = listMigrations();
    fs.rmSync(path.join(older, all.at(-1)!.name), { recursive: true });
    const oldDb = path.join(dir, "old.db");
    migrateDatabase(oldDb, older);
    const { folder } = await createBackup({
      databaseFile: oldDb,
      dataDir: path.join(dir, "old-data"),
      backupRoot: path.join(dir, "backups"),
    });

    const target = {
      databaseFile: path.join(dir, "restored", "hoinghi.db"),
      dataDir: path.join(dir, "restored", "data"),
    };
    const restored = await restoreBackup({ backupFolder: folder, ...target });
    expect(restored.appliedMigrations).toEqual([all.at(-1)!.name]);

    // The same backup seen by an app that knows even fewer migrations: a newer backup.
    const oldest = path.join(dir, "oldest-migrations");
    fs.cpSync(older, oldest, { recursive: true });
    fs.rmSync(path.join(oldest, all.at(-2)!.name), { recursive: true });
    await expect(
      restoreBackup({
        backupFolder: folder,
        databaseFile: path.join(dir, "x.db"),
        dataDir: path.join(dir, "x"),
        migrationsDir: oldest,
      }),
    ).rejects.toThrow(
      new RegExp(
        `^Phiên bản ứng dụng này không khôi phục được bản sao lưu: migration ${all.at(-2)!.name} không có trong phiên bản ứng dụng này`,
      ),
    );
    expect(fs.existsSync(path.join(dir, "x.db"))).toBe(false);
  });

  it("runs as npm scripts without SESSION_SECRET and fails with a Vietnamese message and exit code", () => {
    const backupRoot = tempDir();
    // Production, no secret: backups must still run on a machine where the app would not start.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
      DATA_DIR: dataDir,
    };
    delete env.SESSION_SECRET;
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--to", backupRoot], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Đã sao lưu xong: .*hoinghi-.*\n.*integrity_check: ok/);
    const [name] = fs.readdirSync(backupRoot);

    const flipped = path.join(backupRoot, name!, DATABASE_COPY);
    const bytes = fs.readFileSync(flipped);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    fs.writeFileSync(flipped, bytes);
    const fresh = tempDir();
    const restore = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/restore.ts", path.join(backupRoot, name!)],
      {
        cwd: root,
        env: { ...env, DATABASE_URL: `file:${path.join(fresh, "hoinghi.db")}`, DATA_DIR: path.join(fresh, "data") },
        encoding: "utf8",
      },
    );
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/^Khôi phục thất bại: Bản sao lưu bị hỏng: hoinghi\.db có mã SHA-256 khác manifest/);
    expect(fs.readdirSync(fresh)).toEqual([]);

    const missing = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts"], {
      cwd: root,
      env: { ...env, DATABASE_URL: `file:${path.join(fresh, "khong-co.db")}` },
      encoding: "utf8",
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^Sao lưu thất bại: Không tìm thấy cơ sở dữ liệu tại .*khong-co\.db/);
  });
});

describe("npm run db:backup and db:restore on PostgreSQL", () => {
  it("refuse with a Vietnamese message naming pg_dump and pg_restore, exit code 1, and write nothing", () => {
    // This file's own PostgreSQL database on a PostgreSQL run; on a SQLite run any postgresql:// URL
    // (the refusal comes before any connection).
    const url = postgres ? process.env.DATABASE_URL! : "postgresql://hoinghi:x@127.0.0.1:1/khong-co";
    const backupRoot = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: url, DATA_DIR: dataDir };
    delete env.SESSION_SECRET;
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--to", backupRoot], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(backup.status).toBe(1);
    expect(backup.stderr).toMatch(
      /^Sao lưu thất bại: DATABASE_URL trỏ tới máy chủ PostgreSQL: .*chỉ dùng cho tệp SQLite\. Với PostgreSQL, sao lưu bằng pg_dump .*khôi phục bằng pg_restore/,
    );
    expect(fs.readdirSync(backupRoot)).toEqual([]);

    const restore = spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", backupRoot, "--force"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(
      /^Khôi phục thất bại: DATABASE_URL trỏ tới máy chủ PostgreSQL: .*pg_dump.*pg_restore/,
    );
  });
});

describe("storage locations", () => {
  it("reads the same default locations as the app's environment", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(DEFAULT_DATABASE_URL).toBe(env.DATABASE_URL);
    expect(DEFAULT_DATA_DIR).toBe(env.DATA_DIR);
  });
});
