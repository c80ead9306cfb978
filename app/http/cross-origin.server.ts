// Remix refuses an action whose Origin header names another host (its CSRF check,
// throwIfPotentialCSRFAttack in @remix-run/server-runtime), but by throwing: the answer was a 500 and a
// stack trace in the log. The production server makes the same test first and answers 403.
import type { IncomingMessage } from "node:http";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_ORIGIN_MESSAGE =
  "Yêu cầu bị từ chối: biểu mẫu được gửi từ một trang web khác. Hãy mở lại trang trong ứng dụng Hội nghị CCHC rồi thử lại.";

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * True when Remix would refuse the request as cross-origin: a write whose Origin's host differs from
 * X-Forwarded-Host (first value) or Host. An Origin of "null" (sandboxed frame, privacy redirect) or one
 * that does not parse is refused too. No Origin at all (non-browser clients) passes, as in Remix.
 */
export function isCrossOriginWrite(req: IncomingMessage): boolean {
  if (!WRITES.has(req.method ?? "")) return false;
  const origin = header(req, "origin");
  if (origin === undefined) return false;
  let originHost: string;
  if (origin === "null") originHost = "null";
  else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
  }
  const host = header(req, "x-forwarded-host")?.split(",")[0]?.trim() || header(req, "host");
  return !host || originHost !== host;
}
