import type { ConferenceAccess } from "#app/auth/guard.server.ts";
import { notFound } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { isBridgeKeyShape } from "#app/bridges/keys.server.ts";

// Who may see which bridge points is the access guard's (app/auth/guard.server.ts):
// - organisers ("bridges.manage") see and edit everything, passcodes included;
// - IT support ("bridges.support", conferences of their organisation or its parent) sees the readiness
//   board and the bridge pages, no passcodes;
// - a BRIDGE_OPERATOR operates the bridge points hosted by their organisation;
// - anyone with a bridge's access key sees that bridge's operator page.
// This module loads what the bridge screens show once the guard has let the user in.

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

/** The conference fields of the bridge screens, for a user the guard has let in. */
export async function bridgeConference(access: ConferenceAccess): Promise<BridgeConference> {
  const c = await prisma.conference.findUnique({
    where: { id: access.conference.id },
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
  if (!c) notFound("Không tìm thấy hội nghị này hoặc bạn không có quyền xem.");
  return { ...c, canManage: access.can("bridges.manage") };
}

/** Whether a signed-in user may run and record tests for this bridge point (its operator or an organiser). */
export async function mayOperate(
  user: CurrentUser,
  bridge: { hostOrganizationId: string | null; conference: { organizationId: string } },
): Promise<boolean> {
  if (user.visibleOrganizationIds.includes(bridge.conference.organizationId) && can(user.roles, "bridges.operate"))
    return true;
  return (
    user.roles.includes("BRIDGE_OPERATOR") &&
    !!bridge.hostOrganizationId &&
    bridge.hostOrganizationId === user.organizationId
  );
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
