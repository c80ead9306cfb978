// npm run bench [-- --quick | --duration N | --connections N]
// Times the conference list page with 1,000 conferences against a bare Node
// HTTP server sending a page of the same size, in the same run, and prints the
// ratio: absolute numbers vary between machines, the ratio much less.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseBenchArgs } from "#bench/lib/args.ts";
import { ensureBuild } from "#bench/lib/build.ts";
import { prepareDatabase } from "#bench/lib/database.ts";
import { measure } from "#bench/lib/load.ts";
import { printEnvironment, printResults } from "#bench/lib/report.ts";
import { startApp, startBare, type ServerProcess } from "#bench/lib/servers.ts";
import { fetchConferenceList, signIn } from "#bench/lib/session.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CONFERENCES = 1000;
// How the list page prints the total (vi-VN groups thousands with a dot).
const EXPECTED_TOTAL_TEXT = CONFERENCES.toLocaleString("vi-VN");
// Issue 15: the list page serves at least a quarter of the constant page's req/s.
const REFERENCE_GOAL = 0.25;

async function fetchPage(url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return body;
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  printEnvironment(commandLine());
  console.log(
    `load:     ${options.connections} connections, ${options.duration} s measured after ${options.warmup} s warm-up, per target`,
  );
  console.log();

  ensureBuild(ROOT);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-"));
  const servers: ServerProcess[] = [];
  const cleanup = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Safety net when the process dies without reaching `finally` (e.g. EPIPE on stdout).
  process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  // Ctrl-C must not leave servers running or the temp database behind.
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const databaseFile = path.join(tmp, "bench.db");
    await prepareDatabase(databaseFile, CONFERENCES);

    const app = await startApp({ root: ROOT, databaseFile, env: { BENCH_REFERENCE_ROUTE: "true" } });
    servers.push(app);
    const cookie = await signIn(app.baseUrl);
    const page = await fetchConferenceList(app.baseUrl, cookie, EXPECTED_TOTAL_TEXT);
    console.log(
      `app:      ${app.baseUrl}/conferences is ${page.length} bytes, shows "${EXPECTED_TOTAL_TEXT} kế hoạch"`,
    );

    const bodyFile = path.join(tmp, "page.html");
    fs.writeFileSync(bodyFile, page);
    const bare = await startBare(ROOT, bodyFile);
    servers.push(bare);
    console.log(`bare:     ${bare.baseUrl}/ serves the same ${page.length} bytes`);

    // The reference inside the same build: a constant page of the same size through the same layout and
    // sign-in check (app/routes/bench.reference.tsx), sized by subtracting its empty page.
    const referenceBase = `${app.baseUrl}/bench/reference`;
    const empty = await fetchPage(`${referenceBase}?bytes=0`, cookie);
    const referenceUrl = `${referenceBase}?bytes=${page.length - empty.length}`;
    const reference = await fetchPage(referenceUrl, cookie);
    console.log(`remix:    ${referenceUrl} is a constant page of ${reference.length} bytes`);

    const appFigures = await measure("app GET /conferences", `${app.baseUrl}/conferences`, options, { cookie });
    const referenceFigures = await measure("remix constant page", referenceUrl, options, { cookie });
    const bareFigures = await measure("bare GET /", `${bare.baseUrl}/`, options);
    printResults([appFigures, referenceFigures, bareFigures], appFigures, bareFigures);
    const toReference = appFigures.requestsPerSecond / referenceFigures.requestsPerSecond;
    console.log(
      `app/remix constant page  req/s ${toReference.toFixed(3)} (goal ≥ ${REFERENCE_GOAL}: ${toReference >= REFERENCE_GOAL ? "met" : "MISSED"})`,
    );

    if (appFigures.non2xx > 0 || appFigures.errors > 0) {
      console.error(
        `\nFAIL: the app answered ${appFigures.non2xx} non-2xx and ${appFigures.errors} errors (status codes ${JSON.stringify(appFigures.statusCodes)})`,
      );
      return 1;
    }
    return 0;
  } finally {
    // Printed on failure too: a crash or 500 usually explains itself here.
    for (const s of servers) {
      const err = s.stderr().trim();
      if (err) console.log(`\n--- ${s.name} server stderr ---\n${err}`);
    }
    await cleanup();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function commandLine(): string {
  const script = path.relative(ROOT, process.argv[1] ?? "bench/run.ts");
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
