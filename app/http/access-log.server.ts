// The request log and the request metrics: one JSON line per request when its answer is out (method,
// route pattern, status, duration, request id, the signed-in user, the URL with its secrets masked) and
// the same request counted in Prometheus by route and status. Started by the edge for every request,
// the check-in API included, before any handler runs.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { redactUrl } from "#app/http/log-redaction.ts";
import { routePatterns, type RouteSource } from "#app/http/route-pattern.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { counter, histogram } from "#app/lib/metrics.server.ts";
import { closeNote, openNote, REQUEST_ID_HEADER, REQUEST_NOTE_HEADER } from "#app/lib/request-context.server.ts";

const LABELS = ["method", "route", "status"] as const;
const requests = counter({
  name: "hoinghi_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: LABELS,
});
const durations = histogram({
  name: "hoinghi_http_request_duration_seconds",
  help: "Time from a request's arrival to the end of its answer, by method, route pattern and status",
  labelNames: LABELS,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** An incoming X-Request-Id (from nginx's $request_id, a client's trace) is kept when it is short and plain. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Metric labels take these methods by name and any other as OTHER, so a client cannot mint new series. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type AccessLog = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `ownPaths`: paths the edge answers itself (/metrics, health checks), labelled by their path; every
 * other request by the Remix route pattern its path matches.
 */
export function createAccessLog(build: RouteSource, ownPaths: readonly string[] = []): AccessLog {
  const patternOf = routePatterns(build);
  const own = new Set(ownPaths);
  return (req, res) => {
    const started = performance.now();
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === "string" && SANE_ID.test(incoming) ? incoming : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const note: { requestId: string; userId?: string } = { requestId };
    // Always set, so a client cannot name another request's note.
    const key = openNote(note);
    req.headers[REQUEST_NOTE_HEADER] = key;
    res.once("close", () => {
      closeNote(key);
      const url = req.url ?? "/";
      const cut = url.search(/[?#]/);
      const pathname = cut === -1 ? url : url.slice(0, cut);
      const route = own.has(pathname.toLowerCase()) ? pathname.toLowerCase() : patternOf(pathname);
      const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
      const status = res.statusCode;
      const ms = performance.now() - started;
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      durations.observe(labels, ms / 1000);
      const line = {
        event: "request",
        requestId,
        method,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        url: redactUrl(url),
        ...(note.userId ? { userId: note.userId } : {}),
        // The client left before the whole answer was written.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) logger.error(line, `${method} ${route} ${status}`);
      else logger.info(line, `${method} ${route} ${status}`);
    });
  };
}
