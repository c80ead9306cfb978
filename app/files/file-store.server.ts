import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "#app/env.server.ts";

function evidenceRoot(): string {
  return path.resolve(process.cwd(), env().DATA_DIR, "evidence");
}

/** Writes the file under the data directory with a random name; returns the stored relative path. */
export async function storeEvidence(data: Uint8Array, fileName: string): Promise<string> {
  const ext = (fileName.toLowerCase().split(".").pop() ?? "bin").replace(/[^a-z0-9]/g, "");
  const rel = path.join(new Date().toISOString().slice(0, 7), `${crypto.randomUUID()}.${ext}`);
  const full = path.join(evidenceRoot(), rel);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, data);
  return rel;
}

export async function readEvidence(storagePath: string): Promise<Buffer> {
  const root = evidenceRoot();
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Response("Không tìm thấy tệp.", { status: 404 });
  return fs.readFile(full);
}

export async function removeEvidence(storagePath: string): Promise<void> {
  await fs.rm(path.resolve(evidenceRoot(), storagePath), { force: true });
}
