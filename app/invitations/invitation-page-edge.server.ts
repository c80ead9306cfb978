// The first open of an invitation link, answered by the edge (scripts/serve.js) ahead of Express and
// Remix: after a bulk send, thousands of invitees open their links within minutes, and Remix's render
// costs 5–8 ms of CPU a page (React Router matching ~100 routes three times, React, Prisma). Here the page
// is one SQL read (invitation-page.server.ts, the route loader's own data) and a string
// (invitation-page-html.server.ts) inside Remix's document (app/http/remix-document.server.ts), which
// hydrates in the browser as Remix's would: the forms, their validation and everything after them are
// Remix's. Anything else goes on to Remix: a signed-in visitor (the header shows them), a query string,
// a revoked link or a cancelled conference (rarer pages), a link that opens nothing (Remix's 404 page).
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { remixDocuments, type RemixBuildLike } from "#app/http/remix-document.server.ts";
import { createNonce, securityHeaders } from "#app/http/security-headers.server.ts";
import { invitationPageHtml } from "#app/invitations/invitation-page-html.server.ts";
import { invitationPage } from "#app/invitations/invitation-page.server.ts";
import { logger } from "#app/lib/logger.server.ts";

const ROUTE_ID = "routes/i.$token._index";
// Signed tokens are base64url with one dot (tokens.server.ts); anything else is Remix's to refuse.
const PAGE_PATH = /^\/i\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const SESSION_COOKIE = /(?:^|;\s*)hn_session=/;
const gzipAsync = promisify(gzip);

type Answered = Promise<boolean>;

/** `(req, res) => answered`: false when the request is Remix's after all (nothing written then). */
export function createInvitationPageHandler(build: RemixBuildLike) {
  const remixDocument = remixDocuments(build);
  const meta = build.routes[ROUTE_ID] as unknown as { module: { meta?: () => Array<Record<string, string>> } };
  const descriptors = meta.module.meta?.() ?? [];
  const title = descriptors.find((d) => "title" in d)?.title ?? "";
  const names = descriptors
    .filter((d): d is { name: string; content: string } => "name" in d && "content" in d)
    .map(({ name, content }) => ({ name, content }));

  return async function invitationPageAtEdge(req: IncomingMessage, res: ServerResponse): Answered {
    if (req.method !== "GET") return false;
    const match = PAGE_PATH.exec(req.url ?? "");
    if (!match || SESSION_COOKIE.test(req.headers.cookie ?? "")) return false;
    const started = performance.now();
    try {
      const data = await invitationPage(match[1]!);
      const body = data && invitationPageHtml(data);
      if (!data || !body) return false;
      const nonce = createNonce();
      const html = await remixDocument({ routeId: ROUTE_ID, title, meta: names, body, data, nonce });
      const zipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const bytes = zipped ? await gzipAsync(html) : Buffer.from(html);
      for (const [name, value] of Object.entries(securityHeaders("/i/", nonce))) res.setHeader(name, value);
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": bytes.length,
        "Cache-Control": "no-store",
        Vary: "Accept-Encoding",
        ...(zipped ? { "Content-Encoding": "gzip" } : {}),
        // Says which renderer answered, and how long it took: for operators, and for the test that
        // compares this page with Remix's.
        "Server-Timing": `edge;dur=${(performance.now() - started).toFixed(2)}`,
      });
      res.end(bytes);
      return true;
    } catch (error) {
      // Remix then answers (or shows its error page); the failure is logged for the operator.
      logger.error({ event: "invitation-page.edge-failed", err: error }, "edge invitation page failed");
      return !!res.headersSent;
    }
  };
}
