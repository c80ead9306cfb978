import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { isStuck, stuckWhere } from "#app/mailing/claims.server.ts";

// The organiser's "Gửi lại": one message, or every failed and stuck message of a conference at once. A
// message goes back to the queue when it was sent, failed for good, or is stuck (its sender died: the
// lease ran out); never while a live sender holds it, which would send it twice for certain. A stuck
// message may already have reached the mail server before its sender died: sent again, it carries the
// same Message-ID, so the receiving server can recognise the copy.

/** Back in the queue, due now, with the back-off (attempts) started over. */
const due = (now: Date): Prisma.OutboxMessageUpdateManyMutationInput => ({
  status: "QUEUED",
  nextAttemptAt: now,
  attempts: 0,
  lastError: null,
  sentAt: null,
  claimedAt: null,
  claimedBy: null,
  leaseUntil: null,
});

/** Why a message cannot be sent again now. */
export type RequeueRefusal =
  | { reason: "missing" }
  | { reason: "queued" }
  /** A live sender holds it until `leaseUntil`. */
  | { reason: "sending"; leaseUntil: Date | null };

/** Puts one sent, failed or stuck message of the conference back in the queue, with its audit record. */
export async function requeueMessage(
  actor: AuditActor,
  id: string,
  conferenceId: string,
  now = new Date(),
): Promise<{ ok: true } | ({ ok: false } & RequeueRefusal)> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.outboxMessage.findFirst({
      where: { id, conferenceId },
      select: {
        status: true,
        toAddress: true,
        subject: true,
        lastError: true,
        sentAt: true,
        claimedBy: true,
        claimedAt: true,
        leaseUntil: true,
      },
    });
    if (!before) return { ok: false, reason: "missing" };
    if (before.status === "QUEUED") return { ok: false, reason: "queued" };
    const stuck = isStuck(before, now);
    if (before.status === "SENDING" && !stuck) return { ok: false, reason: "sending", leaseUntil: before.leaseUntil };
    // The same conditions in the write: a sender that renewed its lease in between keeps the message.
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, conferenceId, OR: [{ status: { in: ["SENT", "FAILED"] } }, stuckWhere(now)] },
      data: due(now),
    });
    if (count !== 1) return { ok: false, reason: "sending", leaseUntil: null };
    await recordAudit(tx, actor, {
      action: "message.requeue",
      entity: "OutboxMessage",
      entityId: id,
      summary: `Gửi lại thư “${before.subject}” tới ${before.toAddress}${stuck ? " (thư bị treo khi đang gửi)" : ""}`,
      before: stuck
        ? { status: before.status, claimedBy: before.claimedBy, leaseUntil: before.leaseUntil }
        : { status: before.status, lastError: before.lastError, sentAt: before.sentAt },
      after: stuck
        ? { status: "QUEUED", claimedBy: null, leaseUntil: null }
        : { status: "QUEUED", lastError: null, sentAt: null },
      conferenceId,
    });
    return { ok: true };
  });
}

/** The Vietnamese answer to a refused "Gửi lại", naming why. */
export function requeueRefusalText(refusal: RequeueRefusal, now = new Date()): string {
  switch (refusal.reason) {
    case "missing":
      return "Không tìm thấy thư này trong hội nghị (có thể đại biểu đã bị xóa).";
    case "queued":
      return "Thư này đang chờ gửi: hệ thống sẽ tự gửi, không cần gửi lại.";
    case "sending": {
      const seconds = refusal.leaseUntil ? Math.ceil((refusal.leaseUntil.getTime() - now.getTime()) / 1000) : 0;
      return (
        "Thư này đang được một tiến trình gửi đi nên chưa thể gửi lại" +
        (seconds > 0
          ? `; nếu sau khoảng ${seconds} giây thư vẫn chưa đi, tiến trình đó đã dừng và có thể gửi lại.`
          : ". Tải lại trang để xem trạng thái mới.")
      );
    }
  }
}

/** What the organiser can send again in a conference: messages failed for good, and stuck ones. */
export async function resendableCounts(conferenceId: string, now = new Date()) {
  const [failed, stuck] = await Promise.all([
    prisma.outboxMessage.count({ where: { conferenceId, status: "FAILED" } }),
    prisma.outboxMessage.count({ where: { conferenceId, ...stuckWhere(now) } }),
  ]);
  return { failed, stuck };
}

/**
 * "Gửi lại các thư lỗi": every failed and stuck message of the conference back in the queue, in one
 * transaction with one audit record of how many. Returns that number.
 */
export async function requeueFailed(actor: AuditActor, conferenceId: string, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const failed = await tx.outboxMessage.count({ where: { conferenceId, status: "FAILED" } });
    const { count } = await tx.outboxMessage.updateMany({
      where: { conferenceId, OR: [{ status: "FAILED" }, stuckWhere(now)] },
      data: due(now),
    });
    if (count === 0) return 0;
    await recordAudit(tx, actor, {
      action: "message.requeue-failed",
      entity: "Conference",
      entityId: conferenceId,
      summary: `Gửi lại ${count} thư lỗi hoặc bị treo`,
      before: { failed, stuck: Math.max(0, count - failed) },
      after: { requeued: count },
      conferenceId,
    });
    return count;
  });
}
