import { createPrismaClient } from "#app/database/client.server.ts";
import { env } from "#app/env.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";

// One client per process; kept on globalThis so dev reloads don't open more.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
