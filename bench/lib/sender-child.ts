// The sending side of bench/invitations.ts in a process of its own, as the app's outbox worker runs it:
// the app's modules, the registered composers, then drainOnce with the pooled smtpTransport until every
// queued message is out. Its CPU time and peak RSS are what the bench reports as the cost of sending:
// neither the bench's data set-up (migration, seed, 10,000 attendees), nor the queuing (done by the
// parent, as the app's send job does it apart from the outbox), nor the receiving SMTP server
// (bench/lib/smtp-child.ts) is in them. Run as a script it answers the parent over IPC;
// imported, startSenderChild forks it with the database to use.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface SendRequest {
  smtpUrl: string;
  /** How many messages were queued: the drain stops when they are all sent or failed. */
  expected: number;
  concurrency: number;
  batch: number;
}

export interface SendResult {
  drainMs: number;
  /** This process's CPU time (user + system, all threads) while draining. */
  cpuMs: number;
  sent: number;
  retried: number;
  failed: number;
  drains: number;
  /** Messages per second of each drainOnce call that sent a full batch. */
  batchRates: number[];
  /** This process's peak RSS so far, in bytes. */
  maxRss: number;
  /** Sampled every 100 ms during the run: the largest V8 heap in use and the largest off-heap buffers, bytes. */
  peakHeap: number;
  peakExternal: number;
}

type Message = { id: number; run?: SendRequest; result?: SendResult; error?: string };

/** `nodeFlags`: V8 flags for the sender as a deployment would set them (e.g. --max-old-space-size). */
export async function startSenderChild(env: Record<string, string>, nodeFlags: string[] = []) {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [...nodeFlags, "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, (m: Message) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (m: Message | { ready: true }) => {
      if ("ready" in m) resolve();
      else waiting.get(m.id)?.(m);
    });
  });
  return {
    run(request: SendRequest): Promise<SendResult> {
      return new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (m) => {
          waiting.delete(id);
          if (m.result) resolve(m.result);
          else reject(new Error(m.error ?? "sender: no result"));
        });
        child.send({ id, run: request } satisfies Message);
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.disconnect();
      });
    },
  };
}

async function serve() {
  // What `npm run worker` loads: the mail composers and the job runners (it builds packets too).
  await import("#app/mail-composers.server.ts");
  await import("#app/job-kinds.server.ts");
  const { composeMessage } = await import("#app/mailing/composers.server.ts");
  const { drainOnce } = await import("#app/mailing/outbox.server.ts");
  const { smtpTransport } = await import("#app/mailing/transport.server.ts");
  const { prisma } = await import("#app/database/db.server.ts");

  async function run(r: SendRequest): Promise<SendResult> {
    const transport = smtpTransport(r.smtpUrl);
    try {
      const totals = { sent: 0, retried: 0, failed: 0, drains: 0 };
      const batchRates: number[] = [];
      const cpuStart = process.cpuUsage();
      let peakHeap = 0;
      let peakExternal = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakExternal = Math.max(peakExternal, m.external);
      }, 100);
      const start = performance.now();
      for (;;) {
        const batchStart = performance.now();
        const d = await drainOnce({
          transport,
          compose: composeMessage,
          batchSize: r.batch,
          concurrency: r.concurrency,
        });
        if (d.sent === r.batch) batchRates.push(d.sent / ((performance.now() - batchStart) / 1000));
        totals.drains++;
        totals.sent += d.sent;
        totals.retried += d.retried;
        totals.failed += d.failed;
        // Done when everything went out, or when a drain finds nothing due (retries wait 30 s).
        if (totals.sent + totals.failed >= r.expected || d.sent + d.retried + d.failed === 0) break;
      }
      const drainMs = performance.now() - start;
      clearInterval(sampler);
      const used = process.cpuUsage(cpuStart);
      const cpuMs = (used.user + used.system) / 1000;
      const maxRss = process.resourceUsage().maxRSS * 1024;
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) {
        gc();
        console.log(
          `  sender: heap in use after a full GC ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB`,
        );
      }
      return { drainMs, cpuMs, ...totals, batchRates, maxRss, peakHeap, peakExternal };
    } finally {
      transport.close();
    }
  }

  process.on("message", (m: Message) => {
    if (!m.run) return;
    run(m.run).then(
      (result) => process.send?.({ id: m.id, result } satisfies Message),
      (error: unknown) => process.send?.({ id: m.id, error: String(error) } satisfies Message),
    );
  });
  process.on("disconnect", () => {
    void prisma.$disconnect().finally(() => process.exit(0));
  });
  process.send?.({ ready: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void serve();
