// node --import tsx bench/invitations.ts [--count N] [--quick] [--concurrency 8,12,16] [--batch 500] [--cases A,B]
// Issue 15's bulk-mail targets (goal 4), in one run, on a fresh migrated and seeded SQLite database:
//   A. N invitations (HTML, text, ICS, inline QR; no PDF) queued in the durable outbox and
//      drained with drainOnce + the pooled smtpTransport into a local smtp-server: ≤ 35 s for 10,000
//      and ≤ 2 ms of the sending process's CPU a message;
//   B. the same with the giấy mời PDF attached (a new version, so new messages): ≤ 70 s;
//   and the sending process's peak RSS ≤ 400 MB (10^6 bytes).
// Bare reference, same server, same run: plain pooled nodemailer sending N one-line text
// messages, timed before case A and after case B; the ratios use the mean of the two.
// The smtp-server runs in a child process (bench/lib/smtp-child.ts) and counts messages, bytes and
// distinct Message-IDs; its CPU and memory are reported apart. The outbox is queued here and drained in a
// second child process (bench/lib/sender-child.ts), a fresh process as the app's worker would be: its
// CPU time (user + system, all threads) says what a message costs even when other programs share the
// machine, and its peak RSS is the sending side's (app, Prisma, SQLite, composing, transport), without
// this process's data set-up or the receiving server. The bare reference runs in this process.
// The outbox concurrency is chosen by a short calibration (a sample per setting, best rate
// wins) unless a single --concurrency is given. Targets scale linearly when --count ≠ 10,000.
// Exits 1 when a target is missed or any message is missing, duplicated or failed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { attendeeValues, checkDelivery, createBenchConference, type SmtpCounts } from "#bench/lib/invitation-data.ts";
import { startSenderChild } from "#bench/lib/sender-child.ts";
import { startCountingSmtpChild } from "#bench/lib/smtp-child.ts";
import { positiveInt } from "#bench/lib/args.ts";
import { printEnvironment } from "#bench/lib/report.ts";
import { workerNodeFlags } from "#scripts/lib/worker-node-flags.ts";

const FULL = 10_000;
const TARGET_A_S = 35;
const TARGET_B_S = 70;
const TARGET_A_CPU_MS = 2;
const TARGET_RSS_MB = 400;
const ATTENDEE_CHUNK = 500;

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    count: { type: "string" },
    quick: { type: "boolean", default: false },
    concurrency: { type: "string" },
    batch: { type: "string" },
    calibrate: { type: "string" },
    cases: { type: "string" },
  },
  strict: true,
});
const COUNT = args.count ? positiveInt("count", args.count) : args.quick ? 1_000 : FULL;
const BATCH = args.batch ? positiveInt("batch", args.batch) : 500;
const SETTINGS = (args.concurrency ?? "8,12,16").split(",").map((s) => positiveInt("concurrency", s.trim()));
const CALIBRATION = Math.min(
  COUNT,
  args.calibrate ? positiveInt("calibrate", args.calibrate) : args.quick ? 200 : 1_000,
);
const CASES = new Set(
  (args.cases ?? "A,B")
    .toUpperCase()
    .split(",")
    .map((s) => s.trim()),
);
if (![...CASES].every((c) => c === "A" || c === "B") || CASES.size === 0)
  throw new Error(`--cases takes A, B or A,B, got "${args.cases}"`);
const scale = COUNT / FULL;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** This process's RSS now, its peak so far and the V8 heap in use: where the memory went, phase by phase. */
function rssNow(): string {
  const m = process.memoryUsage();
  return `RSS ${mb(m.rss)} MiB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, heap ${mb(m.heapUsed)} MiB`;
}

async function main(): Promise<number> {
  // A database of its own: the app's modules read DATABASE_URL and DATA_DIR on import, so set
  // them first and import the app afterwards.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-mail-"));
  const dbFile = path.join(tmp, "bench.db");
  process.env.DATABASE_URL = `file:${dbFile}`;
  process.env.DATA_DIR = path.join(tmp, "data");
  delete process.env.SMTP_URL;

  printEnvironment(`node --import tsx bench/invitations.ts ${process.argv.slice(2).join(" ")}`.trim());
  console.log(
    `load:     ${COUNT.toLocaleString("en")} messages per case, batchSize ${BATCH}, concurrency ${SETTINGS.length > 1 ? `calibrated over ${SETTINGS.join("/")} with ${CALIBRATION} each` : SETTINGS[0]}`,
  );

  const { migrateDatabase } = await import("#app/database/migrate.server.ts");
  const { seedDatabase } = await import("#prisma/seed-runner.ts");
  const { prisma } = await import("#app/database/db.server.ts");
  const { createAttendees } = await import("#app/invitations/attendees.server.ts");
  const { SYSTEM_ACTOR } = await import("#app/database/audit.server.ts");
  const { queueInvitations } = await import("#app/invitations/queue.server.ts");
  const { messageIdFor } = await import("#app/mailing/backoff.ts");

  let smtp: Awaited<ReturnType<typeof startCountingSmtpChild>> | null = null;
  let sender: Awaited<ReturnType<typeof startSenderChild>> | null = null;
  try {
    // --- data --------------------------------------------------------------------------
    let t = performance.now();
    migrateDatabase(dbFile);
    await seedDatabase(prisma);
    // The seed's own queued demo invitations are not part of this run.
    await prisma.outboxMessage.deleteMany({});
    const conference = await createBenchConference(prisma);
    const groupIds = conference.attendeeGroups.map((g) => g.id);
    const bridgeIds = conference.bridgePoints.map((b) => b.id);
    for (let from = 0; from < COUNT; from += ATTENDEE_CHUNK) {
      await createAttendees(
        SYSTEM_ACTOR,
        conference.id,
        attendeeValues(from, Math.min(COUNT, from + ATTENDEE_CHUNK), groupIds, bridgeIds),
        { kind: "file", fileName: "bench.xlsx" },
      );
    }
    const attendeeIds = (
      await prisma.attendee.findMany({
        where: { conferenceId: conference.id },
        orderBy: { email: "asc" },
        select: { id: true },
      })
    ).map((a) => a.id);
    if (attendeeIds.length !== COUNT) throw new Error(`expected ${COUNT} attendees, found ${attendeeIds.length}`);
    console.log(
      `data:     migrated + seeded + conference with ${COUNT.toLocaleString("en")} attendees (${bridgeIds.length} bridge points) in ${seconds(performance.now() - t)} s (${rssNow()})`,
    );

    smtp = await startCountingSmtpChild();
    const server = smtp;
    // The sending side in a fresh process of its own, on the same database file.
    const senderFlags = [...workerNodeFlags(), ...(process.env.BENCH_SENDER_FLAGS ?? "").split(" ").filter(Boolean)];
    console.log(
      `sender:   node ${senderFlags.join(" ")} (npm run worker's heap settings${process.env.BENCH_SENDER_FLAGS ? " + BENCH_SENDER_FLAGS" : ""})`,
    );
    const senderChild = await startSenderChild(
      {
        DATABASE_URL: process.env.DATABASE_URL!,
        DATA_DIR: process.env.DATA_DIR!,
      },
      senderFlags,
    );
    sender = senderChild;
    let senderMaxRss = 0;

    // --- the outbox, as the app's worker drives it ---------------------------------------
    interface OutboxRun {
      queueMs: number;
      drainMs: number;
      /** CPU time of the sending process (user + system, all threads) while draining. */
      cpuMs: number;
      /** CPU time of the receiving SMTP server's process meanwhile. */
      serverCpuMs: number;
      sent: number;
      retried: number;
      failed: number;
      drains: number;
      /** Messages per second of each drainOnce call that sent a full batch. */
      batchRates: number[];
      counts: SmtpCounts;
      problems: string[];
    }
    async function outboxRun(
      kind: "INVITATION" | "REMINDER",
      version: number,
      ids: string[],
      attachPdf: boolean,
      concurrency: number,
    ): Promise<OutboxRun> {
      await server.reset();
      // Queued here, as the app's send job queues apart from the outbox worker; drained by the sender.
      const queueStart = performance.now();
      const queued = await queueInvitations({
        conferenceId: conference.id,
        kind,
        version,
        attendeeIds: ids,
        attachPdf,
        subject: `Giấy mời: ${conference.title}`,
      });
      const queueMs = performance.now() - queueStart;
      if (queued !== ids.length) throw new Error(`queued ${queued} of ${ids.length}`);
      const serverStart = (await server.usage()).cpuMs;
      const r = await senderChild.run({ smtpUrl: server.url, expected: ids.length, concurrency, batch: BATCH });
      senderMaxRss = Math.max(senderMaxRss, r.maxRss);
      console.log(
        `  sender ${kind} v${version} ×${ids.length}${attachPdf ? " + PDF" : ""}: peak RSS so far ${mb(r.maxRss)} MiB, ` +
          `during the run heap ≤ ${mb(r.peakHeap)} MiB, external ≤ ${mb(r.peakExternal)} MiB`,
      );
      const serverCpuMs = (await server.usage()).cpuMs - serverStart;
      const counts = await server.reset();
      const problems = checkDelivery(
        counts,
        ids.map((id) => messageIdFor(kind, version, id)),
      );
      const sentRows = await prisma.outboxMessage.count({
        where: { conferenceId: conference.id, kind, version, status: "SENT" },
      });
      if (sentRows !== ids.length) problems.push(`${sentRows} of ${ids.length} outbox rows SENT`);
      if (r.failed) problems.push(`${r.failed} failed`);
      if (r.retried) problems.push(`${r.retried} retried`);
      return { ...r, queueMs, serverCpuMs, counts, problems };
    }

    // --- the bare reference --------------------------------------------------------------
    async function bareRun(
      label: string,
      n: number,
      concurrency: number,
    ): Promise<{ ms: number; cpuMs: number; counts: SmtpCounts; problems: string[] }> {
      await server.reset();
      const transporter = nodemailer.createTransport(`${server.url}&pool=true`);
      try {
        const ids = Array.from({ length: n }, (_, i) => `<bare-${label}-${i}@hoinghi.local>`);
        let next = 0;
        const worker = async () => {
          while (next < n) {
            const i = next++;
            await transporter.sendMail({
              from: "Hội nghị CCHC <no-reply@hoinghi.local>",
              to: `daibieu${i}@quangnam.hoinghi.local`,
              subject: "x",
              text: "Kính mời đồng chí dự hội nghị.",
              messageId: ids[i],
            });
          }
        };
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        await Promise.all(Array.from({ length: concurrency }, worker));
        const ms = performance.now() - start;
        const cpuMs = cpuMsSince(cpuStart);
        const counts = await server.reset();
        return { ms, cpuMs, counts, problems: checkDelivery(counts, ids) };
      } finally {
        transporter.close();
      }
    }

    // --- warm-up and calibration ----------------------------------------------------------
    t = performance.now();
    await bareRun("warmup", Math.min(500, COUNT), SETTINGS[0]!);
    let concurrency = SETTINGS[0]!;
    let version = 1000;
    // One unmeasured pass of each kind of message, so the JIT, the fonts and the QR code are warm.
    const warm = await outboxRun("REMINDER", version++, attendeeIds.slice(0, Math.min(100, COUNT)), true, concurrency);
    if (warm.problems.length) throw new Error(`warm-up: ${warm.problems.join("; ")}`);
    if (SETTINGS.length > 1) {
      const sample = attendeeIds.slice(0, CALIBRATION);
      const rates: string[] = [];
      let best = 0;
      for (const c of SETTINGS) {
        const r = await outboxRun("REMINDER", version++, sample, false, c);
        if (r.problems.length) throw new Error(`calibration (concurrency ${c}): ${r.problems.join("; ")}`);
        const perSecond = sample.length / (r.drainMs / 1000);
        rates.push(`${c} → ${perSecond.toFixed(1)}/s`);
        if (perSecond > best) {
          best = perSecond;
          concurrency = c;
        }
      }
      console.log(
        `calibrate: ${CALIBRATION} messages without PDF per setting: ${rates.join(", ")}; using concurrency ${concurrency}`,
      );
    }
    console.log(`warm-up:  ${seconds(performance.now() - t)} s (${rssNow()})`);

    // --- measured -------------------------------------------------------------------------
    const bare1 = await bareRun("1", COUNT, concurrency);
    console.log(`bare 1:   ${seconds(bare1.ms)} s`);
    const cases: Array<{ name: "A" | "B"; label: string; run: OutboxRun; target: number }> = [];
    if (CASES.has("A")) {
      const run = await outboxRun("INVITATION", conference.calendarSequence, attendeeIds, false, concurrency);
      console.log(`case A:   ${seconds(run.drainMs)} s (${rssNow()})`);
      cases.push({ name: "A", label: "A: invitation, no PDF", run, target: TARGET_A_S * scale });
    }
    if (CASES.has("B")) {
      const run = await outboxRun("INVITATION", conference.calendarSequence + 1, attendeeIds, true, concurrency);
      console.log(`case B:   ${seconds(run.drainMs)} s (${rssNow()})`);
      cases.push({ name: "B", label: "B: invitation + PDF", run, target: TARGET_B_S * scale });
    }
    const bare2 = await bareRun("2", COUNT, concurrency);
    console.log(`bare 2:   ${seconds(bare2.ms)} s`);
    const bareMs = (bare1.ms + bare2.ms) / 2;
    const bareCpuMs = (bare1.cpuMs + bare2.cpuMs) / 2;

    // --- report ---------------------------------------------------------------------------
    const cpuPerMessage = (c: (typeof cases)[number]) => c.run.cpuMs / COUNT;
    const overCpu = (c: (typeof cases)[number]) => c.name === "A" && cpuPerMessage(c) > TARGET_A_CPU_MS;
    const passed = (c: (typeof cases)[number]) =>
      c.run.problems.length === 0 && c.run.drainMs / 1000 <= c.target && !overCpu(c);
    const peakRssMB = senderMaxRss / 1e6;
    const serverUsage = await server.usage();
    const rows: string[][] = [
      ...[bare1, bare2].map((r, i) => [
        `bare nodemailer, one line (${i + 1})`,
        String(r.counts.messages),
        seconds(r.ms),
        rate(COUNT, r.ms),
        mb(r.counts.bytes),
        "",
        seconds(r.cpuMs),
        "",
        "",
        "",
        r.problems.length ? "FAIL" : "ok",
      ]),
      ...cases.map((c) => [
        c.label,
        String(c.run.counts.messages),
        seconds(c.run.drainMs),
        rate(COUNT, c.run.drainMs),
        mb(c.run.counts.bytes),
        (c.run.drainMs / bareMs).toFixed(1),
        seconds(c.run.cpuMs),
        (c.run.cpuMs / bareCpuMs).toFixed(1),
        seconds(c.run.queueMs),
        `≤ ${c.target.toFixed(scale === 1 ? 0 : 1)} s`,
        passed(c) ? "PASS" : "FAIL",
      ]),
    ];
    const headers = [
      "case",
      "received",
      "seconds",
      "msg/s",
      "MB",
      "×bare",
      "cpu s",
      "cpu ×bare",
      "queue s",
      "target",
      "result",
    ];
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    console.log();
    console.log(line(headers));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows) console.log(line(r));
    console.log();
    console.log(`bare reference: mean of the two runs ${seconds(bareMs)} s (${rate(COUNT, bareMs)} msg/s)`);
    console.log(
      `ratios (wall): ${cases.map((c) => `${c.name}/bare ${(c.run.drainMs / bareMs).toFixed(1)}`).join(", ")}`,
    );
    console.log(
      `cpu per message: bare ${(bareCpuMs / COUNT).toFixed(2)} ms, ${cases.map((c) => `${c.name} ${(c.run.cpuMs / COUNT).toFixed(2)} ms`).join(", ")} ` +
        `(the sender's user + system time over wall time: ${cases.map((c) => `${c.name} ${((100 * c.run.cpuMs) / c.run.drainMs).toFixed(0)} %`).join(", ")}, bare ${((100 * bareCpuMs) / bareMs).toFixed(0)} %)`,
    );
    const spread = (xs: number[]) => {
      if (!xs.length) return "n/a";
      const sorted = [...xs].sort((x, y) => x - y);
      return `first ${xs[0]!.toFixed(0)}, min ${sorted[0]!.toFixed(0)}, median ${sorted[sorted.length >> 1]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)}, last ${xs[xs.length - 1]!.toFixed(0)} msg/s`;
    };
    for (const c of cases) console.log(`${c.name} per batch of ${BATCH}: ${spread(c.run.batchRates)}`);
    console.log(
      `average message: ${cases.map((c) => `${c.name} ${(c.run.counts.bytes / COUNT / 1024).toFixed(1)} KiB`).join(", ")}`,
    );
    console.log(
      `settings: batchSize ${BATCH}, concurrency ${concurrency}, pooled smtpTransport (nodemailer pool defaults: 5 connections); ` +
        cases
          .map(
            (c) =>
              `${c.name}: ${c.run.drains} drainOnce calls, queueInvitations ${seconds(c.run.queueMs)} s (not in the timed figure)`,
          )
          .join("; "),
    );
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `peak RSS of the sending process (app, Prisma, SQLite, composing, transport; warm-up, calibration and both cases): ` +
        `${peakRssMB.toFixed(0)} MB (${(senderMaxRss / 1024 / 1024).toFixed(0)} MiB), target ≤ ${TARGET_RSS_MB} MB; ` +
        `this bench process (data set-up, bare reference): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ` +
        `the receiving smtp-server's process, not counted: ${serverUsage.maxRssMiB.toFixed(0)} MiB peak RSS, ` +
        cases.map((c) => `${c.name} ${(c.run.serverCpuMs / COUNT).toFixed(2)} ms`).join(", ") +
        ` of its CPU a message`,
    );
    if (scale !== 1)
      console.log(
        `note: --count ${COUNT}: time targets scaled to ${(scale * 100).toFixed(0)} % of issue 15's (35 s and 70 s for 10,000)`,
      );

    const problems = [
      ...bare1.problems.map((p) => `bare 1: ${p}`),
      ...bare2.problems.map((p) => `bare 2: ${p}`),
      ...cases.flatMap((c) => c.run.problems.map((p) => `${c.name}: ${p}`)),
      ...cases
        .filter((c) => c.run.drainMs / 1000 > c.target)
        .map((c) => `${c.name}: ${seconds(c.run.drainMs)} s over the ${c.target} s target`),
      ...cases
        .filter(overCpu)
        .map(
          (c) => `${c.name}: ${cpuPerMessage(c).toFixed(2)} ms of CPU a message over the ${TARGET_A_CPU_MS} ms target`,
        ),
      ...(peakRssMB > TARGET_RSS_MB ? [`peak RSS ${peakRssMB.toFixed(0)} MB over the ${TARGET_RSS_MB} MB target`] : []),
    ];
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(problems.length ? "result: FAIL" : "result: PASS");
    return problems.length ? 1 : 0;
  } finally {
    await sender?.close();
    await smtp?.close();
    await prisma.$disconnect();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
