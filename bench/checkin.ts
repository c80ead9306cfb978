// npm run bench:checkin [-- --quick | --duration N | --connections N | --attendees N]
// DATABASE_URL=postgresql://user:pass@host:5432/any npm run bench:checkin: the same on PostgreSQL (two fresh
// databases are made on that server and dropped after), against bench/checkin-bare-pg.ts.
// Issue 6's speed targets for POST /api/checkin on SQLite, through the production server (scripts/serve.js):
//   1. maximum throughput (req/s) with `connections` clients sending as fast as they can;
//   2. p50/p99 latency at a fixed 500 req/s.
// Every request is a distinct scan (fresh nonce) of a genuine invitation: the first pass over the
// attendees is accepted, later passes are duplicates, so both kinds of durable write are measured.
// Reference in the same run: bench/checkin-bare.ts, plain node:http parsing the same JSON and doing the
// same durable insert with better-sqlite3 (WAL). Goal: app ≥ 25 % of the reference's req/s, p99 ≤ 25 ms
// at 500 req/s. Exits 1 when a goal is missed, a request fails, or a scan is missing from the log.
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closePgPools } from "#app/database/pg-pool.server.ts";
import {
  onPgServer,
  openBenchDb,
  PG_PREFIX,
  PG_SERVER,
  pgDatabaseUrl,
  prepareScanDatabase,
  scannerAuth,
} from "#bench/lib/checkin-data.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import { positiveInt } from "#bench/lib/args.ts";
import { scanRequests } from "#bench/lib/scans.ts";
import { printEnvironment, table } from "#bench/lib/report.ts";
import { startApp, startReference, type ServerProcess } from "#bench/lib/servers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const GOAL_RATIO = 0.25;
const GOAL_P99_MS = 25;
const FIXED_RATE = 500;

const option = (name: string, raw: string | undefined, fallback: number) =>
  raw === undefined ? fallback : positiveInt(name, raw);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    quick: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string" },
    attendees: { type: "string" },
  },
  strict: true,
});
const DURATION = option("duration", values.duration, values.quick ? 4 : 10);
const WARMUP = values.quick ? 1 : 3;
const CONNECTIONS = option("connections", values.connections, 32);
const ATTENDEES = option("attendees", values.attendees, values.quick ? 5_000 : 30_000);

interface Figures {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(
  target: string,
  url: string,
  tokens: string[],
  device: string,
  opts: { duration: number; connections: number; rate?: number },
  headers: Record<string, string>,
): Promise<Figures> {
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    headers: { "content-type": "application/json", ...headers },
    requests: scanRequests(tokens, device),
  });
  return {
    target,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

function figuresTable(rows: Figures[]): string {
  return table(
    ["target", "req/s (mean)", "p50 ms", "p99 ms", "requests", "non-2xx", "errors"],
    rows.map((r) => [
      r.target,
      r.rps.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.requests),
      String(r.non2xx),
      String(r.errors),
    ]),
  );
}

async function main(): Promise<number> {
  printEnvironment(`npm run bench:checkin -- ${process.argv.slice(2).join(" ")}`.trim());
  console.log(
    `load:     max rate: ${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up; fixed ${FIXED_RATE} req/s: 10 connections, ${DURATION} s`,
  );
  ensureBuild(ROOT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-checkin-"));
  const servers: ServerProcess[] = [];
  process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  try {
    const file = path.join(tmp, "app.db");
    let appUrl = `file:${file}`;
    let bareTarget = path.join(tmp, "bare.db");
    if (PG_SERVER) {
      await onPgServer(`CREATE DATABASE "${PG_PREFIX}_app"`);
      await onPgServer(`CREATE DATABASE "${PG_PREFIX}_bare"`);
      appUrl = pgDatabaseUrl(`${PG_PREFIX}_app`);
      bareTarget = pgDatabaseUrl(`${PG_PREFIX}_bare`);
    }
    console.log(`database: ${PG_SERVER ? "PostgreSQL" : "SQLite"}`);
    const t0 = performance.now();
    const { conferenceId, userId, sessionId, tokens } = await prepareScanDatabase(appUrl, ATTENDEES);
    await closePgPools();
    console.log(
      `database: seeded + ${tokens.length} attendees with signed invitations (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const auth = scannerAuth(conferenceId, userId, sessionId);

    // On PostgreSQL the server's data directory still sits beside the (unused) file path.
    const app = await startApp({ root: ROOT, databaseFile: file, env: PG_SERVER ? { DATABASE_URL: appUrl } : {} });
    servers.push(app);
    const bare = await startReference(
      ROOT,
      PG_SERVER ? "bench/checkin-bare-pg.ts" : "bench/checkin-bare.ts",
      [bareTarget],
      null,
    );
    servers.push(bare);
    // The bare server has no GET route; wait until it answers a scan.
    const probe = await fetch(`${bare.baseUrl}/`, {
      method: "POST",
      body: `{"token":"t","deviceId":"probe","nonce":"0","scannedAt":"${new Date().toISOString()}"}`,
    });
    if (probe.status !== 200) throw new Error(`bare reference answered ${probe.status}`);

    const results: Figures[] = [];
    const url = (s: ServerProcess) => `${s.baseUrl}/api/checkin`;
    // Warm-ups (discarded): JIT, page cache, the verified-token cache is NOT warmed — the measured
    // runs start on tokens the warm-up did not use.
    const warmTokens = tokens.slice(0, Math.min(2_000, tokens.length / 10));
    const measuredTokens = tokens.slice(warmTokens.length);
    await load("warm-up", url(app), warmTokens, "warm-app", { duration: WARMUP, connections: CONNECTIONS }, auth);
    await load("warm-up", url(bare), warmTokens, "warm-bare", { duration: WARMUP, connections: CONNECTIONS }, {});

    const appMax = await load(
      "app  max rate",
      url(app),
      measuredTokens,
      "max-app",
      { duration: DURATION, connections: CONNECTIONS },
      auth,
    );
    const bareMax = await load(
      "bare max rate",
      url(bare),
      measuredTokens,
      "max-bare",
      { duration: DURATION, connections: CONNECTIONS },
      {},
    );
    const appFixed = await load(
      `app  at ${FIXED_RATE} req/s`,
      url(app),
      measuredTokens,
      "fixed-app",
      { duration: DURATION, connections: 10, rate: FIXED_RATE },
      auth,
    );
    const bareFixed = await load(
      `bare at ${FIXED_RATE} req/s`,
      url(bare),
      measuredTokens,
      "fixed-bare",
      { duration: DURATION, connections: 10, rate: FIXED_RATE },
      {},
    );
    results.push(appMax, bareMax, appFixed, bareFixed);

    console.log();
    console.log(figuresTable(results));

    // Every answered scan is in the log, and each attendee is counted once.
    const db = openBenchDb(appUrl);
    const count = async (sql: string) => Number((await db.all<{ n: number | string }>(sql))[0]!.n);
    const logged = await count(
      `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "deviceId" LIKE 'max-app%' OR "deviceId" LIKE 'fixed-app%'`,
    );
    const byResult = await db.all<{ result: string; n: number }>(
      `SELECT "result", COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" LIKE 'bench%' GROUP BY "result"`,
    );
    const present = await count(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" LIKE 'bench%'`);
    const scanText = `"deviceId" || ' ' || "nonce" || ' scanned ' || "scannedAt" || ' received ' || "receivedAt"`;
    const twice = await db.all<{ attendeeId: string; scans: string }>(
      `SELECT "attendeeId", ${PG_SERVER ? `string_agg(${scanText}, ' | ')` : `group_concat(${scanText}, ' | ')`} AS scans FROM "CheckinScan" WHERE "result" = 'ACCEPTED' AND "attendeeId" LIKE 'bench%' GROUP BY "attendeeId" HAVING COUNT(*) > 1`,
    );
    for (const t of twice.slice(0, 5)) console.log(`accepted twice: ${t.attendeeId}: ${t.scans}`);
    await db.close();
    const answered = appMax.requests + appFixed.requests;
    console.log();
    console.log(
      `log:      ${logged} scans logged for ${answered} answered measured requests; for the generated attendees by result ${byResult.map((r) => `${r.result} ${r.n}`).join(", ")}; ${present} attendees present`,
    );

    const ratio = appMax.rps / bareMax.rps;
    console.log(
      `app/bare  max req/s ${ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO})   p99 at ${FIXED_RATE} req/s: ${appFixed.p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms)`,
    );

    const failures: string[] = [];
    for (const r of results)
      if (r.non2xx || r.errors) failures.push(`${r.target}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    // autocannon may count a request cut at the end of the run that the server still logged.
    if (twice.length) failures.push(`${twice.length} attendees were accepted more than once`);
    if (logged < answered) failures.push(`only ${logged} of ${answered} answered scans are in the log`);
    if (ratio < GOAL_RATIO) failures.push(`throughput ratio ${ratio.toFixed(3)} below ${GOAL_RATIO}`);
    if (appFixed.p99 > GOAL_P99_MS) failures.push(`p99 ${appFixed.p99} ms above ${GOAL_P99_MS} ms`);
    if (failures.length) {
      console.error(`\nFAIL:\n  ${failures.join("\n  ")}`);
      return 1;
    }
    console.log("\nOK: both goals met");
    return 0;
  } finally {
    for (const s of servers) {
      const err = s.stderr().trim();
      if (err) console.log(`\n--- ${s.name} server stderr ---\n${err}`);
    }
    await Promise.allSettled(servers.map((s) => s.stop()));
    if (PG_SERVER)
      for (const kind of ["app", "bare"])
        await onPgServer(`DROP DATABASE IF EXISTS "${PG_PREFIX}_${kind}" WITH (FORCE)`).catch(() => undefined);
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
