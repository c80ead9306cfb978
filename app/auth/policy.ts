import type { Role } from "#app/auth/roles.ts";

// The one access policy: what each role may do inside the organisations it belongs to.
// The guard (guard.server.ts) decides *which* organisation's records a user is related to and
// then asks this table. A hidden button is never access control: every loader and action intent
// names the capability it needs.

export const CAPABILITIES = [
  // Plans, agenda, awards, speeches, the meeting's documents: read.
  "conference.view",
  // Plans, agenda, awards, speeches, packet, check-in lists: change.
  "conference.edit",
  // Attendees with their e-mail, phone and personal links; sending invitations; the outbox.
  "invitations.manage",
  // Check-in lists, the scanner, walk-ins, the roll call: names and positions, never contacts.
  "attendance.take",
  // Full attendance with absence reasons: the exports.
  "attendance.report",
  // Bridge points: create, edit, passcodes, test requests.
  "bridges.manage",
  // The readiness board and bridge contacts (IT department).
  "bridges.support",
  // Run a bridge point's connectivity test and roll call (its operator; organisers too).
  "bridges.operate",
  // Frameworks and rounds: read (published rounds for assessed units).
  "scoring.view",
  // Frameworks, rounds, scores, SIPAS: change.
  "scoring.manage",
  // Remediation plans: read.
  "remediation.view",
  // Remediation plans: create, change any action (Nội vụ of the round or the unit).
  "remediation.manage",
  // Remediation actions: update progress and evidence of actions one owns.
  "remediation.update",
  // The audit trail of what one may read.
  "audit.view",
  // Users, roles and organisations of one's subtree.
  "admin",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const ORGANISER: readonly Capability[] = [
  "conference.view",
  "conference.edit",
  "invitations.manage",
  "attendance.take",
  "attendance.report",
  "bridges.manage",
  "bridges.support",
  "bridges.operate",
  "scoring.view",
  "remediation.view",
  "remediation.update",
  "audit.view",
];

export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  ADMIN: CAPABILITIES,
  OFFICE: ORGANISER,
  HOME_AFFAIRS: [...ORGANISER, "scoring.manage", "remediation.manage"],
  CHECKIN_STAFF: ["conference.view", "attendance.take"],
  // Nothing organisation-wide: see BRIDGE_CAPABILITIES.
  BRIDGE_OPERATOR: [],
  IT_SUPPORT: ["bridges.support"],
  VIEWER: ["conference.view", "scoring.view", "remediation.view"],
};

/**
 * What a BRIDGE_OPERATOR holds for the bridge points their organisation hosts, and only for those
 * (their connectivity test, their check-in list, their attendees' roll call).
 */
export const BRIDGE_CAPABILITIES: readonly Capability[] = ["bridges.operate", "attendance.take"];

/** Whether any of the roles grants the capability organisation-wide. */
export function can(roles: readonly Role[], capability: Capability): boolean {
  return roles.some((r) => ROLE_CAPABILITIES[r].includes(capability));
}
