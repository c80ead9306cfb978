import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { StripNulBytes } from "./lib/strip-nul.server.ts";
import { outboxWorker } from "./mailing/worker.server.ts";

const ABORT_DELAY = 5_000;

// The e-mail outbox is drained by a worker inside the server process.
outboxWorker();

// Served by scripts/serve.js ahead of Remix (the scanners' hot path); see app/checkin/api.server.ts.
export { CHECKIN_PATH, handleCheckinNode } from "./checkin/api.server.ts";

/** Called by scripts/serve.js on SIGTERM: messages being sent finish first. */
export function stopBackgroundWork(): Promise<void> {
  return outboxWorker().stop();
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests (a closed tab) are not errors of ours.
  if (request.signal.aborted) return;
  console.error(error);
};

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const bot = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      [bot ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new StripNulBytes();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell are logged here; before it, handleError logs them.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
