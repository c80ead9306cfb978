// npm start — validates the environment, migrates the database, refuses demo
// credentials in production unless ALLOW_DEMO_CREDENTIALS=true, then serves
// the built app with scripts/serve.js (remix-serve's setup plus the check-in fast path).
import { spawn } from "node:child_process";
import path from "node:path";
import { demoCredentialsInUse } from "../app/auth/demo-guard.server.ts";
import { DEMO_ADMIN_EMAIL } from "../app/auth/password.server.ts";
import { migrateDatabase } from "../app/database/migrate.server.ts";
import { parseEnv, sqlitePath } from "../app/env.server.ts";

async function main() {
  process.env.NODE_ENV ??= "production";
  const env = parseEnv();
  const file = sqlitePath(env.DATABASE_URL);
  migrateDatabase(file);

  if (env.NODE_ENV === "production" && env.ALLOW_DEMO_CREDENTIALS !== "true") {
    if (await demoCredentialsInUse(file)) {
      throw new Error(
        `Tài khoản mẫu ${DEMO_ADMIN_EMAIL} còn dùng mật khẩu mẫu. Đổi mật khẩu hoặc khóa tài khoản này trước khi chạy production, ` +
          `hoặc đặt ALLOW_DEMO_CREDENTIALS=true nếu đây là bản chạy thử.`,
      );
    }
  }

  const root = path.resolve(import.meta.dirname, "..");
  const serve = path.join(root, "scripts", "serve.js");
  const child = spawn(process.execPath, [serve, path.join(root, "build", "server", "index.js")], {
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
