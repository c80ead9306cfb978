// Pages the edge (scripts/serve.js) answers ahead of Express and Remix: the first open of the links that
// thousands of people follow within minutes — an invitation after a bulk send (/i/:token), a bridge
// point's self check-in poster (/d/:key), its operator's page (/b/:key). Remix's render costs 5–8 ms of
// CPU a page here (React Router matching ~100 routes three times, React, Prisma); an edge page is its
// route loader's own data (read with raw SQL), its body as a string and Remix's document around it
// (remix-document.server.ts), which the browser hydrates as Remix's own: the forms, their validation and
// everything after them are Remix's. What a page does not render goes on to Remix unchanged: a signed-in
// visitor (the header shows them), a query string, a state the page leaves to Remix (render returns null),
// a link that opens nothing (Remix's 404 page).
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { remixDocuments, type RemixBuildLike } from "#app/http/remix-document.server.ts";
import { createNonce, securityHeaders } from "#app/http/security-headers.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { hasSessionCookie } from "#app/lib/session-cookie.ts";

const gzipAsync = promisify(gzip);

/** `(req, res) => answered`: false when the request is Remix's after all (nothing written then). */
export type EdgePage = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface EdgePageSpec {
  /** The Remix route whose first render this replaces, e.g. "routes/i.$token._index". */
  routeId: string;
  /** The whole path (no query), its one parameter captured: e.g. /^\/i\/([A-Za-z0-9_.-]+)$/. */
  path: RegExp;
  /** The route parameter's name, as the route's meta and loader see it. */
  param: string;
  /** The loader's data and the body React would render from it; null leaves the request to Remix. */
  render: (value: string) => Promise<{ data: unknown; body: string } | null>;
}

export function createEdgePage(build: RemixBuildLike, spec: EdgePageSpec): EdgePage {
  const remixDocument = remixDocuments(build);
  return async function edgePage(req, res) {
    if (req.method !== "GET") return false;
    const pathname = req.url ?? "";
    const match = spec.path.exec(pathname);
    if (!match || hasSessionCookie(req.headers.cookie)) return false;
    const started = performance.now();
    try {
      const page = await spec.render(match[1]!);
      if (!page) return false;
      const nonce = createNonce();
      const html = await remixDocument({
        routeId: spec.routeId,
        pathname,
        params: { [spec.param]: match[1]! },
        body: page.body,
        data: page.data,
        nonce,
      });
      const zipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const bytes = zipped ? await gzipAsync(html) : Buffer.from(html);
      for (const [name, value] of Object.entries(securityHeaders(pathname, nonce))) res.setHeader(name, value);
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": bytes.length,
        "Cache-Control": "no-store",
        Vary: "Accept-Encoding",
        ...(zipped ? { "Content-Encoding": "gzip" } : {}),
        // Which renderer answered and how long it took: for operators, and for the test that compares
        // these pages with Remix's.
        "Server-Timing": `edge;dur=${(performance.now() - started).toFixed(2)}`,
      });
      res.end(bytes);
      return true;
    } catch (error) {
      // Remix then answers (or shows its error page); the failure is logged for the operator.
      logger.error({ event: "edge-page.failed", route: spec.routeId, err: error }, "edge page failed");
      return res.headersSent;
    }
  };
}
