// Managing check-in lists: create, rename, delete, one list per bridge point; each write audited. The
// `…Named` functions at the end are what the lists page's intents call: they check the name and answer
// with the Vietnamese message the page shows.

import { z } from "zod";
import type { CheckinScope } from "#app/checkin/lists.server.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";

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

/** What a change to the lists says: done, or refused (a field's message, or not found). */
export type ListChange =
  | { ok: true; message: string }
  | { ok: false; field: "name" | "bridgePointId"; message: string }
  | { ok: false; field: null; message: string; notFound: true };

const taken = (name: string): ListChange => ({
  ok: false,
  field: "name",
  message: `Đã có danh sách “${name}”; hãy đặt tên khác.`,
});
const missing: ListChange = {
  ok: false,
  field: null,
  message: "Không tìm thấy danh sách điểm danh này.",
  notFound: true,
};

/** The write's result, or false when another request took the same list name meanwhile (unique key). */
async function uniqueName<T>(write: () => Promise<T>): Promise<T | false> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export async function addList(
  scope: CheckinScope,
  actor: AuditActor,
  v: { name: string; bridgePointId?: string },
): Promise<ListChange> {
  const { id: conferenceId, organizationId } = scope.conference;
  const bridgePointId = v.bridgePointId || null;
  if (bridgePointId && !(await prisma.bridgePoint.count({ where: { id: bridgePointId, conferenceId } })))
    return { ok: false, field: "bridgePointId", message: "Điểm cầu không thuộc hội nghị này." };
  if (await nameTaken(conferenceId, v.name)) return taken(v.name);
  if (!(await uniqueName(() => createList(conferenceId, organizationId, v.name, bridgePointId, actor))))
    return taken(v.name);
  return { ok: true, message: `Đã tạo danh sách “${v.name}”.` };
}

export async function renameListNamed(
  scope: CheckinScope,
  actor: AuditActor,
  v: { listId: string; name: string },
): Promise<ListChange> {
  const { id: conferenceId, organizationId } = scope.conference;
  if (await nameTaken(conferenceId, v.name, v.listId)) return taken(v.name);
  const list = await uniqueName(() => renameList(conferenceId, organizationId, v.listId, v.name, actor));
  if (list === false) return taken(v.name);
  if (!list) return missing;
  return { ok: true, message: `Đã đổi tên thành “${v.name}”.` };
}

export async function removeList(scope: CheckinScope, actor: AuditActor, listId: string): Promise<ListChange> {
  // Attendance recorded through it stays (its list becomes empty); so do the scans.
  const list = await deleteList(scope.conference.id, scope.conference.organizationId, listId, actor);
  if (!list) return missing;
  return { ok: true, message: `Đã xóa danh sách “${list.name}”; kết quả điểm danh vẫn được giữ.` };
}

export async function addBridgeLists(scope: CheckinScope, actor: AuditActor): Promise<ListChange> {
  const n = await createBridgeLists(scope.conference.id, scope.conference.organizationId, actor);
  return {
    ok: true,
    message: n ? `Đã tạo ${n} danh sách cho các điểm cầu.` : "Mọi điểm cầu đều đã có danh sách điểm danh.",
  };
}
