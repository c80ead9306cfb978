// npm run db:copy -- --to postgresql://user:password@host:5432/db
// Copies the SQLite database named by DATABASE_URL (the embedded default) into an empty PostgreSQL
// database, checks the row counts table by table, and refuses a target that already holds data.
import { copySqliteToPostgres } from "#app/database/copy-to-postgres.server.ts";
import { redactUrl } from "#app/database/migrate.server.ts";
import { isPostgresUrl, parseEnv, sqlitePath } from "#app/env.server.ts";

function targetArg(): string | undefined {
  const i = process.argv.indexOf("--to");
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith("--to="))?.slice("--to=".length);
}

try {
  const to = targetArg();
  if (!to || !isPostgresUrl(to)) {
    throw new Error("Thiếu đích: npm run db:copy -- --to postgresql://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl");
  }
  const env = parseEnv();
  if (isPostgresUrl(env.DATABASE_URL)) throw new Error("DATABASE_URL phải là tệp SQLite nguồn (file:…).");
  const file = sqlitePath(env.DATABASE_URL);
  console.log(`Chép ${file} → ${redactUrl(to)}`);
  let last = "";
  const result = await copySqliteToPostgres(
    file,
    to,
    (p) => {
      if (p.table !== last) process.stdout.write(`  [${p.tableIndex + 1}/${p.tables}] ${p.table}\n`);
      last = p.table;
    },
    env.DATA_DIR,
  );
  for (const t of result.tables.filter((t) => t.source > 0)) console.log(`  ${t.table}: ${t.target} dòng`);
  console.log(`Đã chép ${result.rows} dòng của ${result.tables.length} bảng; số dòng khớp từng bảng.`);
  if (result.files) console.log(`Đã chuyển ${result.files} tệp tải lên từ ${env.DATA_DIR} vào cơ sở dữ liệu.`);
  for (const m of result.missingFiles) console.warn(`Cảnh báo: không có tệp trên đĩa (đã mất từ trước): ${m}`);
} catch (error) {
  console.error(`Không chép được: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
