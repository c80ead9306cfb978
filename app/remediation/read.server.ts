import { notFound, type RemediationAccess } from "#app/auth/guard.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { formatDate, toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";
import { reportingPeriods } from "#app/files/accepted-files.ts";
import { readEvidence } from "#app/files/file-store.server.ts";
import { remediationAccess, viewablePlansWhere } from "#app/remediation/access.server.ts";
import { mayAssignAction, mayUpdateAction, mayWriteReport } from "#app/remediation/owner.ts";
import { periodLabel } from "#app/remediation/shared.server.ts";

// Remediation plans (kế hoạch khắc phục) as read: the list, the plan page and an evidence file.

/** The plans the user may read, with progress figures, newest first. */
export async function listRemediationPlans(user: CurrentUser, now = new Date()) {
  const plans = await prisma.remediationPlan.findMany({
    where: viewablePlansWhere(user),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      roundUnit: {
        select: {
          organization: { select: { name: true } },
          round: { select: { id: true, title: true, year: true } },
        },
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
      roundId: p.roundUnit.round.id,
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
