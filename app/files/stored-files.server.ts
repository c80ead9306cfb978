import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";

// Files kept in the database (StoredFile), so every app instance reads what another one wrote, whatever
// its data directory. Evidence and speech uploads, built packets and the .eml copy of sent messages
// live here; the caller passes its transaction when the file must commit with its rows and audit record.

export type FileDb = PrismaClient | Prisma.TransactionClient;

export interface NewFile {
  kind: string;
  /** Names a file looked up by what it holds (a fingerprint, a Message-ID); unique per kind. */
  key?: string | null;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface FileData {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stores a new file; returns its id. */
export async function putFile(db: FileDb, file: NewFile): Promise<string> {
  const row = await db.storedFile.create({
    data: {
      kind: file.kind,
      key: file.key ?? null,
      name: file.name,
      contentType: file.contentType,
      size: file.bytes.byteLength,
      bytes: new Uint8Array(file.bytes),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Stores the file under its key unless one is already there (the same key holds the same content):
 * two instances writing it at once keep one row. Returns the id of the stored file.
 */
export async function putKeyedFile(db: FileDb, file: NewFile & { key: string }): Promise<string> {
  const existing = await db.storedFile.findUnique({
    where: { kind_key: { kind: file.kind, key: file.key } },
    select: { id: true },
  });
  if (existing) return existing.id;
  try {
    return await putFile(db, file);
  } catch (error) {
    // The other writer won the unique key: its row holds the same content.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const row = await db.storedFile.findUniqueOrThrow({
      where: { kind_key: { kind: file.kind, key: file.key } },
      select: { id: true },
    });
    return row.id;
  }
}

const dataSelect = { id: true, name: true, contentType: true, bytes: true } as const;

export async function readFile(db: FileDb, id: string): Promise<FileData | null> {
  const row = await db.storedFile.findUnique({ where: { id }, select: dataSelect });
  return row ? { ...row, bytes: asBuffer(row.bytes) } : null;
}

export async function readKeyedFile(db: FileDb, kind: string, key: string): Promise<FileData | null> {
  const row = await db.storedFile.findUnique({ where: { kind_key: { kind, key } }, select: dataSelect });
  return row ? { ...row, bytes: asBuffer(row.bytes) } : null;
}

export async function hasKeyedFile(db: FileDb, kind: string, key: string): Promise<boolean> {
  return (await db.storedFile.count({ where: { kind, key } })) > 0;
}

export async function deleteFile(db: FileDb, id: string): Promise<void> {
  await db.storedFile.deleteMany({ where: { id } });
}
