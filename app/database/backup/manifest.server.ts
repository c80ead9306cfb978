import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { z } from "zod";

// The layout of a backup folder and its manifest, which lets a restore prove that every
// byte it puts back is the byte that was backed up.

export const MANIFEST_FILE = "manifest.json";
export const DATABASE_COPY = "hoinghi.db";
export const DATA_COPY = "data";
export const MANIFEST_FORMAT = "hoinghi-backup/1";

// A manifest path is relative, forward-slashed and stays inside the backup: a hand-edited
// manifest must not make a restore write outside the data directory.
const relativePath = z
  .string()
  .min(1)
  .refine(
    (p) =>
      !p.startsWith("/") &&
      !p.includes("\\") &&
      p.split("/").every((part) => part !== "" && part !== "." && part !== ".."),
    "đường dẫn không hợp lệ",
  );

const fileEntry = z.object({
  path: relativePath,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string(),
  durationMs: z.number(),
  source: z.object({ databaseFile: z.string(), dataDir: z.string(), host: z.string() }),
  database: fileEntry.extend({
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    integrityCheck: z.literal("ok"),
  }),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string(), finishedAt: z.string().nullable() })),
  files: z.array(fileEntry),
  skipped: z.array(z.string()),
  totals: z.object({ files: z.number().int(), bytes: z.number().int() }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFileEntry = z.infer<typeof fileEntry>;
export type BackupMigration = BackupManifest["migrations"][number];

export function readManifest(folder: string): BackupManifest {
  const file = path.join(folder, MANIFEST_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(
      `Không tìm thấy ${MANIFEST_FILE} trong ${folder}: đây không phải một thư mục sao lưu (hoặc bản sao lưu chưa hoàn tất).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`Bản sao lưu bị hỏng: ${MANIFEST_FILE} không phải JSON hợp lệ.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(gốc)"}: ${i.message}`);
    throw new Error(
      `Bản sao lưu bị hỏng: ${MANIFEST_FILE} không đúng định dạng ${MANIFEST_FORMAT} (${where.join("; ")}).`,
    );
  }
  return parsed.data;
}

export function writeManifest(folder: string, manifest: BackupManifest): void {
  fs.writeFileSync(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export interface Hashed {
  bytes: number;
  sha256: string;
}

/**
 * Copies a file and hashes the bytes on their way through, so the checksum describes exactly
 * what was written, in one read of the source. No fsync per file (it cost ~10 ms a file, minutes
 * for a large evidence folder): a copy cut short by a crash fails the restore's checksum check.
 */
export async function copyHashed(from: string, to: string): Promise<Hashed> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const out = fs.createWriteStream(to, { flags: "wx" });
  await pipeline(fs.createReadStream(from), tap, out);
  return { bytes, sha256: hash.digest("hex") };
}

export async function hashFile(file: string): Promise<Hashed> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** Human-readable size for progress lines and messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1).replace(".", ",")} ${units[unit]}`;
}
