import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { collect, freePort, track, waitForOk } from "#scripts/lib/app-process.ts";

// The production server as a supervisor sees it (issue 17): a process started the way systemd starts it
// (scripts/serve.js, scripts/start.ts, `npm start`) whose exit status and signals the test reads.

export const root = path.resolve(import.meta.dirname, "../..");

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Its exit status, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export type ServiceCommand = "serve" | "start" | "npm start";

const commands: Record<ServiceCommand, string[]> = {
  serve: [process.execPath, path.join(root, "scripts/serve.js"), path.join(root, "build/server/index.js")],
  start: [process.execPath, "--import", "tsx", path.join(root, "scripts/start.ts")],
  "npm start": ["npm", "start", "--silent"],
};

/** Starts the built app on this test file's database and waits until /healthz answers. */
export async function startService(command: ServiceCommand, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const [file, ...args] = commands[command];
  const child = track(
    spawn(file!, args, {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        ALLOW_DEMO_CREDENTIALS: "true",
        COOKIE_SECURE: "false",
        DATA_DIR: path.join(process.env.DATA_DIR!, `service-${port}`),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const stderr = collect(child);
  const stdout = collect(child, "stdout");
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}/healthz`, child, stderr, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { child, url, port, stdout, stderr, exited };
}

/** The process ids below `pid`, nearest first (from /proc). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name (in parentheses) may hold spaces: the fields after it are fixed.
      const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(after[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, p] of parentOf) {
      if (p === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** The process under `pid` running scripts/serve.js: the server itself. */
export function serverPid(pid: number): number {
  const server = descendants(pid).find((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("scripts/serve.js");
    } catch {
      return false;
    }
  });
  if (!server) throw new Error(`no scripts/serve.js process under ${pid}`);
  return server;
}

/** Whether a new TCP connection to the port is refused (the server no longer listens). */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
