// The first-run setup: on a database with no account yet, the organisation levels, the installation's
// top organisation and its first administrator, with their audit records, in one transaction. The
// alternative, loading the demo seed and renaming it, leaves demo data in a real installation.
import { hashPassword } from "#app/auth/password.server.ts";
import type { AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { ORGANIZATION_LEVELS } from "#app/organizations/levels.ts";
import { insertOrganization } from "#app/organizations/organization-writes.server.ts";
import type { FirstAdmin } from "#app/users/first-admin.ts";
import { insertUser } from "#app/users/user-writes.server.ts";

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
    const organizationId = await insertOrganization(tx, SETUP_ACTOR, {
      name: o.name,
      documentName: o.documentName,
      placeName: o.placeName,
      code: o.code || null,
      levelId: levels.get(o.level)!,
      dissolvedOn: null,
      parentId: undefined,
    });
    const a = input.admin;
    const userId = await insertUser(
      tx,
      SETUP_ACTOR,
      { email: a.email, name: a.name, position: a.position, organizationId, roles: ["ADMIN"] },
      hash,
    );
    return { organizationId, userId };
  });
}
