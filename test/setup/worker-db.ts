import fs from "node:fs";
import path from "node:path";

// Runs before each test file, before any app module reads DATABASE_URL:
// gives the file its own copy of the migrated, seeded template database.
const template = process.env.TEST_TEMPLATE_DB;
if (!template) throw new Error("TEST_TEMPLATE_DB is not set: test/setup/global.ts did not run");
const copy = path.join(
  path.dirname(template),
  `worker-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`,
);
fs.copyFileSync(template, copy);
process.env.DATABASE_URL = `file:${copy}`;
process.env.TEST_DATABASE_FILE = copy;
process.env.NODE_ENV = "test";
// Tests run outside development, so the app needs SESSION_SECRET: global.ts made up a random one
// and signed the template's invitation tokens with it.
if (!process.env.SESSION_SECRET) throw new Error("SESSION_SECRET is not set: test/setup/global.ts did not run");
// Uploaded files and the .eml outbox of this test file stay beside its database copy.
process.env.DATA_DIR = `${copy}.data`;
