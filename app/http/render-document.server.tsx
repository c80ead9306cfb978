// Rendering a page to the response stream, with a deadline. React streams from the shell (or, for
// crawlers, waits for everything); a render still unfinished at the deadline is aborted. If nothing
// was sent yet, the answer is a real error page (503, the app's error words and stylesheet), never a
// half-rendered page that looks normal; if the shell was already streaming, its status is out, so the
// stream is closed where it stands (React leaves the unfinished parts to the browser). Either way the
// caller is told, to log it.
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactElement } from "react";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { BUSY_DETAIL, HOME_LINK, STATUS_TEXT } from "#app/http/error-content.ts";
import { logger } from "#app/lib/logger.server.ts";
import { StripNulBytes } from "#app/lib/strip-nul.server.ts";

export interface DocumentRender {
  status: number;
  headers: Headers;
  /** Wait for the whole page (crawlers) instead of streaming from the shell. */
  waitForAll: boolean;
  nonce: string;
  timeoutMs: number;
  /** The app's stylesheet, for the error page. */
  stylesheet?: string;
  /** The deadline passed: before anything was sent (answered with the 503 page), or mid-stream. */
  onTimeout: (shellSent: boolean) => void;
}

const TIMEOUT_STATUS = 503;

function TimeoutPage({ stylesheet }: { stylesheet?: string }) {
  const title = STATUS_TEXT[TIMEOUT_STATUS]!;
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Hội nghị CCHC`}</title>
        {stylesheet ? <link rel="stylesheet" href={stylesheet} /> : null}
      </head>
      <body>
        <main id="main">
          <div className="error-page" role="alert">
            <p className="error-code">{TIMEOUT_STATUS}</p>
            <h1>{title}</h1>
            <p>{BUSY_DETAIL}</p>
            <p>
              <a href={HOME_LINK.href}>{HOME_LINK.label}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}

function timeoutResponse(headers: Headers, stylesheet?: string): Response {
  const page = `<!DOCTYPE html>${renderToStaticMarkup(<TimeoutPage stylesheet={stylesheet} />)}`;
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  headers.set("Retry-After", "30");
  return new Response(page, { status: TIMEOUT_STATUS, headers });
}

export function renderDocument(element: ReactElement, o: DocumentRender): Promise<Response> {
  let status = o.status;
  return new Promise((resolve, reject) => {
    let shellSent = false;
    let allReady = false;
    let settled = false;
    let timedOut = false;
    // Set once the render has started; React calls back later (its work is scheduled, not run inline).
    const deadline: { timer?: NodeJS.Timeout } = {};
    const send = () => {
      if (timedOut) return;
      shellSent = true;
      settled = true;
      const body = new StripNulBytes();
      o.headers.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: o.headers, status }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: o.nonce,
      onShellReady() {
        if (!o.waitForAll) send();
      },
      onAllReady() {
        allReady = true;
        clearTimeout(deadline.timer);
        if (o.waitForAll) send();
      },
      onShellError(error: unknown) {
        clearTimeout(deadline.timer);
        if (timedOut) return;
        settled = true;
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        // Errors after the shell are logged here; before it, Remix's handleError logs them. The abort at
        // the deadline is reported once, through onTimeout.
        if (shellSent && !timedOut)
          logger.error({ event: "render.error", err: error }, "render failed after the shell");
      },
    });
    deadline.timer = setTimeout(() => {
      if (allReady || (settled && !shellSent)) return;
      timedOut = true;
      o.onTimeout(shellSent);
      if (!settled) resolve(timeoutResponse(o.headers, o.stylesheet));
      abort();
    }, o.timeoutMs);
  });
}
