import fs from "node:fs/promises";
import path from "node:path";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import { deleteFile, putFile, readFile, type FileDb } from "#app/files/stored-files.server.ts";

// Evidence and speech uploads. New files are kept in the database (StoredFile) so every app instance
// serves them; their storage path is "db:<id>". Rows written before that name a file under
// DATA_DIR/evidence, which is still read (and removed) there, so an existing installation loses nothing.

const IN_DATABASE = "db:";

function evidenceRoot(): string {
  return path.resolve(process.cwd(), env().DATA_DIR, "evidence");
}

function diskPath(storagePath: string): string {
  const root = evidenceRoot();
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Response("Không tìm thấy tệp.", { status: 404 });
  return full;
}

/**
 * Stores an upload (already checked against the limits) and returns its storage path. Pass the
 * transaction that writes the file's row and audit record: then they all commit, or none does.
 */
export async function storeEvidence(
  data: Uint8Array,
  fileName: string,
  contentType = "application/octet-stream",
  db: FileDb = prisma,
): Promise<string> {
  const id = await putFile(db, { kind: "evidence", name: fileName.slice(0, 200), contentType, bytes: data });
  return `${IN_DATABASE}${id}`;
}

/** The bytes of a stored upload; a missing one is an ENOENT error, as a missing disk file is. */
export async function readEvidence(storagePath: string): Promise<Buffer> {
  if (!storagePath.startsWith(IN_DATABASE)) return fs.readFile(diskPath(storagePath));
  const file = await readFile(prisma, storagePath.slice(IN_DATABASE.length));
  if (!file) throw Object.assign(new Error(`stored file ${storagePath} not found`), { code: "ENOENT" });
  return file.bytes;
}

export async function removeEvidence(storagePath: string, db: FileDb = prisma): Promise<void> {
  if (storagePath.startsWith(IN_DATABASE)) return deleteFile(db, storagePath.slice(IN_DATABASE.length));
  await fs.rm(diskPath(storagePath), { force: true });
}
