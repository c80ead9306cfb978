// Node request → Remix → Node response, as @remix-run/express's createRequestHandler does, with two
// differences that the body limit needs: the body is read through bodyOf(req) (the counter in front
// of a chunked body), and a body refused mid-stream aborts the Remix request, so that the handler's
// failure is not logged as an error of ours (entry.server.tsx's handleError skips aborted requests)
// and its late answer is dropped (the 413 already went out).
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import { bodyOf, onBodyRefused } from "#app/http/body-guard.server.ts";

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The URL Remix sees. Host comes from the Host header; X-Forwarded-Host/-Proto are only present when a
 * trusted proxy sent them (edge.server.ts removes them otherwise).
 */
function requestUrl(req: IncomingMessage): URL {
  const forwardedProto = req.headers["x-forwarded-proto"];
  const proto =
    typeof forwardedProto === "string"
      ? forwardedProto.split(",")[0]!.trim()
      : "encrypted" in req.socket
        ? "https"
        : "http";
  const forwardedHost = req.headers["x-forwarded-host"];
  const host =
    (typeof forwardedHost === "string" && forwardedHost.split(",")[0]!.trim()) || req.headers.host || "localhost";
  return new URL(`${proto === "https" ? "https" : "http"}://${host}${req.url ?? "/"}`);
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createRemixNodeHandler(build: ServerBuild, mode = process.env.NODE_ENV): NodeHandler {
  const handle = createRequestHandler(build, mode);
  return async (req, res) => {
    let url: URL;
    try {
      url = requestUrl(req);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Địa chỉ yêu cầu không hợp lệ.");
      return;
    }
    const controller = new AbortController();
    // The client went away before the answer was written: loaders and actions may stop.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method,
      headers: requestHeaders(req),
      signal: controller.signal,
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      onBodyRefused(req, () => controller.abort());
      init.body = createReadableStreamFromReadable(bodyOf(req));
      init.duplex = "half";
    }
    const request = new Request(url.href, init);
    let response: Response;
    try {
      response = await handle(request);
    } catch (error) {
      if (controller.signal.aborted || res.headersSent) return;
      throw error;
    }
    if (controller.signal.aborted || res.headersSent) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    res.statusCode = response.status;
    if (response.statusText) res.statusMessage = response.statusText;
    // setHeader replaces what the server set earlier (e.g. the default CSP) with the page's own.
    for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  };
}
