import { posterEdgePage } from "#app/attendance/poster-edge-page.server.ts";
import { operatorEdgePage } from "#app/bridges/operator-edge-page.server.ts";
import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import type { EdgePage } from "#app/http/edge-page.server.ts";
import { NonceContext } from "#app/http/nonce.ts";
import type { RemixBuildLike } from "#app/http/remix-document.server.ts";
import { invitationEdgePage } from "#app/invitations/invitation-edge-page.server.ts";
import { renderDocument } from "#app/http/render-document.server.tsx";
import { createNonce, securityHeaders } from "#app/http/security-headers.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { requestIdOf } from "#app/lib/request-context.server.ts";
import stylesHref from "#app/styles.css?url";
// Registers each domain's message composers before the outbox worker starts.
import "#app/mail-composers.server.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
// Registers each domain's job runners before the job worker starts.
import "#app/job-kinds.server.ts";
import { jobWorker } from "#app/jobs/jobs.server.ts";

const ABORT_DELAY = 5_000;

// The e-mail outbox and the job table (packet builds) are worked by every server process: queued work
// is claimed with a lease, so several instances share it and take over a dead one's.
outboxWorker();
jobWorker();

// Served by scripts/serve.js ahead of Remix (the scanners' hot path); see app/checkin/api.server.ts.
export { handleCheckinNode } from "#app/checkin/api.server.ts";
export { CHECKIN_PATH } from "#app/http/api-paths.ts";
// The first open of the links thousands follow within minutes (/i/, /d/, /b/), answered ahead of Remix too:
// app/http/edge-page.server.ts.
export function edgePages(build: RemixBuildLike): EdgePage[] {
  return [invitationEdgePage(build), posterEdgePage(build), operatorEdgePage(build)];
}
// What scripts/serve.js does before any handler: client address, security headers, body limits, log redaction.
export * as edge from "#app/http/edge.server.ts";

/** Called by scripts/serve.js on SIGTERM: messages being sent and the job in hand finish first. */
export async function stopBackgroundWork(): Promise<void> {
  await Promise.all([outboxWorker().stop(), jobWorker().stop()]);
}

// Service life (scripts/serve.js): GET /healthz and /readyz ahead of everything, and the database closed
// last on SIGTERM.
export { healthHandlers } from "#app/health.server.ts";
export { closeDatabase } from "#app/database/shutdown.server.ts";

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests (a closed tab) are not errors of ours.
  if (request.signal.aborted) return;
  // A JSON line (on stderr: errors) with the stack for the operator; the user sees the error boundary.
  logger.error(
    { event: "request.error", requestId: requestIdOf(request), method: request.method, err: error },
    error instanceof Error ? error.message : String(error),
  );
};

function setSecurityHeaders(request: Request, headers: Headers, nonce?: string): void {
  for (const [name, value] of Object.entries(securityHeaders(new URL(request.url).pathname, nonce)))
    headers.set(name, value);
}

// Data responses get the same headers here so that the dev server (which does not run scripts/serve.js) has them.
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  try {
    setSecurityHeaders(request, response.headers);
  } catch {
    // Immutable headers (Response.redirect): serve.js has set them on the way out in production.
  }
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Every inline script of the page (Remix's and React's) carries this nonce; the CSP allows no other.
  const nonce = createNonce();
  setSecurityHeaders(request, responseHeaders, nonce);
  const app = (
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceContext.Provider>
  );
  return renderDocument(app, {
    status: responseStatusCode,
    headers: responseHeaders,
    waitForAll: isbot(request.headers.get("user-agent") ?? ""),
    nonce,
    timeoutMs: ABORT_DELAY,
    stylesheet: stylesHref,
    onTimeout(shellSent) {
      const route = remixContext.staticHandlerContext.matches.at(-1)?.route.id ?? null;
      logger.error(
        { event: "render.timeout", requestId: requestIdOf(request), method: request.method, route, shellSent },
        shellSent ? "page render cut off after its start was sent" : "page render timed out: answered 503",
      );
    },
  });
}
