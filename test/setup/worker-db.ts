import fs from "node:fs";
import path from "node:path";

// Runs before each test file, before any app module reads DATABASE_URL: gives the file its own copy of
// the migrated, seeded template database (a copied SQLite file, or a PostgreSQL database cloned from the
// template database).
const template = process.env.TEST_TEMPLATE_DB;
if (!template) throw new Error("TEST_TEMPLATE_DB is not set: test/setup/global.ts did not run");
const unique = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const tmp = process.env.TEST_TMP_DIR!;
const serverUrl = process.env.TEST_POSTGRES_URL;
if (serverUrl) {
  const { createDatabase } = await import("#tests/helpers/pg-databases.ts");
  const templateName = new URL(template).pathname.slice(1);
  const url = await createDatabase(serverUrl, `${process.env.TEST_PG_RUN}_${unique}`, templateName);
  process.env.DATABASE_URL = url;
  delete process.env.TEST_DATABASE_FILE;
  // Uploaded files and the .eml outbox of this test file stay in a folder of its own.
  process.env.DATA_DIR = path.join(tmp, `worker-${unique}.data`);
} else {
  const copy = path.join(path.dirname(template), `worker-${unique}.db`);
  fs.copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
  process.env.TEST_DATABASE_FILE = copy;
  // Uploaded files and the .eml outbox of this test file stay beside its database copy.
  process.env.DATA_DIR = `${copy}.data`;
}
process.env.NODE_ENV = "test";
// Tests run outside development, so the app needs SESSION_SECRET: global.ts made up a random one
// and signed the template's invitation tokens with it.
if (!process.env.SESSION_SECRET) throw new Error("SESSION_SECRET is not set: test/setup/global.ts did not run");
