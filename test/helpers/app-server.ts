import path from "node:path";
import { startApp } from "#scripts/lib/app-process.ts";

export interface AppServer {
  url: string;
  /** The server's process id, e.g. to read its memory from /proc/<pid>/status. */
  pid: number;
  /** Everything the server wrote to stderr (errors must not reach users, but are logged here). */
  stderr: () => string;
  /** The request log, when started with captureLog. */
  stdout: () => string;
  stop: () => Promise<void>;
}

export interface AppServerOptions {
  /** Keep the request log (stdout) for stdout(). */
  captureLog?: boolean;
  /** Extra environment for the server, e.g. { TRUST_PROXY: "true" }. */
  env?: Record<string, string>;
}

/** Starts the production build (npm run build) on this test file's database copy. */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const app = await startApp({
    root: path.resolve(import.meta.dirname, "../.."),
    // DATABASE_URL names this file's own database on both SQLite and PostgreSQL runs.
    databaseUrl: process.env.DATABASE_URL!,
    ...options,
  });
  return { url: app.baseUrl, pid: app.pid, stderr: app.stderr, stdout: app.stdout, stop: app.stop };
}
