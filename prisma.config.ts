import { defineConfig } from "prisma/config";

// Prisma's CLI is used here for `generate` only: its schema engine cannot be
// downloaded on these machines, so migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
