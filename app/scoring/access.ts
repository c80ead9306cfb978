import { can } from "#app/auth/policy.ts";
import type { Role } from "#app/auth/roles.ts";

// Scoring rules over the user's identity, spelled through the one policy table (app/auth/policy.ts).

interface Actor {
  organizationId: string;
  roles: readonly Role[];
  visibleOrganizationIds: readonly string[];
}

/** Whether the user may manage the frameworks and rounds of an organisation (its Nội vụ, or an ADMIN above it). */
export function canManageScoring(user: Actor, ownerOrganizationId: string): boolean {
  return user.visibleOrganizationIds.includes(ownerOrganizationId) && can(user.roles, "scoring.manage");
}
