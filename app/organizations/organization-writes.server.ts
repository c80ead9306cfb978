// Creating and changing organisations, with their audit records (shown on the admin log of the
// organisation's subtree).

import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { organizationData } from "#app/organizations/organizations.server.ts";

type OrganizationData = ReturnType<typeof organizationData>;

async function organizationFields(tx: Prisma.TransactionClient, id: string) {
  const o = await tx.organization.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      documentName: true,
      placeName: true,
      code: true,
      dissolvedOn: true,
      level: { select: { name: true } },
      parent: { select: { name: true } },
    },
  });
  const { level, parent, ...rest } = o;
  return { ...rest, level: level.name, parent: parent?.name ?? "" };
}

export async function createOrganization(
  actor: AuditActor,
  data: OrganizationData & { parentId: string | undefined },
): Promise<string> {
  return prisma.$transaction((tx) => insertOrganization(tx, actor, data));
}

/** An organisation and its audit record, in the caller's transaction (the admin page's, or the first-run setup's). */
export async function insertOrganization(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  data: OrganizationData & { parentId: string | undefined },
): Promise<string> {
  const o = await tx.organization.create({ data, select: { id: true } });
  await recordAudit(tx, actor, {
    action: "organization.create",
    entity: "Organization",
    entityId: o.id,
    summary: `Thêm cơ quan, đơn vị “${data.name}”`,
    after: await organizationFields(tx, o.id),
    organizationId: o.id,
  });
  return o.id;
}

export async function updateOrganization(
  actor: AuditActor,
  id: string,
  data: OrganizationData & { parentId?: string | undefined },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await organizationFields(tx, id);
    await tx.organization.update({ where: { id }, data });
    const after = await organizationFields(tx, id);
    await recordAudit(tx, actor, {
      action: "organization.update",
      entity: "Organization",
      entityId: id,
      summary: `Sửa cơ quan, đơn vị “${after.name}”`,
      before,
      after,
      organizationId: id,
    });
  });
}
