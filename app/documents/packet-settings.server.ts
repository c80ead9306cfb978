// The presentation packet's settings: which scoring round it presents.

import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";

export async function setPacketRound(actor: AuditActor, conferenceId: string, roundId: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: { scoringRound: { select: { title: true } } },
    });
    const after = await tx.conference.update({
      where: { id: conferenceId },
      data: { scoringRoundId: roundId },
      select: { scoringRound: { select: { title: true } } },
    });
    await recordAudit(tx, actor, {
      action: "plan.packet-round",
      entity: "Conference",
      entityId: conferenceId,
      summary: after.scoringRound
        ? `Bộ tài liệu trình bày kết quả “${after.scoringRound.title}”`
        : "Bộ tài liệu bỏ chọn đợt đánh giá",
      before: { scoringRound: before.scoringRound?.title ?? "" },
      after: { scoringRound: after.scoringRound?.title ?? "" },
      conferenceId,
    });
  });
}
