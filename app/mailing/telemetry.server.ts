// What the outbox tells the operator: a JSON log line per send attempt (mail.sent, mail.retry,
// mail.failed: the outbox row, the Message-ID, the kind, which attempt, the recipient masked) and, for
// GET /metrics, attempts counted by kind and outcome, the messages by status and how long the oldest
// due message has waited, read from the database when scraped.
import { prisma } from "#app/database/db.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { MessageStatus } from "#app/generated/prisma/enums.ts";
import { errorText, logger, maskedAddress } from "#app/lib/logger.server.ts";
import { counter, sampledGauge } from "#app/lib/metrics.server.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";

const attempts = counter({
  name: "hoinghi_mail_attempts_total",
  help: "Outbox send attempts by message kind and outcome (sent, retry, failed)",
  labelNames: ["kind", "outcome"] as const,
});

/** Logs and counts one send attempt; a retry or failure also says why (read back from the row: rare). */
export async function logSendOutcome(db: PrismaClient, row: OutboxRow, outcome: "sent" | "retry" | "failed") {
  attempts.inc({ kind: row.kind, outcome });
  const line = {
    event: `mail.${outcome}`,
    outboxId: row.id,
    messageId: row.messageId,
    kind: row.kind,
    attempt: row.attempts + 1,
    to: maskedAddress(row.toAddress),
    conferenceId: row.conferenceId ?? null,
  };
  if (outcome === "sent") {
    logger.info(line, "mail sent");
    return;
  }
  const reason = await db.outboxMessage
    .findUnique({ where: { id: row.id }, select: { lastError: true } })
    .then((r) => r?.lastError ?? null)
    .catch(() => null);
  logger.warn(
    { ...line, error: reason === null ? null : errorText(reason) },
    outcome === "retry" ? "mail will be retried" : "mail failed",
  );
}

sampledGauge({
  name: "hoinghi_outbox_messages",
  help: "Outbox messages by status",
  labelNames: ["status"] as const,
  async read() {
    const groups = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    const counts = new Map(groups.map((g) => [g.status, g._count._all]));
    return Object.values(MessageStatus).map((status) => ({ labels: { status }, value: counts.get(status) ?? 0 }));
  },
});

sampledGauge({
  name: "hoinghi_outbox_oldest_due_seconds",
  help: "How long the oldest queued message that is due has been waiting to be sent (0: none waiting)",
  labelNames: [] as const,
  async read() {
    const now = new Date();
    const oldest = await prisma.outboxMessage.aggregate({
      where: { status: "QUEUED", nextAttemptAt: { lte: now } },
      _min: { nextAttemptAt: true },
    });
    const since = oldest._min.nextAttemptAt;
    return [{ labels: {}, value: since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0 }];
  },
});
