// npm run bench:pages [-- --rounds N] [--html DIR] [--documents]
//   --html: keep each page's HTML in DIR to look at; --documents: also time the long PDFs once each (the
//   posters, built as a job the request waits for; the sign-in sheets and the report, built in the request).
// Issue 15, goal 3: with 10,000 attendees and 3,300 bridge points, every organiser page of the conference
// answers in ≤ 200 ms of server time and ≤ 300 KB of HTML. Builds that conference in a fresh SQLite
// database, starts the production build, signs in as the administrator and requests every page one at a
// time (one connection), `rounds` times after one warm-up request. Server time is the `ms` of the
// server's own request log line (app/http/access-log.server.ts), matched by the X-Request-Id header.
// Per the convention the same run times a bare reference: the constant page of the same size
// (app/routes/bench.reference.tsx, same build, layout and sign-in check), and prints the ratio.
// Exits 1 when any page misses a budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createPrismaClient } from "#app/database/client.server.ts";
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { seedDatabase } from "#prisma/seed-runner.ts";
import { positiveInt } from "#bench/lib/args.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import { ADMIN_PASSWORD } from "#bench/lib/database.ts";
import { createNationalConference, type NationalConference } from "#bench/lib/national-data.ts";
import { printEnvironment, table } from "#bench/lib/report.ts";
import { startApp } from "#bench/lib/servers.ts";
import { signIn } from "#bench/lib/session.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ATTENDEES = 10_000;
const BRIDGES = 3_300;
const BUDGET_MS = 200;
const BUDGET_BYTES = 300 * 1024;

/** Every organiser page (GET, HTML) of the conference, and the list pages that show its data. */
function pages(c: NationalConference): Array<[label: string, path: string]> {
  const base = `/conferences/${c.id}`;
  return [
    ["conferences (list)", "/conferences"],
    ["bridges (my bridges)", "/bridges"],
    ["conference overview", base],
    ["edit", `${base}/edit`],
    ["agenda", `${base}/agenda`],
    ["attendees", `${base}/attendees`],
    ["attendees ?q=nguyen", `${base}/attendees?q=nguyen`],
    ["outbox", `${base}/outbox`],
    ["reminders", `${base}/reminders`],
    ["bridges", `${base}/bridges`],
    ["bridges ?q=xa so 12", `${base}/bridges?q=x%C3%A3+s%E1%BB%91+12`],
    ["bridges.$bridgeId", `${base}/bridges/${c.bridgeId}`],
    ["bridges.readiness", `${base}/bridges/readiness`],
    ["bridges.readiness ?status=FAILED", `${base}/bridges/readiness?status=FAILED`],
    ["checkin", `${base}/checkin`],
    ["checkin.$listId", `${base}/checkin/${c.listId}`],
    ["attendance", `${base}/attendance`],
    ["documents", `${base}/documents`],
    ["documents.$docId", `${base}/documents/${c.documentId}`],
    ["speeches", `${base}/speeches`],
    ["awards", `${base}/awards`],
    ["conclusion", `${base}/conclusion`],
    ["packet", `${base}/packet`],
    ["audit", `${base}/audit`],
  ];
}

interface Sample {
  ms: number;
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { rounds: { type: "string" }, html: { type: "string" }, documents: { type: "boolean", default: false } },
    strict: true,
  });
  const rounds = values.rounds ? positiveInt("rounds", values.rounds) : 5;
  printEnvironment(commandLine());
  console.log(`data:     1 conference, ${ATTENDEES} attendees, ${BRIDGES} bridge points (SQLite)`);
  console.log(`load:     one connection, each page ${rounds} times after one warm-up request`);
  console.log(`timing:   server time = "ms" of the server's request log line (X-Request-Id)`);
  console.log();
  ensureBuild(ROOT);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-pages-"));
  let stopApp: (() => Promise<void>) | null = null;
  let appStderr = () => "";
  const cleanup = async () => {
    await stopApp?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const databaseFile = path.join(tmp, "bench.db");
    const secret = randomBytes(32).toString("hex");
    const t0 = performance.now();
    migrateDatabase(databaseFile);
    const prisma = createPrismaClient(`file:${databaseFile}`);
    let conference: NationalConference;
    try {
      await seedDatabase(prisma, { password: ADMIN_PASSWORD });
      conference = await createNationalConference(prisma, secret, { attendees: ATTENDEES, bridges: BRIDGES });
    } finally {
      await prisma.$disconnect();
    }
    console.log(`database: built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const app = await startApp({
      root: ROOT,
      databaseFile,
      sessionSecret: secret,
      captureLog: true,
      env: { BENCH_REFERENCE_ROUTE: "true" },
    });
    stopApp = app.stop;
    appStderr = app.stderr;
    const cookie = await signIn(app.baseUrl);

    // The server writes its log line when the answer is out: wait for it briefly.
    const serverMs = async (requestId: string): Promise<number> => {
      const needle = `"requestId":"${requestId}"`;
      for (let i = 0; i < 200; i++) {
        const line = app
          .stdout()
          .split("\n")
          .find((l) => l.includes(needle));
        if (line) return (JSON.parse(line) as { ms: number }).ms;
        await sleep(5);
      }
      throw new Error(`no request log line for ${requestId}`);
    };
    const get = async (url: string): Promise<Sample> => {
      const res = await fetch(`${app.baseUrl}${url}`, {
        headers: { cookie, "accept-encoding": "identity" },
        redirect: "manual",
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
      if (values.html && !url.startsWith("/bench/")) {
        fs.mkdirSync(values.html, { recursive: true });
        fs.writeFileSync(
          path.join(
            values.html,
            `${url.replace(/^\/conferences\/[^/?]+/, "conference").replace(/[^\w.-]+/g, "_")}.html`,
          ),
          body,
        );
      }
      return { ms: await serverMs(res.headers.get("x-request-id") ?? ""), bytes: body.length };
    };
    const sample = async (url: string) => {
      await get(url);
      const samples: Sample[] = [];
      for (let i = 0; i < rounds; i++) samples.push(await get(url));
      return samples;
    };

    const empty = await get("/bench/reference?bytes=0");
    const rows: string[][] = [];
    const missed: string[] = [];
    for (const [label, url] of pages(conference)) {
      const samples = await sample(url);
      const bytes = Math.max(...samples.map((s) => s.bytes));
      const ms = samples.map((s) => s.ms);
      const reference = await sample(`/bench/reference?bytes=${Math.max(0, bytes - empty.bytes)}`);
      const referenceMs = median(reference.map((s) => s.ms));
      const p50 = median(ms);
      const max = Math.max(...ms);
      const problems = [
        ...(max > BUDGET_MS ? [`time ${max.toFixed(0)} ms > ${BUDGET_MS}`] : []),
        ...(bytes > BUDGET_BYTES ? [`size ${(bytes / 1024).toFixed(0)} KB > ${BUDGET_BYTES / 1024}`] : []),
      ];
      if (problems.length) missed.push(`${label}: ${problems.join(", ")}`);
      rows.push([
        label,
        p50.toFixed(1),
        max.toFixed(1),
        (bytes / 1024).toFixed(1),
        referenceMs.toFixed(1),
        referenceMs > 0 ? (p50 / referenceMs).toFixed(1) : "n/a",
        problems.length ? "MISSED" : "met",
      ]);
    }
    console.log();
    console.log(
      table(["page", "p50 ms", "max ms", "HTML KB", "ref p50 ms", "page/ref", `≤ ${BUDGET_MS} ms, ≤ 300 KB`], rows),
    );
    console.log();
    console.log("ref = the constant page of the same size (/bench/reference), same build and sign-in check");
    if (values.documents) {
      const documents: string[][] = [];
      for (const name of ["attendance/posters.pdf", "attendance/sheet.pdf", "attendance-report.pdf"]) {
        const started = performance.now();
        const res = await fetch(`${app.baseUrl}/conferences/${conference.id}/${name}`, { headers: { cookie } });
        const bytes = (await res.arrayBuffer()).byteLength;
        const ms = await serverMs(res.headers.get("x-request-id") ?? "");
        const wall = performance.now() - started;
        documents.push([name, String(res.status), ms.toFixed(0), wall.toFixed(0), (bytes / 1024 / 1024).toFixed(1)]);
      }
      console.log();
      console.log(
        "Long documents, once each, the request waiting for the file (posters: a job with progress; the others built in the request; not held to the page budgets):",
      );
      console.log(table(["document", "status", "server ms", "client ms", "MB"], documents));
    }
    if (missed.length) {
      console.log(`\nMISSED (${missed.length} of ${rows.length} pages):\n  ${missed.join("\n  ")}`);
      return 1;
    }
    console.log(`\nall ${rows.length} pages met both budgets`);
    return 0;
  } finally {
    const err = appStderr().trim();
    if (err) console.log(`\n--- app server stderr ---\n${err}`);
    await cleanup();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function commandLine(): string {
  const script = path.relative(ROOT, process.argv[1] ?? "bench/pages.ts");
  const direct = ["node", ...process.execArgv, script, ...process.argv.slice(2)].join(" ");
  const viaNpm = process.env.npm_lifecycle_event ? ` (via npm run ${process.env.npm_lifecycle_event})` : "";
  return direct + viaNpm;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
