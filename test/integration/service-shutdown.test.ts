import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { collect, freePort, track } from "#scripts/lib/app-process.ts";
import {
  connectionRefused,
  root,
  serverPid,
  startService,
  type ServiceProcess,
} from "#tests/helpers/service-process.ts";

// Issue 17, part 2: exit statuses a supervisor can act on, and a stop (SIGTERM) that finishes what is in
// flight within a bound. Real processes on this file's database (run `npm run build` first).

const running: ServiceProcess[] = [];

afterEach(() => {
  for (const s of running.splice(0))
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
});

async function service(...args: Parameters<typeof startService>): Promise<ServiceProcess> {
  const s = await startService(...args);
  running.push(s);
  return s;
}

interface SlowSignIn {
  /** Sends the rest of the body. */
  finish(): void;
  answer: Promise<{ status: number; headers: http.IncomingHttpHeaders }>;
}

/**
 * A sign-in whose client sends half its form and then waits: a request in flight in the server (reading
 * its body) for as long as the test likes, on either database. (A request held on a database lock would
 * not do on SQLite, whose driver waits for a lock synchronously: the whole process would wait with it.)
 */
function slowSignIn(port: number): SlowSignIn {
  const body = new URLSearchParams({ email: "admin@hoinghi.local", password: "hoinghi-demo" }).toString();
  const req = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/login",
    agent: false,
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on("error", reject);
  });
  // Unhandled until awaited; a failed request is what one test expects.
  answer.catch(() => undefined);
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), answer };
}

describe("SIGTERM", { timeout: 60_000 }, () => {
  it("answers the request in flight, refuses new connections, closes down and exits 0", async () => {
    const server = await service("serve", { LOG_LEVEL: "info" });
    const signIn = slowSignIn(server.port);
    // The request reaches the server and waits for the rest of its body.
    await sleep(500);
    server.child.kill("SIGTERM");
    await expect.poll(() => connectionRefused(server.port)).toBe(true);
    // Still waiting for its request: the server has not gone.
    await sleep(300);
    expect(server.child.exitCode).toBeNull();
    signIn.finish();
    const res = await signIn.answer;
    // The sign-in completed as usual: redirected, with its session cookie.
    expect(res.status).toBe(302);
    expect(String(res.headers["set-cookie"])).toMatch(/^hn_session=/);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toMatch(/"event":"shutdown.started"[\s\S]*"event":"shutdown.done","ms":\d+/);
    expect(server.stderr()).toBe("");
  });

  it("gives up after SHUTDOWN_TIMEOUT_MS with a log line and status 1", async () => {
    const server = await service("serve", { SHUTDOWN_TIMEOUT_MS: "1000" });
    const signIn = slowSignIn(server.port);
    await sleep(500);
    const sent = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1000);
    // Soon after the bound (not when the request would have ended: never); slack for a loaded machine.
    expect(Date.now() - sent).toBeLessThan(10_000);
    // The request never got its answer: its connection went with the process.
    await expect(signIn.answer).rejects.toThrow();
    // A JSON error line on stderr, with the bound it ran past.
    const line = JSON.parse(server.stderr().trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", event: "shutdown.timeout", timeoutMs: 1000 });
  });
});

describe("npm start as a supervisor sees it", { timeout: 90_000 }, () => {
  it("exits non-zero when its server is killed (out-of-memory kill: SIGKILL)", async () => {
    const app = await service("npm start");
    process.kill(serverPid(app.child.pid!), "SIGKILL");
    const { code } = await app.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(app.stderr()).toContain("Máy chủ bị dừng bởi tín hiệu SIGKILL.");
  });

  it("scripts/start.ts (what the systemd unit runs) exits 128 + the signal's number", async () => {
    const app = await service("start");
    process.kill(serverPid(app.child.pid!), "SIGKILL");
    expect(await app.exited).toEqual({ code: 137, signal: null });
    const again = await service("start");
    process.kill(serverPid(again.child.pid!), "SIGHUP");
    expect((await again.exited).code).toBe(128 + 1);
  });

  it("passes SIGTERM on and exits 0 once its server has stopped cleanly", async () => {
    const app = await service("start", { LOG_LEVEL: "info" });
    const server = serverPid(app.child.pid!);
    app.child.kill("SIGTERM");
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // The server went too, not left behind as an orphan.
    expect(() => process.kill(server, 0)).toThrow();
    expect(app.stdout()).toMatch(/"event":"shutdown.started"[\s\S]*"event":"shutdown.done"/);
    expect(app.stderr()).toBe("");
  });
});

describe("npm run worker", { timeout: 60_000 }, () => {
  it("serves its own /metrics (WORKER_METRICS_PORT, METRICS_TOKEN) and stops on SIGTERM with status 0", async () => {
    const port = await freePort();
    const token = "worker-metrics-token-0123456789";
    const worker = track(
      spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "production",
          LOG_LEVEL: "info",
          DATA_DIR: path.join(process.env.DATA_DIR!, "worker"),
          WORKER_METRICS_PORT: String(port),
          METRICS_TOKEN: token,
        },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    const stdout = collect(worker, "stdout");
    const stderr = collect(worker);
    await expect.poll(stdout, { timeout: 30_000 }).toContain("Tiến trình nền đang chạy");
    const metrics = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(metrics)).status).toBe(401);
    const res = await fetch(metrics, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    // The worker's own process, and the families its outbox and jobs count into.
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).toContain("# TYPE hoinghi_mail_attempts_total counter");
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout()).toMatch(/"event":"shutdown.started"[\s\S]*"event":"shutdown.done"/);
    expect(stderr()).toBe("");
  });
});
