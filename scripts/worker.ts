// npm run worker — the outbox and the job table (packet builds) without the web server, for
// installations whose web instances run with BACKGROUND_WORKERS=off. Any number may run, on any
// machine that reaches the database: claims carry a lease, so each message is sent once and each job
// run once, and the work of a worker that dies is taken up by another once its lease has run out.
// It does not migrate the database: start it after `npm start` has done so.

import http from "node:http";

// Set before any app module reads the environment (the database client does so when imported).
process.env.NODE_ENV ??= "production";
process.env.BACKGROUND_WORKERS = "on";
await import("#app/mail-composers.server.ts");
await import("#app/job-kinds.server.ts");
const { env } = await import("#app/env.server.ts");
const { closeDatabase } = await import("#app/database/shutdown.server.ts");
const { outboxWorker, mailTransportKind } = await import("#app/mailing/worker.server.ts");
const { jobWorker } = await import("#app/jobs/jobs.server.ts");
const { logger } = await import("#app/lib/logger.server.ts");
const { METRICS_PATH, serveMetrics } = await import("#app/http/metrics-endpoint.server.ts");

const settings = env();
outboxWorker();
jobWorker();

// Its own counters (mail attempts, jobs) and process metrics live in this process: Prometheus scrapes
// it like a web instance, with the same token.
let metricsServer: http.Server | null = null;
if (settings.WORKER_METRICS_PORT) {
  const token = settings.METRICS_TOKEN;
  if (!token) {
    logger.fatal(
      { event: "worker.config", variable: "WORKER_METRICS_PORT" },
      "WORKER_METRICS_PORT cần METRICS_TOKEN (mã truy cập số liệu) để phục vụ /metrics.",
    );
    process.exit(1);
  }
  metricsServer = http.createServer((req, res) => {
    if ((req.url ?? "").split("?")[0] === METRICS_PATH) serveMetrics(req, res, token);
    else res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không có trang này.");
  });
  metricsServer.listen(settings.WORKER_METRICS_PORT, process.env.HOST);
}
// The job worker's idle timer does not hold the process open; this does, until a signal.
const alive = setInterval(() => {}, 60_000);
// Its stdout is the JSON log, as the server's is (app/lib/logger.server.ts).
logger.info(
  { event: "worker.started", transport: mailTransportKind(), leaseMs: settings.CLAIM_LEASE_MS },
  `Tiến trình nền đang chạy: hộp thư gửi đi (${mailTransportKind() === "smtp" ? "SMTP" : "tệp .eml"}) và tác vụ nền, ` +
    `thời hạn nhận việc ${settings.CLAIM_LEASE_MS} ms.`,
);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Past this the process gives up (status 1): what it held returns to the queue when its lease runs out.
    const started = Date.now();
    logger.info({ event: "shutdown.started", signal, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, `${signal}: dừng`);
    metricsServer?.close();
    setTimeout(() => {
      logger.error(
        { event: "shutdown.timeout", timeoutMs: settings.SHUTDOWN_TIMEOUT_MS },
        `Tiến trình nền không dừng xong trong ${settings.SHUTDOWN_TIMEOUT_MS} ms; thoát với mã 1.`,
      );
      process.exit(1);
    }, settings.SHUTDOWN_TIMEOUT_MS).unref();
    // Messages being sent and the job in hand finish first; what is left stays queued for the others.
    Promise.all([outboxWorker().stop(), jobWorker().stop()])
      .then(() => closeDatabase())
      .then(
        () => {
          clearInterval(alive);
          logger.info({ event: "shutdown.done", ms: Date.now() - started }, "Tiến trình nền đã dừng.");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ event: "shutdown.failed", err: error }, "Tiến trình nền dừng lỗi.");
          process.exit(1);
        },
      );
  });
}
export {};
