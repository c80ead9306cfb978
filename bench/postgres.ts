// npm run bench:postgres [-- --quick]
// Issue 12: PostgreSQL and several instances, measured in one run on one database content.
//   1. Pages: the conference list (1,000 conferences) and the readiness board of a 3,300-bridge
//      conference, on one instance on SQLite and on one instance on PostgreSQL (the same data: the SQLite
//      file is copied with db:copy's code).
//   2. Check-in: POST /api/checkin through nginx (docs/deploy/nginx-hoinghi.conf) to two instances on
//      PostgreSQL, against one instance on PostgreSQL without nginx, one instance on SQLite, and two bare
//      references in the same run: bench/checkin-bare-pg-rows.ts (plain node:http committing the same
//      three rows an accepted scan writes — scan log, attendance, audit — into the same tables in one
//      statement: the goal's reference) and bench/checkin-bare-pg.ts (one row into a table of its own, no
//      index but its key, no foreign key: the floor of any durable write).
//      Each target scans attendees none of the others scanned on that database, so the first pass over
//      them is accepted scans, as at a door.
// Goals: the pair reaches ≥ 40 % of the same-rows reference's req/s, and more req/s than one SQLite instance.
// Needs a PostgreSQL server (BENCH_POSTGRES_URL, default the tests' postgresql://hoinghi:hoinghi@127.0.0.1/postgres)
// and nginx. Exits 1 when a goal is missed or a request fails.
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { encodeScannerCredential } from "#app/checkin/credential.server.ts";
import { createPrismaClient } from "#app/database/client.server.ts";
import { copySqliteToPostgres } from "#app/database/copy-to-postgres.server.ts";
import { parseEnv } from "#app/env.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import { ADMIN_EMAIL, prepareDatabase } from "#bench/lib/database.ts";
import { scanRequests } from "#bench/lib/scans.ts";
import { printEnvironment, table } from "#bench/lib/report.ts";
import { freePort, startApp, startReference, type ServerProcess } from "#bench/lib/servers.ts";
import { signIn } from "#bench/lib/session.ts";
import { startInstance, startNginx } from "#scripts/lib/cluster.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const QUICK = process.argv.includes("--quick");
const DURATION = QUICK ? 4 : 10;
const WARMUP = QUICK ? 1 : 3;
// Enough attendees that every target's measured seconds are first scans (accepted), not duplicates.
const ATTENDEES = QUICK ? 50_000 : 150_000;
const BRIDGES = 3_300;
const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://hoinghi:hoinghi@127.0.0.1:5432/postgres";
const GOAL_RATIO = 0.4;
const SECRET = parseEnv({ ALLOW_DEMO_CREDENTIALS: "true" }).SESSION_SECRET;

interface Row {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

async function load(
  target: string,
  url: string,
  connections: number,
  opts: Omit<Parameters<typeof autocannon>[0], "url"> = {},
) {
  await autocannon({ url, connections, duration: WARMUP, ...opts });
  const r = await autocannon({ url, connections, duration: DURATION, ...opts });
  return {
    target,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    bad: r.non2xx + r.errors,
  };
}

function show(rows: Row[]): void {
  console.log(
    table(
      ["target", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx+errors"],
      rows.map((r) => [
        r.target,
        r.rps.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.requests),
        String(r.bad),
      ]),
    ),
  );
}

async function prepare(file: string) {
  await prepareDatabase(file, 1_000);
  const prisma = createPrismaClient(`file:${file}`);
  try {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL }, select: { id: true } });
    const conference = await prisma.conference.findFirstOrThrow({
      where: { kind: "CONFERENCE", status: { not: "CANCELLED" } },
      orderBy: { createdAt: "asc" },
      select: { id: true, organizationId: true },
    });
    const session = await prisma.session.create({
      data: { userId: admin.id, expiresAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    const keys = deriveSigningKeys(SECRET);
    const ck = conferenceKeyFor(conference.id);
    const tokens: string[] = [];
    const ids: string[] = [];
    const rows = Array.from({ length: ATTENDEES }, (_, i) => {
      const { token, invitationKey } = issueToken(keys, ck);
      tokens.push(token);
      ids.push(`bench${i}`);
      return {
        id: `bench${i}`,
        conferenceId: conference.id,
        name: `Đại biểu ${i}`,
        position: "Chuyên viên",
        organizationName: "UBND xã",
        email: `bench${i}@example.vn`,
        token,
        invitationKey,
      };
    });
    for (let i = 0; i < rows.length; i += 2_000) await prisma.attendee.createMany({ data: rows.slice(i, i + 2_000) });
    // A nation-wide online conference: 3,300 bridge points on one readiness board.
    const big = await prisma.conference.findFirstOrThrow({
      where: { kind: "CONFERENCE", id: { not: conference.id } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const readiness = ["UNTESTED", "PASSED", "FAILED"] as const;
    await prisma.bridgePoint.createMany({
      data: Array.from({ length: BRIDGES }, (_, i) => ({
        conferenceId: big.id,
        name: `Điểm cầu xã số ${i + 1}`,
        address: `UBND xã số ${i + 1}`,
        position: 1_000 + i,
        accessKey: `bench-op-${i}`,
        posterKey: `bench-po-${i}`,
        readiness: readiness[i % 3]!,
      })),
    });
    return {
      conferenceId: conference.id,
      organizationId: conference.organizationId,
      bigId: big.id,
      userId: admin.id,
      sessionId: session.id,
      tokens,
      ids,
    };
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  printEnvironment(`npm run bench:postgres -- ${process.argv.slice(2).join(" ")}`.trim());
  ensureBuild(ROOT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-pg-"));
  const dbName = `hoinghi_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'`);
  const target = new URL(SERVER_URL);
  target.pathname = `/${dbName}`;
  const pgUrl = target.toString();
  const servers: Array<{ stop: () => Promise<void> }> = [];
  try {
    const file = path.join(tmp, "bench.db");
    const t0 = performance.now();
    const data = await prepare(file);
    const copied = await copySqliteToPostgres(file, pgUrl);
    console.log(
      `database: ${data.tokens.length} invitations, ${BRIDGES} bridge points; copied ${copied.rows} rows to PostgreSQL (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    // 1. Pages, one instance each.
    const onSqlite = await startApp({ root: ROOT, databaseFile: file, sessionSecret: SECRET });
    servers.push(onSqlite);
    const pgPort = await freePort();
    const onPg = await startInstance(pgPort, {
      databaseUrl: pgUrl,
      dataDir: path.join(tmp, "pg-single"),
      env: { SESSION_SECRET: SECRET, TRUST_PROXY: "false" },
    });
    servers.push(onPg);
    const pageRows: Row[] = [];
    for (const [name, base] of [
      ["SQLite", onSqlite.baseUrl],
      ["PostgreSQL", onPg.url],
    ] as const) {
      const cookie = await signIn(base);
      for (const [label, p] of [
        ["/conferences (1,000)", "/conferences"],
        ["readiness board (3,300)", `/conferences/${data.bigId}/bridges/readiness`],
      ] as const) {
        const res = await fetch(`${base}${p}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${name} ${p} answered ${res.status}`);
        const bytes = (await res.arrayBuffer()).byteLength;
        pageRows.push(
          await load(`${name} ${label}, ${(bytes / 1024).toFixed(0)} KB`, `${base}${p}`, 10, { headers: { cookie } }),
        );
      }
    }
    console.log("\nPages (10 connections):");
    show(pageRows);
    await onPg.stop();

    // 2. Check-in: the pair behind nginx, one SQLite instance, the bare reference.
    const credential = encodeScannerCredential(SECRET, {
      conferenceId: data.conferenceId,
      listId: null,
      userId: data.userId,
      sessionId: data.sessionId,
      issuedAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
    });
    const headers = { "content-type": "application/json", authorization: `Bearer ${credential}` };
    const env = { SESSION_SECRET: SECRET };
    const a = await startInstance(3001, { databaseUrl: pgUrl, dataDir: path.join(tmp, "a"), env });
    servers.push(a);
    const b = await startInstance(3002, { databaseUrl: pgUrl, dataDir: path.join(tmp, "b"), env });
    servers.push(b);
    const nginx = await startNginx(path.join(tmp, "nginx"));
    servers.push(nginx);
    const sameRows: ServerProcess = await startReference(
      ROOT,
      "bench/checkin-bare-pg-rows.ts",
      [pgUrl, data.conferenceId, data.organizationId],
      null,
    );
    servers.push(sameRows);
    const oneRow: ServerProcess = await startReference(ROOT, "bench/checkin-bare-pg.ts", [pgUrl], null);
    servers.push(oneRow);
    // Each target its own attendees: a fifth for the pair (and the SQLite instance, on its own database),
    // a quarter for the single PG instance, the rest for the references.
    const n = data.tokens.length;
    const [p1, p2] = [Math.floor(n * 0.2), Math.floor(n * 0.45)];
    const rows: Row[] = [
      await load("2 instances on PostgreSQL via nginx", `${nginx.url}/api/checkin`, 50, {
        headers,
        requests: scanRequests(data.tokens.slice(0, p1), "pair"),
      }),
      await load("1 instance on PostgreSQL (direct)", `${a.url}/api/checkin`, 50, {
        headers,
        requests: scanRequests(data.tokens.slice(p1, p2), "single"),
      }),
      await load("1 instance on SQLite", `${onSqlite.baseUrl}/api/checkin`, 50, {
        headers,
        requests: scanRequests(data.tokens.slice(0, p2), "sqlite"),
      }),
      await load("bare: same 3 rows, one statement", `${sameRows.baseUrl}/`, 50, {
        headers: { "content-type": "application/json" },
        requests: scanRequests(data.ids.slice(p2), "bare-rows", "/", "attendeeId"),
      }),
      await load("bare: 1 row, own table", `${oneRow.baseUrl}/`, 50, {
        headers: { "content-type": "application/json" },
        requests: scanRequests(data.tokens.slice(p2), "bare", "/"),
      }),
    ];
    console.log("\nPOST /api/checkin (50 connections):");
    show(rows);
    const [pair, single, sqlite, ref, floor] = rows as [Row, Row, Row, Row, Row];
    const ratio = pair.rps / ref.rps;
    console.log(
      `\nratio pair / same-rows bare: ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}); pair / one-row bare: ${(pair.rps / floor.rps).toFixed(2)}; ` +
        `single PG / same-rows bare: ${(single.rps / ref.rps).toFixed(2)}; pair / SQLite: ${(pair.rps / sqlite.rps).toFixed(2)} (goal > 1)`,
    );
    const failed = [...pageRows, ...rows].filter((r) => r.bad > 0);
    if (failed.length) console.error(`FAIL: non-2xx or errors in ${failed.map((r) => r.target).join(", ")}`);
    if (ratio < GOAL_RATIO || pair.rps <= sqlite.rps) console.error("FAIL: a check-in goal was missed");
    return failed.length || ratio < GOAL_RATIO || pair.rps <= sqlite.rps ? 1 : 0;
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
