import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { listSnapshot, personKey } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { newBridgeKey } from "#app/bridges/keys.server.ts";

// Bridge points in bulk (one per subordinate organisation) and who takes part where.

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
    await serializeOn(tx, `bridges:${conferenceId}`);
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
