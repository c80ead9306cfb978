import { organizationScope } from "#app/auth/organization-scope.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { flattenTree, type OrganizationFormValues } from "#app/organizations/organization-form.ts";

export async function organizationTree(user: CurrentUser) {
  const rows = await prisma.organization.findMany({
    where: { id: { in: user.visibleOrganizationIds } },
    select: {
      id: true,
      name: true,
      parentId: true,
      placeName: true,
      documentName: true,
      code: true,
      dissolvedOn: true,
      level: { select: { name: true, code: true } },
      _count: { select: { users: true, conferences: true } },
    },
  });
  return flattenTree(rows, [user.organizationId]);
}

export function organizationLevels() {
  return prisma.organizationLevel.findMany({ orderBy: { rank: "asc" }, select: { id: true, name: true } });
}

/**
 * Checks the parent chosen for an organisation: inside the admin's scope and
 * not the organisation itself or one of its descendants. Returns a field error or null.
 */
export async function parentError(
  user: CurrentUser,
  values: OrganizationFormValues,
  editingId?: string,
): Promise<string | null> {
  if (editingId === user.organizationId) return null; // the admin's own root keeps its parent
  if (!values.parentId) return "Chọn cơ quan cấp trên";
  if (!user.visibleOrganizationIds.includes(values.parentId))
    return "Cơ quan cấp trên không thuộc phạm vi quản trị của bạn";
  if (editingId) {
    const below = await organizationScope(editingId, true);
    if (below.includes(values.parentId)) return "Không thể đặt cơ quan trực thuộc chính nó hoặc đơn vị cấp dưới của nó";
  }
  return null;
}

export function organizationData(values: OrganizationFormValues) {
  return {
    name: values.name,
    documentName: values.documentName,
    placeName: values.placeName,
    levelId: values.levelId,
    code: values.code || null,
    dissolvedOn: values.dissolvedOn ? new Date(`${values.dissolvedOn}T00:00:00+07:00`) : null,
  };
}
