import path from "node:path";
import { env } from "#app/env.server.ts";
import { startOutboxWorker, type OutboxWorker } from "#app/mailing/outbox.server.ts";
import { folderTransport, smtpTransport, type MailTransport } from "#app/mailing/transport.server.ts";

// The server process's outbox worker. It composes with the registered composers, so whatever starts it
// (app/entry.server.tsx, a test, a script) imports the composition root app/mail-composers.server.ts first.

export function outboxFolder(): string {
  return path.resolve(process.cwd(), env().DATA_DIR, "outbox");
}

export function configuredTransport(): MailTransport {
  const url = env().SMTP_URL;
  return url ? smtpTransport(url) : folderTransport(outboxFolder());
}

// One worker per server process, started on first use; kept on globalThis so
// dev reloads don't start more.
const g = globalThis as unknown as { outboxWorker?: OutboxWorker; outboxTransport?: MailTransport };

/** What a server process that leaves background work to `npm run worker` holds instead (BACKGROUND_WORKERS=off). */
export const idleWorker: OutboxWorker = { kick() {}, stop: () => Promise.resolve() };

export function outboxWorker(): OutboxWorker {
  if (env().BACKGROUND_WORKERS === "off") return idleWorker;
  if (!g.outboxWorker) {
    g.outboxTransport = configuredTransport();
    g.outboxWorker = startOutboxWorker({ transport: g.outboxTransport, leaseMs: env().CLAIM_LEASE_MS });
  }
  return g.outboxWorker;
}

export function mailTransportKind(): "smtp" | "folder" {
  return env().SMTP_URL ? "smtp" : "folder";
}
