// Runs `prisma generate` without the schema engine (see ../STACK notes in docs), once per provider:
// the SQLite client from prisma/schema.prisma and the PostgreSQL client from the schema derived from it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { PG_SCHEMA, SQLITE_SCHEMA, writePgSchema } from "#scripts/derive-pg-schema.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, "scripts", "engine-stub.sh");
writePgSchema();
for (const schema of [SQLITE_SCHEMA, PG_SCHEMA]) {
  const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      PRISMA_QUERY_ENGINE_LIBRARY: stub,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
