import type { RoundAccess } from "#app/auth/guard.server.ts";
import type { AuditScope } from "#app/audit/query.server.ts";

/**
 * A round's log: everything for the organisers; for an assessed unit (a published round seen from
 * below) only the records about its own organisations, its score changes.
 */
export function roundAuditScope(access: RoundAccess): AuditScope {
  return access.asAssessedUnit
    ? { roundId: access.round.id, organizationIds: access.user.visibleOrganizationIds }
    : { roundId: access.round.id };
}
