import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";

// Work that becomes due at a time (a reminder scheduled for 16:00 the day before) and ends in the
// outbox. The outbox knows no domain: a domain registers its function once, in the composition root
// (app/mail-composers.server.ts), and the outbox worker runs them all before each batch it drains, so
// what they queue leaves within one poll (about 2 s) of its time, on whichever instance polls first.

/** Queues whatever is due at `now`, through `db`; must be safe to run on several instances at once. */
export type DueWork = (now: Date, db: PrismaClient) => Promise<unknown>;

const work = new Map<string, DueWork>();

/** Registers one piece of due work under a name (a second registration replaces the first: dev reloads). */
export function registerDueWork(name: string, fn: DueWork): void {
  work.set(name, fn);
}

/** Runs every registered piece; one that fails is reported and the others still run (the next poll retries). */
export async function runDueWork(now: Date, db: PrismaClient): Promise<void> {
  for (const [name, fn] of work) {
    try {
      await fn(now, db);
    } catch (error) {
      logger.warn({ event: "due-work.failed", name, error: errorText(error) }, `due work ${name}`);
    }
  }
}
