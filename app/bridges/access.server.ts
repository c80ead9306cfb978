import type { CurrentUser } from "../auth/session.server.ts";
import { canEditPlans } from "../auth/permissions.ts";
import { prisma } from "../db.server.ts";
import { isBridgeKeyShape } from "./keys.ts";

// Who may see which bridge points:
// - organisers (ADMIN, OFFICE, HOME_AFFAIRS whose scope holds the conference's organisation) see and edit
//   everything, passcodes included;
// - IT_SUPPORT sees the readiness board and the bridge pages of conferences organised by their own
//   organisation or its parent (no passcodes);
// - a BRIDGE_OPERATOR sees the bridge points hosted by their organisation, passcode included;
// - anyone with a bridge's access key sees that bridge's operator page.
// Everything else is a 404: another organisation's data is never revealed.

export function notFound(message = "Không tìm thấy hội nghị này hoặc bạn không có quyền xem."): never {
  throw new Response(message, { status: 404 });
}

export interface BridgeConference {
  id: string;
  title: string;
  organizationId: string;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string;
  status: string;
  bridgeTestAt: Date | null;
  bridgeTestNote: string;
  bridgeTestRound: number;
  /** Organiser: may edit, sees passcodes, sends requests. */
  canManage: boolean;
}

export function isOrganiser(user: CurrentUser, organizationId: string): boolean {
  return canEditPlans(user.roles) && user.visibleOrganizationIds.includes(organizationId);
}

/** Organisation ids whose conferences an IT_SUPPORT user follows: their own and its parent. */
export async function itSupportOrganizationIds(user: CurrentUser): Promise<string[]> {
  if (!user.roles.includes("IT_SUPPORT")) return [];
  const org = await prisma.organization.findUnique({ where: { id: user.organizationId }, select: { parentId: true } });
  return [user.organizationId, ...(org?.parentId ? [org.parentId] : [])];
}

/** A conference whose bridge points the user may see (organisers; IT support when `allowIt`), or a 404. */
export async function bridgeConference(user: CurrentUser, id: string, options: { allowIt?: boolean } = {}): Promise<BridgeConference> {
  const c = await prisma.conference.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      organizationId: true,
      startsAt: true,
      endsAt: true,
      venue: true,
      status: true,
      bridgeTestAt: true,
      bridgeTestNote: true,
      bridgeTestRound: true,
    },
  });
  if (!c) notFound();
  if (isOrganiser(user, c.organizationId)) return { ...c, canManage: true };
  if (options.allowIt && (await itSupportOrganizationIds(user)).includes(c.organizationId)) return { ...c, canManage: false };
  notFound();
}

/** Whether a signed-in user may run and record tests for this bridge point (its operator or an organiser). */
export async function mayOperate(user: CurrentUser, bridge: { hostOrganizationId: string | null; conference: { organizationId: string } }): Promise<boolean> {
  if (isOrganiser(user, bridge.conference.organizationId)) return true;
  return user.roles.includes("BRIDGE_OPERATOR") && !!bridge.hostOrganizationId && bridge.hostOrganizationId === user.organizationId;
}

/** The bridge point an operator link opens; null for a malformed or unknown key. */
export async function bridgeIdByKey(key: string | null | undefined): Promise<string | null> {
  if (!isBridgeKeyShape(key)) return null;
  const b = await prisma.bridgePoint.findUnique({ where: { accessKey: key }, select: { id: true } });
  return b?.id ?? null;
}

/** An operator link that does not (or no longer) open a bridge point. */
export function bridgeLinkNotFound(): never {
  throw new Response("Đường dẫn điểm cầu không đúng hoặc đã bị thay đổi.", { status: 404 });
}

/** The bridge point an operator link opens, or a 404. */
export async function bridgeIdForLink(key: string | null | undefined): Promise<string> {
  return (await bridgeIdByKey(key)) ?? bridgeLinkNotFound();
}
