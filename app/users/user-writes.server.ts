// Creating and changing accounts, with their audit records. A change of roles, of organisation or a
// lock/unlock moves `rolesChangedAt`, which ends the scanner credentials issued before it.

import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { ROLES, type Role } from "#app/auth/roles.ts";

export interface UserValues {
  name: string;
  position?: string;
  organizationId: string;
  roles: Role[];
}

const sortedRoles = (roles: readonly Role[]) => ROLES.filter((r) => roles.includes(r));

async function userFields(tx: Prisma.TransactionClient, id: string) {
  const u = await tx.user.findUniqueOrThrow({
    where: { id },
    select: {
      email: true,
      name: true,
      position: true,
      active: true,
      organizationId: true,
      organization: { select: { name: true } },
      roles: { select: { role: true } },
    },
  });
  return {
    organizationId: u.organizationId,
    fields: {
      email: u.email,
      name: u.name,
      position: u.position ?? "",
      organization: u.organization.name,
      active: u.active,
      roles: sortedRoles(u.roles.map((r) => r.role)),
    },
  };
}

export async function createUser(
  actor: AuditActor,
  v: UserValues & { email: string },
  passwordHash: string,
): Promise<string> {
  return prisma.$transaction((tx) => insertUser(tx, actor, v, passwordHash));
}

/** An account and its audit record, in the caller's transaction (the admin page's, or the first-run setup's). */
export async function insertUser(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  v: UserValues & { email: string },
  passwordHash: string,
): Promise<string> {
  const user = await tx.user.create({
    data: {
      email: v.email,
      name: v.name,
      position: v.position || null,
      organizationId: v.organizationId,
      password: { create: { hash: passwordHash } },
      roles: { create: [...new Set(v.roles)].map((role) => ({ role })) },
    },
    select: { id: true },
  });
  const after = await userFields(tx, user.id);
  await recordAudit(tx, actor, {
    action: "user.create",
    entity: "User",
    entityId: user.id,
    summary: `Tạo tài khoản ${v.name} <${v.email}>`,
    // The password itself is never recorded, only that one was set.
    after: { ...after.fields, password: "(đã đặt)" },
    organizationId: after.organizationId,
  });
  return user.id;
}

/** Saves an account; a new password or a lock also ends the user's open sessions. */
export async function updateUser(
  actor: AuditActor,
  userId: string,
  v: UserValues & { active: boolean },
  passwordHash: string | null,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await userFields(tx, userId);
    const roles = sortedRoles([...new Set(v.roles)]);
    const access =
      before.fields.roles.join() !== roles.join() ||
      before.fields.active !== v.active ||
      before.organizationId !== v.organizationId;
    await tx.user.update({
      where: { id: userId },
      data: {
        name: v.name,
        position: v.position || null,
        organizationId: v.organizationId,
        active: v.active,
        ...(access ? { rolesChangedAt: new Date() } : {}),
      },
    });
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.userRole.createMany({ data: roles.map((role) => ({ userId, role })) });
    if (passwordHash)
      await tx.password.upsert({
        where: { userId },
        create: { userId, hash: passwordHash },
        update: { hash: passwordHash },
      });
    // A locked account or a new password ends every open session of that user.
    if (!v.active || passwordHash) await tx.session.deleteMany({ where: { userId } });
    const after = await userFields(tx, userId);
    const what = [
      before.fields.active !== v.active ? (v.active ? "mở khóa" : "khóa") : null,
      before.fields.roles.join() !== roles.join() ? "đổi vai trò" : null,
      before.organizationId !== v.organizationId ? "chuyển cơ quan" : null,
      passwordHash ? "đặt lại mật khẩu" : null,
    ].filter(Boolean);
    await recordAudit(tx, actor, {
      action: "user.update",
      entity: "User",
      entityId: userId,
      summary: `Sửa tài khoản ${after.fields.name} <${after.fields.email}>${what.length ? `: ${what.join(", ")}` : ""}`,
      before: { ...before.fields, password: "" },
      after: { ...after.fields, password: passwordHash ? "(đã đổi)" : "" },
      organizationId: after.organizationId,
    });
  });
}
