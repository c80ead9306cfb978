// What the organisers' and IT support's bridge pages show: the paged, searchable list of a conference's
// bridge points with the attendees to assign, one bridge point with its history, and the readiness board
// narrowed by a search and a status. The guard (app/auth/guard.server.ts) has let the user in before.

import type { CurrentUser } from "#app/auth/session.server.ts";
import type { BridgeConference } from "#app/bridges/access.server.ts";
import { bridgeFields, hostOptions, listBridges, parentOptions } from "#app/bridges/bridges.server.ts";
import { ensureKeys, operatorLink } from "#app/bridges/links.server.ts";
import { readinessBoard, testHistory } from "#app/bridges/readiness.server.ts";
import { notFound } from "#app/auth/guard.server.ts";
import { pickAttendees, pickerLabel, pickerWords } from "#app/database/attendee-search.server.ts";
import { bridgeChoices, bridgeIdPage } from "#app/database/bridge-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { formatDateTime, toLocalInputValue } from "#app/lib/vietnamese-date.ts";

// A province-wide conference has about 100 bridge points, a nation-wide one over 3,300: the list is paged
// and searchable, and the assignment list shows the attendees a search finds.
const BRIDGES_PER_PAGE = 100;
const ATTENDEES_SHOWN = 200;
const BRIDGE_ATTENDEES_PER_PAGE = 100;

const query = (params: URLSearchParams, name: string) => (params.get(name) ?? "").slice(0, 100);

/** Organisations that may host a bridge point, for the editor's <select>. */
export async function hostChoices(c: BridgeConference) {
  const hosts = c.canManage ? await hostOptions(c.organizationId) : [];
  return hosts.map((h) => ({ id: h.id, name: h.name, depth: h.depth, dissolved: !!h.dissolvedOn }));
}

/**
 * The attendees the assignment list shows: the first ATTENDEES_SHOWN by unit and name, or those the folded
 * search `aq` finds (in their name, unit or current bridge point); never every attendee.
 */
async function attendeesToAssign(conferenceId: string, aq: string) {
  if (pickerWords(aq).length) {
    return pickAttendees(conferenceId, aq, { bridgeName: true, order: "organization", limit: ATTENDEES_SHOWN });
  }
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null },
    orderBy: [{ organizationName: "asc" }, { name: "asc" }, { id: "asc" }],
    take: ATTENDEES_SHOWN + 1,
    select: { id: true, name: true, position: true, organizationName: true, bridgePoint: { select: { name: true } } },
  });
  return { rows: rows.slice(0, ATTENDEES_SHOWN), more: rows.length > ATTENDEES_SHOWN };
}

/** The list page: a page of bridge points matching `q` (found, counted and paged in SQL), and the forms' choices. */
export async function bridgeListPage(c: BridgeConference, user: CurrentUser, params: URLSearchParams) {
  const q = query(params, "q");
  const aq = query(params, "aq");
  const bq = query(params, "bq");
  const requested = Number.parseInt(params.get("page") ?? "1", 10) || 1;
  const [found, byReadiness, hosts, parents, attendeeTotal, toAssign, choices] = await Promise.all([
    bridgeIdPage(c.id, { q }, { page: requested, perPage: BRIDGES_PER_PAGE, order: "position" }),
    prisma.bridgePoint.groupBy({ by: ["readiness"], where: { conferenceId: c.id }, _count: { _all: true } }),
    hostChoices(c),
    c.canManage ? parentOptions(user.visibleOrganizationIds) : Promise.resolve([]),
    c.canManage ? prisma.attendee.count({ where: { conferenceId: c.id, revokedAt: null } }) : 0,
    c.canManage ? attendeesToAssign(c.id, aq) : { rows: [], more: false },
    c.canManage ? bridgeChoices(c.id, bq) : null,
  ]);
  const bridges = await listBridges(c.id, found.ids);
  const countOf = (r: string) => byReadiness.find((g) => g.readiness === r)?._count._all ?? 0;
  return {
    conference: { id: c.id, title: c.title, testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null },
    canManage: c.canManage,
    totals: {
      bridges: byReadiness.reduce((n, g) => n + g._count._all, 0),
      passed: countOf("PASSED"),
      attendees: attendeeTotal,
    },
    paging: {
      q,
      page: found.page,
      pages: found.pages,
      matching: found.matching,
      from: (found.page - 1) * BRIDGES_PER_PAGE + 1,
      aq,
      bq,
      attendeesSearched: pickerWords(aq).length > 0,
      attendeesMore: toAssign.more,
    },
    bridgeChoices: choices ?? { rows: [], total: 0, matching: 0, searched: false, limited: false, q: bq },
    bridges: bridges.map((b) => ({
      ...b,
      readinessAt: b.readinessAt ? formatDateTime(b.readinessAt) : null,
      // Passcodes and operator links are for organisers only.
      videoPasscode: c.canManage ? b.videoPasscode : "",
      operatorLink: c.canManage ? b.operatorLink : "",
    })),
    hosts,
    parents: parents.map((p) => ({ id: p.id, name: p.name, children: p._count.children })),
    attendees: toAssign.rows.map((a) => ({
      id: a.id,
      label: pickerLabel(a),
      site: a.bridgePoint?.name ?? "Hội trường chính",
    })),
  };
}

/** One bridge point of the conference (keys made if missing), or a 404. */
export async function conferenceBridge(conferenceId: string, bridgeId: string | undefined) {
  await ensureKeys({ ids: [bridgeId ?? ""] });
  const b = await prisma.bridgePoint.findFirst({
    where: { id: bridgeId ?? "", conferenceId },
    select: { ...bridgeFields, posterKey: true, testRequestedAt: true, _count: { select: { attendees: true } } },
  });
  if (!b) notFound("Không tìm thấy điểm cầu này.");
  return b;
}

/**
 * The bridge point's page: its facts (passcode and links for organisers only), one page of its attendees
 * (a bridge point of a large conference seats thousands) and its tests.
 */
export async function bridgePage(
  c: BridgeConference,
  b: Awaited<ReturnType<typeof conferenceBridge>>,
  params: URLSearchParams,
) {
  const attendeePages = Math.max(1, Math.ceil(b._count.attendees / BRIDGE_ATTENDEES_PER_PAGE));
  const page = Math.min(attendeePages, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const [history, hosts, attendees] = await Promise.all([
    testHistory(b.id),
    hostChoices(c),
    prisma.attendee.findMany({
      where: { bridgePointId: b.id, revokedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * BRIDGE_ATTENDEES_PER_PAGE,
      take: BRIDGE_ATTENDEES_PER_PAGE,
      select: { id: true, name: true, position: true, organizationName: true },
    }),
  ]);
  const { accessKey, posterKey, _count, readinessAt, testRequestedAt, ...bridge } = b;
  return {
    conference: { id: c.id, title: c.title },
    canManage: c.canManage,
    bridge: {
      ...bridge,
      videoPasscode: c.canManage ? bridge.videoPasscode : "",
      operatorLink: c.canManage ? operatorLink(accessKey!) : "",
      posterPath: c.canManage ? `/d/${posterKey}` : "",
      attendeeCount: _count.attendees,
      readinessAt: readinessAt ? formatDateTime(readinessAt) : null,
      testRequestedAt: testRequestedAt ? formatDateTime(testRequestedAt) : null,
    },
    hosts,
    attendees,
    attendeePaging: { page, pages: attendeePages, from: (page - 1) * BRIDGE_ATTENDEES_PER_PAGE + 1 },
    history: history.map(({ createdAt, ...t }) => ({ ...t, when: formatDateTime(createdAt) })),
  };
}

/** The readiness board, problems first, a page at a time of what the search and status keep. */
export async function readinessPage(c: BridgeConference, params: URLSearchParams) {
  const q = query(params, "q");
  const statusParam = params.get("status") ?? "";
  const status = statusParam === "FAILED" || statusParam === "UNTESTED" || statusParam === "PASSED" ? statusParam : "";
  const page = Number.parseInt(params.get("page") ?? "1", 10) || 1;
  const board = await readinessBoard(c.id, { q, status, page });
  return {
    filter: { q, status, matching: board.paging.matching },
    paging: board.paging,
    conference: {
      id: c.id,
      title: c.title,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null,
      testAtValue: toLocalInputValue(c.bridgeTestAt),
      testNote: c.bridgeTestNote,
      round: c.bridgeTestRound,
    },
    canManage: c.canManage,
    counts: board.counts,
    pendingWithEmail: board.pendingWithEmail,
    bridges: board.bridges.map((b) => ({
      id: b.id,
      name: b.name,
      isMain: b.isMain,
      host: b.hostOrganization?.name ?? "",
      readiness: b.readiness,
      contact: { name: b.contactName, phone: b.contactPhone, email: b.contactEmail },
      attendees: b.attendees,
      requestedAt: b.testRequestedAt ? formatDateTime(b.testRequestedAt) : null,
      last: b.last
        ? {
            when: formatDateTime(b.last.createdAt),
            latencyMs: b.last.latencyMs,
            jitterMs: b.last.jitterMs,
            lossPercent: b.last.lossPercent,
            downloadMbps: b.last.downloadMbps,
            uploadMbps: b.last.uploadMbps,
            notes: b.last.notes,
            operatorName: b.last.operatorName,
          }
        : null,
      gaps: b.gaps,
      message: b.message ? { status: b.message.status, error: b.message.lastError } : null,
    })),
  };
}
