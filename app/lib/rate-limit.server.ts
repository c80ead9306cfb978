// Throttling of failed attempts (sign-in, public code lookups), kept in the database so that it holds
// across restarts and across several app instances.

import { prisma } from "../db.server.ts";

export interface RateRule {
  /** Failures allowed within the window before the key is blocked. */
  limit: number;
  windowMs: number;
  /** How long a key stays blocked once over the limit. */
  blockMs: number;
}

/** Milliseconds until the key may try again, or 0 when it is not blocked. */
export async function blockedFor(key: string, now = new Date()): Promise<number> {
  const row = await prisma.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
  const until = row?.blockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

/** Counts one failure; returns the milliseconds the key is now blocked for (0 while under the limit). */
export async function recordFailure(key: string, rule: RateRule, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
    const count = fresh ? 1 : row.count + 1;
    const blockedUntil = count > rule.limit ? new Date(now.getTime() + rule.blockMs) : (row?.blockedUntil ?? null);
    await tx.rateLimit.upsert({
      where: { key },
      create: { key, count, windowStart: now, blockedUntil },
      update: { count, windowStart: fresh ? now : row.windowStart, blockedUntil },
    });
    return blockedUntil ? Math.max(0, blockedUntil.getTime() - now.getTime()) : 0;
  });
}

/** Forgets a key's failures (e.g. after a successful sign-in). */
export async function clearFailures(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/** "15 phút", "40 giây": how long to wait, for the refusal message. */
export function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s >= 60 ? `${Math.ceil(s / 60)} phút` : `${s} giây`;
}
