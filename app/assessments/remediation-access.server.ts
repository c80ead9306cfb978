import type { CurrentUser } from "../auth/session.server.ts";
import { prisma } from "../db.server.ts";
import { canManageScoring } from "./access.ts";

export function notFoundPlan(): never {
  throw new Response("Không tìm thấy kế hoạch khắc phục này.", { status: 404 });
}

/** Plans the user may see: of units in their scope, or of rounds their organisation runs. */
export function visiblePlansWhere(user: CurrentUser) {
  return {
    OR: [
      { roundUnit: { organizationId: { in: user.visibleOrganizationIds } } },
      { roundUnit: { round: { organizationId: { in: user.visibleOrganizationIds } } } },
    ],
  };
}

export async function planFor(user: CurrentUser, planId: string) {
  const plan = await prisma.remediationPlan.findFirst({
    where: { id: planId, ...visiblePlansWhere(user) },
    select: {
      id: true,
      title: true,
      reportingPeriod: true,
      roundUnit: {
        select: {
          id: true,
          organizationId: true,
          organization: { select: { name: true } },
          round: { select: { id: true, title: true, year: true, organizationId: true } },
        },
      },
    },
  });
  if (!plan) notFoundPlan();
  const manager = canManageScoring(user, plan.roundUnit.round.organizationId) || user.visibleOrganizationIds.includes(plan.roundUnit.organizationId) && user.roles.some((r) => r === "ADMIN" || r === "HOME_AFFAIRS" || r === "OFFICE");
  return { plan, manager };
}

/** Owners update their own actions; managers update any. */
export function canUpdateAction(user: CurrentUser, manager: boolean, action: { ownerOrganizationId: string | null; ownerUserId: string | null }) {
  return manager || action.ownerUserId === user.id || (action.ownerOrganizationId !== null && action.ownerOrganizationId === user.organizationId);
}
