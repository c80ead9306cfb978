import { prisma } from "#app/database/db.server.ts";
import { closePgPools } from "#app/database/pg-pool.server.ts";
import { closeRawReader } from "#app/database/raw-read.server.ts";

/**
 * The last step of a graceful shutdown, once requests and background work are done: SQLite's connection
 * closes (its WAL is checkpointed), PostgreSQL's connections are handed back to the server at once
 * instead of when it notices they are gone.
 */
export async function closeDatabase(): Promise<void> {
  await prisma.$disconnect();
  closeRawReader();
  // Prisma's adapter leaves the pool it was given (shared with the raw SQL paths) open.
  await closePgPools();
}
