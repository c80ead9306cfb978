import { env, isPostgresUrl } from "#app/env.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

/**
 * Makes the rest of the transaction wait for every other transaction that took the same key, so that
 * a read-decide-write (the next free position of a list, a throttling counter) cannot interleave with
 * another. SQLite has a single writer, so its write transactions never interleave and nothing is
 * needed; PostgreSQL runs them side by side, and two would read the same state and both act on it. A
 * transaction-scoped advisory lock serialises them whether or not a row exists yet; it is released at
 * commit or rollback, and the statements after it see what the previous holder committed. Call it
 * first in the transaction.
 */
export async function serializeOn(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (!isPostgresUrl(env().DATABASE_URL)) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
