// npm run bench:import [-- --quick | --rows N | --rate N]
// DATABASE_URL=postgresql://user:pass@host:5432/any npm run bench:import: the same on PostgreSQL (a fresh
// database is made on that server and dropped after).
// Issue 15, goal 6: "importing 20,000 attendees takes ≤ 2 s of write time, still all-or-nothing, and
// check-in answers keep p99 ≤ 100 ms while it runs". Through the production server (scripts/serve.js):
//   1. the door alone: scans of a conference's genuine invitations at a fixed rate (the reference);
//   2. the same door while an organiser, signed in, uploads an .xlsx of `rows` new attendees for another
//      conference of the province (POST /conferences/:id/attendees, intent "import", as the page does).
// Reports the import's write time (the server's "attendees.imported" log line: the transaction alone),
// the whole request (upload, reading the sheet, checks, signing, writing), and the scans' latency, both
// alone and for the scans sent while the import request was open, with the ratio of the two p99s.
// Bare reference for the write: the same rows inserted by the database driver alone, 500 a statement in
// one transaction. Exits 1 when a goal is missed, a scan fails, or the rows or the audit record are wrong.
import autocannon from "autocannon";
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "#app/database/client.server.ts";
import { closePgPools } from "#app/database/pg-pool.server.ts";
import { isPostgresUrl } from "#app/env.server.ts";
import { positiveInt } from "#bench/lib/args.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import {
  onPgServer,
  openBenchDb,
  PG_PREFIX,
  PG_SERVER,
  pgDatabaseUrl,
  prepareScanDatabase,
  scannerAuth,
} from "#bench/lib/checkin-data.ts";
import { attendeeValues, createBenchConference } from "#bench/lib/invitation-data.ts";
import { printEnvironment, table } from "#bench/lib/report.ts";
import { scanRequests } from "#bench/lib/scans.ts";
import { startApp, type ServerProcess } from "#bench/lib/servers.ts";
import { signIn } from "#bench/lib/session.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const GOAL_WRITE_MS = 2_000;
const GOAL_P99_MS = 100;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    quick: { type: "boolean", default: false },
    rows: { type: "string" },
    rate: { type: "string" },
  },
  strict: true,
});
const ROWS = values.rows ? positiveInt("rows", values.rows) : values.quick ? 5_000 : 20_000;
// A busy door: a dozen scanners at a scan every 100 ms each.
const RATE = values.rate ? positiveInt("rate", values.rate) : 100;
const CONNECTIONS = 10;
const DOOR_ALONE_S = values.quick ? 3 : 6;
// Scans before the upload starts and after it is answered, so the door is steady around the import.
const MARGIN_MS = 1_000;
const SCAN_ATTENDEES = 10_000;
// An import before the measured one (discarded), so the measured one does not pay for first-use compilation.
const WARM_ROWS = 500;

interface Sample {
  startedAt: number;
  ms: number;
  status: number;
}

interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
}

function latency(samples: Sample[]): Latency {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]! : NaN);
  return {
    count: ms.length,
    p50: at(0.5),
    p99: at(0.99),
    max: ms.at(-1) ?? NaN,
    failed: samples.filter((s) => s.status !== 200).length,
  };
}

/** Scans at RATE req/s until `until` resolves (plus MARGIN_MS), every answer timed. */
async function door(
  url: string,
  tokens: string[],
  device: string,
  auth: Record<string, string>,
  until: (started: Promise<void>) => Promise<void>,
): Promise<{ samples: Sample[]; errors: number }> {
  const samples: Sample[] = [];
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: 600,
    headers: { "content-type": "application/json", ...auth },
    requests: scanRequests(tokens, device),
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    samples.push({ startedAt: performance.now() - ms, ms, status });
  });
  let running: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (running = resolve));
  setTimeout(running, MARGIN_MS);
  await until(started);
  await new Promise((resolve) => setTimeout(resolve, MARGIN_MS));
  instance.stop();
  return { samples, errors: (await instance).errors };
}

/** The import form of the attendee page, as the browser sends it. */
function upload(url: string, cookie: string, sheet: Buffer): Promise<Response> {
  const form = new FormData();
  form.set("intent", "import");
  form.set(
    "file",
    new Blob([new Uint8Array(sheet)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    "dai-bieu-hoi-nghi.xlsx",
  );
  return fetch(url, { method: "POST", headers: { cookie }, body: form, redirect: "manual" });
}

/** The attendee list an organiser uploads: the import page's own column names, a third at bridge points. */
async function attendeeSheet(rows: number, groups: string[], bridges: Map<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đại biểu");
  sheet.addRow(["Họ và tên", "Chức vụ", "Cơ quan", "Nhóm", "Email", "Điện thoại", "Điểm cầu"]);
  const groupIds = [...groups.keys()].map(String);
  for (const v of attendeeValues(0, rows, groupIds, [...bridges.keys()])) {
    const group = v.groupId ? groups[Number(v.groupId)]! : "";
    const bridge = v.bridgePointId ? bridges.get(v.bridgePointId)! : "";
    sheet.addRow([v.name, v.position, v.organizationName, group, v.email, v.phone, bridge]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<number> {
  printEnvironment(`npm run bench:import -- ${process.argv.slice(2).join(" ")}`.trim());
  console.log(
    `load:     door at ${RATE} scans/s (${CONNECTIONS} connections): ${DOOR_ALONE_S} s alone, then around an import of ${ROWS.toLocaleString("en")} attendees`,
  );
  ensureBuild(ROOT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-import-"));
  const servers: ServerProcess[] = [];
  process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  try {
    const file = path.join(tmp, "app.db");
    let appUrl = `file:${file}`;
    if (PG_SERVER) {
      await onPgServer(`CREATE DATABASE "${PG_PREFIX}_app"`);
      appUrl = pgDatabaseUrl(`${PG_PREFIX}_app`);
    }
    console.log(`database: ${PG_SERVER ? "PostgreSQL" : "SQLite"}`);
    const t = performance.now();
    const { conferenceId, userId, sessionId, tokens } = await prepareScanDatabase(appUrl, SCAN_ATTENDEES);
    const prisma = createPrismaClient(appUrl);
    const warmTarget = await createBenchConference(prisma);
    const target = await createBenchConference(prisma);
    const groupNames = ["Cấp tỉnh", "Cấp huyện"];
    const bridges = new Map(
      (await prisma.bridgePoint.findMany({ where: { conferenceId: target.id }, select: { id: true, name: true } })).map(
        (b) => [b.id, b.name],
      ),
    );
    await prisma.$disconnect();
    await closePgPools();
    const sheet = await attendeeSheet(ROWS, groupNames, bridges);
    const warmSheet = await attendeeSheet(WARM_ROWS, groupNames, new Map());
    console.log(
      `data:     seeded + ${tokens.length.toLocaleString("en")} signed invitations to scan; an .xlsx of ${ROWS.toLocaleString("en")} new attendees (${(sheet.length / 1024).toFixed(0)} KB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const app = await startApp({
      root: ROOT,
      databaseFile: file,
      captureLog: true,
      env: PG_SERVER ? { DATABASE_URL: appUrl } : {},
    });
    servers.push(app);
    const cookie = await signIn(app.baseUrl);
    const auth = scannerAuth(conferenceId, userId, sessionId);
    const scanUrl = `${app.baseUrl}/api/checkin`;
    // Warm-up (discarded): JIT and page cache, on tokens the measured runs do not use.
    await autocannon({
      url: scanUrl,
      connections: CONNECTIONS,
      duration: 2,
      headers: { "content-type": "application/json", ...auth },
      requests: scanRequests(tokens.slice(0, 1_000), "warm"),
    });

    const warm = await upload(`${app.baseUrl}/conferences/${warmTarget.id}/attendees`, cookie, warmSheet);
    if (!(await warm.text()).includes(`Đã thêm ${WARM_ROWS} đại biểu`))
      throw new Error(`warm-up import: ${warm.status}`);

    // 1. The door alone.
    const alone = await door(scanUrl, tokens.slice(1_000, 5_500), "alone", auth, async () => {
      await new Promise((resolve) => setTimeout(resolve, DOOR_ALONE_S * 1_000 - MARGIN_MS));
    });

    // 2. The door around the import.
    const window = { from: 0, to: 0 };
    let importStatus = 0;
    let importBody = "";
    const during = await door(scanUrl, tokens.slice(5_500), "import", auth, async (started) => {
      await started;
      const form = new FormData();
      form.set("intent", "import");
      form.set(
        "file",
        new Blob([new Uint8Array(sheet)], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
        "dai-bieu-hoi-nghi.xlsx",
      );
      window.from = performance.now();
      const res = await fetch(`${app.baseUrl}/conferences/${target.id}/attendees`, {
        method: "POST",
        headers: { cookie },
        body: form,
        redirect: "manual",
      });
      importBody = await res.text();
      window.to = performance.now();
      importStatus = res.status;
    });
    const inWindow = during.samples.filter((s) => s.startedAt >= window.from && s.startedAt <= window.to);
    const doorAlone = latency(alone.samples);
    const doorDuring = latency(inWindow);
    const requestMs = window.to - window.from;

    const logLine = app
      .stdout()
      .split("\n")
      .filter((l) => l.includes('"attendees.imported"'))
      .map((l) => JSON.parse(l) as { writeMs: number; count: number })
      .find((l) => l.count === ROWS);
    const importRequestLog = app
      .stdout()
      .split("\n")
      .filter((l) => l.includes('"event":"request"') && l.includes('"method":"POST"') && l.includes("/attendees"))
      .map((l) => JSON.parse(l) as { ms?: number; status?: number })
      .at(-1);

    // The outcome: every row, one audit record, and the bare driver writing the same rows.
    const db = openBenchDb(appUrl);
    const count = async (sql: string, ...params: unknown[]) =>
      Number((await db.all<{ n: number | string }>(sql, ...params))[0]!.n);
    const stored = await count(`SELECT COUNT(*) AS n FROM "Attendee" WHERE "conferenceId" = ?`, target.id);
    const audits = await count(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "conferenceId" = ? AND "action" = 'attendee.import'`,
      target.id,
    );
    const bareMs = await bareInsert(appUrl, db);
    await db.close();

    console.log();
    console.log(
      table(
        ["door", "scans", "p50 ms", "p99 ms", "max ms", "failed"],
        [
          ["alone", doorAlone],
          ["during the import request", doorDuring],
        ].map(([name, l]) => {
          const x = l as Latency;
          return [
            name as string,
            String(x.count),
            x.p50.toFixed(1),
            x.p99.toFixed(1),
            x.max.toFixed(1),
            String(x.failed + 0),
          ];
        }),
      ),
    );
    console.log();
    const writeMs = logLine?.writeMs ?? NaN;
    console.log(
      `import:   answered ${importStatus} in ${(requestMs / 1000).toFixed(2)} s (server ${importRequestLog?.ms ?? "?"} ms: upload, sheet, checks, signing, writing); ${stored.toLocaleString("en")} rows, ${audits} audit record`,
    );
    console.log(
      `write:    ${writeMs} ms in the server's transaction (goal ≤ ${GOAL_WRITE_MS} ms); bare driver, same rows: ${bareMs.toFixed(0)} ms; app/bare ${(writeMs / bareMs).toFixed(2)}`,
    );
    console.log(
      `door:     p99 during the import ${doorDuring.p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms), alone ${doorAlone.p99.toFixed(1)} ms; during/alone ${(doorDuring.p99 / doorAlone.p99).toFixed(2)}`,
    );

    const failures: string[] = [];
    if (importStatus !== 200 || !importBody.includes(`Đã thêm ${ROWS} đại biểu`))
      failures.push(`the import answered ${importStatus} without its confirmation`);
    if (stored !== ROWS) failures.push(`${stored} attendees stored, expected ${ROWS}`);
    if (audits !== 1) failures.push(`${audits} audit records for the import, expected 1`);
    if (!logLine) failures.push("no attendees.imported log line");
    if (!(writeMs <= GOAL_WRITE_MS)) failures.push(`write time ${writeMs} ms above ${GOAL_WRITE_MS} ms`);
    if (doorDuring.count < 10) failures.push(`only ${doorDuring.count} scans during the import`);
    if (doorDuring.p99 > GOAL_P99_MS) failures.push(`door p99 ${doorDuring.p99} ms during the import`);
    for (const [name, run] of [
      ["alone", alone],
      ["during", during],
    ] as const) {
      const failed = run.samples.filter((s) => s.status !== 200).length;
      if (failed || run.errors) failures.push(`door ${name}: ${failed} non-200, ${run.errors} errors`);
    }
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
    if (PG_SERVER) await onPgServer(`DROP DATABASE IF EXISTS "${PG_PREFIX}_app" WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The bare reference: the same number of attendee rows (fresh e-mails and keys, the same sizes) written
 * by the driver alone into a conference of their own, 500 rows a statement in one transaction, then removed.
 */
async function bareInsert(url: string, db: ReturnType<typeof openBenchDb>): Promise<number> {
  const [c] = await db.all<{ id: string }>(
    `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  const sample = await db.all<{ token: string; invitationKey: string }>(
    `SELECT "token", "invitationKey" FROM "Attendee" LIMIT 1`,
  );
  const tokenLength = sample[0]!.token.length;
  const now = isPostgresUrl(url) ? new Date().toISOString().slice(0, -1) : new Date().toISOString();
  const rows = attendeeValues(0, ROWS, [], []).map((v, i) => [
    `bare${String(i).padStart(8, "0")}`,
    c!.id,
    v.name,
    v.position,
    v.organizationName,
    `bare.${v.email}`,
    v.phone,
    `${Math.random().toString(36).slice(2).padEnd(tokenLength, "x")}${i}`,
    `bare-${Math.random().toString(36).slice(2)}-${i}`,
    now,
  ]);
  const t = performance.now();
  await db.all("BEGIN");
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    await db.all(
      `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "phone", "token", "invitationKey", "createdAt") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ...chunk.flat(),
    );
  }
  await db.all("COMMIT");
  const ms = performance.now() - t;
  await db.all(`DELETE FROM "Attendee" WHERE "id" LIKE 'bare%'`);
  return ms;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
