import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";

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

export function folderTransport(dir: string): MailTransport {
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
    },
    close: () => transporter.close(),
  };
}
