import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Builds one migrated and seeded SQLite file; every test file works on its own copy.
export default async function setup() {
  // There is no built-in secret outside development: the test run makes up its own. Set before the
  // app modules load (they read it once), and inherited by every test worker, whose database copy
  // holds invitation tokens the seed signed with it.
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
  const { createPrismaClient } = await import("#app/database/client.server.ts");
  const { migrateDatabase } = await import("#app/database/migrate.server.ts");
  const { seedDatabase } = await import("#prisma/seed-runner.ts");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-test-"));
  const template = path.join(dir, "template.db");
  migrateDatabase(template);
  const prisma = createPrismaClient(`file:${template}`);
  await seedDatabase(prisma);
  await prisma.$disconnect();
  // Fold the WAL into the main file so that a plain copy holds everything.
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(template);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("journal_mode = DELETE");
  db.close();
  process.env.TEST_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
