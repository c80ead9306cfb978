// prisma/schema.prisma (SQLite) is the one source of the model. Prisma ties a schema file to one
// provider, so the PostgreSQL schema is derived from it: same models, provider "postgresql", its own
// generated client. `npm run db:generate` writes it; test/unit/pg-schema.test.ts fails when it is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const PG_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

export function derivePgSchema(text) {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/derive-pg-schema.js: edit that file, then\n" +
    "// run `npm run db:generate`. Migrations for PostgreSQL live in prisma/postgresql/migrations.\n\n";
  const out = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output       = "../../app/generated/prisma-pg"');
  if (out === text || !out.includes("prisma-pg")) throw new Error("prisma/schema.prisma: provider or output not found");
  return header + out;
}

export function writePgSchema() {
  const next = derivePgSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  if (!fs.existsSync(PG_SCHEMA) || fs.readFileSync(PG_SCHEMA, "utf8") !== next) fs.writeFileSync(PG_SCHEMA, next);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writePgSchema();
