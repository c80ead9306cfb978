import { createPrismaClient } from "#app/database/client.server.ts";
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { seedDatabase } from "#prisma/seed-runner.ts";
import { conferenceRows } from "#bench/lib/conference-data.ts";

export const ADMIN_EMAIL = "admin@hoinghi.local";
export const ADMIN_PASSWORD = "hoinghi-demo";

/**
 * Builds a fresh database with the demo seed plus generated conferences, so the
 * admin sees exactly `total` conferences. Only organisations in the admin's subtree
 * get rows, since the list page hides everything else and the count must be exact.
 */
export async function prepareDatabase(file: string, total: number): Promise<void> {
  migrateDatabase(file);
  const prisma = createPrismaClient(`file:${file}`);
  try {
    await seedDatabase(prisma, { password: ADMIN_PASSWORD });
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: ADMIN_EMAIL },
      select: { organizationId: true },
    });
    const orgs = await prisma.organization.findMany({
      select: { id: true, name: true, placeName: true, parentId: true },
      orderBy: { id: "asc" },
    });
    const visible = subtree(admin.organizationId, orgs);
    const seeded = await prisma.conference.count({ where: { organizationId: { in: [...visible] } } });
    const missing = total - seeded;
    if (missing < 0) throw new Error(`Seed already has ${seeded} conferences, more than the ${total} wanted`);
    const targets = orgs.filter((o) => visible.has(o.id));
    await prisma.conference.createMany({ data: conferenceRows(missing, targets) });
    const count = await prisma.conference.count({ where: { organizationId: { in: [...visible] } } });
    if (count !== total) throw new Error(`Expected ${total} conferences visible to the admin, found ${count}`);
    console.log(
      `database: ${seeded} seeded + ${missing} generated = ${count} conferences over ${targets.length} organisations`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

function subtree(rootId: string, orgs: Array<{ id: string; parentId: string | null }>): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const child of children.get(id) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}
