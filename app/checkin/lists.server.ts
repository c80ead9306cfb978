// Check-in lists (entrances of the hall, one per bridge point), who may use them, their counters,
// the name search of the scanner page and walk-in registration.

import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import type { ConferenceAccess } from "#app/auth/guard.server.ts";
import { forbidden } from "#app/auth/guard.server.ts";
import { prisma } from "#app/db.server.ts";
import { newToken, signingKeys } from "#app/invitations/signing.server.ts";
import { conferenceKeyFor, conferenceKeyString } from "#app/invitations/tokens.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import type { WalkInValues } from "#app/checkin/scanner/walk-in-form.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

export const PRESENT_STATUSES = ["IN_PERSON", "ONLINE", "SUBSTITUTE"] as const;

export function notFound(): never {
  throw new Response("Không tìm thấy hội nghị hoặc danh sách điểm danh này.", { status: 404 });
}

/** What the check-in pages need of a conference the guard let the user into with "attendance.take". */
export interface CheckinScope {
  conference: {
    id: string;
    title: string;
    status: string;
    organizationId: string;
    bridgePoints: Array<{ id: string; name: string; position: number; isMain: boolean }>;
  };
  /** Every list of the conference (organisers, check-in staff); false: a bridge operator's own lists only. */
  staff: boolean;
  /** Create, rename and delete lists ("conference.edit"). */
  canManage: boolean;
  /** Bridge points this user operates, when that is all they may check in at. */
  operatedBridgeIds: string[];
}

/**
 * The check-in view of a guarded conference: a 404 for a remediation plan (it has no check-in), the
 * bridge points, and whether the user's "attendance.take" is limited to the bridges they operate.
 */
export async function checkinScope(access: ConferenceAccess): Promise<CheckinScope> {
  if (access.conference.kind !== "CONFERENCE") notFound();
  const bridgePoints = await prisma.bridgePoint.findMany({
    where: { conferenceId: access.conference.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, isMain: true },
  });
  const staff = !access.onlyOperatedBridges("attendance.take");
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      status: access.conference.status,
      organizationId: access.conference.organizationId,
      bridgePoints,
    },
    staff,
    canManage: access.can("conference.edit"),
    operatedBridgeIds: staff ? [] : access.operatedBridgeIds,
  };
}

export function mayUseList(scope: CheckinScope, list: { bridgePointId: string | null }): boolean {
  return scope.staff || (list.bridgePointId !== null && scope.operatedBridgeIds.includes(list.bridgePointId));
}

const listSelect = {
  id: true,
  name: true,
  position: true,
  bridgePointId: true,
  bridgePoint: { select: { name: true } },
} as const;

/** The lists this user may use, in order. */
export async function visibleLists(access: CheckinScope) {
  const lists = await prisma.checkinList.findMany({
    where: { conferenceId: access.conference.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: listSelect,
  });
  return lists.filter((l) => mayUseList(access, l));
}

/** One list the user may use, or a 404. */
export async function usableList(access: CheckinScope, listId: string) {
  const list = await prisma.checkinList.findFirst({
    where: { id: listId, conferenceId: access.conference.id },
    select: listSelect,
  });
  if (!list) notFound();
  // The user already knows the conference (the guard let them in): another bridge's list is refused.
  if (!mayUseList(access, list))
    forbidden("Danh sách điểm danh này thuộc điểm cầu khác; bạn chỉ điểm danh tại điểm cầu của mình.");
  return list;
}

export interface ListCounts {
  /** Expected attendees at the list who are present (anywhere). */
  present: number;
  /** Non-revoked attendees expected there: assigned to the list's bridge point, or to the hall (no bridge point, or the main one). */
  expected: number;
  /** Recorded present through this list. */
  here: number;
}

/** "x / y đã có mặt" for each list, with two grouped queries whatever the number of lists. */
export async function listCounts(
  conferenceId: string,
  lists: ReadonlyArray<{ id: string; bridgePointId: string | null }>,
): Promise<Map<string, ListCounts>> {
  const [expected, present, here, mains] = await Promise.all([
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, revokedAt: null },
      _count: { _all: true },
    }),
    prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId, revokedAt: null, attendance: { is: { status: { in: [...PRESENT_STATUSES] } } } },
      _count: { _all: true },
    }),
    prisma.attendance.groupBy({
      by: ["checkinListId"],
      where: { conferenceId, status: { in: [...PRESENT_STATUSES] }, checkinListId: { in: lists.map((l) => l.id) } },
      _count: { _all: true },
    }),
    prisma.bridgePoint.findMany({ where: { conferenceId, isMain: true }, select: { id: true } }),
  ]);
  const hall = new Set<string | null>([null, ...mains.map((m) => m.id)]);
  const site = (id: string | null) => (hall.has(id) ? null : id);
  const byBridge = (rows: Array<{ bridgePointId: string | null; _count: { _all: number } }>, id: string | null) =>
    rows.filter((r) => site(r.bridgePointId) === site(id)).reduce((n, r) => n + r._count._all, 0);
  return new Map(
    lists.map((l) => [
      l.id,
      {
        present: byBridge(present, l.bridgePointId),
        expected: byBridge(expected, l.bridgePointId),
        here: here.find((r) => r.checkinListId === l.id)?._count._all ?? 0,
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Managing lists

export const listNameSchema = z
  .string({ error: "Nhập tên danh sách điểm danh" })
  .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
  .pipe(z.string().min(1, "Nhập tên danh sách điểm danh").max(120, "Tên danh sách dài quá 120 ký tự"));

export async function nameTaken(conferenceId: string, name: string, exceptId?: string): Promise<boolean> {
  const row = await prisma.checkinList.findFirst({
    where: { conferenceId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return !!row;
}

const listAudit = (l: { name: string; bridgePointId: string | null; position: number }) => ({
  name: l.name,
  bridgePointId: l.bridgePointId,
  position: l.position,
});

export async function createList(
  conferenceId: string,
  organizationId: string,
  name: string,
  bridgePointId: string | null,
  actor: AuditActor,
) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.checkinList.aggregate({ where: { conferenceId }, _max: { position: true } });
    const list = await tx.checkinList.create({
      data: { conferenceId, name, bridgePointId, position: (last._max.position ?? -1) + 1 },
      select: { id: true, name: true, bridgePointId: true, position: true },
    });
    await recordAudit(tx, actor, {
      action: "checkin-list.create",
      entity: "CheckinList",
      entityId: list.id,
      summary: `Tạo danh sách điểm danh “${name}”`,
      after: listAudit(list),
      organizationId,
      conferenceId,
    });
    return { id: list.id, name: list.name };
  });
}

/** Renames a list of the conference; null when it is not one of its lists. */
export async function renameList(
  conferenceId: string,
  organizationId: string,
  listId: string,
  name: string,
  actor: AuditActor,
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.checkinList.findFirst({
      where: { id: listId, conferenceId },
      select: { id: true, name: true, bridgePointId: true, position: true },
    });
    if (!before) return null;
    const after = await tx.checkinList.update({
      where: { id: before.id },
      data: { name },
      select: { name: true, bridgePointId: true, position: true },
    });
    await recordAudit(tx, actor, {
      action: "checkin-list.rename",
      entity: "CheckinList",
      entityId: before.id,
      summary: `Đổi tên danh sách điểm danh “${before.name}” thành “${name}”`,
      before: listAudit(before),
      after: listAudit(after),
      organizationId,
      conferenceId,
    });
    return { id: before.id, name };
  });
}

/** Deletes a list of the conference (its attendance and scans stay); null when it is not one of its lists. */
export async function deleteList(conferenceId: string, organizationId: string, listId: string, actor: AuditActor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.checkinList.findFirst({
      where: { id: listId, conferenceId },
      select: { id: true, name: true, bridgePointId: true, position: true },
    });
    if (!before) return null;
    await tx.checkinList.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "checkin-list.delete",
      entity: "CheckinList",
      entityId: before.id,
      summary: `Xóa danh sách điểm danh “${before.name}”`,
      before: listAudit(before),
      organizationId,
      conferenceId,
    });
    return { id: before.id, name: before.name };
  });
}

/** A list for every bridge point that has none, named after the bridge point; returns how many were created. */
export async function createBridgeLists(
  conferenceId: string,
  organizationId: string,
  actor: AuditActor,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const bridges = await tx.bridgePoint.findMany({
      // The main bridge point is the hall: its entrances have their own lists.
      where: { conferenceId, isMain: false, checkinLists: { none: {} } },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    });
    const names = new Set(
      (await tx.checkinList.findMany({ where: { conferenceId }, select: { name: true } })).map((l) => l.name),
    );
    const last = await tx.checkinList.aggregate({ where: { conferenceId }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    for (const b of bridges) {
      let name = b.name;
      for (let n = 2; names.has(name); n++) name = `${b.name} (${n})`;
      names.add(name);
      const list = await tx.checkinList.create({
        data: { conferenceId, name, bridgePointId: b.id, position: position++ },
        select: { id: true, name: true, bridgePointId: true, position: true },
      });
      await recordAudit(tx, actor, {
        action: "checkin-list.create",
        entity: "CheckinList",
        entityId: list.id,
        summary: `Tạo danh sách điểm danh “${name}” cho điểm cầu`,
        after: listAudit(list),
        organizationId,
        conferenceId,
      });
    }
    return bridges.length;
  });
}

// ---------------------------------------------------------------------------------------------------------
// What the scanner page needs to verify tokens offline: the public key, this conference's key and the
// revoked invitations. Nothing else about attendees leaves the server.

export async function revokedKeys(conferenceId: string): Promise<string[]> {
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: { not: null } },
    select: { invitationKey: true },
  });
  return rows.map((r) => r.invitationKey);
}

export async function offlineKeys(conferenceId: string) {
  return {
    publicKey: Buffer.from(signingKeys().publicKeyRaw).toString("base64url"),
    conferenceKey: conferenceKeyString(conferenceKeyFor(conferenceId)),
    revokedKeys: await revokedKeys(conferenceId),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Search by name

export interface SearchHit {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  present: boolean;
  walkIn: boolean;
}

export const SEARCH_MIN_CHARS = 2;
const SEARCH_LIMIT = 20;

/** Attendees of the conference whose name (or organisation) holds every word typed; revoked invitations are left out. */
export async function searchAttendees(
  conferenceId: string,
  query: string,
  bridgePointIds: string[] | null,
): Promise<SearchHit[]> {
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  if (words.join("").length < SEARCH_MIN_CHARS) return [];
  const rows = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null, ...(bridgePointIds ? { bridgePointId: { in: bridgePointIds } } : {}) },
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      walkIn: true,
      attendance: { select: { status: true } },
    },
  });
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const r of rows) {
    const name = foldVietnamese(r.name);
    const haystack = `${name} ${foldVietnamese(r.organizationName)}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    const rank = name.startsWith(words[0]!) ? 0 : name.split(" ").some((part) => part.startsWith(words[0]!)) ? 1 : 2;
    hits.push({
      id: r.id,
      name: r.name,
      position: r.position,
      organizationName: r.organizationName,
      walkIn: r.walkIn,
      present: !!r.attendance && (PRESENT_STATUSES as readonly string[]).includes(r.attendance.status),
      rank,
    });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "vi"))
    .slice(0, SEARCH_LIMIT)
    .map(({ rank: _r, ...h }) => h);
}

// ---------------------------------------------------------------------------------------------------------
// Walk-in registration (đăng ký tại chỗ)

/** A placeholder address for a walk-in without e-mail: unique per conference, never mailed (no outbox row). */
export function placeholderEmail(): string {
  return `walkin-${randomBytes(6).toString("hex")}@khach.local`;
}

export type WalkInOutcome =
  | { ok: true; attendeeId: string; response: CheckinResponse }
  | { ok: false; field: "email" | "groupId" | "form"; message: string };

/**
 * Creates the attendee (walkIn, fresh token, at the list's bridge point or the hall) and records them
 * present. Nothing stays half-saved: when the check-in does not accept, the new attendee is removed.
 */
export async function registerWalkIn(input: {
  conferenceId: string;
  list: { id: string; bridgePointId: string | null };
  values: WalkInValues;
  userId: string;
  /** The signed-in user (their scanner session's replay scope is not needed: the nonce is made here). */
  actor: AuditActor;
}): Promise<WalkInOutcome> {
  const { conferenceId, list, values } = input;
  if (values.groupId) {
    const group = await prisma.attendeeGroup.findFirst({
      where: { id: values.groupId, conferenceId },
      select: { id: true },
    });
    if (!group) return { ok: false, field: "groupId", message: "Nhóm đại biểu không thuộc hội nghị này" };
  }
  if (values.email) {
    const existing = await prisma.attendee.findFirst({
      where: { conferenceId, email: values.email },
      select: { name: true },
    });
    if (existing) {
      return {
        ok: false,
        field: "email",
        message: `Thư điện tử này đã có trong danh sách (${existing.name}): hãy tìm theo tên để điểm danh`,
      };
    }
  }
  const { token, invitationKey } = newToken(conferenceId);
  const email = values.email ?? placeholderEmail();
  let attendeeId: string;
  try {
    const created = await prisma.attendee.create({
      data: {
        conferenceId,
        name: values.name,
        position: values.position,
        organizationName: values.organizationName,
        groupId: values.groupId || null,
        email,
        bridgePointId: list.bridgePointId,
        token,
        invitationKey,
        rsvp: "ACCEPTED",
        respondedAt: new Date(),
        walkIn: true,
      },
      select: { id: true },
    });
    attendeeId = created.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        field: "email",
        message: "Thư điện tử này đã có trong danh sách: hãy tìm theo tên để điểm danh",
      };
    }
    throw error;
  }
  let response: CheckinResponse;
  try {
    response = await checkIn({
      conferenceId,
      listId: list.id,
      attendeeId,
      deviceId: values.deviceId,
      nonce: randomUUID(),
      scannedAt: new Date(),
      method: "WALK_IN",
      userId: input.userId,
      credentialKey: "walk-in",
      // One audit row for the new attendee and their attendance, written with the attendance.
      audit: {
        actor: input.actor,
        action: "attendee.walk-in",
        createdAttendee: {
          name: values.name,
          position: values.position,
          organizationName: values.organizationName,
          email,
          groupId: values.groupId || null,
          walkIn: true,
        },
      },
    });
  } catch (error) {
    await prisma.attendee.delete({ where: { id: attendeeId } }).catch(() => undefined);
    throw error;
  }
  if (response.result !== "accepted") {
    await prisma.attendee.delete({ where: { id: attendeeId } }).catch(() => undefined);
    return { ok: false, field: "form", message: response.message };
  }
  return { ok: true, attendeeId, response };
}
