// Creating a scoring round and publishing its results, each with its audit record.

import { canManageScoring } from "#app/scoring/access.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { recordAudit, userActor, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";

export interface NewRound {
  title: string;
  year: number;
  organizationId: string;
  frameworkId: string | null;
  previousRoundId: string | null;
  unitIds: string[];
}

export async function createRound(actor: AuditActor, v: NewRound): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const round = await tx.assessmentRound.create({
      data: {
        title: v.title,
        year: v.year,
        organizationId: v.organizationId,
        frameworkId: v.frameworkId,
        shape: v.frameworkId ? "DETAILED" : "SUMMARY",
        previousRoundId: v.previousRoundId,
        units: { create: [...new Set(v.unitIds)].map((organizationId) => ({ organizationId })) },
      },
      select: {
        id: true,
        title: true,
        year: true,
        shape: true,
        status: true,
        organization: { select: { name: true } },
        framework: { select: { name: true } },
        previousRound: { select: { title: true } },
        units: { select: { organization: { select: { name: true } } } },
      },
    });
    await recordAudit(tx, actor, {
      action: "round.create",
      entity: "AssessmentRound",
      entityId: round.id,
      summary: `Tạo đợt đánh giá “${round.title}” với ${round.units.length} đơn vị`,
      after: {
        title: round.title,
        year: round.year,
        organization: round.organization.name,
        status: round.status,
        shape: round.shape,
        framework: round.framework?.name ?? "",
        previousRound: round.previousRound?.title ?? "",
        units: round.units.map((u) => u.organization.name).sort((a, b) => a.localeCompare(b, "vi")),
      },
      roundId: round.id,
      organizationId: v.organizationId,
    });
    return round.id;
  });
}

/** Publishes (the assessed units then see their results) or withdraws a round's results. */
export async function setRoundStatus(actor: AuditActor, roundId: string, status: "DRAFT" | "PUBLISHED"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.assessmentRound.findUniqueOrThrow({
      where: { id: roundId },
      select: { status: true, title: true, organizationId: true },
    });
    await tx.assessmentRound.update({ where: { id: roundId }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "PUBLISHED" ? "round.publish" : "round.unpublish",
      entity: "AssessmentRound",
      entityId: roundId,
      summary:
        status === "PUBLISHED"
          ? `Công bố kết quả “${before.title}”`
          : `Hủy công bố kết quả “${before.title}”, đưa về dự thảo`,
      before: { status: before.status },
      after: { status },
      roundId,
      organizationId: before.organizationId,
    });
  });
}

/**
 * The new-round form, checked against the user's reach: the organisation must be one whose scoring they
 * manage, every unit and the framework and previous round within their organisations. Refusals come
 * back as messages on their fields.
 */
export async function createRoundAs(
  user: CurrentUser,
  v: Omit<NewRound, "frameworkId" | "previousRoundId"> & { frameworkId?: string; previousRoundId?: string },
): Promise<{ ok: true; roundId: string } | { ok: false; fieldErrors: Record<string, string[]> }> {
  if (!canManageScoring(user, v.organizationId)) {
    return { ok: false, fieldErrors: { organizationId: ["Bạn không quản lý việc chấm điểm của cơ quan này"] } };
  }
  const foreign = v.unitIds.filter((id) => !user.visibleOrganizationIds.includes(id));
  if (foreign.length) return { ok: false, fieldErrors: { unitIds: ["Có đơn vị không thuộc phạm vi của bạn"] } };
  const framework = v.frameworkId
    ? await prisma.indexFramework.findFirst({
        where: { id: v.frameworkId, organizationId: { in: user.visibleOrganizationIds } },
        select: { id: true },
      })
    : null;
  if (v.frameworkId && !framework) return { ok: false, fieldErrors: { frameworkId: ["Không tìm thấy bộ chỉ số"] } };
  const previous = v.previousRoundId
    ? await prisma.assessmentRound.findFirst({
        where: { id: v.previousRoundId, organizationId: { in: user.visibleOrganizationIds } },
        select: { id: true },
      })
    : null;
  const roundId = await createRound(userActor(user), {
    title: v.title,
    year: v.year,
    organizationId: v.organizationId,
    frameworkId: framework?.id ?? null,
    previousRoundId: previous?.id ?? null,
    unitIds: v.unitIds,
  });
  return { ok: true, roundId };
}
