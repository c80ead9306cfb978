import { notFound } from "#app/auth/guard.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";

export function listUsers(user: CurrentUser) {
  return prisma.user.findMany({
    where: { organizationId: { in: user.visibleOrganizationIds } },
    orderBy: [{ organization: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      position: true,
      active: true,
      organization: { select: { name: true } },
      roles: { select: { role: true } },
    },
  });
}

/** An account by id, for its administrator: the access guard (requireAdministeredUser) has let them in. */
export async function getUserForAdmin(id: string) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      position: true,
      active: true,
      organizationId: true,
      roles: { select: { role: true } },
    },
  });
  if (!user) notFound("Không tìm thấy người dùng này.");
  return user;
}
