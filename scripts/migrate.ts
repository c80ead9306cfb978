// npm run db:migrate — applies prisma/migrations to the SQLite database named by DATABASE_URL.
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { parseEnv, sqlitePath } from "#app/env.server.ts";

try {
  const env = parseEnv();
  const file = sqlitePath(env.DATABASE_URL);
  const { applied, alreadyApplied } = migrateDatabase(file);
  console.log(
    applied.length
      ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")} (${file})`
      : `Cơ sở dữ liệu đã cập nhật (${alreadyApplied} migration) — ${file}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
