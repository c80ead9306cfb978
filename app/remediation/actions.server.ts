import { parseWithZod } from "@conform-to/zod/v4";
import { diffFields, recordAudit, userActor } from "#app/database/audit.server.ts";
import { forbidden, notFound, type RemediationAccess } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { fromLocalDateValue, toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { ownerScope, requirePlanCapability } from "#app/remediation/access.server.ts";
import {
  ACTION_STATUS_LABEL,
  reportSchema,
  updateActionSchema,
  type RemediationOutcome,
} from "#app/remediation/forms.ts";
import { mayAssignAction, mayUpdateAction, mayWriteReport, type ActionOwner } from "#app/remediation/owner.ts";
import {
  NOT_FOUND_ACTION,
  ONLY_OWNERS,
  auditScope,
  invalid,
  fieldErrorsOf,
  periodLabel,
} from "#app/remediation/shared.server.ts";

// The plan page's writes on one remediation action (owner, deadline, status, solution) and its progress
// reports. Each checks its capability and owner rule and records its AuditEvent in the same transaction.

const actionSelect = {
  id: true,
  code: true,
  ownerOrganizationId: true,
  ownerUserId: true,
  solution: true,
  deadline: true,
  status: true,
} as const;

/** Owners in scope: a field error per owner field that points outside the round and the unit. */
async function ownerErrors(
  access: RemediationAccess,
  next: ActionOwner,
  current: ActionOwner,
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  if (!next.ownerOrganizationId && !next.ownerUserId) return errors;
  const scope = await ownerScope(access.plan);
  if (next.ownerOrganizationId && !scope.has(next.ownerOrganizationId)) {
    errors.ownerOrganizationId = [
      "Đơn vị chủ trì phải là cơ quan tổ chức đánh giá hoặc đơn vị được đánh giá (kể cả đơn vị trực thuộc).",
    ];
  }
  if (next.ownerUserId) {
    const person = await prisma.user.findUnique({
      where: { id: next.ownerUserId },
      select: { organizationId: true, active: true },
    });
    // An owner whose account was since locked may stay; nobody inactive is newly put in charge.
    const activeEnough = person?.active || next.ownerUserId === current.ownerUserId;
    if (!person || !activeEnough || !scope.has(person.organizationId)) {
      errors.ownerUserId = [
        "Người phụ trách phải là cán bộ của cơ quan tổ chức đánh giá hoặc của đơn vị được đánh giá (kể cả đơn vị trực thuộc).",
      ];
    }
  }
  return errors;
}

/**
 * One action: status and solution by Nội vụ or the action's owner; lead organisation, person in charge
 * and deadline by Nội vụ only. A change of status is recorded as such ("remediationAction.status").
 */
export async function updateRemediationAction(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const submission = parseWithZod(form, { schema: updateActionSchema });
  if (submission.status !== "success")
    return invalid("update-action", String(form.get("actionId") ?? ""), fieldErrorsOf(submission.reply().error));
  const v = submission.value;
  const current = await prisma.remediationAction.findFirst({
    where: { id: v.actionId, planId: access.plan.id },
    select: actionSelect,
  });
  if (!current) notFound(NOT_FOUND_ACTION);
  if (!mayUpdateAction(access.capabilities, access.user, current)) forbidden(ONLY_OWNERS);
  const assign = mayAssignAction(access.capabilities);
  // Conform turns an empty field into undefined: for Nội vụ (whose form always sends these fields) that
  // means "not assigned" / "no deadline"; for an owner, whose form does not send them, "unchanged".
  const requested = {
    ownerOrganizationId: v.ownerOrganizationId ?? null,
    ownerUserId: v.ownerUserId ?? null,
    deadline: v.deadline ? fromLocalDateValue(v.deadline) : null,
  };
  if (!assign) {
    const reassigns =
      (v.ownerOrganizationId !== undefined && v.ownerOrganizationId !== current.ownerOrganizationId) ||
      (v.ownerUserId !== undefined && v.ownerUserId !== current.ownerUserId) ||
      (v.deadline !== undefined && v.deadline !== toLocalDateValue(current.deadline));
    if (reassigns) forbidden("Chỉ Nội vụ mới giao lại đơn vị chủ trì, người phụ trách hoặc đổi thời hạn của nhiệm vụ.");
  } else {
    const errors = await ownerErrors(access, requested, current);
    if (Object.keys(errors).length) return invalid("update-action", v.actionId, errors);
  }
  const next = {
    ownerOrganizationId: assign ? requested.ownerOrganizationId : current.ownerOrganizationId,
    ownerUserId: assign ? requested.ownerUserId : current.ownerUserId,
    deadline: assign ? requested.deadline : current.deadline,
    solution: v.solution,
    status: v.status,
  };
  await prisma.$transaction(async (tx) => {
    // Read again inside the transaction so that "before" is what this write replaced.
    const row = await tx.remediationAction.findUniqueOrThrow({ where: { id: current.id }, select: actionSelect });
    if (!mayUpdateAction(access.capabilities, access.user, row)) forbidden(ONLY_OWNERS);
    const { id, code, ...before } = row;
    if (diffFields(before, next).length === 0) return;
    await tx.remediationAction.update({ where: { id }, data: next, select: { id: true } });
    const statusChanged = before.status !== next.status;
    await recordAudit(tx, userActor(access.user), {
      action: statusChanged ? "remediationAction.status" : "remediationAction.update",
      entity: "RemediationAction",
      entityId: id,
      summary: statusChanged
        ? `Nhiệm vụ khắc phục ${code}: ${ACTION_STATUS_LABEL[before.status]} → ${ACTION_STATUS_LABEL[next.status]}`
        : `Cập nhật nhiệm vụ khắc phục ${code}`,
      before,
      after: next,
      ...auditScope(access),
    });
  });
  return { ok: true, intent: "update-action" };
}

/** The progress report of one period (one per period: a second write replaces it, recorded before → after). */
export async function writeProgressReport(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const owners = await prisma.remediationAction.findMany({
    where: { planId: access.plan.id },
    select: { ownerUserId: true, ownerOrganizationId: true },
  });
  if (!mayWriteReport(access.capabilities, access.user, owners))
    forbidden("Chỉ Nội vụ hoặc đơn vị, người được giao nhiệm vụ của kế hoạch mới gửi được báo cáo tiến độ.");
  const submission = parseWithZod(form, { schema: reportSchema });
  if (submission.status !== "success") return invalid("report", "", fieldErrorsOf(submission.reply().error));
  const v = submission.value;
  await prisma.$transaction(async (tx) => {
    const existing = await tx.progressReport.findUnique({
      where: { planId_period: { planId: access.plan.id, period: v.period } },
      select: { id: true, content: true },
    });
    if (existing?.content === v.content) return;
    const saved = await tx.progressReport.upsert({
      where: { planId_period: { planId: access.plan.id, period: v.period } },
      create: { planId: access.plan.id, period: v.period, content: v.content, createdById: access.user.id },
      update: { content: v.content, createdById: access.user.id },
      select: { id: true },
    });
    await recordAudit(tx, userActor(access.user), {
      action: existing ? "progressReport.update" : "progressReport.create",
      entity: "ProgressReport",
      entityId: saved.id,
      summary: `${existing ? "Sửa báo cáo" : "Báo cáo"} tiến độ kỳ ${periodLabel(v.period)}`,
      before: existing ? { period: v.period, content: existing.content } : null,
      after: { period: v.period, content: v.content },
      ...auditScope(access),
    });
  });
  return { ok: true, intent: "report" };
}
