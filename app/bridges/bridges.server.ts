import { prisma } from "../db.server.ts";
import { env } from "../env.server.ts";
import { meetingName } from "../invitations/context.server.ts";
import { messageIdFor } from "../mailing/backoff.ts";
import { organizationScope } from "../organizations/scope.server.ts";
import type { BridgeValues, ConnectivityTestValues } from "./bridge-form.ts";
import { newBridgeKey } from "./keys.ts";
import { checklistGaps, type Readiness } from "./verdict.ts";

/** The operator's link of a bridge point. */
export function operatorLink(accessKey: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/b/${accessKey}`;
}

/** Gives every bridge point of the conference (or these ids) its access and poster keys, when missing. */
export async function ensureKeys(where: { conferenceId: string } | { ids: string[] }): Promise<void> {
  const base = "conferenceId" in where ? { conferenceId: where.conferenceId } : { id: { in: where.ids } };
  const missing = await prisma.bridgePoint.findMany({
    where: { ...base, OR: [{ accessKey: null }, { posterKey: null }] },
    select: { id: true, accessKey: true, posterKey: true },
  });
  for (const b of missing) {
    // Only fills a key that is still empty, so two requests at once cannot overwrite each other's link.
    if (!b.accessKey) await prisma.bridgePoint.updateMany({ where: { id: b.id, accessKey: null }, data: { accessKey: newBridgeKey() } });
    if (!b.posterKey) await prisma.bridgePoint.updateMany({ where: { id: b.id, posterKey: null }, data: { posterKey: newBridgeKey() } });
  }
}

/** What the organisers' pages show of a bridge point (passcode and operator key included). */
export const bridgeFields = {
  id: true,
  name: true,
  hostOrganizationId: true,
  hostOrganization: { select: { name: true } },
  address: true,
  room: true,
  isMain: true,
  videoLink: true,
  videoPasscode: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  accessKey: true,
  readiness: true,
  readinessAt: true,
} as const;

/** Bridge points of a conference for the organisers' list (passcodes included). */
export async function listBridges(conferenceId: string) {
  await ensureKeys({ conferenceId });
  const rows = await prisma.bridgePoint.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: {
      ...bridgeFields,
      position: true,
      _count: { select: { attendees: true } },
    },
  });
  return rows.map(({ _count, accessKey, ...b }) => ({ ...b, attendees: _count.attendees, operatorLink: operatorLink(accessKey!) }));
}

/** Organisations that may host a bridge point: the conference's organisation and everything below it. */
export async function hostOptions(conferenceOrganizationId: string) {
  const ids = await organizationScope(conferenceOrganizationId, true);
  const orgs = await prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, parentId: true, dissolvedOn: true } });
  return treeOrder(orgs, conferenceOrganizationId);
}

/** Depth-first order with depths, for indented <option>s. */
function treeOrder<T extends { id: string; name: string; parentId: string | null }>(orgs: T[], rootId: string): Array<T & { depth: number }> {
  const children = new Map<string | null, T[]>();
  for (const o of orgs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const out: Array<T & { depth: number }> = [];
  const root = orgs.find((o) => o.id === rootId);
  const walk = (o: T, depth: number) => {
    out.push({ ...o, depth });
    for (const c of (children.get(o.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, "vi"))) walk(c, depth + 1);
  };
  if (root) walk(root, 0);
  return out;
}

/** Parent organisations the user may pick for bulk creation: in their scope and with children. */
export async function parentOptions(visibleOrganizationIds: string[]) {
  return prisma.organization.findMany({
    where: { id: { in: visibleOrganizationIds }, children: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { children: true } } },
  });
}

function bridgeData(v: BridgeValues) {
  return {
    name: v.name,
    hostOrganizationId: v.hostOrganizationId || null,
    address: v.address,
    room: v.room,
    isMain: v.isMain,
    videoLink: v.videoLink,
    videoPasscode: v.videoPasscode,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
  };
}

export async function createBridge(conferenceId: string, v: BridgeValues): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.bridgePoint.aggregate({ where: { conferenceId }, _max: { position: true } });
    // One main site: marking this one unmarks the others.
    if (v.isMain) await tx.bridgePoint.updateMany({ where: { conferenceId }, data: { isMain: false } });
    const row = await tx.bridgePoint.create({
      data: { conferenceId, position: (last._max.position ?? -1) + 1, ...bridgeData(v), accessKey: newBridgeKey(), posterKey: newBridgeKey() },
      select: { id: true },
    });
    return row.id;
  });
}

export async function updateBridge(conferenceId: string, id: string, v: BridgeValues): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.bridgePoint.findFirst({ where: { id, conferenceId }, select: { id: true } });
    if (!found) return false;
    if (v.isMain) await tx.bridgePoint.updateMany({ where: { conferenceId, id: { not: id } }, data: { isMain: false } });
    await tx.bridgePoint.update({ where: { id }, data: bridgeData(v) });
    return true;
  });
}

/** Deletes a bridge point; its attendees go back to the main hall, its tests go with it. */
export async function deleteBridge(conferenceId: string, id: string): Promise<boolean> {
  const { count } = await prisma.bridgePoint.deleteMany({ where: { id, conferenceId } });
  return count === 1;
}

/** Level codes of bodies that are not administrative units (departments, offices, other agencies). */
const NON_ADMINISTRATIVE_LEVELS = ["SO", "PHONG", "CO_QUAN"];

/**
 * One bridge point per child organisation of `parentId`: skips bodies that had ceased to exist by the
 * conference (or today, for a conference without a date) and bodies that already host one; moves the
 * attendees of each new host organisation to it. Returns the names created and skipped.
 */
export async function bulkCreateBridges(
  conferenceId: string,
  parentId: string,
  options: { onlyAdministrative: boolean; at: Date },
): Promise<{ created: string[]; skippedExisting: string[]; skippedDissolved: string[] }> {
  return prisma.$transaction(async (tx) => {
    const children = await tx.organization.findMany({
      where: { parentId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, dissolvedOn: true, level: { select: { code: true } } },
    });
    const existing = new Set(
      (await tx.bridgePoint.findMany({ where: { conferenceId, hostOrganizationId: { not: null } }, select: { hostOrganizationId: true } })).map((b) => b.hostOrganizationId),
    );
    const last = await tx.bridgePoint.aggregate({ where: { conferenceId }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    const result = { created: [] as string[], skippedExisting: [] as string[], skippedDissolved: [] as string[] };
    for (const o of children) {
      if (options.onlyAdministrative && NON_ADMINISTRATIVE_LEVELS.includes(o.level.code)) continue;
      if (o.dissolvedOn && o.dissolvedOn <= options.at) {
        result.skippedDissolved.push(o.name);
        continue;
      }
      if (existing.has(o.id)) {
        result.skippedExisting.push(o.name);
        continue;
      }
      const b = await tx.bridgePoint.create({
        data: { conferenceId, position: position++, name: `Điểm cầu ${o.name}`, hostOrganizationId: o.id, accessKey: newBridgeKey(), posterKey: newBridgeKey() },
        select: { id: true },
      });
      await tx.attendee.updateMany({ where: { conferenceId, organizationId: o.id }, data: { bridgePointId: b.id } });
      result.created.push(o.name);
    }
    return result;
  });
}

/** Moves attendees of the conference to a bridge point (or the main hall); returns how many moved. */
export async function assignAttendees(conferenceId: string, bridgePointId: string | null, attendeeIds: string[]): Promise<number | null> {
  if (bridgePointId && !(await prisma.bridgePoint.findFirst({ where: { id: bridgePointId, conferenceId }, select: { id: true } }))) return null;
  const { count } = await prisma.attendee.updateMany({ where: { conferenceId, id: { in: attendeeIds } }, data: { bridgePointId } });
  return count;
}

export async function recordTest(bridgePointId: string, v: ConnectivityTestValues, by: { userId: string | null; userAgent: string }) {
  const now = new Date();
  await prisma.$transaction([
    prisma.connectivityTest.create({
      data: {
        bridgePointId,
        createdAt: now,
        userId: by.userId,
        operatorName: v.operatorName,
        latencyMs: v.latencyMs,
        jitterMs: v.jitterMs,
        lossPercent: v.lossPercent,
        downloadMbps: v.downloadMbps,
        uploadMbps: v.uploadMbps,
        camera: v.camera,
        microphone: v.microphone,
        screen: v.screen,
        sound: v.sound,
        backupConnection: v.backupConnection,
        notes: v.notes,
        result: v.result,
        userAgent: by.userAgent.slice(0, 300),
      },
    }),
    prisma.bridgePoint.update({ where: { id: bridgePointId }, data: { readiness: v.result, readinessAt: now } }),
  ]);
}

export const testSelect = {
  id: true,
  createdAt: true,
  operatorName: true,
  latencyMs: true,
  jitterMs: true,
  lossPercent: true,
  downloadMbps: true,
  uploadMbps: true,
  camera: true,
  microphone: true,
  screen: true,
  sound: true,
  backupConnection: true,
  notes: true,
  result: true,
} as const;

export function testHistory(bridgePointId: string, take = 50) {
  return prisma.connectivityTest.findMany({ where: { bridgePointId }, orderBy: { createdAt: "desc" }, take, select: testSelect });
}

const ORDER: Record<Readiness, number> = { FAILED: 0, UNTESTED: 1, PASSED: 2 };

/**
 * The readiness board: counts and every bridge point, problems first, with its last test and last request
 * e-mail. Related rows are read per conference, not per bridge: Prisma would load them with one bound
 * parameter per bridge point, and a nation-wide conference (3,300 bridges) passes SQLite's limit.
 */
export async function readinessBoard(conferenceId: string) {
  const [rows, hosts, tests, messages, attendeeCounts] = await Promise.all([
    prisma.bridgePoint.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        name: true,
        isMain: true,
        hostOrganizationId: true,
        contactName: true,
        contactPhone: true,
        contactEmail: true,
        readiness: true,
        readinessAt: true,
        testRequestedAt: true,
      },
    }),
    prisma.organization.findMany({ where: { bridgePoints: { some: { conferenceId } } }, select: { id: true, name: true } }),
    prisma.connectivityTest.findMany({
      where: { bridgePoint: { conferenceId } },
      orderBy: { createdAt: "desc" },
      select: { ...testSelect, bridgePointId: true },
    }),
    prisma.outboxMessage.findMany({
      where: { conferenceId, kind: "BRIDGE_TEST" },
      orderBy: { version: "desc" },
      select: { bridgePointId: true, status: true, lastError: true, version: true, sentAt: true },
    }),
    prisma.attendee.groupBy({ by: ["bridgePointId"], where: { conferenceId, bridgePointId: { not: null } }, _count: { _all: true } }),
  ]);
  const hostName = new Map(hosts.map((o) => [o.id, o.name]));
  const lastTest = new Map<string, (typeof tests)[number]>();
  for (const t of tests) if (!lastTest.has(t.bridgePointId)) lastTest.set(t.bridgePointId, t);
  const lastMessage = new Map<string, (typeof messages)[number]>();
  for (const m of messages) if (m.bridgePointId && !lastMessage.has(m.bridgePointId)) lastMessage.set(m.bridgePointId, m);
  const attendees = new Map(attendeeCounts.map((c) => [c.bridgePointId, c._count._all]));
  const bridges = rows
    .map(({ hostOrganizationId, ...b }) => {
      const found = lastTest.get(b.id);
      const last = found ? (({ bridgePointId: _, ...t }) => t)(found) : null;
      const message = lastMessage.get(b.id);
      return {
        ...b,
        hostOrganization: hostOrganizationId ? { name: hostName.get(hostOrganizationId) ?? "" } : null,
        attendees: attendees.get(b.id) ?? 0,
        last,
        gaps: last ? checklistGaps(last) : [],
        message: message ? { status: message.status, lastError: message.lastError, version: message.version, sentAt: message.sentAt } : null,
      };
    })
    .sort((a, b) => ORDER[a.readiness] - ORDER[b.readiness] || a.position - b.position);
  const count = (r: Readiness) => bridges.filter((b) => b.readiness === r).length;
  return {
    counts: { UNTESTED: count("UNTESTED"), PASSED: count("PASSED"), FAILED: count("FAILED"), requested: bridges.filter((b) => b.testRequestedAt).length, total: bridges.length },
    bridges,
  };
}

export async function scheduleTest(conferenceId: string, at: Date, note: string) {
  await prisma.conference.update({ where: { id: conferenceId }, data: { bridgeTestAt: at, bridgeTestNote: note } });
}

/** Message-ID of a bridge point's test request in a round. */
export function bridgeMessageId(round: number, bridgePointId: string): string {
  return messageIdFor("BRIDGE_TEST", round, `bridge-${bridgePointId}`);
}

export function bridgeTestSubject(title: string): string {
  return `[Kiểm tra điểm cầu] ${meetingName(title).replace(/[\r\n\t]+/g, " ").trim()}`;
}

/**
 * "Gửi e-mail đề nghị kiểm tra": when `round` is still the conference's current round, starts the next
 * one and queues one e-mail per bridge point that has not confirmed and has a contact e-mail.
 * A second press for the same round (double click, resubmitted form) finds the round moved on and
 * queues nothing. Returns null for a stale round.
 */
export async function requestBridgeTests(conferenceId: string, round: number): Promise<{ round: number; queued: number; withoutEmail: string[] } | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.conference.updateMany({ where: { id: conferenceId, bridgeTestRound: round }, data: { bridgeTestRound: round + 1 } });
    if (count !== 1) return null;
    const version = round + 1;
    const c = await tx.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { title: true } });
    const pending = await tx.bridgePoint.findMany({
      where: { conferenceId, readiness: { not: "PASSED" } },
      orderBy: { position: "asc" },
      select: { id: true, name: true, contactEmail: true },
    });
    const withEmail = pending.filter((b) => b.contactEmail.trim());
    const existing = new Set(
      (await tx.outboxMessage.findMany({ where: { conferenceId, kind: "BRIDGE_TEST", version }, select: { bridgePointId: true } })).map((m) => m.bridgePointId),
    );
    const fresh = withEmail.filter((b) => !existing.has(b.id));
    if (fresh.length) {
      await tx.outboxMessage.createMany({
        data: fresh.map((b) => ({
          conferenceId,
          attendeeId: null,
          bridgePointId: b.id,
          kind: "BRIDGE_TEST" as const,
          version,
          messageId: bridgeMessageId(version, b.id),
          toAddress: b.contactEmail.trim(),
          subject: bridgeTestSubject(c.title),
        })),
      });
      await tx.bridgePoint.updateMany({ where: { id: { in: fresh.map((b) => b.id) } }, data: { testRequestedAt: new Date() } });
    }
    return { round: version, queued: fresh.length, withoutEmail: pending.filter((b) => !b.contactEmail.trim()).map((b) => b.name) };
  });
}
