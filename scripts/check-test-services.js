// The suite runs twice, on SQLite and on PostgreSQL, and the multi-instance tests start nginx: fail with
// instructions instead of skipping when PostgreSQL or nginx is missing.
import fs from "node:fs";
import pg from "pg";

const url = process.env.TEST_POSTGRES_URL ?? "postgresql://hoinghi:hoinghi@127.0.0.1:5432/postgres";
const problems = [];
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query(
    "SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user",
  );
  if (!rows[0]?.ok) problems.push(`Vai trò PostgreSQL trong ${url.replace(/:[^:@/]*@/, ":***@")} cần quyền CREATEDB.`);
} catch (error) {
  problems.push(`Không kết nối được PostgreSQL (${error instanceof Error ? error.message : error}).`);
} finally {
  await client.end().catch(() => {});
}
if (!["/usr/sbin/nginx", "/usr/bin/nginx"].some((p) => fs.existsSync(p))) problems.push("Không tìm thấy nginx.");
if (problems.length) {
  console.error(
    [
      ...problems,
      "Cài đặt và khởi động (Debian/Ubuntu):  sudo bash scripts/install-test-services.sh",
      "hoặc đặt TEST_POSTGRES_URL=postgresql://người-dùng:mật-khẩu@máy-chủ:5432/postgres (vai trò có CREATEDB).",
    ].join("\n"),
  );
  process.exit(1);
}
