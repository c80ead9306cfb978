// The outbox knows how to queue, claim, send and retry messages, not what they say: each domain registers
// the composer of its message kinds once, in the composition root (app/mail-composers.server.ts), and the
// worker asks here for the e-mail of a row at send time, so every message is composed from current data.

import type { SendMailOptions } from "nodemailer";
import type { MessageKind } from "#app/generated/prisma/enums.ts";

/** One outbox row as a composer sees it. */
export type OutboxRow = {
  id: string;
  messageId: string;
  attendeeId: string | null;
  bridgePointId: string | null;
  kind: MessageKind;
  version: number;
  attachPdf: boolean;
  changeNote: string;
  attempts: number;
  /** For the audit record of the delivery. */
  conferenceId?: string;
  toAddress?: string;
  subject?: string;
};

/**
 * Composes the e-mail of one row; throws when it cannot (the message then fails at once). `prefetched` is
 * what the kind's prefetch read for this row with the rest of its batch (absent: the composer reads it).
 */
export type Composer = (row: OutboxRow, prefetched?: unknown) => Promise<SendMailOptions>;

/**
 * Reads what the composer needs for a whole claimed batch at once (one query instead of one per message),
 * keyed by row id. It runs right after the claim, so the data is as current as a per-message read.
 */
export type Prefetch = (rows: OutboxRow[]) => Promise<Map<string, unknown>>;

const composers = new Map<MessageKind, Composer>();
const prefetchers = new Map<MessageKind, Prefetch>();

/** Registers the composer of these kinds (a second registration of a kind replaces the first: dev reloads). */
export function registerComposer(kinds: readonly MessageKind[], composer: Composer, prefetch?: Prefetch): void {
  for (const kind of kinds) {
    composers.set(kind, composer);
    if (prefetch) prefetchers.set(kind, prefetch);
    else prefetchers.delete(kind);
  }
}

/** The kinds this process can compose: a worker claims only these. */
export function composableKinds(): MessageKind[] {
  return [...composers.keys()];
}

/** What the registered prefetches read for these rows, by row id (rows of kinds without one: nothing). */
export async function prefetchMessages(rows: readonly OutboxRow[]): Promise<Map<string, unknown>> {
  const groups = new Map<Prefetch, OutboxRow[]>();
  for (const row of rows) {
    const prefetch = prefetchers.get(row.kind);
    if (!prefetch) continue;
    const group = groups.get(prefetch);
    if (group) group.push(row);
    else groups.set(prefetch, [row]);
  }
  const out = new Map<string, unknown>();
  for (const [prefetch, group] of groups) for (const [id, value] of await prefetch(group)) out.set(id, value);
  return out;
}

/** The e-mail for one outbox row, by its kind's registered composer (with what was prefetched for it). */
export async function composeMessage(
  row: OutboxRow,
  prefetched?: ReadonlyMap<string, unknown>,
): Promise<SendMailOptions> {
  const composer = composers.get(row.kind);
  if (!composer) throw new Error(`Không có cách soạn thư loại ${row.kind}`);
  return prefetched?.has(row.id) ? composer(row, prefetched.get(row.id)) : composer(row);
}
