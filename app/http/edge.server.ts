// What the production server (scripts/serve.js) does to every request before a handler sees it:
// the client's address, security headers, the health probes (answered there and then), the cross-origin
// refusal, the body limit, the request log, then the check-in API or Express (static files, then Remix).
// Compiled into the server build and exported from app/entry.server.tsx, so serve.js stays plain JavaScript.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CHECKIN_PATH } from "#app/http/api-paths.ts";
import type { EdgePage } from "#app/http/edge-page.server.ts";
import { bodyOf, guardBody, type Answer } from "#app/http/body-guard.server.ts";
import { bodyLimitFor } from "#app/http/body-limits.server.ts";
import { applyClientAddress } from "#app/http/client-address.server.ts";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from "#app/http/cross-origin.server.ts";
import { METRICS_PATH, serveMetrics } from "#app/http/metrics-endpoint.server.ts";
import { isTokenPath, securityHeaders } from "#app/http/security-headers.server.ts";
import { env } from "#app/env.server.ts";

export { BodyTooLargeError } from "#app/http/body-guard.server.ts";
export { redactUrl } from "#app/http/log-redaction.ts";
export { createAccessLog } from "#app/http/access-log.server.ts";
export { METRICS_PATH } from "#app/http/metrics-endpoint.server.ts";
export { logger } from "#app/lib/logger.server.ts";
export { createRemixNodeHandler } from "#app/http/remix-node.server.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface EdgeOptions {
  /** The check-in API's Node handler (app/checkin/api.server.ts). */
  checkin: Handler;
  /** Everything else: Express with static files and Remix. */
  app: Handler;
  /** Starts the request log and metrics of a request (createAccessLog); every request, the check-in API too. */
  log: Handler;
  /**
   * GET /healthz and /readyz (app/health.server.ts), by path: answered before the log, the body guard and
   * everything else, so that monitors asking every few seconds cost next to nothing and fill no log.
   */
  health?: Record<string, Handler>;
  /**
   * Pages the edge may answer itself ahead of Express and Remix (the invitation page under a burst):
   * each says whether it answered; the first that does ends the request, else Express and Remix get it.
   */
  pages?: EdgePage[];
  /** TRUST_PROXY=true: take the client address from X-Forwarded-For, honour X-Forwarded-Host/-Proto. */
  trustProxy: boolean;
}

/** The path as routes match it: no query, decoded, repeated and trailing slashes folded, any case. */
export function routePath(url: string | undefined): string {
  let path = url ?? "/";
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  try {
    path = decodeURIComponent(path);
  } catch {
    // Left as sent; Remix answers it as it can.
  }
  path = path.replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path.toLowerCase();
}

/** How long a refused client may go on sending (discarded) after its answer; see lingerBeforeClose. */
const LINGER_MS = 2_000;

/**
 * Node closes the socket as soon as a "Connection: close" answer is written; a client still sending its
 * body then gets a reset (EPIPE, ECONNRESET) and may never read the 413. As nginx does ("lingering
 * close"), keep reading and discarding for a moment after the answer, then close. Nothing is kept, so
 * memory stays flat.
 */
function lingerBeforeClose(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage["socket"] & { destroySoon?: () => void };
  if (typeof socket.destroySoon !== "function") return;
  socket.destroySoon = function lingeringClose(this: typeof socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
  };
  // A body cut off mid-stream is paused; let the rest flow to nowhere.
  req.resume();
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal in the caller's language: JSON for the check-in API and other API calls, a small page for a
 * browser navigation, plain text otherwise (fetchers, scripts). The connection closes after it, so a
 * body still on its way is not read.
 */
const answer: Answer = (req, res, status, message) => {
  const accept = String(req.headers.accept ?? "");
  const path = routePath(req.url);
  let type: string;
  let body: string;
  if (path.startsWith("/api/") || /application\/json/.test(accept)) {
    type = "application/json; charset=utf-8";
    body = JSON.stringify({ error: message });
  } else if (/text\/html/.test(accept) && !path.endsWith(".data")) {
    type = "text/html; charset=utf-8";
    body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị CCHC</title></head><body><h1>${status}</h1><p>${escapeHtml(message)}</p></body></html>`;
  } else {
    type = "text/plain; charset=utf-8";
    body = message;
  }
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    connection: "close",
  });
  lingerBeforeClose(req);
  res.end(body);
};

export function createEdgeHandler({ checkin, app, log, health = {}, pages = [], trustProxy }: EdgeOptions) {
  // The same two header sets for every request (pages replace the CSP with their nonce'd one): built once,
  // as the check-in API's hot path goes through here too.
  const headers = Object.entries(securityHeaders("/"));
  const tokenHeaders = Object.entries(securityHeaders("/i/"));
  const metricsToken = env().METRICS_TOKEN;
  return (req: IncomingMessage, res: ServerResponse, expectsContinue = false): void => {
    const path = routePath(req.url);
    const isCheckin = path === CHECKIN_PATH;
    applyClientAddress(req, trustProxy);
    for (const [name, value] of isTokenPath(path) ? tokenHeaders : headers) res.setHeader(name, value);
    const probe = Object.hasOwn(health, path) ? health[path] : undefined;
    if (probe) return probe(req, res);
    log(req, res);
    if (metricsToken && path === METRICS_PATH) {
      serveMetrics(req, res, metricsToken);
      return;
    }

    if (isCrossOriginWrite(req)) {
      answer(req, res, 403, CROSS_ORIGIN_MESSAGE);
      return;
    }
    const limit = bodyLimitFor(path, req.headers["content-type"]);
    // The check-in API answers from its body's 'end' event: a cut-off body must just stop, not fail.
    if (!guardBody(req, res, limit, answer, !isCheckin)) return;
    // The client waits for this before sending a body it announced with Expect: 100-continue.
    if (expectsContinue) res.writeContinue();
    if (isCheckin) checkin(withGuardedBody(req), res);
    else if (pages.length && req.method === "GET") void answerPage(pages, req, res, app);
    else app(req, res);
  };
}

async function answerPage(
  pages: NonNullable<EdgeOptions["pages"]>,
  req: IncomingMessage,
  res: ServerResponse,
  app: Handler,
) {
  for (const page of pages) if (await page(req, res).catch(() => res.headersSent)) return;
  app(req, res);
}

/** The check-in API reads `req` as a stream: behind a counter, it gets the counter dressed as the request. */
function withGuardedBody(req: IncomingMessage): IncomingMessage {
  const body = bodyOf(req);
  if (body === req) return req;
  return Object.assign(body, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    socket: req.socket,
  }) as unknown as IncomingMessage;
}
