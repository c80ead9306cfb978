import type { SendMailOptions } from "nodemailer";
import { auditEventData, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "#app/mailing/backoff.ts";
import { composableKinds, composeMessage, type OutboxRow } from "#app/mailing/composers.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";

// Sending what is queued: claim a batch exactly once, compose each message at send time, send it, record
// the outcome (sent, retried later, or failed for good) with its audit record.

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
}

/**
 * Claims a batch: QUEUED → SENDING for the rows nobody else claimed first, in one statement, and
 * returns the ids this call claimed (they carry its claim time).
 */
async function claimBatch(ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  await prisma.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "QUEUED" },
    data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
  });
  const mine = await prisma.outboxMessage.findMany({
    where: { id: { in: ids }, status: "SENDING", claimedAt: now },
    select: { id: true },
  });
  return new Set(mine.map((m) => m.id));
}

/** Gives back claimed messages that were not sent (the worker is stopping). */
async function releaseClaims(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await prisma.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "SENDING" },
    data: { status: "QUEUED", claimedAt: null, attempts: { decrement: 1 } },
  });
}

/**
 * The message's final state (sent, or failed for good) and the worker's audit record of it, as one
 * batched transaction: the worker writes one per e-mail, so it skips the interactive transaction's
 * round trips.
 */
function finish(
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
  return prisma.$transaction([
    prisma.outboxMessage.update({ where: { id: row.id }, data: { ...data, status: outcome }, select: { id: true } }),
    prisma.auditEvent.create({ data: audit, select: { id: true } }),
  ]);
}

async function sendOne(row: OutboxRow, opts: DrainOptions): Promise<"sent" | "retry" | "failed"> {
  const now = opts.now?.() ?? new Date();
  let message: SendMailOptions;
  try {
    message = await (opts.compose ?? composeMessage)(row);
  } catch (error) {
    // A message that cannot be composed (a malformed address, a removed attendee) will not
    // compose any better later: it fails at once instead of being retried.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await finish(row, "FAILED", { lastError: reason, claimedAt: null }, reason);
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
    };
    // A retry is not a final state: only the give-up is recorded.
    if (failed) await finish(row, "FAILED", next, reason);
    else await prisma.outboxMessage.update({ where: { id: row.id }, data: { ...next, status: "QUEUED" } });
    return failed ? "failed" : "retry";
  }
  await finish(row, "SENT", { sentAt: new Date(), lastError: null }, null);
  return "sent";
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Sends the messages that are due, a batch at a time, with a few in flight at once. */
export async function drainOnce(opts: DrainOptions): Promise<DrainResult> {
  const now = opts.now?.() ?? new Date();
  const due = await prisma.outboxMessage.findMany({
    where: {
      status: "QUEUED",
      nextAttemptAt: { lte: now },
      ...(opts.compose ? {} : { kind: { in: composableKinds() } }),
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: opts.batchSize ?? 200,
    select: {
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
    },
  });
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  if (opts.stopping?.()) return result;
  // One claim for the batch rather than one per message: a query less per e-mail.
  const claimed = await claimBatch(
    due.map((r) => r.id),
    now,
  );
  const rows = due.filter((r) => claimed.has(r.id));
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !opts.stopping?.()) {
      const row = rows[next++]!;
      const outcome = await sendOne(row, opts);
      if (outcome === "sent") result.sent++;
      else if (outcome === "retry") result.retried++;
      else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  // Stopped before the batch was through: the rest goes back to the queue for the next worker.
  await releaseClaims(rows.slice(next).map((r) => r.id));
  return result;
}

/**
 * A message left SENDING by a process that died is queued again after a while.
 * It may then be sent a second time; its stable Message-ID lets mail systems
 * recognise the copy.
 */
export async function recoverStaleClaims(olderThanMs = 10 * 60_000, now = new Date()): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - olderThanMs) } },
    data: { status: "QUEUED", claimedAt: null },
  });
  return count;
}

export interface OutboxWorker {
  /** Drain now instead of at the next tick (after queueing). */
  kick(): void;
  /** Stops claiming, waits for messages in flight. */
  stop(): Promise<void>;
}

export function startOutboxWorker(opts: Omit<DrainOptions, "stopping"> & { idleMs?: number }): OutboxWorker {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const idleMs = opts.idleMs ?? 2000;
  const loop = async () => {
    await recoverStaleClaims();
    while (!stopping) {
      const r = await drainOnce({ ...opts, stopping: () => stopping });
      if (r.sent + r.retried + r.failed === 0) break;
    }
  };
  const tick = () => {
    if (stopping || running) return;
    running = loop()
      .catch((error: unknown) => {
        // A database hiccup must not kill the worker; the next tick retries.
        console.warn("outbox:", error instanceof Error ? error.message : error);
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
