import type { Prisma } from "#app/generated/prisma/client.ts";
import type { MessageKind } from "#app/generated/prisma/enums.ts";
import { insertRows } from "#app/database/bulk-insert.server.ts";
import { sortableRowIds } from "#app/database/row-id.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { messageIdFor } from "#app/mailing/backoff.ts";

/**
 * Who one message goes to: an attendee, a bridge point or a line of a conclusion notice's "Nơi nhận",
 * with the address it is sent to.
 */
export type Recipient =
  | { attendeeId: string; toAddress: string }
  | { bridgePointId: string; toAddress: string }
  | { noticeRecipientId: string; toAddress: string };

export interface QueueRequest<R extends Recipient = Recipient> {
  conferenceId: string;
  kind: MessageKind;
  version: number;
  /** Recipients may carry more fields of the caller's; the ones added come back as given. */
  recipients: R[];
  attachPdf?: boolean;
  changeNote?: string;
  subject: string;
}

const recipientId = (r: Recipient) =>
  "attendeeId" in r ? r.attendeeId : "bridgePointId" in r ? r.bridgePointId : r.noticeRecipientId;

/** The stable Message-ID of a recipient's message of this kind and version. */
export function recipientMessageId(kind: MessageKind, version: number, r: Recipient): string {
  const who =
    "attendeeId" in r
      ? r.attendeeId
      : "bridgePointId" in r
        ? `bridge-${r.bridgePointId}`
        : `notice-${r.noticeRecipientId}`;
  return messageIdFor(kind, version, who);
}

/**
 * Adds one message per recipient for this kind and version, inside a transaction the caller runs (with
 * its audit record). Messages that already exist (same recipient, kind and version) are left alone, so
 * pressing "send" twice never sends twice. Returns the recipients added.
 */
export async function queueMessagesIn<R extends Recipient>(
  tx: Prisma.TransactionClient,
  req: QueueRequest<R>,
): Promise<R[]> {
  // Two queuings of the same messages at once (a button pressed on two instances, two send jobs) would
  // both find them missing and both insert: on PostgreSQL the later one waits here for the first to commit,
  // then finds them (SQLite runs one writer at a time anyway).
  await serializeOn(tx, `outbox:${req.conferenceId}:${req.kind}:${req.version}`);
  // A statement may bind at most 32,766 values (Prisma P2029): a conference of 100,000 attendees is
  // queued a slice at a time, in the caller's transaction all the same.
  const added: R[] = [];
  for (let at = 0; at < req.recipients.length; at += QUEUE_SLICE)
    added.push(...(await queueSlice(tx, { ...req, recipients: req.recipients.slice(at, at + QUEUE_SLICE) })));
  return added;
}

const QUEUE_SLICE = 5_000;

const OUTBOX_COLUMNS = [
  "id",
  "conferenceId",
  "attendeeId",
  "bridgePointId",
  "noticeRecipientId",
  "kind",
  "version",
  "messageId",
  "toAddress",
  "subject",
  "attachPdf",
  "changeNote",
  "status",
  "attempts",
  "nextAttemptAt",
  "createdAt",
] as const;

async function queueSlice<R extends Recipient>(tx: Prisma.TransactionClient, req: QueueRequest<R>): Promise<R[]> {
  if (!req.recipients.length) return [];
  const attendeeIds = req.recipients.flatMap((r) => ("attendeeId" in r ? [r.attendeeId] : []));
  const bridgePointIds = req.recipients.flatMap((r) => ("bridgePointId" in r ? [r.bridgePointId] : []));
  const noticeRecipientIds = req.recipients.flatMap((r) => ("noticeRecipientId" in r ? [r.noticeRecipientId] : []));
  const existing = new Set(
    (
      await tx.outboxMessage.findMany({
        where: {
          conferenceId: req.conferenceId,
          kind: req.kind,
          version: req.version,
          OR: [
            ...(attendeeIds.length ? [{ attendeeId: { in: attendeeIds } }] : []),
            ...(bridgePointIds.length ? [{ bridgePointId: { in: bridgePointIds } }] : []),
            ...(noticeRecipientIds.length ? [{ noticeRecipientId: { in: noticeRecipientIds } }] : []),
          ],
        },
        select: { attendeeId: true, bridgePointId: true, noticeRecipientId: true },
      })
    ).map((m) => m.attendeeId ?? m.bridgePointId ?? m.noticeRecipientId),
  );
  const fresh = req.recipients.filter((r) => !existing.has(recipientId(r)));
  if (fresh.length) {
    // Prisma's createMany spent about 0.25 ms of CPU a row (2.5 s for a conference of 10,000); the bound
    // multi-row insert is the database's own cost. Every column is given: database defaults are not applied.
    const ids = sortableRowIds(fresh.length);
    const now = new Date();
    await insertRows(
      tx,
      "OutboxMessage",
      OUTBOX_COLUMNS,
      fresh.map((r, i) => [
        ids[i]!,
        req.conferenceId,
        "attendeeId" in r ? r.attendeeId : null,
        "bridgePointId" in r ? r.bridgePointId : null,
        "noticeRecipientId" in r ? r.noticeRecipientId : null,
        req.kind,
        req.version,
        recipientMessageId(req.kind, req.version, r),
        r.toAddress,
        req.subject,
        req.attachPdf ?? false,
        req.changeNote ?? "",
        "QUEUED",
        0,
        now,
        now,
      ]),
      { kind: "MessageKind", status: "MessageStatus" },
    );
  }
  return fresh;
}
