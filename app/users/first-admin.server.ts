// The first-run setup: on a database with no account yet, the organisation levels, the installation's
// top organisation and its first administrator, with their audit records, in one transaction. The
// alternative, loading the demo seed and renaming it, leaves demo data in a real installation.
import { hashPassword } from "#app/auth/password.server.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { ORGANIZATION_LEVELS } from "#app/organizations/levels.ts";
import type { FirstAdmin } from "#app/users/first-admin.ts";

const SETUP_ACTOR: AuditActor = { kind: "SYSTEM", userId: null, label: "Cài đặt lần đầu (npm run setup)", ip: null };

export class AlreadySetUp extends Error {}

export async function createFirstAdmin(input: FirstAdmin): Promise<{ organizationId: string; userId: string }> {
  const hash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Two setups started together must not both find the database empty.
    await serializeOn(tx, "first-admin");
    const accounts = await tx.user.count();
    if (accounts > 0) {
      throw new AlreadySetUp(
        `Cơ sở dữ liệu đã có ${accounts} tài khoản: việc cài đặt lần đầu đã xong. Hãy đăng nhập bằng tài khoản quản trị và thêm cơ quan, tài khoản ở trang Quản trị.`,
      );
    }
    const levels = new Map<string, string>();
    for (const level of ORGANIZATION_LEVELS) {
      const row = await tx.organizationLevel.upsert({
        where: { code: level.code },
        create: level,
        update: {},
        select: { id: true },
      });
      levels.set(level.code, row.id);
    }
    const o = input.organization;
    const organization = await tx.organization.create({
      data: {
        name: o.name,
        documentName: o.documentName,
        placeName: o.placeName,
        code: o.code || null,
        levelId: levels.get(o.level)!,
      },
      select: { id: true },
    });
    await recordAudit(tx, SETUP_ACTOR, {
      action: "organization.create",
      entity: "Organization",
      entityId: organization.id,
      summary: `Thêm cơ quan, đơn vị “${o.name}” (cài đặt lần đầu)`,
      after: { name: o.name, documentName: o.documentName, placeName: o.placeName, code: o.code ?? "", level: o.level },
      organizationId: organization.id,
    });
    const a = input.admin;
    const user = await tx.user.create({
      data: {
        email: a.email,
        name: a.name,
        position: a.position || null,
        organizationId: organization.id,
        password: { create: { hash } },
        roles: { create: [{ role: "ADMIN" }] },
      },
      select: { id: true },
    });
    await recordAudit(tx, SETUP_ACTOR, {
      action: "user.create",
      entity: "User",
      entityId: user.id,
      summary: `Tạo tài khoản quản trị đầu tiên ${a.name} <${a.email}>`,
      // The password itself is never recorded, only that one was set.
      after: {
        email: a.email,
        name: a.name,
        position: a.position ?? "",
        organization: o.name,
        roles: ["ADMIN"],
        password: "(đã đặt)",
      },
      organizationId: organization.id,
    });
    return { organizationId: organization.id, userId: user.id };
  });
}
