// GET /metrics: the process's Prometheus metrics (app/lib/metrics.server.ts), answered by the edge
// before Express and Remix. Only for whoever holds METRICS_TOKEN (Authorization: Bearer …); without
// that variable the path is not served at all (the app's 404).
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { registry } from "#app/lib/metrics.server.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";

export const METRICS_PATH = "/metrics";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares digests of equal length, so the time taken says nothing about how much of the token matched. */
function authorized(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? timingSafeEqual(digest(m[1]!), digest(token)) : false;
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(text);
}

export function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "Chỉ nhận yêu cầu GET.", { allow: "GET, HEAD" });
    return;
  }
  if (!authorized(req.headers.authorization, token)) {
    plain(res, 401, "Cần mã truy cập số liệu (Authorization: Bearer …).", {
      "www-authenticate": 'Bearer realm="metrics"',
    });
    return;
  }
  registry.metrics().then(
    (text) => {
      res.writeHead(200, {
        "content-type": registry.contentType,
        "content-length": Buffer.byteLength(text),
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : text);
    },
    (error: unknown) => {
      logger.error({ event: "metrics.failed", error: errorText(error) }, "metrics failed");
      plain(res, 500, "Không đọc được số liệu.");
    },
  );
}
