import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { listSnapshot, maskedSecret, personKey } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { env } from "#app/env.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { messageIdFor } from "#app/mailing/backoff.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";
import type { BridgeValues, ConnectivityTestValues } from "#app/bridges/bridge-form.ts";
import { newBridgeKey } from "#app/bridges/keys.ts";
import { checklistGaps, READINESS_LABEL, type Readiness } from "#app/bridges/verdict.ts";

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
    if (!b.accessKey)
      await prisma.bridgePoint.updateMany({
        where: { id: b.id, accessKey: null },
        data: { accessKey: newBridgeKey() },
      });
    if (!b.posterKey)
      await prisma.bridgePoint.updateMany({
        where: { id: b.id, posterKey: null },
        data: { posterKey: newBridgeKey() },
      });
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
  return rows.map(({ _count, accessKey, ...b }) => ({
    ...b,
    attendees: _count.attendees,
    operatorLink: operatorLink(accessKey!),
  }));
}

/** Organisations that may host a bridge point: the conference's organisation and everything below it. */
export async function hostOptions(conferenceOrganizationId: string) {
  const ids = await organizationScope(conferenceOrganizationId, true);
  const orgs = await prisma.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, parentId: true, dissolvedOn: true },
  });
  return treeOrder(orgs, conferenceOrganizationId);
}

/** Depth-first order with depths, for indented <option>s. */
function treeOrder<T extends { id: string; name: string; parentId: string | null }>(
  orgs: T[],
  rootId: string,
): Array<T & { depth: number }> {
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

const bridgeAuditSelect = {
  name: true,
  hostOrganization: { select: { name: true } },
  address: true,
  room: true,
  isMain: true,
  videoLink: true,
  videoPasscode: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
} as const;

/** A bridge point as the audit trail compares it; the passcode only as "set" or "changed". */
async function bridgeSnapshot(tx: Prisma.TransactionClient, id: string) {
  const b = await tx.bridgePoint.findUnique({ where: { id }, select: bridgeAuditSelect });
  if (!b) return null;
  const { hostOrganization, videoPasscode, ...rest } = b;
  return { ...rest, hostOrganization: hostOrganization?.name ?? "", videoPasscode };
}

function withMaskedPasscodes<T extends { videoPasscode: string }>(
  before: T | null,
  after: T | null,
): [T | null, T | null] {
  const [b, a] = maskedSecret(before?.videoPasscode, after?.videoPasscode);
  return [before ? { ...before, videoPasscode: b } : null, after ? { ...after, videoPasscode: a } : null];
}

export async function createBridge(actor: AuditActor, conferenceId: string, v: BridgeValues): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.bridgePoint.aggregate({ where: { conferenceId }, _max: { position: true } });
    // One main site: marking this one unmarks the others.
    if (v.isMain) await tx.bridgePoint.updateMany({ where: { conferenceId }, data: { isMain: false } });
    const row = await tx.bridgePoint.create({
      data: {
        conferenceId,
        position: (last._max.position ?? -1) + 1,
        ...bridgeData(v),
        accessKey: newBridgeKey(),
        posterKey: newBridgeKey(),
      },
      select: { id: true },
    });
    const [, after] = withMaskedPasscodes(null, await bridgeSnapshot(tx, row.id));
    await recordAudit(tx, actor, {
      action: "bridge.create",
      entity: "BridgePoint",
      entityId: row.id,
      summary: `Thêm điểm cầu “${v.name}”`,
      after,
      conferenceId,
    });
    return row.id;
  });
}

export async function updateBridge(
  actor: AuditActor,
  conferenceId: string,
  id: string,
  v: BridgeValues,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.bridgePoint.findFirst({ where: { id, conferenceId }, select: { id: true } });
    if (!found) return false;
    const rawBefore = await bridgeSnapshot(tx, id);
    if (v.isMain)
      await tx.bridgePoint.updateMany({ where: { conferenceId, id: { not: id } }, data: { isMain: false } });
    await tx.bridgePoint.update({ where: { id }, data: bridgeData(v) });
    const [before, after] = withMaskedPasscodes(rawBefore, await bridgeSnapshot(tx, id));
    await recordAudit(tx, actor, {
      action: "bridge.update",
      entity: "BridgePoint",
      entityId: id,
      summary: `Sửa điểm cầu “${v.name}”`,
      before,
      after,
      conferenceId,
    });
    return true;
  });
}

/** Deletes a bridge point; its attendees go back to the main hall, its tests go with it. */
export async function deleteBridge(actor: AuditActor, conferenceId: string, id: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.bridgePoint.findFirst({ where: { id, conferenceId }, select: { id: true } });
    if (!found) return false;
    const [before] = withMaskedPasscodes(await bridgeSnapshot(tx, id), null);
    const attendees = await tx.attendee.count({ where: { bridgePointId: id } });
    const { count } = await tx.bridgePoint.deleteMany({ where: { id, conferenceId } });
    if (count !== 1) return false;
    await recordAudit(tx, actor, {
      action: "bridge.delete",
      entity: "BridgePoint",
      entityId: id,
      summary: `Xóa điểm cầu “${before?.name ?? ""}”${attendees ? `; ${attendees} đại biểu chuyển về hội trường` : ""}`,
      before,
      conferenceId,
    });
    return true;
  });
}

/** Level codes of bodies that are not administrative units (departments, offices, other agencies). */
const NON_ADMINISTRATIVE_LEVELS = ["SO", "PHONG", "CO_QUAN"];

/**
 * One bridge point per child organisation of `parentId`: skips bodies that had ceased to exist by the
 * conference (or today, for a conference without a date) and bodies that already host one; moves the
 * attendees of each new host organisation to it. Returns the names created and skipped.
 */
export async function bulkCreateBridges(
  actor: AuditActor,
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
      (
        await tx.bridgePoint.findMany({
          where: { conferenceId, hostOrganizationId: { not: null } },
          select: { hostOrganizationId: true },
        })
      ).map((b) => b.hostOrganizationId),
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
        data: {
          conferenceId,
          position: position++,
          name: `Điểm cầu ${o.name}`,
          hostOrganizationId: o.id,
          accessKey: newBridgeKey(),
          posterKey: newBridgeKey(),
        },
        select: { id: true },
      });
      await tx.attendee.updateMany({ where: { conferenceId, organizationId: o.id }, data: { bridgePointId: b.id } });
      result.created.push(o.name);
    }
    if (result.created.length) {
      const parent = await tx.organization.findUnique({ where: { id: parentId }, select: { name: true } });
      await recordAudit(tx, actor, {
        action: "bridge.create-many",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Tạo ${result.created.length} điểm cầu cho các đơn vị trực thuộc ${parent?.name ?? ""}`,
        after: {
          created: result.created,
          skippedExisting: result.skippedExisting,
          skippedDissolved: result.skippedDissolved,
        },
        conferenceId,
      });
    }
    return result;
  });
}

/** Moves attendees of the conference to a bridge point (or the main hall); returns how many moved. */
export async function assignAttendees(
  actor: AuditActor,
  conferenceId: string,
  bridgePointId: string | null,
  attendeeIds: string[],
): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const target = bridgePointId
      ? await tx.bridgePoint.findFirst({ where: { id: bridgePointId, conferenceId }, select: { id: true, name: true } })
      : null;
    if (bridgePointId && !target) return null;
    const moving = await tx.attendee.findMany({
      where: { conferenceId, id: { in: attendeeIds } },
      select: { name: true, email: true, bridgePoint: { select: { name: true } } },
    });
    const { count } = await tx.attendee.updateMany({
      where: { conferenceId, id: { in: attendeeIds } },
      data: { bridgePointId },
    });
    const place = target?.name ?? "Hội trường";
    if (count) {
      await recordAudit(tx, actor, {
        action: "attendee.assign-bridge",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Chuyển ${count} đại biểu về ${target ? `điểm cầu “${place}”` : "hội trường"}`,
        before: listSnapshot(moving.map((a) => [personKey(a), a.bridgePoint?.name ?? "Hội trường"])),
        after: listSnapshot(moving.map((a) => [personKey(a), place])),
        conferenceId,
      });
    }
    return count;
  });
}

/** Records a connectivity test; `actor` is the operator link's holder or the signed-in organiser. */
export async function recordTest(
  actor: AuditActor,
  bridgePointId: string,
  v: ConnectivityTestValues,
  by: { userId: string | null; userAgent: string },
) {
  const now = new Date();
  // What the operator measured and ticked: stored on the test and shown in the audit trail alike.
  const measured = {
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
  };
  await prisma.$transaction(async (tx) => {
    const before = await tx.bridgePoint.findUniqueOrThrow({
      where: { id: bridgePointId },
      select: { name: true, conferenceId: true, readiness: true },
    });
    const test = await tx.connectivityTest.create({
      data: {
        bridgePointId,
        createdAt: now,
        userId: by.userId,
        ...measured,
        result: v.result,
        userAgent: by.userAgent.slice(0, 300),
      },
      select: { id: true },
    });
    await tx.bridgePoint.update({ where: { id: bridgePointId }, data: { readiness: v.result, readinessAt: now } });
    await recordAudit(tx, actor, {
      action: "bridge.test",
      entity: "ConnectivityTest",
      entityId: test.id,
      summary: `Điểm cầu “${before.name}” ghi kết quả kiểm tra kết nối: ${READINESS_LABEL[v.result]}`,
      before: { readiness: before.readiness },
      after: {
        readiness: v.result,
        ...measured,
      },
      conferenceId: before.conferenceId,
    });
  });
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
  return prisma.connectivityTest.findMany({
    where: { bridgePointId },
    orderBy: { createdAt: "desc" },
    take,
    select: testSelect,
  });
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
    prisma.organization.findMany({
      where: { bridgePoints: { some: { conferenceId } } },
      select: { id: true, name: true },
    }),
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
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, bridgePointId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const hostName = new Map(hosts.map((o) => [o.id, o.name]));
  const lastTest = new Map<string, (typeof tests)[number]>();
  for (const t of tests) if (!lastTest.has(t.bridgePointId)) lastTest.set(t.bridgePointId, t);
  const lastMessage = new Map<string, (typeof messages)[number]>();
  for (const m of messages)
    if (m.bridgePointId && !lastMessage.has(m.bridgePointId)) lastMessage.set(m.bridgePointId, m);
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
        message: message
          ? { status: message.status, lastError: message.lastError, version: message.version, sentAt: message.sentAt }
          : null,
      };
    })
    .sort((a, b) => ORDER[a.readiness] - ORDER[b.readiness] || a.position - b.position);
  const count = (r: Readiness) => bridges.filter((b) => b.readiness === r).length;
  return {
    counts: {
      UNTESTED: count("UNTESTED"),
      PASSED: count("PASSED"),
      FAILED: count("FAILED"),
      requested: bridges.filter((b) => b.testRequestedAt).length,
      total: bridges.length,
    },
    bridges,
  };
}

export async function scheduleTest(actor: AuditActor, conferenceId: string, at: Date, note: string) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: { bridgeTestAt: true, bridgeTestNote: true },
    });
    await tx.conference.update({ where: { id: conferenceId }, data: { bridgeTestAt: at, bridgeTestNote: note } });
    await recordAudit(tx, actor, {
      action: "bridge.test-schedule",
      entity: "Conference",
      entityId: conferenceId,
      summary: "Hẹn lịch kiểm tra kết nối các điểm cầu",
      before,
      after: { bridgeTestAt: at, bridgeTestNote: note },
      conferenceId,
    });
  });
}

/** Message-ID of a bridge point's test request in a round. */
export function bridgeMessageId(round: number, bridgePointId: string): string {
  return messageIdFor("BRIDGE_TEST", round, `bridge-${bridgePointId}`);
}

export function bridgeTestSubject(title: string): string {
  return `[Kiểm tra điểm cầu] ${meetingName(title)
    .replace(/[\r\n\t]+/g, " ")
    .trim()}`;
}

/**
 * "Gửi e-mail đề nghị kiểm tra": when `round` is still the conference's current round, starts the next
 * one and queues one e-mail per bridge point that has not confirmed and has a contact e-mail.
 * A second press for the same round (double click, resubmitted form) finds the round moved on and
 * queues nothing. Returns null for a stale round.
 */
export async function requestBridgeTests(
  actor: AuditActor,
  conferenceId: string,
  round: number,
): Promise<{ round: number; queued: number; withoutEmail: string[] } | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.conference.updateMany({
      where: { id: conferenceId, bridgeTestRound: round },
      data: { bridgeTestRound: round + 1 },
    });
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
      (
        await tx.outboxMessage.findMany({
          where: { conferenceId, kind: "BRIDGE_TEST", version },
          select: { bridgePointId: true },
        })
      ).map((m) => m.bridgePointId),
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
      await tx.bridgePoint.updateMany({
        where: { id: { in: fresh.map((b) => b.id) } },
        data: { testRequestedAt: new Date() },
      });
    }
    const withoutEmail = pending.filter((b) => !b.contactEmail.trim()).map((b) => b.name);
    await recordAudit(tx, actor, {
      action: "bridge.test-request",
      entity: "Conference",
      entityId: conferenceId,
      summary: `Đưa ${fresh.length} thư đề nghị kiểm tra kết nối vào hàng đợi gửi (lượt ${version})`,
      before: { bridgeTestRound: round },
      after: { bridgeTestRound: version, count: fresh.length, recipients: fresh.map((b) => b.name), withoutEmail },
      conferenceId,
    });
    return {
      round: version,
      queued: fresh.length,
      withoutEmail: pending.filter((b) => !b.contactEmail.trim()).map((b) => b.name),
    };
  });
}
