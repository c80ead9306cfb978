import type { SendMailOptions } from "nodemailer";
import { AUDIT_EVENT_COLUMNS, auditEventCells, auditEventData, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { insertRows, type Cell } from "#app/database/bulk-insert.server.ts";
import { sortableRowIds } from "#app/database/row-id.server.ts";
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

// Marking SENT is the one write every message makes. Marks are written in groups: one update of the
// rows and one multi-row insert of their audit records, in one transaction. A group is whatever arrived
// within SENT_WINDOW_MS of its first message (or SENT_BATCH messages, whichever comes first). Written at
// once instead, each mark was a transaction of its own (on SQLite the write finishes before the next
// SMTP reply arrives, so nothing ever queued behind it): 0.4 ms of CPU a message, a fifth of a bulk
// invitation's. A message accepted by SMTP stays unmarked at most a few milliseconds longer (a crash
// in between sends it once more, with its stable Message-ID, as before), and each sender still goes on
// only once its own message is recorded.
interface Sent {
  row: OutboxRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}
interface SentQueue {
  waiting: Sent[];
  writing: boolean;
  timer: NodeJS.Timeout | null;
}
const sentQueues = new WeakMap<Db, SentQueue>();
const SENT_BATCH = 64;
const SENT_WINDOW_MS = 5;

function markSent(db: Db, row: OutboxRow): Promise<void> {
  let queue = sentQueues.get(db);
  if (!queue) sentQueues.set(db, (queue = { waiting: [], writing: false, timer: null }));
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ row, resolve, reject });
    if (q.writing) return;
    if (q.waiting.length >= SENT_BATCH) {
      if (q.timer) clearTimeout(q.timer);
      q.timer = null;
      void writeSent(db, q);
    } else {
      q.timer ??= setTimeout(() => {
        q.timer = null;
        void writeSent(db, q);
      }, SENT_WINDOW_MS);
    }
  });
}

function auditCells(rows: readonly OutboxRow[], at: Date): Cell[][] {
  const ids = sortableRowIds(rows.length);
  return rows.map((row, i) => auditEventCells(ids[i]!, at, auditOf(row, "SENT", null)));
}

async function writeSent(db: Db, q: SentQueue): Promise<void> {
  if (q.writing) return;
  q.writing = true;
  try {
    while (q.waiting.length) {
      const batch = q.waiting.splice(0, SENT_BATCH);
      const at = new Date();
      try {
        // Prisma's createMany spends about 0.25 ms of CPU a row before the database sees it; the bound
        // multi-row insert is the database's own cost.
        await db.$transaction(async (tx) => {
          await tx.outboxMessage.updateMany({
            where: { id: { in: batch.map((s) => s.row.id) } },
            data: { status: "SENT", sentAt: at, lastError: null, leaseUntil: null },
          });
          await insertRows(
            tx,
            "AuditEvent",
            AUDIT_EVENT_COLUMNS,
            auditCells(
              batch.map((s) => s.row),
              at,
            ),
          );
        });
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
