import { parseWithZod } from "@conform-to/zod/v4";
import { diffFields, recordAudit, userActor } from "#app/database/audit.server.ts";
import { type RemediationAccess } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { UnitAppendices } from "#app/scoring/index.ts";
import { requirePlanCapability, type PlanCreationAccess } from "#app/remediation/access.server.ts";
import {
  deletePlanSchema,
  editPlanSchema,
  isRemediationIntent,
  REMEDIATION_INTENTS,
  REPORTING_PERIOD_LABEL,
  type RemediationIntent,
  type RemediationOutcome,
} from "#app/remediation/forms.ts";
import { auditScope, invalid, fieldErrorsOf, removeFiles } from "#app/remediation/shared.server.ts";
import { updateRemediationAction, writeProgressReport } from "#app/remediation/actions.server.ts";
import { deleteEvidence, uploadEvidence } from "#app/remediation/evidence-files.server.ts";

// Remediation plans (kế hoạch khắc phục): creating one, and the plan page's intents
// (reading: read.server.ts; action and report writes: actions.server.ts; evidence:
// evidence-files.server.ts).
// Every write checks its capability and row-level rule, and records its AuditEvent row in the same
// transaction as the change, so the trail and the data never disagree.

// ---------------------------------------------------------------------------------------------
// Creating a plan

/**
 * A remediation plan whose actions are the criteria the unit lost points on (Phụ lục 2), each led by
 * the unit until Nội vụ assigns it. `access` comes from planCreationAccess.
 */
export async function createRemediationPlan(
  access: PlanCreationAccess,
  input: { title: string; appendices: UnitAppendices; nodeIds: Map<string, string> },
): Promise<string> {
  const actor = userActor(access.user);
  const scope = { roundId: access.unit.round.id, organizationId: access.unit.organizationId };
  return prisma.$transaction(async (tx) => {
    const plan = await tx.remediationPlan.create({
      data: {
        roundUnitId: access.unit.id,
        title: input.title,
        createdById: access.user.id,
        actions: {
          create: input.appendices.lostPoints.map((item, position) => ({
            position,
            nodeId: input.nodeIds.get(item.code) ?? null,
            code: item.code,
            title: item.title,
            pointsLost: item.pointsLost,
            ownerOrganizationId: access.unit.organizationId,
          })),
        },
      },
      select: {
        id: true,
        title: true,
        reportingPeriod: true,
        actions: {
          orderBy: { position: "asc" },
          select: { id: true, code: true, title: true, pointsLost: true, ownerOrganizationId: true, status: true },
        },
      },
    });
    await recordAudit(tx, actor, {
      action: "remediationPlan.create",
      entity: "RemediationPlan",
      entityId: plan.id,
      summary: `Lập kế hoạch khắc phục “${plan.title}” (${plan.actions.length} nhiệm vụ)`,
      before: null,
      after: { title: plan.title, reportingPeriod: plan.reportingPeriod, roundUnitId: access.unit.id },
      ...scope,
    });
    for (const { id, ...a } of plan.actions) {
      await recordAudit(tx, actor, {
        action: "remediationAction.create",
        entity: "RemediationAction",
        entityId: id,
        summary: `Thêm nhiệm vụ khắc phục ${a.code}. ${a.title}`,
        before: null,
        after: { planId: plan.id, ...a },
        ...scope,
      });
    }
    return plan.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Action intents of the plan page

/** Runs one intent of the plan page after checking the capability it names (REMEDIATION_INTENTS). */
export async function runRemediationIntent(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  const intent = form.get("intent");
  if (!isRemediationIntent(intent)) return invalid(String(intent ?? ""), "", { intent: ["Thao tác không hợp lệ."] });
  requirePlanCapability(access, REMEDIATION_INTENTS[intent]);
  const handlers: Record<RemediationIntent, (a: RemediationAccess, f: FormData) => Promise<RemediationOutcome>> = {
    "edit-plan": editRemediationPlan,
    "delete-plan": deleteRemediationPlan,
    "update-action": updateRemediationAction,
    report: writeProgressReport,
    "upload-evidence": uploadEvidence,
    "delete-evidence": deleteEvidence,
  };
  return handlers[intent](access, form);
}

/** Title and reporting period of the plan (Nội vụ). */
export async function editRemediationPlan(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.manage");
  const submission = parseWithZod(form, { schema: editPlanSchema });
  if (submission.status !== "success") return invalid("edit-plan", "", fieldErrorsOf(submission.reply().error));
  const v = submission.value;
  await prisma.$transaction(async (tx) => {
    const before = await tx.remediationPlan.findUniqueOrThrow({
      where: { id: access.plan.id },
      select: { title: true, reportingPeriod: true },
    });
    const after = { title: v.title, reportingPeriod: v.reportingPeriod };
    if (diffFields(before, after).length === 0) return;
    await tx.remediationPlan.update({ where: { id: access.plan.id }, data: after, select: { id: true } });
    const summary =
      before.reportingPeriod !== after.reportingPeriod
        ? `Sửa kế hoạch khắc phục “${after.title}”: kỳ báo cáo ${REPORTING_PERIOD_LABEL[before.reportingPeriod].toLowerCase()} → ${REPORTING_PERIOD_LABEL[after.reportingPeriod].toLowerCase()}`
        : `Sửa kế hoạch khắc phục “${after.title}”`;
    await recordAudit(tx, userActor(access.user), {
      action: "remediationPlan.update",
      entity: "RemediationPlan",
      entityId: access.plan.id,
      summary,
      before,
      after,
      ...auditScope(access),
    });
  });
  return { ok: true, intent: "edit-plan" };
}

/** Deletes the plan with its actions, reports and evidence (Nội vụ). Files go once the rows are gone. */
export async function deleteRemediationPlan(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.manage");
  const submission = parseWithZod(form, { schema: deletePlanSchema });
  if (submission.status !== "success") return invalid("delete-plan", "", fieldErrorsOf(submission.reply().error));
  const paths = await prisma.$transaction(async (tx) => {
    const plan = await tx.remediationPlan.findUniqueOrThrow({
      where: { id: access.plan.id },
      select: {
        title: true,
        reportingPeriod: true,
        roundUnitId: true,
        actions: { select: { evidence: { select: { storagePath: true } } } },
        _count: { select: { reports: true } },
      },
    });
    const files = plan.actions.flatMap((a) => a.evidence.map((e) => e.storagePath));
    await tx.remediationPlan.delete({ where: { id: access.plan.id }, select: { id: true } });
    await recordAudit(tx, userActor(access.user), {
      action: "remediationPlan.delete",
      entity: "RemediationPlan",
      entityId: access.plan.id,
      summary: `Xóa kế hoạch khắc phục “${plan.title}” (${plan.actions.length} nhiệm vụ, ${plan._count.reports} báo cáo, ${files.length} tài liệu kiểm chứng)`,
      before: {
        title: plan.title,
        reportingPeriod: plan.reportingPeriod,
        roundUnitId: plan.roundUnitId,
        actions: plan.actions.length,
        reports: plan._count.reports,
        evidenceFiles: files.length,
      },
      after: null,
      ...auditScope(access),
    });
    return files;
  });
  await removeFiles(paths);
  return { ok: true, intent: "delete-plan" };
}
