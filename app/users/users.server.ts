import type { CurrentUser } from "../auth/session.server.ts";
import { prisma } from "../db.server.ts";

export function notFoundUser(): never {
  throw new Response("Không tìm thấy người dùng này.", { status: 404 });
}

export function listUsers(user: CurrentUser) {
  return prisma.user.findMany({
    where: { organizationId: { in: user.visibleOrganizationIds } },
    orderBy: [{ organization: { name: "asc" } }, { name: "asc" }],
    select: { id: true, email: true, name: true, position: true, active: true, organization: { select: { name: true } }, roles: { select: { role: true } } },
  });
}

export async function getUserForAdmin(admin: CurrentUser, id: string) {
  const user = await prisma.user.findFirst({
    where: { id, organizationId: { in: admin.visibleOrganizationIds } },
    select: { id: true, email: true, name: true, position: true, active: true, organizationId: true, roles: { select: { role: true } } },
  });
  if (!user) notFoundUser();
  return user;
}
