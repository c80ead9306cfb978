// Group commit. Each scan's writes (attendance, scan log, audit row) must commit together; the commit is
// the largest fixed cost of a scan (every page it touched is written to the WAL), and the audit row
// doubled the pages touched. Scans that arrive while the event loop is busy are therefore decided one
// after another inside ONE immediate transaction, each in its own savepoint: a scan that fails rolls back
// alone, the others commit together, and nobody is answered before the commit. At low load a batch holds
// one scan, as before; under a door rush (many scanners) the commit is shared.

import type Database from "better-sqlite3";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import { recordOnce, type Store } from "#app/checkin/store.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";

interface PendingScan {
  input: CheckinInput;
  invitationKey: string | null;
  receivedAt: Date;
  resolve: (r: CheckinResponse) => void;
  reject: (e: unknown) => void;
  outcome?: { ok: true; response: CheckinResponse } | { ok: false; error: unknown };
}

const MAX_BATCH = 200;

interface Batcher {
  queue: PendingScan[];
  scheduled: boolean;
  running: boolean;
  batch: (items: PendingScan[]) => void;
  one: (input: CheckinInput, invitationKey: string | null, receivedAt: Date) => CheckinResponse;
}

const batchers = new WeakMap<Database.Database, Batcher>();

function batcherOf(st: Store): Batcher {
  let b = batchers.get(st.db);
  if (!b) {
    // Nested inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
    const one = st.db.transaction((i: CheckinInput, k: string | null, r: Date) => recordOnce(st, i, k, r));
    const batch = st.db.transaction((items: PendingScan[]) => {
      for (const item of items) {
        try {
          item.outcome = { ok: true, response: one(item.input, item.invitationKey, item.receivedAt) };
        } catch (error) {
          // The write lock is the batch's: a busy error is the whole batch's, retried as one.
          if (isBusy(error)) throw error;
          item.outcome = { ok: false, error };
        }
      }
    });
    b = {
      queue: [],
      scheduled: false,
      running: false,
      // A batch of one (low load) needs no savepoint: the scan is the transaction.
      batch: (items) => {
        if (items.length !== 1) return batch.immediate(items);
        const item = items[0]!;
        try {
          item.outcome = { ok: true, response: one.immediate(item.input, item.invitationKey, item.receivedAt) };
        } catch (error) {
          if (isBusy(error)) throw error;
          item.outcome = { ok: false, error };
        }
      },
      one,
    };
    batchers.set(st.db, b);
  }
  return b;
}

export function enqueueScan(
  st: Store,
  input: CheckinInput,
  invitationKey: string | null,
  receivedAt: Date,
): Promise<CheckinResponse> {
  const b = batcherOf(st);
  return new Promise<CheckinResponse>((resolve, reject) => {
    b.queue.push({ input, invitationKey, receivedAt, resolve, reject });
    schedule(b);
  });
}

function schedule(b: Batcher): void {
  if (b.scheduled || b.running) return;
  b.scheduled = true;
  // After the I/O callbacks of this turn: every request already read joins the batch.
  setImmediate(() => void flush(b));
}

async function flush(b: Batcher): Promise<void> {
  b.scheduled = false;
  b.running = true;
  const items = b.queue.splice(0, MAX_BATCH);
  try {
    await withBusyRetry(() => {
      for (const item of items) item.outcome = undefined;
      b.batch(items);
    });
    for (const item of items) {
      if (item.outcome?.ok) item.resolve(item.outcome.response);
      else item.reject(item.outcome ? item.outcome.error : new Error("scan not recorded"));
    }
  } catch (error) {
    // The batch did not commit (lock held too long, disk error): nothing of it was saved.
    for (const item of items) item.reject(error);
  } finally {
    b.running = false;
    if (b.queue.length > 0) schedule(b);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const BUSY_RETRY_MS = 5_000;

/** Runs `work` (synchronous SQLite writes), retrying while Prisma's connection holds the write lock. */
export async function withBusyRetry<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return work();
    } catch (error) {
      // Prisma's connection holds the write lock for a moment (its own transaction): try again shortly.
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
