import type { Role } from "../plans/vocabulary.ts";

// Who may do what with scoring data; plain functions over the user's identity.

interface Actor {
  organizationId: string;
  roles: readonly Role[];
  visibleOrganizationIds: readonly string[];
}

/** HOME_AFFAIRS of the owning organisation, or an ADMIN whose scope includes it. */
export function canManageScoring(user: Actor, ownerOrganizationId: string): boolean {
  if (user.roles.includes("ADMIN")) return user.visibleOrganizationIds.includes(ownerOrganizationId);
  return user.roles.includes("HOME_AFFAIRS") && user.organizationId === ownerOrganizationId;
}

/** Organisers see the whole round; assessed units see it once published. */
export function canViewRound(user: Actor, round: { organizationId: string; status: string }, unitOrganizationIds: readonly string[]): boolean {
  if (user.visibleOrganizationIds.includes(round.organizationId)) return true;
  return round.status === "PUBLISHED" && unitOrganizationIds.some((id) => user.visibleOrganizationIds.includes(id));
}
