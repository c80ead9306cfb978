import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { bridgeIdPage } from "#app/database/bridge-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { ConnectivityTestValues } from "#app/bridges/bridge-form.ts";
import { checklistGaps, READINESS_LABEL, type Readiness } from "#app/bridges/verdict.ts";
import { instantOf, readRows, timeText, truthy } from "#app/database/raw-read.server.ts";

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

const historySql =
  () => `SELECT "id", ${timeText('"createdAt"')} AS "createdAt", "operatorName", "latencyMs", "jitterMs",
    "lossPercent", "downloadMbps", "uploadMbps", "camera", "microphone", "screen", "sound", "backupConnection", "notes", "result"
  FROM "ConnectivityTest" WHERE "bridgePointId" = ? ORDER BY "createdAt" DESC LIMIT ?`;

type HistoryRow = Record<keyof typeof testSelect, unknown>;
const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * A bridge point's last tests, newest first: the fields of `testSelect`, in one raw statement (the operator
 * page, which the edge answers, shows them on every open).
 */
export async function testHistory(bridgePointId: string, take = 50) {
  const rows = await readRows<HistoryRow>(historySql(), [bridgePointId, take]);
  return rows.map((r) => ({
    id: String(r.id),
    createdAt: instantOf(r.createdAt)!,
    operatorName: String(r.operatorName),
    latencyMs: numberOrNull(r.latencyMs),
    jitterMs: numberOrNull(r.jitterMs),
    lossPercent: numberOrNull(r.lossPercent),
    downloadMbps: numberOrNull(r.downloadMbps),
    uploadMbps: numberOrNull(r.uploadMbps),
    camera: truthy(r.camera),
    microphone: truthy(r.microphone),
    screen: truthy(r.screen),
    sound: truthy(r.sound),
    backupConnection: truthy(r.backupConnection),
    notes: String(r.notes),
    result: r.result as Readiness,
  }));
}

/** How many rows one page of the readiness board shows. */
export const BOARD_ROWS_PER_PAGE = 100;

export interface BoardQuery {
  q?: string;
  status?: Readiness | "";
  page?: number;
  perPage?: number;
}

/**
 * The readiness board: counts over every bridge point (in SQL) and one page of those the search and status
 * keep, problems first, with each one's last test and last request e-mail. Related rows are read for the
 * page's bridge points only, never per conference.
 */
export async function readinessBoard(conferenceId: string, query: BoardQuery = {}) {
  const perPage = query.perPage ?? BOARD_ROWS_PER_PAGE;
  const [found, byReadiness, requested, pending] = await Promise.all([
    bridgeIdPage(
      conferenceId,
      { q: query.q, readiness: query.status },
      { page: query.page ?? 1, perPage, order: "problems" },
    ),
    prisma.bridgePoint.groupBy({ by: ["readiness"], where: { conferenceId }, _count: { _all: true } }),
    prisma.bridgePoint.count({ where: { conferenceId, testRequestedAt: { not: null } } }),
    // Those a request e-mail would reach (app/bridges/test-request.server.ts trims the address too).
    prisma.$queryRaw<[{ n: number | bigint }]>`
      SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "BridgePoint"
      WHERE "conferenceId" = ${conferenceId} AND CAST("readiness" AS TEXT) <> 'PASSED' AND TRIM("contactEmail") <> ''`,
  ]);
  const ids = found.ids;
  const [rows, tests, messages, attendeeCounts] = ids.length
    ? await Promise.all([
        prisma.bridgePoint.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            position: true,
            name: true,
            isMain: true,
            hostOrganization: { select: { name: true } },
            contactName: true,
            contactPhone: true,
            contactEmail: true,
            readiness: true,
            readinessAt: true,
            testRequestedAt: true,
          },
        }),
        prisma.connectivityTest.findMany({
          where: { bridgePointId: { in: ids } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { ...testSelect, bridgePointId: true },
        }),
        prisma.outboxMessage.findMany({
          where: { conferenceId, kind: "BRIDGE_TEST", bridgePointId: { in: ids } },
          orderBy: { version: "desc" },
          select: { bridgePointId: true, status: true, lastError: true, version: true, sentAt: true },
        }),
        prisma.attendee.groupBy({
          by: ["bridgePointId"],
          where: { conferenceId, bridgePointId: { in: ids } },
          _count: { _all: true },
        }),
      ])
    : [[], [], [], []];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lastTest = new Map<string, (typeof tests)[number]>();
  for (const t of tests) if (!lastTest.has(t.bridgePointId)) lastTest.set(t.bridgePointId, t);
  const lastMessage = new Map<string, (typeof messages)[number]>();
  for (const m of messages)
    if (m.bridgePointId && !lastMessage.has(m.bridgePointId)) lastMessage.set(m.bridgePointId, m);
  const attendees = new Map(attendeeCounts.map((c) => [c.bridgePointId, c._count._all]));
  const bridges = ids.flatMap((id) => {
    const b = byId.get(id);
    if (!b) return [];
    const found = lastTest.get(id);
    const last = found ? (({ bridgePointId: _, ...t }) => t)(found) : null;
    const message = lastMessage.get(id);
    return [
      {
        ...b,
        attendees: attendees.get(id) ?? 0,
        last,
        gaps: last ? checklistGaps(last) : [],
        message: message
          ? { status: message.status, lastError: message.lastError, version: message.version, sentAt: message.sentAt }
          : null,
      },
    ];
  });
  const count = (r: Readiness) => byReadiness.find((g) => g.readiness === r)?._count._all ?? 0;
  return {
    counts: {
      UNTESTED: count("UNTESTED"),
      PASSED: count("PASSED"),
      FAILED: count("FAILED"),
      requested,
      total: byReadiness.reduce((n, g) => n + g._count._all, 0),
    },
    pendingWithEmail: Number(pending[0].n),
    paging: { page: found.page, pages: found.pages, matching: found.matching, perPage },
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
