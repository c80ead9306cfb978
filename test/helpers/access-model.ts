import { ROLE_CAPABILITIES, type Capability } from "#app/auth/policy.ts";
import type { Role } from "#app/auth/roles.ts";

// What a user may do with a record, written down independently of the app's guard: the relations of
// the issue (member of the record's organisation, IT support, bridge operator, assessed unit) decide
// which capabilities apply, and app/auth/policy.ts decides what each role holds. The expected answer
// follows: no relation at all → 404, related without the capability → 403, otherwise allowed.

export interface Actor {
  key: string;
  /** How the failure table names the actor. */
  label: string;
  userId: string | null;
  organizationId: string | null;
  parentOrganizationId: string | null;
  roles: Role[];
  /** The user's own organisation, and every organisation below it for an ADMIN. */
  visibleOrganizationIds: string[];
  /** `Cookie` header of a signed-in session; null for anonymous. */
  cookie: string | null;
}

/** The record a route reads or writes, as far as access is concerned. */
export type Target =
  /** A conference; `bridgeId` when the route is about one bridge point (its check-in list, its page). */
  | {
      kind: "conference";
      organizationId: string;
      bridgeHosts: ReadonlyMap<string, string | null>;
      /** A page of one bridge point: its operator holds the bridge capabilities there. */
      bridgeId?: string;
      /** A conference-wide page that a bridge operator may open, narrowed to their bridge points. */
      operatorNarrowed?: boolean;
    }
  | { kind: "round"; organizationId: string; published: boolean; unitOrganizationIds: readonly string[] }
  | { kind: "framework"; organizationId: string }
  | { kind: "plan"; roundOrganizationId: string; published: boolean; unitOrganizationId: string }
  /**
   * An organisation or a user of it (admin pages): the capability is one's own role (403 without it,
   * whatever the id), then the record must be in one's subtree (404 outside it).
   */
  | { kind: "organization"; organizationId: string }
  /** No record yet: a capability in one's own organisation (forms for new records, own reports). */
  | { kind: "own" }
  /** Lists filtered to what the user may see: every signed-in user. */
  | { kind: "signed-in" };

// What each relation other than membership grants (the relations; membership grants the roles).
const IT_SUPPORT_GRANTS: readonly Capability[] = ["bridges.support"];
/** For the bridge points the user's organisation hosts only; conference-wide pages narrow to them. */
const BRIDGE_OPERATOR_GRANTS: readonly Capability[] = ["bridges.operate", "attendance.take"];
/** A PUBLISHED round that assesses the user's organisation: its results and remediation. */
const ASSESSED_UNIT_GRANTS: readonly Capability[] = [
  "scoring.view",
  "remediation.view",
  "remediation.update",
  "remediation.manage",
  "audit.view",
];

function roleCapabilities(roles: readonly Role[]): Set<Capability> {
  return new Set(roles.flatMap((r) => ROLE_CAPABILITIES[r]));
}

const within = (caps: Iterable<Capability>, allowed: readonly Capability[]) =>
  [...caps].filter((c) => allowed.includes(c));

/** Whether the actor is related to the record at all, and the capabilities the relation gives. */
export function relationTo(actor: Actor, target: Target): { related: boolean; capabilities: Set<Capability> } {
  const roles = roleCapabilities(actor.roles);
  const member = (orgId: string) => actor.visibleOrganizationIds.includes(orgId);
  switch (target.kind) {
    case "signed-in":
    case "own":
      return { related: true, capabilities: roles };
    case "organization":
    case "framework":
      return member(target.organizationId)
        ? { related: true, capabilities: roles }
        : { related: false, capabilities: new Set() };
    case "conference": {
      const caps = new Set<Capability>();
      let related = false;
      if (member(target.organizationId)) {
        related = true;
        for (const c of roles) caps.add(c);
      }
      if (
        actor.roles.includes("IT_SUPPORT") &&
        [actor.organizationId, actor.parentOrganizationId].includes(target.organizationId)
      ) {
        related = true;
        for (const c of IT_SUPPORT_GRANTS) caps.add(c);
      }
      const hosted = [...target.bridgeHosts]
        .filter(([, host]) => host !== null && host === actor.organizationId)
        .map(([id]) => id);
      if (actor.roles.includes("BRIDGE_OPERATOR") && hosted.length) {
        related = true;
        // Other conference-wide pages (roll call, reports) are not for operators: they report at their bridge.
        const grants = target.bridgeId ? hosted.includes(target.bridgeId) : !!target.operatorNarrowed;
        if (grants) for (const c of BRIDGE_OPERATOR_GRANTS) caps.add(c);
      }
      return { related, capabilities: caps };
    }
    case "round": {
      if (member(target.organizationId)) return { related: true, capabilities: roles };
      if (target.published && target.unitOrganizationIds.some(member))
        return { related: true, capabilities: new Set(within(roles, ASSESSED_UNIT_GRANTS)) };
      return { related: false, capabilities: new Set() };
    }
    case "plan": {
      const caps = new Set<Capability>();
      let related = false;
      if (member(target.roundOrganizationId)) {
        related = true;
        for (const c of roles) caps.add(c);
      }
      if (target.published && member(target.unitOrganizationId)) {
        related = true;
        for (const c of within(roles, ASSESSED_UNIT_GRANTS)) caps.add(c);
      }
      return { related, capabilities: caps };
    }
  }
}

/**
 * "signed-in": any signed-in user; "related": any relation to the record, whatever capability it gives
 * (a layout route above pages that each need their own capability); otherwise a capability of the policy.
 */
export type Need = Capability | "signed-in" | "related";

/** "allowed": not refused (2xx, a redirect elsewhere than the login page, or 400 for an empty or invalid form). */
export type Expected = "allowed" | "login" | "403" | "404";

export function expectedAnswer(actor: Actor, target: Target, need: Need): Expected {
  if (!actor.userId) return "login";
  if (need === "signed-in") return "allowed";
  if (target.kind === "organization") {
    if (need === "related") return actor.visibleOrganizationIds.includes(target.organizationId) ? "allowed" : "404";
    if (!roleCapabilities(actor.roles).has(need)) return "403";
    return actor.visibleOrganizationIds.includes(target.organizationId) ? "allowed" : "404";
  }
  const { related, capabilities } = relationTo(actor, target);
  if (!related) return "404";
  if (need === "related") return "allowed";
  return capabilities.has(need) ? "allowed" : "403";
}
