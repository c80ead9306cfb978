import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { maskedSecret } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";
import type { BridgeValues } from "#app/bridges/bridge-form.ts";
import { newBridgeKey } from "#app/bridges/keys.server.ts";
import { ensureKeys, operatorLink } from "#app/bridges/links.server.ts";

// The bridge points of a conference as the organisers keep them: the list, the choices of host, and
// adding, changing and deleting one (each with its audit record; the passcode only masked).

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

/** Some bridge points of a conference (one page of the list), in its order, for the organisers (passcodes included). */
export async function listBridges(conferenceId: string, ids: string[]) {
  await ensureKeys({ ids });
  const rows = await prisma.bridgePoint.findMany({
    where: { conferenceId, id: { in: ids } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
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
    await serializeOn(tx, `bridges:${conferenceId}`);
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
