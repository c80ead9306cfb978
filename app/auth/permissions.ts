import type { Role } from "../plans/vocabulary.ts";

// Who may do what, independent of Remix and Prisma.

export const PLAN_EDITOR_ROLES: readonly Role[] = ["ADMIN", "OFFICE", "HOME_AFFAIRS"];

export function hasRole(roles: readonly Role[], ...wanted: Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

export function canEditPlans(roles: readonly Role[]): boolean {
  return hasRole(roles, ...PLAN_EDITOR_ROLES);
}

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes("ADMIN");
}
