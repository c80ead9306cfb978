import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { ConnectivityTestValues } from "#app/bridges/bridge-form.ts";
import { checklistGaps, READINESS_LABEL, type Readiness } from "#app/bridges/verdict.ts";

// Connectivity tests and the readiness board: what an operator records, the history of a bridge point,
// every bridge point's state for the organisers, and the scheduled test session.

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
