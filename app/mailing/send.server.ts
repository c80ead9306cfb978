import type { SendMailOptions } from "nodemailer";
import { auditEventData, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "#app/mailing/backoff.ts";
import { composeMessage, type OutboxRow } from "#app/mailing/composers.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";

// One claimed message: composed, handed to the transport, and its outcome recorded (sent, retried later,
// or failed for good) with the worker's audit record. drainOnce (outbox.server.ts) runs many at once.

/** Composes a row's e-mail (with what was prefetched for its batch, by row id). */
export type Compose = (row: OutboxRow, prefetched?: ReadonlyMap<string, unknown>) => Promise<SendMailOptions>;

export interface SendOptions {
  transport: MailTransport;
  compose?: Compose;
  now?: () => Date;
}

type Db = PrismaClient;

/** The worker's audit record of a message's final state. */
function auditOf(row: OutboxRow, outcome: "SENT" | "FAILED", error: string | null) {
  const what = `“${row.subject ?? ""}” tới ${row.toAddress ?? ""}`;
  return auditEventData(SYSTEM_ACTOR, {
    action: outcome === "SENT" ? "message.sent" : "message.failed",
    entity: "OutboxMessage",
    entityId: row.id,
    summary: outcome === "SENT" ? `Đã gửi thư ${what}` : `Không gửi được thư ${what}: ${error ?? ""}`,
    before: { status: "SENDING" },
    after: { status: outcome, ...(error ? { lastError: error } : {}) },
    conferenceId: row.conferenceId ?? null,
  });
}

/**
 * The message's final state (failed for good) and the worker's audit record of it, as one batched
 * transaction: it skips the interactive transaction's round trips.
 */
function finish(
  db: Db,
  row: OutboxRow,
  outcome: "SENT" | "FAILED",
  data: Prisma.OutboxMessageUpdateInput,
  error: string | null,
) {
  return db.$transaction([
    db.outboxMessage.update({
      where: { id: row.id },
      data: { ...data, status: outcome, leaseUntil: null },
      select: { id: true },
    }),
    db.auditEvent.create({ data: auditOf(row, outcome, error), select: { id: true } }),
  ]);
}

// Marking SENT is the one write every message makes. The messages that the SMTP server accepted while
// the previous mark was being written are marked together: one update and one insert of their audit
// records, in one transaction, instead of a transaction each. Nothing waits on purpose: the first
// message is written at once and a batch is whatever came in meanwhile, so a message stays unmarked no
// longer than before, and each sender goes on only once its own message is recorded.
interface Sent {
  row: OutboxRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}
const sentQueues = new WeakMap<Db, { waiting: Sent[]; writing: boolean }>();
const SENT_BATCH = 64;

function markSent(db: Db, row: OutboxRow): Promise<void> {
  let queue = sentQueues.get(db);
  if (!queue) sentQueues.set(db, (queue = { waiting: [], writing: false }));
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ row, resolve, reject });
    if (!q.writing) void writeSent(db, q);
  });
}

async function writeSent(db: Db, q: { waiting: Sent[]; writing: boolean }): Promise<void> {
  q.writing = true;
  try {
    while (q.waiting.length) {
      const batch = q.waiting.splice(0, SENT_BATCH);
      try {
        await db.$transaction([
          db.outboxMessage.updateMany({
            where: { id: { in: batch.map((s) => s.row.id) } },
            data: { status: "SENT", sentAt: new Date(), lastError: null, leaseUntil: null },
          }),
          db.auditEvent.createMany({ data: batch.map((s) => auditOf(s.row, "SENT", null)) }),
        ]);
        for (const s of batch) s.resolve();
      } catch (error) {
        for (const s of batch) s.reject(error);
      }
    }
  } finally {
    q.writing = false;
  }
}

export async function sendOne(
  db: Db,
  row: OutboxRow,
  opts: SendOptions,
  prefetched: ReadonlyMap<string, unknown>,
): Promise<"sent" | "retry" | "failed"> {
  const now = opts.now?.() ?? new Date();
  let message: SendMailOptions;
  try {
    message = await (opts.compose ?? composeMessage)(row, prefetched);
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
  await markSent(db, row);
  return "sent";
}
