// What a bridge point's operator link (/b/:key) shows and records: the bridge and its conference, the
// test history, and a connectivity test saved under the link's holder (or the signed-in operator).

import type { AuditActor } from "#app/database/audit.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { bridgeIdForLink, bridgeLinkNotFound, mayOperate } from "#app/bridges/access.server.ts";
import type { ConnectivityTestValues } from "#app/bridges/bridge-form.ts";
import { bridgeFields } from "#app/bridges/bridges.server.ts";
import { recordTest, testHistory } from "#app/bridges/readiness.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";

/** The bridge point an operator link opens, with what its page shows of the conference; or a 404. */
export async function operatorBridge(key: string | undefined) {
  const id = await bridgeIdForLink(key);
  const b = await prisma.bridgePoint.findUnique({
    where: { id },
    select: {
      ...bridgeFields,
      conference: {
        select: {
          organizationId: true,
          title: true,
          status: true,
          startsAt: true,
          endsAt: true,
          venue: true,
          bridgeTestAt: true,
          bridgeTestNote: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!b) bridgeLinkNotFound();
  return b;
}

export type OperatorBridge = Awaited<ReturnType<typeof operatorBridge>>;

/** The signed-in user when they operate this bridge point (or organise its conference), else null. */
export async function signedInOperator(user: CurrentUser | null, b: OperatorBridge): Promise<CurrentUser | null> {
  return user && (await mayOperate(user, b)) ? user : null;
}

const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(" · ");

/** The operator page: the conference, this bridge point (its passcode included) and its last 20 tests. */
export async function operatorPage(b: OperatorBridge, operator: CurrentUser | null) {
  const c = b.conference;
  const history = await testHistory(b.id, 20);
  return {
    signedInAs: operator?.name ?? null,
    conference: {
      title: meetingName(c.title),
      organizer: c.organization.name,
      cancelled: c.status === "CANCELLED",
      when: c.startsAt
        ? `${formatDateTime(c.startsAt)}${c.endsAt ? ` – ${formatTime(c.endsAt)}` : ""}`
        : "Thời gian sẽ được thông báo sau",
      mainHall: c.venue,
      testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null,
      testNote: c.bridgeTestNote,
      contact: joined(c.contactName, c.contactPhone, c.contactEmail),
    },
    bridge: {
      name: b.name,
      host: b.hostOrganization?.name ?? "",
      place: [b.room, b.address].filter(Boolean).join(", "),
      isMain: b.isMain,
      videoLink: b.videoLink,
      videoPasscode: b.videoPasscode,
      contact: joined(b.contactName, b.contactPhone, b.contactEmail),
      readiness: b.readiness,
      readinessAt: b.readinessAt ? formatDateTime(b.readinessAt) : null,
    },
    history: history.map(({ createdAt, ...t }) => ({ ...t, when: formatDateTime(createdAt) })),
  };
}

/** Saves a connectivity test from the operator page; the signed-in operator, if any, is named on it. */
export async function saveOperatorTest(
  actor: AuditActor,
  b: OperatorBridge,
  v: ConnectivityTestValues,
  by: { operator: CurrentUser | null; userAgent: string },
) {
  await recordTest(actor, b.id, v, { userId: by.operator?.id ?? null, userAgent: by.userAgent });
  return { verdict: v.result, savedAt: Date.now() };
}
