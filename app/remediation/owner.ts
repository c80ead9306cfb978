import type { Capability } from "#app/auth/policy.ts";

// The row-level half of remediation access. The guard (remediationPlanFor) says what a user's role
// allows on a plan; these rules say which *actions* of that plan the user may change. PRODUCT.md:
// "Remediation actions are updated by their owner (person or organisation's designated users) and by
// Nội vụ". Nội vụ holds "remediation.manage"; the owner's designated users hold "remediation.update"
// (OFFICE, HOME_AFFAIRS, ADMIN of the owner organisation), so a VIEWER never writes.

export interface ActionOwner {
  ownerUserId: string | null;
  ownerOrganizationId: string | null;
}

interface Person {
  id: string;
  organizationId: string;
}

/** The user is the action's person in charge, or a member of its lead organisation. */
export function ownsAction(user: Person, action: ActionOwner): boolean {
  if (action.ownerUserId !== null && action.ownerUserId === user.id) return true;
  return action.ownerOrganizationId !== null && action.ownerOrganizationId === user.organizationId;
}

/** Status, solution, evidence of one action: Nội vụ, or its owner with the update capability. */
export function mayUpdateAction(capabilities: ReadonlySet<Capability>, user: Person, action: ActionOwner): boolean {
  if (capabilities.has("remediation.manage")) return true;
  return capabilities.has("remediation.update") && ownsAction(user, action);
}

/**
 * The plan's progress report covers all its actions, so it is written by Nội vụ or by a user who owns
 * at least one of them (a report is the owners' account of their work, not a reader's comment).
 */
export function mayWriteReport(
  capabilities: ReadonlySet<Capability>,
  user: Person,
  actions: readonly ActionOwner[],
): boolean {
  if (capabilities.has("remediation.manage")) return true;
  return capabilities.has("remediation.update") && actions.some((a) => ownsAction(user, a));
}

/** Who is in charge and by when is an assignment: only Nội vụ changes it, owners report the work. */
export function mayAssignAction(capabilities: ReadonlySet<Capability>): boolean {
  return capabilities.has("remediation.manage");
}
