import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { prisma } from "#app/database/db.server.ts";
import { putKeyedFile, readKeyedFile, type FileDb } from "#app/files/stored-files.server.ts";

/** Where messages go: a real SMTP server, or (no SMTP configured) .eml files in an outbox folder. */
export interface MailTransport {
  kind: "smtp" | "folder";
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  // Pooled connections: bulk sends reuse a few SMTP sessions instead of one per message.
  const transporter = nodemailer.createTransport(url.includes("?") ? `${url}&pool=true` : `${url}?pool=true`);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** File name for a Message-ID, safe on any file system. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/[<>]/g, "").replace(/[^A-Za-z0-9._@-]/g, "_")}.eml`;
}

/** StoredFile kind of the .eml copies the folder transport keeps in the database. */
const EML_KIND = "eml";

/**
 * With no SMTP server, messages are .eml files: written to `dir` (for whoever reads the folder on this
 * machine) and kept in the database under their Message-ID, so every app instance shows every message
 * whatever its data directory. A message sent twice (its sender died before recording it) is kept once.
 */
export function folderTransport(dir: string, db: FileDb = prisma): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "folder",
    async send(message) {
      const info = (await transporter.sendMail(message)) as unknown as { message: Buffer };
      await fs.mkdir(dir, { recursive: true });
      // Write then rename, so a reader never sees half a message.
      const file = path.join(dir, emlFileName(String(message.messageId)));
      await fs.writeFile(`${file}.tmp`, info.message);
      await fs.rename(`${file}.tmp`, file);
      await putKeyedFile(db, {
        kind: EML_KIND,
        key: String(message.messageId),
        name: emlFileName(String(message.messageId)),
        contentType: "message/rfc822",
        bytes: info.message,
      });
    },
    close: () => transporter.close(),
  };
}

/** The .eml of a message the folder transport sent: from the database, or (older messages) from `dir`. */
export async function sentMessageCopy(dir: string, messageId: string, db: FileDb = prisma): Promise<Buffer | null> {
  const stored = await readKeyedFile(db, EML_KIND, messageId);
  if (stored) return stored.bytes;
  return fs.readFile(path.join(dir, emlFileName(messageId))).catch(() => null);
}
