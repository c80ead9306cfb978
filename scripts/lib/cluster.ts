import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { collect, nodeFlags, stopper, track, waitForOk } from "#scripts/lib/app-process.ts";

// Several production instances (scripts/serve.js, as `npm start` runs it) on one database, each with its OWN
// data directory, behind nginx running docs/deploy/nginx-hoinghi.conf unchanged; for tests and benchmarks.

const ROOT = path.resolve(import.meta.dirname, "../..");
export const NGINX_CONF = path.join(ROOT, "docs/deploy/nginx-hoinghi.conf");

export interface Instance {
  port: number;
  url: string;
  pid: number;
  dataDir: string;
  stderr: () => string;
  /** SIGKILL: the process dies at once, mid-request, as after an out-of-memory kill. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startInstance(
  port: number,
  options: { databaseUrl: string; dataDir: string; env?: Record<string, string> },
): Promise<Instance> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  // The documented ports are fixed: a stray server already on one would answer for this instance.
  await assertFree(port);
  const child = track(
    spawn(
      process.execPath,
      [...nodeFlags(), path.join(ROOT, "scripts/serve.js"), path.join(ROOT, "build/server/index.js")],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
          TRUST_PROXY: "true",
          DATABASE_URL: options.databaseUrl,
          DATA_DIR: options.dataDir,
          ALLOW_DEMO_CREDENTIALS: "true",
          COOKIE_SECURE: "false",
          ...options.env,
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    ),
  );
  const stderr = collect(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitForOk(`${url}/login`, child, stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    url,
    pid: child.pid!,
    dataDir: options.dataDir,
    stderr,
    stop,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function assertFree(port: number): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`port ${port} is already in use (${error.code}); stop whatever listens there`)),
    );
    server.listen(port, "127.0.0.1", resolve);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface Nginx {
  url: string;
  errorLog: () => string;
  stop: () => Promise<void>;
}

/** nginx in the foreground with a private prefix, including the documented server configuration as is. */
export async function startNginx(dir: string): Promise<Nginx> {
  fs.mkdirSync(dir, { recursive: true });
  // Worker processes run as nobody when started as root: their temp folders must be theirs to write.
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 });
    fs.chmodSync(path.join(dir, sub), 0o777);
  }
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${NGINX_CONF};
}
`,
  );
  await assertFree(8080);
  const bin = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  const child = track(spawn(bin, ["-p", dir, "-c", conf], { stdio: ["ignore", "ignore", "pipe"] }));
  const stderr = collect(child);
  const errorLog = () => {
    const file = path.join(dir, "error.log");
    return `${stderr()}${fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""}`;
  };
  const url = "http://127.0.0.1:8080";
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${errorLog()}`);
    try {
      const res = await fetch(`${url}/login`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}:\n${errorLog()}`);
    await sleep(100);
  }
  return { url, errorLog, stop: stopper(child) };
}
