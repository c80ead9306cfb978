// The roll call of a bridge point from its operator link (/b/:key/roll-call): which bridge the link
// opens, and who is reporting (the link's holder, or the signed-in user who operates that bridge).

import { conferenceFor } from "#app/auth/guard.server.ts";
import { getUser } from "#app/auth/session.server.ts";
import { recordBridgeMark } from "#app/attendance/bridge-roll-call.server.ts";
import { bridgeIdForLink, bridgeLinkNotFound } from "#app/bridges/access.server.ts";
import { userActor, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";

/** The bridge point an operator link opens, with its conference; or a 404. */
export async function rollCallBridge(key: string | undefined) {
  const id = await bridgeIdForLink(key);
  const b = await prisma.bridgePoint.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      hostOrganizationId: true,
      conference: { select: { id: true, organizationId: true, title: true, status: true } },
    },
  });
  if (!b) bridgeLinkNotFound();
  return b;
}

export type RollCallBridge = Awaited<ReturnType<typeof rollCallBridge>>;

/**
 * Who is reporting: the link itself is the capability (operators need no account), but a signed-in user
 * who operates this bridge (or organises the conference) is named, so the audit trail says who.
 */
export async function rollCallReporter(
  request: Request,
  b: RollCallBridge,
): Promise<{ userId: string | null; actor: AuditActor }> {
  const linkActor: AuditActor = {
    kind: "BRIDGE",
    userId: null,
    label: `${b.name} (đường dẫn điểm cầu)`,
    ip: clientIp(request),
  };
  const user = await getUser(request);
  if (!user) return { userId: null, actor: linkActor };
  try {
    const access = await conferenceFor(user, b.conference.id, "bridges.operate");
    if (!access.onlyOperatedBridges("bridges.operate") || access.operatedBridgeIds.includes(b.id))
      return { userId: user.id, actor: userActor(user) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
  }
  return { userId: null, actor: linkActor };
}

/** One attendee's mark sent from the roll-call page: the answer for that attendee's card and its status. */
export async function markFromLink(request: Request, b: RollCallBridge, form: FormData) {
  if (b.conference.status === "CANCELLED") {
    return { status: 400, body: { ok: false as const, message: "Hội nghị đã bị hủy.", attendeeId: "" } };
  }
  const { userId, actor } = await rollCallReporter(request, b);
  const r = await recordBridgeMark({
    conferenceId: b.conference.id,
    bridge: { id: b.id, name: b.name },
    form,
    userId,
    actor,
  });
  if (!r.ok) {
    return {
      status: r.status,
      body: { ok: false as const, message: r.message, field: r.field, attendeeId: r.attendeeId },
    };
  }
  return { status: 200, body: { ok: true as const, message: r.message, attendeeId: r.attendeeId } };
}

/** What the roll-call page's action answers for one attendee's card. */
export type MarkReply = Awaited<ReturnType<typeof markFromLink>>["body"];
