// What a bridge point's operator link (/b/:key) shows and records: the bridge and its conference, the
// test history, and a connectivity test saved under the link's holder (or the signed-in operator).

import type { AuditActor } from "#app/database/audit.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { bridgeLinkNotFound, mayOperate } from "#app/bridges/access.server.ts";
import { isBridgeKeyShape } from "#app/bridges/keys.server.ts";
import type { ConnectivityTestValues } from "#app/bridges/bridge-form.ts";
import { recordTest, testHistory } from "#app/bridges/readiness.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { instantOf, readRows, timeText, truthy } from "#app/database/raw-read.server.ts";
import type { Readiness } from "#app/bridges/verdict.ts";
import { bridgeDocuments } from "#app/meeting-documents/audience.server.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";

const operatorSql =
  () => `SELECT b."id", b."conferenceId", b."name", b."hostOrganizationId", h."name" AS "hostName", b."address",
    b."room", b."isMain", b."videoLink", b."videoPasscode", b."contactName", b."contactPhone", b."contactEmail", b."accessKey",
    b."readiness", ${timeText('b."readinessAt"')} AS "readinessAt",
    c."organizationId", c."title", c."status", ${timeText('c."startsAt"')} AS "startsAt", ${timeText('c."endsAt"')} AS "endsAt",
    c."venue", ${timeText('c."bridgeTestAt"')} AS "bridgeTestAt", c."bridgeTestNote", c."contactName" AS "cContactName",
    c."contactPhone" AS "cContactPhone", c."contactEmail" AS "cContactEmail", o."name" AS "organizer"
  FROM "BridgePoint" b
  JOIN "Conference" c ON c."id" = b."conferenceId"
  JOIN "Organization" o ON o."id" = c."organizationId"
  LEFT JOIN "Organization" h ON h."id" = b."hostOrganizationId"
  WHERE b."accessKey" = ?`;

/**
 * The bridge point an operator link opens, with what its page shows of the conference; null for a key
 * that opens none. One raw statement: the page is opened by every bridge's operator within minutes.
 */
export async function operatorBridgeByKey(key: string | undefined) {
  if (!isBridgeKeyShape(key)) return null;
  const [r] = await readRows<Record<string, string | null>>(operatorSql(), [key]);
  if (!r) return null;
  return {
    id: r.id!,
    conferenceId: r.conferenceId!,
    name: r.name!,
    hostOrganizationId: r.hostOrganizationId ?? null,
    hostOrganization: r.hostOrganizationId ? { name: r.hostName! } : null,
    address: r.address!,
    room: r.room!,
    isMain: truthy(r.isMain),
    videoLink: r.videoLink!,
    videoPasscode: r.videoPasscode!,
    contactName: r.contactName!,
    contactPhone: r.contactPhone!,
    contactEmail: r.contactEmail!,
    accessKey: r.accessKey ?? null,
    readiness: r.readiness as Readiness,
    readinessAt: instantOf(r.readinessAt),
    conference: {
      organizationId: r.organizationId!,
      title: r.title!,
      status: r.status!,
      startsAt: instantOf(r.startsAt),
      endsAt: instantOf(r.endsAt),
      venue: r.venue!,
      bridgeTestAt: instantOf(r.bridgeTestAt),
      bridgeTestNote: r.bridgeTestNote!,
      contactName: r.cContactName!,
      contactPhone: r.cContactPhone!,
      contactEmail: r.cContactEmail!,
      organization: { name: r.organizer! },
    },
  };
}

/** The bridge point an operator link opens, or a 404. */
export async function operatorBridge(key: string | undefined) {
  return (await operatorBridgeByKey(key)) ?? bridgeLinkNotFound();
}

export type OperatorBridge = NonNullable<Awaited<ReturnType<typeof operatorBridgeByKey>>>;

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

/** The operator page's data (its loader's and the edge's): the page, the link's key and the documents. */
export async function operatorPageData(b: OperatorBridge, key: string, operator: CurrentUser | null) {
  return { key, ...(await operatorPage(b, operator)), documents: await bridgeDocuments(b) };
}

export type OperatorPageData = Awaited<ReturnType<typeof operatorPageData>>;

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
