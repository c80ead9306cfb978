// npm run bench:public [-- --quick | --duration N | --connections N]
// Issue 15, goal 2: the pages thousands of people open within minutes — the invitation /i/:token, the
// bridge operator's page /b/:key and the self check-in poster /d/:key — each at ≥ 500 req/s with p99 ≤
// 100 ms at 50 connections, through the production server (scripts/serve.js). Every request opens a
// different invitation or bridge: 10,000 signed invitations and 3,300 bridge points of one conference.
// References in the same run: a constant Remix page of the invitation page's size through the same
// build and root layout (app/routes/bench.reference.tsx, signed in), and a bare Node server sending the
// invitation page's bytes. Exits 1 when a page misses a goal or a request fails.
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseBenchArgs } from "#bench/lib/args.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import { openBenchDb, prepareScanDatabase } from "#bench/lib/checkin-data.ts";
import { printEnvironment, table } from "#bench/lib/report.ts";
import { startApp, startBare, type ServerProcess } from "#bench/lib/servers.ts";
import { signIn } from "#bench/lib/session.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const GOAL_RPS = 500;
const GOAL_P99_MS = 100;
const ATTENDEES = 10_000;
const BRIDGES = 3_300;

interface Figures {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  cpuMs: number;
}

/** CPU time (user + system) of a process so far, in milliseconds, from /proc. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function load(
  target: string,
  base: string,
  paths: string[],
  settings: { connections: number; duration: number; warmup: number },
  pid: number | null,
  headers: Record<string, string> = {},
): Promise<Figures> {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: settings.connections,
      duration,
      headers,
      requests: [
        {
          method: "GET",
          setupRequest: (req: { path?: string }) => ({ ...req, path: paths[i++ % paths.length] }),
        },
      ],
    });
  await run(settings.warmup);
  const before = pid ? cpuMs(pid) : 0;
  const r = await run(settings.duration);
  return {
    target,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failed: r.non2xx + r.errors,
    cpuMs: pid ? (cpuMs(pid) - before) / r.requests.total : NaN,
  };
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const settings = { ...options, connections: process.argv.includes("--connections") ? options.connections : 50 };
  printEnvironment(`npm run bench:public -- ${process.argv.slice(2).join(" ")}`.trim());
  console.log(
    `load:     ${settings.connections} connections, ${settings.duration} s measured after ${settings.warmup} s warm-up, per target; a different invitation or bridge each request`,
  );
  ensureBuild(ROOT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-public-"));
  const servers: ServerProcess[] = [];
  process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  try {
    const file = path.join(tmp, "app.db");
    const { conferenceId, tokens } = await prepareScanDatabase(`file:${file}`, ATTENDEES);
    const db = openBenchDb(`file:${file}`);
    const keys: Array<{ access: string; poster: string }> = [];
    for (let at = 0; at < BRIDGES; at += 500) {
      const rows = Array.from({ length: Math.min(500, BRIDGES - at) }, (_, j) => {
        const k = { access: randomBytes(16).toString("base64url"), poster: randomBytes(16).toString("base64url") };
        keys.push(k);
        const n = at + j + 1;
        return [
          `benchbridge${n}`,
          conferenceId,
          1_000 + n,
          `Điểm cầu UBND xã Thử Nghiệm ${n}`,
          `Trụ sở UBND xã Thử Nghiệm ${n}`,
          `https://hop.quangnam.gov.vn/j/cchc-${n}`,
          k.access,
          k.poster,
        ];
      });
      await db.all(
        `INSERT INTO "BridgePoint" ("id", "conferenceId", "position", "name", "address", "videoLink", "accessKey", "posterKey") VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...rows.flat(),
      );
    }
    await db.close();
    console.log(
      `data:     seeded + ${tokens.length.toLocaleString("en")} signed invitations and ${BRIDGES.toLocaleString("en")} bridge points`,
    );

    const app = await startApp({ root: ROOT, databaseFile: file, env: { BENCH_REFERENCE_ROUTE: "true" } });
    servers.push(app);
    const pages = {
      "/i/:token": tokens.map((t) => `/i/${t}`),
      "/b/:key": keys.map((k) => `/b/${k.access}`),
      "/d/:key": keys.map((k) => `/d/${k.poster}`),
    };
    const sizes: string[] = [];
    for (const [name, paths] of Object.entries(pages)) {
      const res = await fetch(`${app.baseUrl}${paths[1]}`, { headers: { "accept-encoding": "identity" } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
      sizes.push(`${name} ${Buffer.byteLength(body)} bytes`);
    }
    const invitation = Buffer.from(await (await fetch(`${app.baseUrl}${pages["/i/:token"][0]}`)).arrayBuffer());
    console.log(`pages:    ${sizes.join(", ")}`);

    const cookie = await signIn(app.baseUrl);
    const referenceBase = `${app.baseUrl}/bench/reference`;
    const empty = await (await fetch(`${referenceBase}?bytes=0`, { headers: { cookie } })).arrayBuffer();
    const referencePath = `/bench/reference?bytes=${Math.max(0, invitation.length - empty.byteLength)}`;
    const bodyFile = path.join(tmp, "page.html");
    fs.writeFileSync(bodyFile, invitation);
    const bare = await startBare(ROOT, bodyFile);
    servers.push(bare);

    const results: Figures[] = [];
    for (const [name, paths] of Object.entries(pages))
      results.push(await load(`app ${name}`, app.baseUrl, paths, settings, app.pid));
    const reference = await load("remix constant page", app.baseUrl, [referencePath], settings, app.pid, { cookie });
    const bareFigures = await load("bare GET /", bare.baseUrl, ["/"], settings, null);
    results.push(reference, bareFigures);

    console.log();
    console.log(
      table(
        ["target", "req/s (mean)", "p50 ms", "p99 ms", "requests", "failed", "server CPU ms/req"],
        results.map((r) => [
          r.target,
          r.rps.toFixed(1),
          r.p50.toFixed(1),
          r.p99.toFixed(1),
          String(r.requests),
          String(r.failed),
          Number.isNaN(r.cpuMs) ? "" : r.cpuMs.toFixed(2),
        ]),
      ),
    );
    console.log();
    const failures: string[] = [];
    for (const r of results.slice(0, 3)) {
      console.log(
        `${r.target}: ${r.rps.toFixed(0)} req/s (goal ≥ ${GOAL_RPS}), p99 ${r.p99.toFixed(0)} ms (goal ≤ ${GOAL_P99_MS}); app/remix constant ${(r.rps / reference.rps).toFixed(2)}, app/bare ${(r.rps / bareFigures.rps).toFixed(3)}`,
      );
      if (r.rps < GOAL_RPS) failures.push(`${r.target}: ${r.rps.toFixed(0)} req/s`);
      if (r.p99 > GOAL_P99_MS) failures.push(`${r.target}: p99 ${r.p99} ms`);
    }
    for (const r of results) if (r.failed) failures.push(`${r.target}: ${r.failed} failed requests`);
    if (failures.length) {
      console.error(`\nFAIL:\n  ${failures.join("\n  ")}`);
      return 1;
    }
    console.log("\nOK: every page meets the goal");
    return 0;
  } finally {
    for (const s of servers) {
      const err = s.stderr().trim();
      if (err) console.log(`\n--- ${s.name} server stderr ---\n${err}`);
    }
    await Promise.allSettled(servers.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
