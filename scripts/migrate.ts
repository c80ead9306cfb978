// npm run db:migrate — applies the migrations to the database named by DATABASE_URL (the SQLite file,
// or the PostgreSQL database).
import { migrateUrl } from "#app/database/migrate.server.ts";
import { parseEnv } from "#app/env.server.ts";

try {
  const env = parseEnv();
  const { applied, alreadyApplied, target } = await migrateUrl(env.DATABASE_URL);
  console.log(
    applied.length
      ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")} (${target})`
      : `Cơ sở dữ liệu đã cập nhật (${alreadyApplied} migration) — ${target}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
