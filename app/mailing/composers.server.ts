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

/** Composes the e-mail of one row; throws when it cannot (the message then fails at once). */
export type Composer = (row: OutboxRow) => Promise<SendMailOptions>;

const composers = new Map<MessageKind, Composer>();

/** Registers the composer of these kinds (a second registration of a kind replaces the first: dev reloads). */
export function registerComposer(kinds: readonly MessageKind[], composer: Composer): void {
  for (const kind of kinds) composers.set(kind, composer);
}

/** The kinds this process can compose: a worker claims only these. */
export function composableKinds(): MessageKind[] {
  return [...composers.keys()];
}

/** The e-mail for one outbox row, by its kind's registered composer. */
export async function composeMessage(row: OutboxRow): Promise<SendMailOptions> {
  const composer = composers.get(row.kind);
  if (!composer) throw new Error(`Không có cách soạn thư loại ${row.kind}`);
  return composer(row);
}
