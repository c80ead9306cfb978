import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseEnv } from "#app/env.server.ts";

// Starting and stopping server processes, shared by the benchmarks and the browser tests.

export interface ServerProcess {
  name: string;
  baseUrl: string;
  /** Everything the child wrote to stderr so far; printed after the run when non-empty. */
  stderr(): string;
  stop(): Promise<void>;
}

export interface AppProcess extends ServerProcess {
  /** The server's process id (its memory can be read from /proc/<pid>/status). */
  pid: number;
  /** The request log (stdout) when started with captureLog, else "". */
  stdout(): string;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("Could not obtain a free port");
  return address.port;
}

// Safety net for abrupt exits (uncaught error, EPIPE when piped into `head`):
// 'exit' handlers may only do synchronous work, and kill() is synchronous.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

export function collect(child: ChildProcess, stream: "stderr" | "stdout" = "stderr"): () => string {
  const chunks: Buffer[] = [];
  child[stream]?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
}

export function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      child.kill("SIGKILL");
      await exited;
    }
  };
}

/** Polls until `url` answers 200, failing fast if the child dies first (e.g. bad env). */
export async function waitForOk(
  url: string,
  child: ChildProcess,
  stderr: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Server exited (${child.exitCode ?? child.signalCode}) before ${url} answered.\n${stderr()}`);
    }
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last}).\n${stderr()}`);
}

export interface AppOptions {
  root: string;
  /** The database: a SQLite file, or `databaseUrl` (file: or postgresql://). One of the two. */
  databaseFile?: string;
  databaseUrl?: string;
  /** Where the server keeps its files; defaults beside the SQLite file, or under the caller's DATA_DIR. */
  dataDir?: string;
  /** Keep the request log on stdout (tests) or discard it (benchmarks). */
  logRequests?: boolean;
  /** Defaults to this process's own (SESSION_SECRET, or in development DATA_DIR/session-secret). */
  sessionSecret?: string;
  /** Keep the request log for stdout() instead (tests that read it). */
  captureLog?: boolean;
  /** Extra environment for the server (e.g. TRUST_PROXY). */
  env?: Record<string, string>;
}

/** Extra node flags for the app processes of tests and benchmarks (NODE_OPTIONS refuses --cpu-prof). */
export function nodeFlags(): string[] {
  return process.env.INSTANCE_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
}

/** Runs the production build the same way `npm start` does (scripts/serve.js), minus the demo-credential guard. */
export async function startApp({
  root,
  databaseFile,
  databaseUrl,
  dataDir,
  logRequests = false,
  captureLog = false,
  sessionSecret,
  env = {},
}: AppOptions): Promise<AppProcess> {
  const port = await freePort();
  const url = databaseUrl ?? (databaseFile ? `file:${databaseFile}` : undefined);
  if (!url) throw new Error("startApp needs databaseFile or databaseUrl");
  const sqliteFile = databaseFile ?? (url.startsWith("file:") ? url.slice("file:".length) : undefined);
  // Each server gets a data directory of its own: beside a SQLite file, or (PostgreSQL has no file to
  // sit beside) under the caller's own DATA_DIR.
  const serverDataDir =
    dataDir ??
    (sqliteFile
      ? path.join(path.dirname(path.resolve(root, sqliteFile)), `data-${port}`)
      : path.join(process.env.DATA_DIR ?? path.join(os.tmpdir(), "hoinghi-app"), `server-${port}`));
  const child = track(
    // INSTANCE_NODE_FLAGS: extra node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a benchmark.
    spawn(
      process.execPath,
      [...nodeFlags(), path.join(root, "scripts/serve.js"), path.join(root, "build/server/index.js")],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_URL: url,
          ALLOW_DEMO_CREDENTIALS: "true",
          // Production has no built-in secret: the server signs with the caller's own, which is
          // what the caller's seed signed the invitation tokens in this database with.
          SESSION_SECRET: sessionSecret ?? parseEnv().SESSION_SECRET,
          DATA_DIR: serverDataDir,
          COOKIE_SECURE: "false",
          // The request log is what a test captures it for (the test run itself logs warnings only).
          ...(captureLog || logRequests ? { LOG_LEVEL: "info" } : {}),
          ...env,
        },
        // The server logs every request to stdout; discarding it keeps that cost in the
        // server (as in production) without also spending bench CPU to read it.
        stdio: ["ignore", captureLog ? "pipe" : logRequests ? "inherit" : "ignore", "pipe"],
      },
    ),
  );
  const stderr = collect(child);
  const stdout = captureLog ? collect(child, "stdout") : () => "";
  const stop = stopper(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${baseUrl}/login`, child, stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: "app", baseUrl, pid: child.pid!, stderr, stdout, stop };
}
