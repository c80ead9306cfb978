// Throttling of failed attempts (sign-in, public code lookups), kept in the database so that it holds
// across restarts and across several app instances.

import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

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
    // Counts read and written one transaction at a time, also on PostgreSQL.
    await serializeOn(tx, `rate-limit:${key}`);
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

/** What `takeAttempt` decided. */
export interface Attempt {
  /** False when the key is blocked: do not even run the check it guards. */
  allowed: boolean;
  /** Milliseconds until the key may try again (0 when allowed). */
  waitMs: number;
  /** Attempts counted in the current window, this one included when allowed. */
  count: number;
}

/** Runs inside the transaction that blocks a key, e.g. to write the audit row of a lockout. */
export type OnBlock = (tx: Prisma.TransactionClient, blockedUntil: Date) => Promise<void>;

// Rows whose window and block ended long ago are deleted as new attempts come in, so that guessed
// keys (made-up e-mail addresses, passing IPs) do not pile up. Longer than any rule's window.
const KEEP_MS = 24 * 3600 * 1000;

/**
 * Counts an attempt *before* the costly check it guards (a password hash), so that a burst of
 * parallel requests cannot all pass while the first ones are still being checked: once `limit`
 * attempts are counted in the window, the next one blocks the key for `blockMs`. A successful
 * attempt should be cleared (`clearFailures`) or given back (`giveBackAttempt`); a failed one that
 * reaches the limit should block the key at once (`blockKey`).
 */
export async function takeAttempt(
  key: string,
  rule: RateRule,
  options: { now?: Date; onBlock?: OnBlock } = {},
): Promise<Attempt> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    // Counts read and written one transaction at a time, also on PostgreSQL.
    await serializeOn(tx, `rate-limit:${key}`);
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const until = row?.blockedUntil?.getTime() ?? 0;
    if (row && until > now.getTime()) return { allowed: false, waitMs: until - now.getTime(), count: row.count };
    // A block that has run out starts a new window, as does a window that has.
    const fresh = !row || until > 0 || now.getTime() - row.windowStart.getTime() > rule.windowMs;
    const windowStart = fresh ? now : row.windowStart;
    const counted = fresh ? 0 : row.count;
    await tx.rateLimit.deleteMany({
      where: {
        key: { not: key },
        windowStart: { lt: new Date(now.getTime() - KEEP_MS) },
        OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
      },
    });
    if (counted >= rule.limit) {
      const blockedUntil = new Date(now.getTime() + rule.blockMs);
      await tx.rateLimit.upsert({
        where: { key },
        create: { key, count: counted, windowStart, blockedUntil },
        update: { count: counted, windowStart, blockedUntil },
      });
      await options.onBlock?.(tx, blockedUntil);
      return { allowed: false, waitMs: rule.blockMs, count: counted };
    }
    const count = counted + 1;
    await tx.rateLimit.upsert({
      where: { key },
      create: { key, count, windowStart, blockedUntil: null },
      update: { count, windowStart, blockedUntil: null },
    });
    return { allowed: true, waitMs: 0, count };
  });
}

/**
 * Blocks a key for the rule's `blockMs` from now and returns that duration; a key that is already
 * blocked (a parallel request got there first) keeps its block, and `onBlock` does not run again.
 */
export async function blockKey(
  key: string,
  rule: RateRule,
  options: { now?: Date; onBlock?: OnBlock } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    // Counts read and written one transaction at a time, also on PostgreSQL.
    await serializeOn(tx, `rate-limit:${key}`);
    const row = await tx.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
    const until = row?.blockedUntil?.getTime() ?? 0;
    if (until > now.getTime()) return until - now.getTime();
    const blockedUntil = new Date(now.getTime() + rule.blockMs);
    await tx.rateLimit.upsert({
      where: { key },
      create: { key, count: rule.limit, windowStart: now, blockedUntil },
      update: { blockedUntil },
    });
    await options.onBlock?.(tx, blockedUntil);
    return rule.blockMs;
  });
}

/**
 * Uncounts one attempt that succeeded, so that legitimate use (a whole office behind one address)
 * does not add up to a block.
 */
export async function giveBackAttempt(key: string): Promise<void> {
  await prisma.rateLimit.updateMany({
    where: { key, count: { gt: 0 }, blockedUntil: null },
    data: { count: { decrement: 1 } },
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
