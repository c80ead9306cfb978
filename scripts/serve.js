// The production HTTP server (`npm start`): what remix-serve does — compression, immutable /assets,
// public files, a request log, the Remix handler — plus, before any of it (app/http/edge.server.ts):
// the client's address in the x-hoinghi-client-ip header, security headers, the refusal of
// cross-origin writes (403) and of oversized bodies (413), the request log (JSON lines on stdout) and
// metrics, and two paths answered before Express and Remix: POST /api/checkin, which door scanners
// call hundreds of times a second (see app/checkin/api.server.ts), and GET /metrics (METRICS_TOKEN).
// Usage: node scripts/serve.js build/server/index.js   (PORT, HOST, TRUST_PROXY from the environment)
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const { handleCheckinNode, stopBackgroundWork, edge } = build.entry.module;

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
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(path.dirname(buildPath), "..", "client"), { maxAge: "1h" }));
app.all("*", (req, res, next) => {
  remix(req, res).catch(next);
});

const handle = edge.createEdgeHandler({
  checkin: handleCheckinNode,
  app,
  log,
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

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    // Keep-alive sockets of idle scanners would hold close() open.
    server.closeIdleConnections?.();
    const timeout = new Promise((resolve) => setTimeout(resolve, 4_000).unref());
    Promise.race([stopBackgroundWork(), timeout]).finally(() => process.exit(0));
  });
}
