// The production HTTP server (`npm start`): what remix-serve does — compression, immutable /assets,
// public files, a request log, the Remix handler — plus, before any of it (app/http/edge.server.ts):
// the client's address in the x-hoinghi-client-ip header, security headers, the refusal of
// cross-origin writes (403) and of oversized bodies (413), the request log (JSON lines on stdout) and
// metrics, and paths answered before Express and Remix: GET /healthz and /readyz (app/health.server.ts)
// first of all, POST /api/checkin, which door scanners call hundreds of times a second (see
// app/checkin/api.server.ts), and GET /metrics (METRICS_TOKEN). SIGTERM stops it gracefully (end of this file).
// Usage: node scripts/serve.js build/server/index.js   (PORT, HOST, TRUST_PROXY, SHUTDOWN_TIMEOUT_MS from
// the environment)
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const { handleCheckinNode, edgePages, stopBackgroundWork, edge, healthHandlers, closeDatabase } = build.entry.module;

// TRUST_PROXY=true only behind a load balancer that appends the client's address to X-Forwarded-For
// (nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for) and that clients cannot bypass.
const trustProxy = process.env.TRUST_PROXY === "true";

// One JSON line per request on stdout (route pattern, status, duration, request id, user; secrets masked)
// and the request metrics; app/http/access-log.server.ts.
const log = edge.createAccessLog(build, [edge.METRICS_PATH]);

const remix = edge.createRemixNodeHandler(build, process.env.NODE_ENV);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(staticFiles());
app.all("*", (req, res, next) => {
  remix(req, res).catch(next);
});

/**
 * The built client files (hashed /assets/… and the public folder's favicon and scanner service worker),
 * as remix-serve serves them, immutable for a year. The files are fixed once built, so their paths are
 * listed at start and only those requests reach express.static: a page request (/i/…, /conferences…)
 * goes straight to Remix instead of costing file-system lookups (two stat calls a request, about 13 % of
 * a public page's CPU, were spent finding no file).
 */
function staticFiles() {
  const root = path.resolve(build.assetsBuildDirectory);
  const base = build.publicPath.replace(/\/$/, "");
  const files = new Set(
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map(
        (entry) => `${base}/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`,
      ),
  );
  const serve = express.static(root, { immutable: true, maxAge: "1y" });
  return (req, res, next) => {
    let pathname;
    try {
      pathname = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    return files.has(pathname) ? serve(req, res, next) : next();
  };
}

const handle = edge.createEdgeHandler({
  checkin: handleCheckinNode,
  app,
  log,
  // GET /healthz, /readyz (app/health.server.ts): answered first, unlogged.
  health: healthHandlers,
  // The first open of /i/:token, /d/:key and /b/:key, which thousands make within minutes: answered without
  // Express and Remix's render, in the same document Remix would write (app/http/edge-page.server.ts).
  pages: edgePages(build),
  trustProxy,
});
const server = http.createServer((req, res) => handle(req, res));
// A client that announces a large body (Expect: 100-continue) is refused before it sends it.
server.on("checkContinue", (req, res) => handle(req, res, true));
// Scanners keep their connection open between scans.
server.keepAliveTimeout = 65_000;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const onListen = () =>
  edge.logger.info({ event: "listening", port, host: host ?? null }, `http://${host ?? "localhost"}:${port}`);
if (host) server.listen(port, host, onListen);
else server.listen(port, onListen);

// --- Graceful shutdown (issue 17) ---------------------------------------------------------------------
// On SIGTERM (systemd stop, `npm start` passing it on) or SIGINT: stop accepting connections, let the
// requests in flight finish, let the outbox and job workers finish the message or job in hand, close the
// database, exit 0. All within SHUTDOWN_TIMEOUT_MS; past it, a log line and exit 1 (what is left is safe:
// claims return to the queue when their lease runs out). systemd's TimeoutStopSec is longer than this.
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  edge.logger.info({ event: "shutdown.started", signal, timeoutMs: shutdownMs }, `${signal}: stopping`);
  setTimeout(() => {
    edge.logger.error(
      { event: "shutdown.timeout", timeoutMs: shutdownMs },
      `shutdown did not finish within ${shutdownMs} ms; exiting with status 1`,
    );
    process.exit(1);
  }, shutdownMs).unref();
  const requestsDone = new Promise((resolve) => server.close(() => resolve()));
  // Keep-alive sockets (scanners, nginx) would hold close() open: close each one as soon as it is idle,
  // which for a socket with a request in flight is right after its answer.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  Promise.all([requestsDone.finally(() => clearInterval(idle)), stopBackgroundWork()])
    .then(() => closeDatabase())
    .then(
      () => {
        edge.logger.info({ event: "shutdown.done", ms: Date.now() - started }, "stopped");
        process.exit(0);
      },
      (error) => {
        edge.logger.error({ event: "shutdown.failed", err: error }, "shutdown failed");
        process.exit(1);
      },
    );
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown(signal));
// --- end of graceful shutdown ---
