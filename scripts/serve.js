// The production HTTP server (`npm start`): what remix-serve does — compression, immutable /assets,
// public files, a request log, the Remix handler — plus one path answered before Express and Remix:
// POST /api/checkin, which door scanners call hundreds of times a second (see app/checkin/api.server.ts).
// Usage: node scripts/serve.js build/server/index.js   (PORT, HOST from the environment)
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const { CHECKIN_PATH, handleCheckinNode, stopBackgroundWork } = build.entry.module;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(path.dirname(buildPath), "..", "client"), { maxAge: "1h" }));
app.use(morgan("tiny"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = http.createServer((req, res) => {
  if (req.url === CHECKIN_PATH) handleCheckinNode(req, res);
  else app(req, res);
});
// Scanners keep their connection open between scans.
server.keepAliveTimeout = 65_000;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const onListen = () => console.log(`[hoinghi] http://${host ?? "localhost"}:${port}`);
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
