// The administrator's steps on accounts: each checks the form against the admin's scope and the accounts
// in use, then writes through user-writes.server.ts (with its audit record). A refusal is returned as
// Conform's form and field messages.

import { hashPassword } from "#app/auth/password.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createUser, updateUser, type UserValues } from "#app/users/user-writes.server.ts";

type Refusal = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

const OUT_OF_SCOPE = { fieldErrors: { organizationId: ["Cơ quan không thuộc phạm vi quản trị của bạn"] } };

/** Creates an account in an organisation of the admin's scope; null when done. */
export async function addUser(
  admin: CurrentUser,
  v: UserValues & { email: string; password: string },
): Promise<Refusal | null> {
  if (!admin.visibleOrganizationIds.includes(v.organizationId)) return OUT_OF_SCOPE;
  if (await prisma.user.findUnique({ where: { email: v.email }, select: { id: true } }))
    return { fieldErrors: { email: ["Thư điện tử này đã có tài khoản"] } };
  await createUser(userActor(admin), v, await hashPassword(v.password));
  return null;
}

/** Saves an account (a new password when one is typed); an admin cannot lock out or demote themself. */
export async function saveUser(
  admin: CurrentUser,
  userId: string,
  v: UserValues & { active: boolean; password?: string },
): Promise<Refusal | null> {
  if (!admin.visibleOrganizationIds.includes(v.organizationId)) return OUT_OF_SCOPE;
  if (userId === admin.id && (!v.active || !v.roles.includes("ADMIN")))
    return { formErrors: ["Bạn không thể tự khóa tài khoản hoặc bỏ vai trò quản trị của chính mình"] };
  await updateUser(userActor(admin), userId, v, v.password ? await hashPassword(v.password) : null);
  return null;
}
