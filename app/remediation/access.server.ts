import {
  forbidden,
  notFound,
  REMEDIATION_PLAN_SCOPE,
  remediationPlanFor,
  type RemediationAccess,
} from "#app/auth/guard.server.ts";
import { can, type Capability } from "#app/auth/policy.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";

// Who reaches a remediation plan. The guard relates users to a plan through the round's organisation
// (always) and the assessed unit's organisation (published rounds only). One more relation is needed
// here: an action may be assigned to an organisation or person *below* the unit (seed 003: Phòng Nội
// vụ huyện Tánh Linh owns the actions of UBND huyện Tánh Linh's plan) or elsewhere in the round's
// subtree, and PRODUCT.md has owners update their actions. Such an owner reaches the plan with at most
// "remediation.view" and "remediation.update", and only once the round is published: before that
// the plan carries unpublished scores.

const OWNER_CAPABILITIES: readonly Capability[] = ["remediation.view", "remediation.update"];

/** Actions the user owns, as a Prisma filter (see owner.ts for the same rule in memory). */
export function ownedActionsWhere(
  user: Pick<CurrentUser, "id" | "organizationId">,
): Prisma.RemediationActionWhereInput {
  return { OR: [{ ownerUserId: user.id }, { ownerOrganizationId: user.organizationId }] };
}

/**
 * The plan if the user holds `capability` on it: the guard's answer, widened to the owners of its
 * actions. 404 when unrelated (or a draft round's plan seen from the unit), 403 when the role is weaker.
 * Row-level rules (which action) are in remediation-owner.ts.
 */
export async function remediationAccess(
  user: CurrentUser,
  planId: string | undefined,
  capability: Capability,
): Promise<RemediationAccess> {
  try {
    return await remediationPlanFor(user, planId, capability);
  } catch (error) {
    if (!(error instanceof Response) || error.status !== 404 || !planId) throw error;
    const owned = await prisma.remediationAction.findFirst({
      where: { planId, plan: { roundUnit: { round: { status: "PUBLISHED" } } }, ...ownedActionsWhere(user) },
      select: {
        plan: { select: REMEDIATION_PLAN_SCOPE },
      },
    });
    if (!owned) throw error;
    const capabilities = new Set(OWNER_CAPABILITIES.filter((c) => can(user.roles, c)));
    if (!capabilities.has(capability)) {
      if (capabilities.size === 0) throw error;
      forbidden();
    }
    const { roundUnit } = owned.plan;
    return {
      user,
      plan: {
        id: owned.plan.id,
        roundUnitId: roundUnit.id,
        unitOrganizationId: roundUnit.organizationId,
        roundId: roundUnit.round.id,
        roundOrganizationId: roundUnit.round.organizationId,
        roundStatus: roundUnit.round.status,
      },
      capabilities,
    };
  }
}

/** A further capability on a plan already reached (an action intent after the body was read): 403. */
export function requirePlanCapability(access: RemediationAccess, capability: Capability): void {
  if (!access.capabilities.has(capability)) forbidden();
}

/** The plans `remediationAccess(user, id, "remediation.view")` would let through, as a filter for lists. */
export function viewablePlansWhere(user: CurrentUser): Prisma.RemediationPlanWhereInput {
  if (!can(user.roles, "remediation.view")) return { id: { in: [] } };
  const visible = user.visibleOrganizationIds;
  return {
    OR: [
      { roundUnit: { round: { organizationId: { in: visible } } } },
      { roundUnit: { organizationId: { in: visible }, round: { status: "PUBLISHED" } } },
      { roundUnit: { round: { status: "PUBLISHED" } }, actions: { some: ownedActionsWhere(user) } },
    ],
  };
}

export interface PlanCreationAccess {
  user: CurrentUser;
  unit: { id: string; organizationId: string; round: { id: string; organizationId: string; status: string } };
}

/**
 * Who may open a remediation plan for an assessed unit: "remediation.manage" (Nội vụ, ADMIN) of the
 * round's organisation at any time, since they follow every unit's plan and may prepare it before
 * publishing; or of the assessed unit itself once the round is published, because the plans of seeds
 * 002 and 004 are written by the assessed commune or city for itself. The unit's other roles read and
 * report; a draft round is invisible to the unit (404), as its scores are.
 */
export async function planCreationAccess(user: CurrentUser, roundUnitId: string): Promise<PlanCreationAccess> {
  const unit = await prisma.roundUnit.findUnique({
    where: { id: roundUnitId },
    select: { id: true, organizationId: true, round: { select: { id: true, organizationId: true, status: true } } },
  });
  if (!unit) notFound("Không tìm thấy đơn vị được đánh giá này.");
  const visible = user.visibleOrganizationIds;
  const related =
    visible.includes(unit.round.organizationId) ||
    (unit.round.status === "PUBLISHED" && visible.includes(unit.organizationId));
  if (!related) notFound("Không tìm thấy đơn vị được đánh giá này.");
  if (!can(user.roles, "remediation.manage"))
    forbidden("Chỉ Nội vụ hoặc quản trị viên mới lập được kế hoạch khắc phục.");
  return { user, unit };
}

/**
 * Organisations whose people may be put in charge of an action: the round's organisation and
 * everything below it, and the assessed unit with everything below it. Nobody from another
 * province is ever stored as an owner.
 */
export async function ownerScope(plan: {
  roundOrganizationId: string;
  unitOrganizationId: string;
}): Promise<Set<string>> {
  const [round, unit] = await Promise.all([
    organizationScope(plan.roundOrganizationId, true),
    organizationScope(plan.unitOrganizationId, true),
  ]);
  return new Set([...round, ...unit]);
}
