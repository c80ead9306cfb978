import { parseWithZod } from "@conform-to/zod/v4";
import { diffFields, recordAudit, userActor, type AuditEntry } from "#app/database/audit.server.ts";
import { forbidden, notFound, type RemediationAccess } from "#app/auth/guard.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/db.server.ts";
import { formatDate, fromLocalDateValue, toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";
import type { UnitAppendices } from "#app/scoring/index.ts";
import { checkEvidence, reportingPeriods } from "#app/assessments/evidence.ts";
import { readEvidence, removeEvidence, storeEvidence } from "#app/assessments/evidence-store.server.ts";
import {
  ownerScope,
  remediationAccess,
  requirePlanCapability,
  viewablePlansWhere,
  type PlanCreationAccess,
} from "#app/assessments/remediation-access.server.ts";
import {
  ACTION_STATUS_LABEL,
  deleteEvidenceSchema,
  deletePlanSchema,
  editPlanSchema,
  isRemediationIntent,
  REMEDIATION_INTENTS,
  REPORTING_PERIOD_LABEL,
  reportSchema,
  updateActionSchema,
  uploadEvidenceSchema,
  type RemediationIntent,
  type RemediationOutcome,
} from "#app/assessments/remediation-forms.ts";
import {
  mayAssignAction,
  mayUpdateAction,
  mayWriteReport,
  type ActionOwner,
} from "#app/assessments/remediation-owner.ts";

// Remediation plans (kế hoạch khắc phục): listing, the plan page, and one named function per write.
// Every write checks its capability and row-level rule, and records its AuditEvent row in the same
// transaction as the change, so the trail and the data never disagree.

const NOT_FOUND_ACTION = "Không tìm thấy nhiệm vụ khắc phục.";
const ONLY_OWNERS = "Chỉ Nội vụ hoặc đơn vị, người được giao nhiệm vụ này mới cập nhật được.";

/** Where an audit row of this plan belongs: its round, and the assessed unit's organisation. */
function auditScope(access: RemediationAccess): Pick<AuditEntry, "roundId" | "organizationId"> {
  return { roundId: access.plan.roundId, organizationId: access.plan.unitOrganizationId };
}

function invalid(intent: string, target: string, fieldErrors: Record<string, string[]>): RemediationOutcome {
  return { ok: false, intent, target, fieldErrors };
}

function fieldErrorsOf(error: Record<string, string[] | null> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error ?? {})) if (messages?.length) out[field || "form"] = messages;
  return out;
}

/** "2024-Q2" → "Quý II/2024", "2024-05" → "Tháng 5/2024". */
export function periodLabel(period: string): string {
  const [year, part] = period.split("-");
  if (part?.startsWith("Q")) return `Quý ${["I", "II", "III", "IV"][Number(part.slice(1)) - 1] ?? part}/${year}`;
  return `Tháng ${Number(part)}/${year}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The plans the user may read, with progress figures, newest first. */
export async function listRemediationPlans(user: CurrentUser, now = new Date()) {
  const plans = await prisma.remediationPlan.findMany({
    where: viewablePlansWhere(user),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      roundUnit: {
        select: { organization: { select: { name: true } }, round: { select: { title: true, year: true } } },
      },
      actions: { select: { status: true, deadline: true } },
      _count: { select: { reports: true } },
    },
  });
  return plans.map((p) => {
    const total = p.actions.length;
    const done = p.actions.filter((a) => a.status === "DONE").length;
    return {
      id: p.id,
      title: p.title,
      unit: p.roundUnit.organization.name,
      round: p.roundUnit.round.title,
      total,
      done,
      inProgress: p.actions.filter((a) => a.status === "IN_PROGRESS").length,
      overdue: p.actions.filter((a) => a.deadline && a.deadline < now && a.status !== "DONE").length,
      pct: total ? (done / total) * 100 : 0,
      reports: p._count.reports,
    };
  });
}

/** Everything the plan page shows, with what this user may change on it. */
export async function remediationPlanPage(access: RemediationAccess, now = new Date()) {
  const { user, capabilities } = access;
  const assign = mayAssignAction(capabilities);
  const [plan, actions, reports] = await Promise.all([
    prisma.remediationPlan.findUniqueOrThrow({
      where: { id: access.plan.id },
      select: {
        id: true,
        title: true,
        reportingPeriod: true,
        roundUnit: {
          select: {
            organization: { select: { name: true } },
            round: { select: { id: true, title: true, year: true } },
          },
        },
      },
    }),
    prisma.remediationAction.findMany({
      where: { planId: access.plan.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        code: true,
        title: true,
        pointsLost: true,
        ownerOrganizationId: true,
        ownerOrganization: { select: { name: true } },
        ownerUserId: true,
        ownerUser: { select: { name: true } },
        solution: true,
        deadline: true,
        status: true,
        evidence: { select: { id: true, fileName: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    }),
    prisma.progressReport.findMany({
      where: { planId: access.plan.id },
      orderBy: { period: "asc" },
      select: { id: true, period: true, content: true, createdAt: true },
    }),
  ]);
  // The assignment lists are offered to Nội vụ only: the unit and its sub-organisations, and the
  // round's organisation (all inside ownerScope, which the server checks again on save).
  let organizations: Array<{ id: string; name: string }> = [];
  let people: Array<{ id: string; name: string; position: string | null }> = [];
  if (assign) {
    const offered = [
      ...new Set([...(await organizationScope(access.plan.unitOrganizationId, true)), access.plan.roundOrganizationId]),
    ];
    // Current owners are always offered, even from elsewhere in the round's subtree or no longer
    // active: a select without its stored value would silently unassign the action on the next save.
    const currentOrgs = actions.flatMap((a) => (a.ownerOrganizationId ? [a.ownerOrganizationId] : []));
    const currentPeople = actions.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : []));
    [organizations, people] = await Promise.all([
      prisma.organization.findMany({
        where: { id: { in: [...offered, ...currentOrgs] } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      }),
      prisma.user.findMany({
        where: { OR: [{ organizationId: { in: offered }, active: true }, { id: { in: currentPeople } }] },
        orderBy: { name: "asc" },
        select: { id: true, name: true, position: true },
      }),
    ]);
  }
  const periods = reportingPeriods(plan.reportingPeriod, plan.roundUnit.round.year + 1);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      reportingPeriod: plan.reportingPeriod,
      unit: plan.roundUnit.organization.name,
      round: plan.roundUnit.round,
    },
    manager: assign,
    canReport: mayWriteReport(capabilities, user, actions),
    actions: actions.map(({ ownerOrganization, ownerUser, ...a }) => ({
      ...a,
      ownerOrganizationName: ownerOrganization?.name ?? null,
      ownerUserName: ownerUser?.name ?? null,
      deadlineValue: toLocalDateValue(a.deadline),
      deadlineText: a.deadline ? formatDate(a.deadline) : null,
      overdue: !!a.deadline && a.deadline < now && a.status !== "DONE",
      editable: mayUpdateAction(capabilities, user, a),
    })),
    counts: {
      total: actions.length,
      done: actions.filter((a) => a.status === "DONE").length,
      overdue: actions.filter((a) => a.deadline && a.deadline < now && a.status !== "DONE").length,
    },
    reports: reports.map((r) => ({
      ...r,
      label: periods.find((p) => p.value === r.period)?.label ?? periodLabel(r.period),
    })),
    periods,
    organizations,
    people,
  };
}

/** An evidence file for download: only for those who may read its plan (404 for everyone else). */
export async function evidenceForDownload(user: CurrentUser, fileId: string | undefined) {
  const file = fileId
    ? await prisma.evidenceFile.findUnique({
        where: { id: fileId },
        select: { fileName: true, mimeType: true, storagePath: true, action: { select: { planId: true } } },
      })
    : null;
  if (!file) notFound("Không tìm thấy tệp.");
  await remediationAccess(user, file.action.planId, "remediation.view");
  const data = await readEvidence(file.storagePath).catch((error: unknown) => {
    // A row whose file is gone (restored database, removed by hand) is a missing file, not a crash.
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") notFound("Không tìm thấy tệp.");
    throw error;
  });
  return { fileName: file.fileName, mimeType: file.mimeType, data };
}

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

// Files are removed after their rows are committed: a file left behind by a failed removal is only
// unused disk space, while answering 500 after a committed deletion would tell the user it failed.
async function removeFiles(paths: string[]): Promise<void> {
  for (const p of paths) await removeEvidence(p).catch(() => undefined);
}

async function uploadedFile(value: FormDataEntryValue | null): Promise<{ name: string; data: Uint8Array } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, data: new Uint8Array(await value.arrayBuffer()) };
}

/** A checked evidence file for one action. The file is written first and removed again if the rows are not. */
export async function uploadEvidence(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const submission = parseWithZod(form, { schema: uploadEvidenceSchema });
  if (submission.status !== "success") return invalid("upload-evidence", "", fieldErrorsOf(submission.reply().error));
  const { actionId } = submission.value;
  const action = await prisma.remediationAction.findFirst({
    where: { id: actionId, planId: access.plan.id },
    select: { id: true, code: true, ownerOrganizationId: true, ownerUserId: true },
  });
  if (!action) notFound(NOT_FOUND_ACTION);
  if (!mayUpdateAction(access.capabilities, access.user, action)) forbidden(ONLY_OWNERS);
  const file = await uploadedFile(form.get("file"));
  if (!file) return invalid("upload-evidence", actionId, { file: ["Chọn tệp tài liệu kiểm chứng"] });
  const checked = checkEvidence(file.name, file.data);
  if (!checked.ok) return invalid("upload-evidence", actionId, { file: [checked.error] });
  const storagePath = await storeEvidence(file.data, file.name);
  try {
    await prisma.$transaction(async (tx) => {
      const after = { actionId, fileName: file.name.slice(0, 200), mimeType: checked.mime, size: file.data.length };
      const row = await tx.evidenceFile.create({
        data: { ...after, storagePath, uploadedById: access.user.id },
        select: { id: true },
      });
      await recordAudit(tx, userActor(access.user), {
        action: "evidenceFile.create",
        entity: "EvidenceFile",
        entityId: row.id,
        summary: `Tải lên tài liệu kiểm chứng “${after.fileName}” cho nhiệm vụ khắc phục ${action.code}`,
        before: null,
        after,
        ...auditScope(access),
      });
    });
  } catch (error) {
    await removeEvidence(storagePath);
    throw error;
  }
  return { ok: true, intent: "upload-evidence" };
}

/** Removes one evidence file of an action (same people as upload). */
export async function deleteEvidence(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const submission = parseWithZod(form, { schema: deleteEvidenceSchema });
  if (submission.status !== "success") return invalid("delete-evidence", "", fieldErrorsOf(submission.reply().error));
  const file = await prisma.evidenceFile.findFirst({
    where: { id: submission.value.fileId, action: { planId: access.plan.id } },
    select: {
      id: true,
      actionId: true,
      fileName: true,
      mimeType: true,
      size: true,
      storagePath: true,
      action: { select: { code: true, ownerOrganizationId: true, ownerUserId: true } },
    },
  });
  if (!file) notFound("Không tìm thấy tệp.");
  if (!mayUpdateAction(access.capabilities, access.user, file.action)) forbidden(ONLY_OWNERS);
  await prisma.$transaction(async (tx) => {
    await tx.evidenceFile.delete({ where: { id: file.id }, select: { id: true } });
    await recordAudit(tx, userActor(access.user), {
      action: "evidenceFile.delete",
      entity: "EvidenceFile",
      entityId: file.id,
      summary: `Xóa tài liệu kiểm chứng “${file.fileName}” của nhiệm vụ khắc phục ${file.action.code}`,
      before: { actionId: file.actionId, fileName: file.fileName, mimeType: file.mimeType, size: file.size },
      after: null,
      ...auditScope(access),
    });
  });
  await removeFiles([file.storagePath]);
  return { ok: true, intent: "delete-evidence" };
}
