// The one access guard. Every loader and every action intent calls one of these: each loads the record
// (conference, round, framework, remediation plan) and checks a capability of the policy table in one
// call. Not related to the record at all: 404 (another organisation's data is never shown to exist).
// Related but the role lacks the capability: 403. Kept in one file (a little over 300 lines) so that
// every access rule of the app can be read in one place.

import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { BRIDGE_CAPABILITIES, can, ROLE_CAPABILITIES, type Capability } from "#app/auth/policy.ts";
import { requireUser, type CurrentUser } from "#app/auth/session.server.ts";

export function notFound(message = "Không tìm thấy trang này hoặc bạn không có quyền xem."): never {
  throw new Response(message, { status: 404 });
}

export function forbidden(message = "Vai trò của bạn không được phép thực hiện thao tác này."): never {
  throw new Response(message, { status: 403 });
}

/** A signed-in user who holds the capability in their own organisation (admin pages, "new" forms). */
export async function requireCapability(request: Request, capability: Capability): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user.roles, capability)) forbidden();
  return user;
}

// ---------------------------------------------------------------------------------------------
// Conferences

const conferenceSelect = {
  id: true,
  organizationId: true,
  kind: true,
  title: true,
  status: true,
} satisfies Prisma.ConferenceSelect;

export type GuardedConference = Prisma.ConferenceGetPayload<{ select: typeof conferenceSelect }>;

/** What a user holds for one conference, and through which relation. */
export interface ConferenceAccess {
  user: CurrentUser;
  conference: GuardedConference;
  /** Whether the user has any relation to the conference (a refusal is then a 403, not a 404). */
  related: boolean;
  /** Capabilities held for the whole conference (member of its organisation, or its IT support). */
  capabilities: ReadonlySet<Capability>;
  /** Bridge points of the conference hosted by the user's organisation, when the user operates bridges. */
  operatedBridgeIds: string[];
  /** Whether the user holds the capability here (for the whole conference or for their bridge points). */
  can(capability: Capability): boolean;
  /** Whether the capability holds only for `operatedBridgeIds` (the domain must narrow to them). */
  onlyOperatedBridges(capability: Capability): boolean;
}

/** Organisation ids whose conferences an IT_SUPPORT user supports: their own and its parent. */
export async function supportedOrganizationIds(user: CurrentUser): Promise<string[]> {
  if (!user.roles.includes("IT_SUPPORT")) return [];
  const org = await prisma.organization.findUnique({ where: { id: user.organizationId }, select: { parentId: true } });
  return [user.organizationId, ...(org?.parentId ? [org.parentId] : [])];
}

/** The user's capabilities for a conference; pure apart from the bridge and IT lookups. */
export async function conferenceAccess(user: CurrentUser, conference: GuardedConference): Promise<ConferenceAccess> {
  const member = user.visibleOrganizationIds.includes(conference.organizationId);
  const capabilities = member ? memberCapabilities(user, conference.organizationId) : new Set<Capability>();
  const supports = (await supportedOrganizationIds(user)).includes(conference.organizationId);
  if (supports) capabilities.add("bridges.support");
  const operatedBridgeIds = user.roles.includes("BRIDGE_OPERATOR")
    ? (
        await prisma.bridgePoint.findMany({
          where: { conferenceId: conference.id, hostOrganizationId: user.organizationId },
          select: { id: true },
        })
      ).map((b) => b.id)
    : [];
  const operates = operatedBridgeIds.length > 0;
  return {
    user,
    conference,
    related: member || supports || operates,
    capabilities,
    operatedBridgeIds,
    can: (c) => capabilities.has(c) || (operates && BRIDGE_CAPABILITIES.includes(c)),
    onlyOperatedBridges: (c) => !capabilities.has(c) && operates && BRIDGE_CAPABILITIES.includes(c),
  };
}

/**
 * The conference `id` if the signed-in user holds `capability` for it: 404 when the user has no
 * relation to it (or it does not exist), 403 when the user's role there lacks the capability.
 */
export async function requireConference(
  request: Request,
  id: string | undefined,
  capability: Capability,
): Promise<ConferenceAccess> {
  const user = await requireUser(request);
  return conferenceFor(user, id, capability);
}

/** `requireConference` for a user already in hand (tests, domain code). */
export async function conferenceFor(
  user: CurrentUser,
  id: string | undefined,
  capability: Capability,
): Promise<ConferenceAccess> {
  const conference = id ? await prisma.conference.findUnique({ where: { id }, select: conferenceSelect }) : null;
  if (!conference) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  const access = await conferenceAccess(user, conference);
  if (access.can(capability)) return access;
  if (!access.related) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  forbidden();
}

// ---------------------------------------------------------------------------------------------
// Scoring rounds, frameworks, remediation plans

function memberCapabilities(user: CurrentUser, organizationId: string): Set<Capability> {
  const caps = new Set<Capability>();
  if (user.visibleOrganizationIds.includes(organizationId))
    for (const role of user.roles) for (const c of ROLE_CAPABILITIES[role]) caps.add(c);
  return caps;
}

function decide(related: boolean, caps: ReadonlySet<Capability>, capability: Capability, missing: string): void {
  if (caps.has(capability)) return;
  if (!related) notFound(missing);
  forbidden();
}

// What an assessed unit holds for a published round that ranks it (never for a draft).
const ASSESSED_UNIT_CAPABILITIES: readonly Capability[] = [
  "scoring.view",
  "remediation.view",
  "remediation.update",
  "remediation.manage",
  "audit.view",
];

export interface RoundAccess {
  user: CurrentUser;
  round: { id: string; organizationId: string; status: string; title: string; year: number };
  capabilities: ReadonlySet<Capability>;
  /** True when the user sees the round only as an assessed unit (published rounds; their own units). */
  asAssessedUnit: boolean;
}

/** A scoring round: its organisation's roles, or an assessed unit once published (reads only). */
export async function roundFor(
  user: CurrentUser,
  id: string | undefined,
  capability: Capability,
): Promise<RoundAccess> {
  const missing = "Không tìm thấy đợt đánh giá này.";
  const round = id
    ? await prisma.assessmentRound.findUnique({
        where: { id },
        select: { id: true, organizationId: true, status: true, title: true, year: true },
      })
    : null;
  if (!round) notFound(missing);
  const member = user.visibleOrganizationIds.includes(round.organizationId);
  const caps = memberCapabilities(user, round.organizationId);
  let asAssessedUnit = false;
  if (!member && round.status === "PUBLISHED") {
    const unit = await prisma.roundUnit.findFirst({
      where: { roundId: round.id, organizationId: { in: user.visibleOrganizationIds } },
      select: { id: true },
    });
    if (unit) {
      asAssessedUnit = true;
      for (const c of ASSESSED_UNIT_CAPABILITIES) if (can(user.roles, c)) caps.add(c);
    }
  }
  decide(member || asAssessedUnit, caps, capability, missing);
  return { user, round, capabilities: caps, asAssessedUnit };
}

export async function requireRound(
  request: Request,
  id: string | undefined,
  capability: Capability,
): Promise<RoundAccess> {
  return roundFor(await requireUser(request), id, capability);
}

export interface FrameworkAccess {
  user: CurrentUser;
  framework: { id: string; organizationId: string; name: string };
  capabilities: ReadonlySet<Capability>;
}

/** An index framework: the roles of the organisation that keeps it. */
export async function frameworkFor(
  user: CurrentUser,
  id: string | undefined,
  capability: Capability,
): Promise<FrameworkAccess> {
  const missing = "Không tìm thấy bộ chỉ số này.";
  const framework = id
    ? await prisma.indexFramework.findUnique({ where: { id }, select: { id: true, organizationId: true, name: true } })
    : null;
  if (!framework) notFound(missing);
  const caps = memberCapabilities(user, framework.organizationId);
  decide(user.visibleOrganizationIds.includes(framework.organizationId), caps, capability, missing);
  return { user, framework, capabilities: caps };
}

export async function requireFramework(
  request: Request,
  id: string | undefined,
  capability: Capability,
): Promise<FrameworkAccess> {
  return frameworkFor(await requireUser(request), id, capability);
}

export interface RemediationAccess {
  user: CurrentUser;
  plan: {
    id: string;
    roundUnitId: string;
    unitOrganizationId: string;
    roundId: string;
    roundOrganizationId: string;
    roundStatus: string;
  };
  capabilities: ReadonlySet<Capability>;
}

/**
 * A remediation plan: the roles of the organisation that runs the round, and of the assessed unit
 * once the round is published (a draft round's plans are not shown to the unit: they carry its scores).
 * "remediation.update" still needs the row-level owner check of the action being changed.
 */
/** What decides who may see a remediation plan: its unit and its round's organisation and status. */
export const REMEDIATION_PLAN_SCOPE = {
  id: true,
  roundUnit: {
    select: {
      id: true,
      organizationId: true,
      round: { select: { id: true, organizationId: true, status: true } },
    },
  },
} as const;

export async function remediationPlanFor(
  user: CurrentUser,
  id: string | undefined,
  capability: Capability,
): Promise<RemediationAccess> {
  const missing = "Không tìm thấy kế hoạch khắc phục này.";
  const row = id
    ? await prisma.remediationPlan.findUnique({
        where: { id },
        select: REMEDIATION_PLAN_SCOPE,
      })
    : null;
  if (!row) notFound(missing);
  const round = row.roundUnit.round;
  const caps = memberCapabilities(user, round.organizationId);
  let related = user.visibleOrganizationIds.includes(round.organizationId);
  if (round.status === "PUBLISHED" && user.visibleOrganizationIds.includes(row.roundUnit.organizationId)) {
    related = true;
    for (const c of memberCapabilities(user, row.roundUnit.organizationId)) caps.add(c);
  }
  decide(related, caps, capability, missing);
  return {
    user,
    plan: {
      id: row.id,
      roundUnitId: row.roundUnit.id,
      unitOrganizationId: row.roundUnit.organizationId,
      roundId: round.id,
      roundOrganizationId: round.organizationId,
      roundStatus: round.status,
    },
    capabilities: caps,
  };
}

export async function requireRemediationPlan(
  request: Request,
  id: string | undefined,
  capability: Capability,
): Promise<RemediationAccess> {
  return remediationPlanFor(await requireUser(request), id, capability);
}

// ---------------------------------------------------------------------------------------------
// Administration: organisations and accounts of an ADMIN's subtree

/** An organisation the signed-in ADMIN administers (their own or below it); 404 for any other. */
export async function requireAdministeredOrganization(
  request: Request,
  id: string | undefined,
): Promise<{ admin: CurrentUser; organizationId: string }> {
  const admin = await requireCapability(request, "admin");
  if (!id || !admin.visibleOrganizationIds.includes(id)) notFound("Không tìm thấy cơ quan, đơn vị này.");
  return { admin, organizationId: id };
}

/** An account of the signed-in ADMIN's subtree; 404 for any other. */
export async function requireAdministeredUser(
  request: Request,
  id: string | undefined,
): Promise<{ admin: CurrentUser; userId: string }> {
  const admin = await requireCapability(request, "admin");
  const user = id ? await prisma.user.findUnique({ where: { id }, select: { id: true, organizationId: true } }) : null;
  if (!user || !admin.visibleOrganizationIds.includes(user.organizationId)) notFound("Không tìm thấy người dùng này.");
  return { admin, userId: user.id };
}
