import { prisma } from "#app/database/db.server.ts";
import { onPostgres, placeholders } from "#app/database/lease.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";

// Claims on the outbox: a sender marks the messages it is about to send SENDING with its owner name and a
// lease, renews the lease while it works, and gives back what it did not send. A claim whose lease ran
// out belongs to nobody (its sender died): the message is "stuck" until recovered or resent.

/** Claims made before leases existed carry no lease: they count as stuck this long after the claim. */
export const LEGACY_CLAIM_MS = 10 * 60_000;

/**
 * The messages a dead sender left behind: SENDING with a lease that has run out (or, from before leases,
 * claimed long ago). A live sender renews its lease, so its messages never match.
 */
export function stuckWhere(now: Date, legacyAfterMs = LEGACY_CLAIM_MS): Prisma.OutboxMessageWhereInput {
  return {
    status: "SENDING",
    OR: [
      { leaseUntil: { lt: now } },
      { leaseUntil: null, claimedAt: { lt: new Date(now.getTime() - legacyAfterMs) } },
      { leaseUntil: null, claimedAt: null },
    ],
  };
}

/** The same test on a row already read (for the pages: which "Đang gửi" is in fact stuck). */
export function isStuck(
  m: { status: string; leaseUntil: Date | null; claimedAt: Date | null },
  now: Date,
  legacyAfterMs = LEGACY_CLAIM_MS,
): boolean {
  if (m.status !== "SENDING") return false;
  if (m.leaseUntil) return m.leaseUntil < now;
  return !m.claimedAt || m.claimedAt.getTime() < now.getTime() - legacyAfterMs;
}

type Db = PrismaClient;

const rowSelect = {
  id: true,
  messageId: true,
  attendeeId: true,
  bridgePointId: true,
  kind: true,
  version: true,
  attachPdf: true,
  changeNote: true,
  attempts: true,
  conferenceId: true,
  toAddress: true,
  subject: true,
} as const;

export interface Claim {
  db: Db;
  owner: string;
  now: Date;
  leaseUntil: Date;
  batchSize: number;
  kinds: string[] | null;
}

/**
 * PostgreSQL: one statement picks the due rows nobody holds (FOR UPDATE SKIP LOCKED: rows another
 * instance is claiming at this moment are skipped, not waited for) and marks them SENDING with this
 * owner and lease.
 */
async function claimOnPostgres(c: Claim): Promise<string[]> {
  const kinds = c.kinds ? `AND "kind"::text IN (${placeholders(6, c.kinds.length)})` : "";
  const rows = await c.db.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE "OutboxMessage" SET "status" = 'SENDING', "claimedAt" = $1::timestamp(3), "claimedBy" = $2,
       "leaseUntil" = $3::timestamp(3), "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
       WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= $4::timestamp(3) ${kinds}
       ORDER BY "nextAttemptAt", "createdAt" LIMIT $5
       FOR UPDATE SKIP LOCKED)
     RETURNING "id"`,
    pgTime(c.now),
    c.owner,
    pgTime(c.leaseUntil),
    pgTime(c.now),
    c.batchSize,
    ...(c.kinds ?? []),
  );
  return rows.map((r) => r.id);
}

/**
 * SQLite has one writer at a time, so a conditional update is a claim that cannot collide: of the due
 * rows read, the update takes those still QUEUED, and the owner tells which ones this call took.
 */
async function claimOnSqlite(c: Claim): Promise<string[]> {
  const due = await c.db.outboxMessage.findMany({
    where: {
      status: "QUEUED",
      nextAttemptAt: { lte: c.now },
      ...(c.kinds ? { kind: { in: c.kinds as OutboxRow["kind"][] } } : {}),
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: c.batchSize,
    select: { id: true },
  });
  if (due.length === 0) return [];
  const ids = due.map((r) => r.id);
  await c.db.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "QUEUED" },
    data: {
      status: "SENDING",
      claimedAt: c.now,
      claimedBy: c.owner,
      leaseUntil: c.leaseUntil,
      attempts: { increment: 1 },
    },
  });
  const mine = await c.db.outboxMessage.findMany({
    where: { id: { in: ids }, status: "SENDING", claimedBy: c.owner },
    select: { id: true },
  });
  return mine.map((r) => r.id);
}

/** Claims a batch of due messages for this owner; returns them in send order, as they were before the claim. */
export async function claimBatch(c: Claim): Promise<OutboxRow[]> {
  // No composer registered in this process: it claims nothing (another process may compose them).
  if (c.kinds?.length === 0) return [];
  const ids = await (onPostgres() ? claimOnPostgres(c) : claimOnSqlite(c));
  if (ids.length === 0) return [];
  const rows = await c.db.outboxMessage.findMany({
    where: { id: { in: ids } },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    select: rowSelect,
  });
  // `attempts` counts the attempts before this one, as the composers and the back-off expect.
  return rows.map((r) => ({ ...r, attempts: r.attempts - 1 }));
}

/**
 * Extends the lease of the messages this owner still holds; returns the ids it no longer holds (its
 * lease ran out and another instance took them back), which are then not sent.
 */
export async function renewLeases(db: Db, owner: string, ids: string[], leaseUntil: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const { count } = await db.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "SENDING", claimedBy: owner },
    data: { leaseUntil },
  });
  if (count === ids.length) return [];
  const held = await db.outboxMessage.findMany({
    where: { id: { in: ids }, status: "SENDING", claimedBy: owner },
    select: { id: true },
  });
  const still = new Set(held.map((r) => r.id));
  return ids.filter((id) => !still.has(id));
}

/** Gives back claimed messages that were not sent (the worker is stopping). */
export async function releaseClaims(db: Db, owner: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "SENDING", claimedBy: owner },
    data: { status: "QUEUED", claimedAt: null, claimedBy: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

/**
 * Messages whose claim's lease has run out (their instance died, or lost the database for longer than a
 * lease) go back to the queue. A live sender renews its leases, so its claims are never taken. A message
 * may then be sent a second time if its sender died after handing it to SMTP and before recording it;
 * its stable Message-ID lets mail systems recognise the copy. Claims made before leases existed (no
 * lease) are recovered after `legacyAfterMs`.
 */
export async function recoverExpiredClaims(db: Db = prisma, now = new Date(), legacyAfterMs = LEGACY_CLAIM_MS) {
  const { count } = await db.outboxMessage.updateMany({
    where: stuckWhere(now, legacyAfterMs),
    data: { status: "QUEUED", claimedAt: null, claimedBy: null, leaseUntil: null },
  });
  return count;
}
