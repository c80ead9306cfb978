// Who acted, for the writes of pages opened without an account: an invitation link (/i/:token) or a
// bridge point's operator link (/b/:key).

import type { CurrentUser } from "#app/auth/session.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";
import type { AuditActor } from "#app/database/audit.server.ts";

/** "Đại biểu Nguyễn Văn A (qua giấy mời)": whoever holds the attendee's personal link. */
export function inviteeActor(attendee: { name: string }, request: Request): AuditActor {
  return { kind: "INVITEE", userId: null, label: `Đại biểu ${attendee.name} (qua giấy mời)`, ip: clientIp(request) };
}

/**
 * "Điểm cầu UBND xã A (qua đường dẫn điểm cầu)": whoever holds the bridge's operator link; when a
 * signed-in operator of that bridge uses it, their account is named as well.
 */
export function bridgeActor(
  bridge: { name: string },
  request: Request,
  operator?: Pick<CurrentUser, "id" | "name" | "email"> | null,
): AuditActor {
  const via = `${bridge.name} (qua đường dẫn điểm cầu)`;
  return {
    kind: "BRIDGE",
    userId: operator?.id ?? null,
    label: operator ? `${operator.name} <${operator.email}>, ${via}` : via,
    ip: clientIp(request),
  };
}
