import fs from "node:fs";
import http from "node:http";

// Requests that fetch() cannot make: a body streamed in 64 KB pieces that stops as soon as the server
// answers, a declared Content-Length with no body behind it, a chunked body that never ends.

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from the first byte written to the answer's headers. */
  ms: number;
  /** Body bytes the client had written when the answer came. */
  sent: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** Body bytes to send (zeros, or `fill`); with `endless`, keep sending until the answer. */
  bytes?: number;
  endless?: boolean;
  /** Declare this Content-Length (may be more than `bytes`: the rest is never sent). Without it the body is chunked. */
  contentLength?: number;
  /** Send the body as is instead of filler bytes. */
  body?: Buffer;
  /** Give up after this long (the old server waits for a body that never comes). */
  timeoutMs?: number;
}

const PIECE = Buffer.alloc(64 * 1024, 0x61);

export function rawRequest(baseUrl: string, r: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string | number> = { ...r.headers };
  if (r.contentLength !== undefined) headers["content-length"] = r.contentLength;
  else if (r.body || r.bytes || r.endless) headers["transfer-encoding"] = "chunked";
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: r.method ?? "POST",
      path: r.path,
      headers,
      agent: false,
    });
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(
        new Error(
          `no answer to ${r.method ?? "POST"} ${r.path} within ${r.timeoutMs ?? 15_000} ms (${sent} bytes sent)`,
        ),
      );
    }, r.timeoutMs ?? 15_000);
    req.on("response", (res) => {
      answered = true;
      const ms = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          ms,
          sent,
        });
        // Stop sending: the answer is all the test wants.
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (answered) return;
      clearTimeout(timer);
      reject(error);
    });
    if (r.body) {
      sent = r.body.length;
      req.end(r.body);
      return;
    }
    const total = r.bytes ?? 0;
    const pump = () => {
      while (!answered && (r.endless || sent < total)) {
        const piece = r.endless ? PIECE : PIECE.subarray(0, Math.min(PIECE.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      // A declared length with fewer bytes behind it: leave the request open, the server must not wait for it.
      if (!answered && !r.endless && (r.contentLength === undefined || r.contentLength <= sent)) req.end();
    };
    if (total || r.endless) pump();
    else if (r.contentLength === undefined || r.contentLength === 0) req.end();
    else req.flushHeaders();
  });
}

/** Resident memory of a process, in bytes (Linux). */
export function residentBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) * 1024;
}
