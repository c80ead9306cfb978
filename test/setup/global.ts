import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Builds one migrated and seeded database; every test file works on its own copy. SQLite by default (a
// template file, copied); with TEST_POSTGRES_URL set (npm run test:pg) a PostgreSQL template database
// that each test file clones with CREATE DATABASE … TEMPLATE.
export default async function setup() {
  // There is no built-in secret outside development: the test run makes up its own. Set before the
  // app modules load (they read it once), and inherited by every test worker, whose database copy
  // holds invitation tokens the seed signed with it.
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
  // The JSON log (one line per request, per mail sent) would bury the test output: warnings and errors
  // only. A test that reads a server's log starts it with captureLog, which logs at info again.
  process.env.LOG_LEVEL ??= "warn";
  const { createPrismaClient } = await import("#app/database/client.server.ts");
  const { migrateDatabase } = await import("#app/database/migrate.server.ts");
  const { seedDatabase } = await import("#prisma/seed-runner.ts");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-test-"));
  process.env.TEST_TMP_DIR = dir;
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (serverUrl) {
    const pg = await import("#tests/helpers/pg-databases.ts");
    const { migratePostgres } = await import("#app/database/migrate-pg.server.ts");
    const { closePgPools } = await import("#app/database/pg-pool.server.ts");
    const run = `hoinghi_t${Date.now().toString(36)}${crypto.randomBytes(2).toString("hex")}`;
    const template = await pg.createDatabase(serverUrl, `${run}_template`);
    try {
      await migratePostgres(template);
      const prisma = createPrismaClient(template);
      await seedDatabase(prisma);
      await prisma.$disconnect();
      await closePgPools();
    } catch (error) {
      // No teardown runs when setup fails: leave no half-built template behind on the server.
      await closePgPools();
      await pg.dropDatabases(serverUrl, run);
      throw error;
    }
    process.env.TEST_TEMPLATE_DB = template;
    process.env.TEST_PG_RUN = run;
    return async () => {
      await pg.dropDatabases(serverUrl, run);
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
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
