import { createPrismaClient } from "#app/database/client.server.ts";
import { env, isPostgresUrl } from "#app/env.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";

// One client per process; kept on globalThis so dev reloads don't open more.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));

/**
 * A `contains` filter that ignores letter case on both databases. SQLite's LIKE (what Prisma's
 * `contains` becomes there) already ignores ASCII case; PostgreSQL's LIKE does not, so a search for
 * "hội nghị" would miss "Hội nghị" there: ILIKE (Prisma's insensitive mode, which the SQLite client
 * the app is typed against does not know) makes both find it.
 */
export function containsText(q: string): { contains: string } {
  return isPostgresUrl(env().DATABASE_URL)
    ? ({ contains: q, mode: "insensitive" } as { contains: string })
    : { contains: q };
}
