// npm start — validates the environment, migrates the database, refuses demo
// credentials in production unless ALLOW_DEMO_CREDENTIALS=true, then serves
// the built app with scripts/serve.js (remix-serve's setup plus the check-in fast path).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { demoAccountsWithDemoPassword, demoCredentialsMessage } from "#app/auth/demo-guard.server.ts";
import { storedSessionSecret } from "#app/lib/session-secret.server.ts";
import { migrateUrl } from "#app/database/migrate.server.ts";
import { DEFAULT_DATA_DIR, parseEnv } from "#app/env.server.ts";

async function main() {
  process.env.NODE_ENV ??= "production";
  // `npm run demo` must work with no manual step, yet there is no built-in secret any more: a demo
  // run gets a random one, generated once and kept in DATA_DIR/session-secret (the seed, run in
  // development mode just before, signed its invitation tokens with the same file).
  if (process.env.ALLOW_DEMO_CREDENTIALS === "true" && !process.env.SESSION_SECRET) {
    const stored = storedSessionSecret(process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
    process.env.SESSION_SECRET = stored.secret;
    console.log(
      `Bản chạy thử: SESSION_SECRET chưa đặt, dùng khóa ngẫu nhiên ${stored.created ? "vừa tạo" : "đã lưu"} trong ${stored.file}.`,
    );
  }
  const env = parseEnv();
  // The SQLite file or the PostgreSQL database, whichever DATABASE_URL names.
  await migrateUrl(env.DATABASE_URL);

  if (env.NODE_ENV === "production" && env.ALLOW_DEMO_CREDENTIALS !== "true") {
    const open = await demoAccountsWithDemoPassword(env.DATABASE_URL);
    if (open.length > 0) throw new Error(demoCredentialsMessage(open));
  }

  const root = path.resolve(import.meta.dirname, "..");
  const serve = path.join(root, "scripts", "serve.js");
  const child = spawn(process.execPath, [serve, path.join(root, "build", "server", "index.js")], {
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  });
  // The server shuts down gracefully on these (scripts/serve.js) and exits 0: so does npm start.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("error", (error) => {
    console.error(`Không chạy được máy chủ: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal) console.error(`Máy chủ bị dừng bởi tín hiệu ${signal}.`);
    process.exit(exitStatus(code, signal));
  });
}

/**
 * The server's own status, or for a server killed by a signal (out of memory: SIGKILL) 128 + its number as
 * a shell reports it: never 0, so that a supervisor restarting on failure (systemd Restart=on-failure)
 * restarts it.
 */
function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return number ? 128 + number : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
