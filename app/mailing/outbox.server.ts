import { prisma } from "#app/database/db.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { composableKinds, composeMessage, prefetchMessages, type OutboxRow } from "#app/mailing/composers.server.ts";
import { runDueWork } from "#app/mailing/due-work.server.ts";
import { sendOne, type Compose } from "#app/mailing/send.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";
import { DEFAULT_LEASE_MS, newClaimOwner } from "#app/database/lease.server.ts";
import { claimBatch, recoverExpiredClaims, releaseClaims, renewLeases } from "#app/mailing/claims.server.ts";
import { logSendOutcome } from "#app/mailing/telemetry.server.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";

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
  compose?: Compose;
  /** At most this many messages in one call (default 200). */
  batchSize?: number;
  /**
   * How many are claimed at a time (default twice `concurrency`): what a crash leaves stranded until the
   * lease runs out, against one claim query per that many messages.
   */
  claimSize?: number;
  /** Messages in flight at once (default 8). */
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

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the messages that are due (at most `batchSize` in this call), with a few in flight at once. It
 * claims them a few at a time (`claimSize`), as the senders run out of work, rather than the whole batch
 * up front: a process that dies holds only those few, which return to the queue when their lease runs out.
 */
export async function drainOnce(opts: DrainOptions): Promise<DrainResult> {
  const db = opts.db ?? prisma;
  const owner = opts.owner ?? newClaimOwner("outbox");
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = opts.concurrency ?? 8;
  const limit = opts.batchSize ?? 200;
  const claimSize = Math.max(1, Math.min(limit, opts.claimSize ?? 2 * concurrency));
  const kinds = opts.compose ? null : composableKinds();
  const clock = () => opts.now?.() ?? new Date();
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  // Claimed and not yet started, in send order; claimed and not yet finished (whose leases are renewed).
  const queue: OutboxRow[] = [];
  const pending = new Set<string>();
  // What the registered composers read for the claimed rows at once (by row id), until each is sent.
  const prefetched = new Map<string, unknown>();
  const usesRegistry = !opts.compose || opts.compose === composeMessage;
  const lost = new Set<string>();
  let taken = 0;
  let exhausted = false;
  // Until when (this process's clock) every pending claim is known to hold: the oldest claim's start plus
  // one lease, moved on by each renewal from the moment it was asked.
  let heldUntil = Number.POSITIVE_INFINITY;
  let claiming: Promise<void> | null = null;
  const refill = () => {
    claiming ??= (async () => {
      const asked = Date.now();
      const now = clock();
      const want = Math.min(claimSize, limit - taken);
      const rows = await claimBatch({
        db,
        owner,
        now,
        leaseUntil: new Date(now.getTime() + leaseMs),
        batchSize: want,
        kinds,
      });
      // Fewer than asked: nothing more is due now (the next poll looks again).
      if (rows.length < want) exhausted = true;
      if (rows.length === 0) return;
      heldUntil = Math.min(heldUntil, asked + leaseMs);
      taken += rows.length;
      if (usesRegistry) {
        // A failed read is no reason to stop: each composer then reads its own row.
        const read = await prefetchMessages(rows).catch((error: unknown) => {
          logger.warn({ event: "outbox.prefetch-failed", error: errorText(error) }, "outbox prefetch");
          return new Map<string, unknown>();
        });
        for (const [id, value] of read) prefetched.set(id, value);
      }
      for (const r of rows) {
        queue.push(r);
        pending.add(r.id);
      }
    })().finally(() => {
      claiming = null;
    });
    return claiming;
  };
  // While messages are being sent, their claims are renewed, so a slow batch is not taken back from a
  // live sender.
  let renewing: Promise<void> = Promise.resolve();
  const renew = () => {
    renewing = renewing
      .then(async () => {
        if (pending.size === 0) return;
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
  let expired = false;
  const worker = async () => {
    while (!opts.stopping?.() && !expired) {
      if (queue.length === 0) {
        if (exhausted || taken >= limit) break;
        await refill();
        continue;
      }
      // A blocked event loop (a long PDF render, a GC pause) may have kept the timer from renewing: a
      // message is handed to SMTP only while its claim is known to hold for a while yet.
      if (Date.now() > heldUntil - leaseMs / 3) await renew();
      // The database did not confirm the claims in time: the rest is left to go back to the queue.
      if (Date.now() >= heldUntil) {
        expired = true;
        break;
      }
      const row = queue.shift();
      if (!row) continue;
      // Another instance took this message back after our lease ran out: it is theirs to send now.
      if (lost.has(row.id)) {
        pending.delete(row.id);
        prefetched.delete(row.id);
        continue;
      }
      const outcome = await sendOne(db, row, opts, prefetched);
      prefetched.delete(row.id);
      pending.delete(row.id);
      if (pending.size === 0) heldUntil = Number.POSITIVE_INFINITY;
      await logSendOutcome(db, row, outcome);
      if (outcome === "sent") result.sent++;
      else if (outcome === "retry") result.retried++;
      else result.failed++;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clearInterval(renewal);
    await claiming;
    await renewing;
  }
  // Stopped before the claimed messages were through: they go back to the queue for the next worker.
  await releaseClaims(
    db,
    owner,
    queue.splice(0).map((r) => r.id),
  );
  return result;
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
