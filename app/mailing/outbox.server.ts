import type { SendMailOptions } from "nodemailer";
import { auditEventData, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "#app/mailing/backoff.ts";
import { composableKinds, composeMessage, type OutboxRow } from "#app/mailing/composers.server.ts";
import { runDueWork } from "#app/mailing/due-work.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";
import { logSendOutcome } from "#app/mailing/telemetry.server.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";

import { DEFAULT_LEASE_MS, newClaimOwner, onPostgres, placeholders } from "#app/database/lease.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";

// Sending what is queued: claim a batch exactly once, compose each message at send time, send it, record
// the outcome (sent, retried later, or failed for good) with its audit record. Every app instance drains
// the same outbox: a claim names its owner and holds a lease the sender renews while it works, so two
// instances never claim one message, and a dead instance's claims return to the queue when their lease
// runs out (recoverExpiredClaims), never a live one's.

export interface DrainOptions {
  transport: MailTransport;
  /**
   * Composes a row's e-mail. Default: the registered composers (app/mailing/composers.server.ts), and then
   * only the kinds this process can compose are claimed.
   */
  compose?: (row: OutboxRow) => Promise<SendMailOptions>;
  batchSize?: number;
  concurrency?: number;
  now?: () => Date;
  /** Stop claiming new messages when this returns true (graceful shutdown). */
  stopping?: () => boolean;
  /** The database (default: the process's client); a test passes a second client to act as another instance. */
  db?: PrismaClient;
  /** Who claims (default: a new owner for this call); the worker passes its own. */
  owner?: string;
  /** How long a claim holds without renewal (default 30 s); renewed every third of it while sending. */
  leaseMs?: number;
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

interface Claim {
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
async function claimBatch(c: Claim): Promise<OutboxRow[]> {
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
async function renewLeases(db: Db, owner: string, ids: string[], leaseUntil: Date): Promise<string[]> {
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
async function releaseClaims(db: Db, owner: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "SENDING", claimedBy: owner },
    data: { status: "QUEUED", claimedAt: null, claimedBy: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

/**
 * The message's final state (sent, or failed for good) and the worker's audit record of it, as one
 * batched transaction: the worker writes one per e-mail, so it skips the interactive transaction's
 * round trips.
 */
function finish(
  db: Db,
  row: OutboxRow,
  outcome: "SENT" | "FAILED",
  data: Prisma.OutboxMessageUpdateInput,
  error: string | null,
) {
  const what = `“${row.subject ?? ""}” tới ${row.toAddress ?? ""}`;
  const audit = auditEventData(SYSTEM_ACTOR, {
    action: outcome === "SENT" ? "message.sent" : "message.failed",
    entity: "OutboxMessage",
    entityId: row.id,
    summary: outcome === "SENT" ? `Đã gửi thư ${what}` : `Không gửi được thư ${what}: ${error ?? ""}`,
    before: { status: "SENDING" },
    after: { status: outcome, ...(error ? { lastError: error } : {}) },
    conferenceId: row.conferenceId ?? null,
  });
  return db.$transaction([
    db.outboxMessage.update({
      where: { id: row.id },
      data: { ...data, status: outcome, leaseUntil: null },
      select: { id: true },
    }),
    db.auditEvent.create({ data: audit, select: { id: true } }),
  ]);
}

async function sendOne(db: Db, row: OutboxRow, opts: DrainOptions): Promise<"sent" | "retry" | "failed"> {
  const now = opts.now?.() ?? new Date();
  let message: SendMailOptions;
  try {
    message = await (opts.compose ?? composeMessage)(row);
  } catch (error) {
    // A message that cannot be composed (a malformed address, a removed attendee) will not
    // compose any better later: it fails at once instead of being retried.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await finish(db, row, "FAILED", { lastError: reason, claimedAt: null }, reason);
    return "failed";
  }
  try {
    await opts.transport.send({ ...message, messageId: row.messageId });
  } catch (error) {
    const attempts = row.attempts + 1;
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const failed = attempts >= MAX_ATTEMPTS;
    const next = {
      lastError: reason,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      claimedAt: null,
      claimedBy: null,
    };
    // A retry is not a final state: only the give-up is recorded.
    if (failed) await finish(db, row, "FAILED", next, reason);
    else
      await db.outboxMessage.update({ where: { id: row.id }, data: { ...next, leaseUntil: null, status: "QUEUED" } });
    return failed ? "failed" : "retry";
  }
  await finish(db, row, "SENT", { sentAt: new Date(), lastError: null }, null);
  return "sent";
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Sends the messages that are due, a batch at a time, with a few in flight at once. */
export async function drainOnce(opts: DrainOptions): Promise<DrainResult> {
  const db = opts.db ?? prisma;
  const owner = opts.owner ?? newClaimOwner("outbox");
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = () => opts.now?.() ?? new Date();
  const now = clock();
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  if (opts.stopping?.()) return result;
  // One claim for the batch rather than one per message: a query less per e-mail.
  const claimStarted = Date.now();
  const rows = await claimBatch({
    db,
    owner,
    now,
    leaseUntil: new Date(now.getTime() + leaseMs),
    batchSize: opts.batchSize ?? 200,
    kinds: opts.compose ? null : composableKinds(),
  });
  if (rows.length === 0) return result;
  const pending = new Set(rows.map((r) => r.id));
  const lost = new Set<string>();
  // While the batch is being sent, its remaining claims are renewed, so a batch that takes longer than
  // one lease is not taken back from a live sender.
  let renewing: Promise<void> = Promise.resolve();
  // Until when (this process's clock) the claims are known to hold: the claim's start plus one lease,
  // moved on by each renewal from the moment it was asked.
  let heldUntil = claimStarted + leaseMs;
  const renew = () => {
    renewing = renewing
      .then(async () => {
        const asked = Date.now();
        const gone = await renewLeases(db, owner, [...pending], new Date(clock().getTime() + leaseMs));
        for (const id of gone) lost.add(id);
        heldUntil = asked + leaseMs;
      })
      .catch((error: unknown) =>
        logger.warn({ event: "outbox.lease-failed", error: errorText(error) }, "outbox lease"),
      );
    return renewing;
  };
  const renewal = setInterval(renew, Math.max(50, Math.floor(leaseMs / 3)));
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !opts.stopping?.()) {
      // A blocked event loop (a long PDF render, a GC pause) may have kept the timer from renewing: a
      // message is handed to SMTP only while its claim is known to hold for a while yet.
      if (Date.now() > heldUntil - leaseMs / 3) await renew();
      // The database did not confirm the claims in time: the rest is left to go back to the queue.
      if (Date.now() >= heldUntil) break;
      const row = rows[next++]!;
      // Another instance took this message back after our lease ran out: it is theirs to send now.
      if (lost.has(row.id)) {
        pending.delete(row.id);
        continue;
      }
      const outcome = await sendOne(db, row, opts);
      pending.delete(row.id);
      await logSendOutcome(db, row, outcome);
      if (outcome === "sent") result.sent++;
      else if (outcome === "retry") result.retried++;
      else result.failed++;
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  } finally {
    clearInterval(renewal);
    await renewing;
  }
  // Stopped before the batch was through: the rest goes back to the queue for the next worker.
  await releaseClaims(
    db,
    owner,
    rows.slice(next).map((r) => r.id),
  );
  return result;
}

/**
 * Messages whose claim's lease has run out (their instance died, or lost the database for longer than a
 * lease) go back to the queue. A live sender renews its leases, so its claims are never taken. A message
 * may then be sent a second time if its sender died after handing it to SMTP and before recording it;
 * its stable Message-ID lets mail systems recognise the copy. Claims made before leases existed (no
 * lease) are recovered after `legacyAfterMs`.
 */
export async function recoverExpiredClaims(db: Db = prisma, now = new Date(), legacyAfterMs = 10 * 60_000) {
  const { count } = await db.outboxMessage.updateMany({
    where: {
      status: "SENDING",
      OR: [
        { leaseUntil: { lt: now } },
        { leaseUntil: null, claimedAt: { lt: new Date(now.getTime() - legacyAfterMs) } },
      ],
    },
    data: { status: "QUEUED", claimedAt: null, claimedBy: null, leaseUntil: null },
  });
  return count;
}

export interface OutboxWorker {
  /** Drain now instead of at the next tick (after queueing). */
  kick(): void;
  /** Stops claiming, waits for messages in flight. */
  stop(): Promise<void>;
}

export interface OutboxWorkerOptions extends Omit<DrainOptions, "stopping" | "owner"> {
  /** Pause between polls when the queue is empty (default 2 s). */
  idleMs?: number;
  /** Names this worker's claims (default: host, process id and a random part). */
  owner?: string;
}

/**
 * Drains the outbox until it is empty, then polls every `idleMs`; each poll first returns the claims
 * of dead instances (expired leases) to the queue. Every app instance may run one.
 */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const idleMs = opts.idleMs ?? 2000;
  const owner = opts.owner ?? newClaimOwner("outbox");
  const loop = async () => {
    while (!stopping) {
      // Before every batch, not only when idle: instances that are all busy still take up a dead one's work.
      await recoverExpiredClaims(opts.db ?? prisma);
      // What became due (scheduled reminders) is queued first, so it leaves in this batch.
      await runDueWork(opts.now?.() ?? new Date(), opts.db ?? prisma);
      const r = await drainOnce({ ...opts, owner, stopping: () => stopping });
      if (r.sent + r.retried + r.failed === 0) break;
    }
  };
  const tick = () => {
    if (stopping || running) return;
    running = loop()
      .catch((error: unknown) => {
        // A database hiccup must not kill the worker; the next tick retries.
        logger.warn({ event: "outbox.failed", error: errorText(error) }, "outbox");
      })
      .finally(() => {
        running = null;
        if (!stopping) timer = setTimeout(tick, idleMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    kick() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
