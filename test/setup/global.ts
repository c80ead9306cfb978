import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../app/database/client.server.ts";
import { migrateDatabase } from "../../app/database/migrate.server.ts";
import { seedDatabase } from "../../prisma/seed-runner.ts";

// Builds one migrated and seeded SQLite file; every test file works on its own copy.
export default async function setup() {
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
