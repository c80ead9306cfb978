import { prisma } from "#app/database/db.server.ts";

/** The organisation and, when `withDescendants`, every organisation below it. */
export async function organizationScope(organizationId: string, withDescendants: boolean): Promise<string[]> {
  if (!withDescendants) return [organizationId];
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM "Organization" WHERE id = ${organizationId}
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN sub ON o."parentId" = sub.id
    )
    SELECT id FROM sub`;
  return rows.map((r) => r.id);
}
