import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import "#app/job-kinds.server.ts";
import { runJobsOnce } from "#app/jobs/jobs.server.ts";

// Calls the production build (build/server/index.js, made by `npm run build`, which `npm test` runs
// before Vitest) through Remix's own request handler, in this process, on this test file's database
// copy: the routes, their order and their loaders/actions are exactly what production serves.

/** The origin requests are addressed to (and the Origin header of writes). */
export const ORIGIN = "http://localhost:3000";

const BUILD = path.resolve(import.meta.dirname, "../../build/server/index.js");

/**
 * The build, imported once. Its entry module starts the e-mail outbox worker on import; the worker would
 * change OutboxMessage rows in the background between a request and the database check after it, so a
 * no-op worker is put in its place first (the app keeps the one worker per process on globalThis).
 */
export async function loadProductionBuild(): Promise<ServerBuild> {
  type Worker = { kick(): void; stop(): Promise<void> };
  const g = globalThis as unknown as { outboxWorker?: Worker; jobWorker?: Worker };
  g.outboxWorker ??= { kick() {}, async stop() {} };
  // Jobs (packet builds) a request queues run here, and the request's answer waits for them (see
  // handlerFor): no job writes rows in the background between a request and the check after it.
  g.jobWorker ??= {
    kick() {
      jobs.idle = jobs.idle.then(() => runJobsOnce()).catch((error: unknown) => console.warn("jobs:", error));
    },
    async stop() {},
  };
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild & {
    entry: { module: { stopBackgroundWork?: () => Promise<void> } };
  };
  await build.entry.module.stopBackgroundWork?.();
  return build;
}

const jobs: { idle: Promise<unknown> } = { idle: Promise.resolve() };

/** What a response amounts to, for access control. */
export type Outcome = "allowed" | "login" | "401" | "403" | "404" | "405" | "429" | "500";

export interface Answer {
  status: number;
  outcome: Outcome;
  /** Where a redirect points (document or single-fetch redirect). */
  location: string | null;
  /** The body as text (PDF and XLSX bodies are read but not kept). */
  text: string;
  /** Whatever the app logged with console.error while answering (a 500 names its error here). */
  errors: string[];
  ms: number;
}

function outcomeOf(status: number, location: string | null): Outcome {
  if (location !== null) return location.startsWith("/login") ? "login" : "allowed";
  if (status === 401) return "401";
  if (status === 403) return "403";
  if (status === 404) return "404";
  // No loader or action answered the method: a request that never reached the code under test.
  if (status === 405) return "405";
  if (status === 429) return "429";
  if (status >= 500) return "500";
  // 2xx, 3xx elsewhere, and 400/409/413 answers of a handler that ran: the request was not refused.
  return "allowed";
}

// Single fetch answers a redirect with status 202 and a turbo-stream body naming the target.
const SINGLE_FETCH_REDIRECT_STATUS = 202;

export type Handler = (request: Request) => Promise<Answer>;

export function handlerFor(build: ServerBuild): Handler {
  const handle = createRequestHandler(build, "production");
  return async (request) => {
    const errors: string[] = [];
    const previous = console.error;
    // Collected per request and reported with the row instead of failing the whole file at the first one.
    console.error = (...args: unknown[]) =>
      errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
    const started = performance.now();
    try {
      const res = await handle(request);
      const type = res.headers.get("Content-Type") ?? "";
      const binary = /pdf|spreadsheet|octet-stream|image\//.test(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      await jobs.idle;
      const text = binary ? "" : new TextDecoder().decode(bytes);
      let location = res.status >= 300 && res.status < 400 ? res.headers.get("Location") : null;
      if (res.status === SINGLE_FETCH_REDIRECT_STATUS && type.startsWith("text/x-script")) {
        location = /"(\/[^"]*)"/.exec(text.slice(text.indexOf("redirect")))?.[1] ?? "/";
      }
      return {
        status: res.status,
        outcome: outcomeOf(res.status, location),
        location,
        text,
        errors,
        ms: performance.now() - started,
      };
    } finally {
      console.error = previous;
    }
  };
}

// What a browser sends with every request to the app (Remix compares Origin with Host on writes).
const HOST = { Host: new URL(ORIGIN).host };

/** A GET with the user's session cookie (none for anonymous). */
export function get(url: string, cookie: string | null): Request {
  return new Request(new URL(url, ORIGIN), { headers: { ...HOST, ...(cookie ? { Cookie: cookie } : {}) } });
}

/** A POST of a raw body (APIs), with the browser's Host and Origin. */
export function postRaw(url: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(new URL(url, ORIGIN), { method: "POST", headers: { ...HOST, Origin: ORIGIN, ...headers }, body });
}

/** A form POST the way the app's own forms send it, from the app's origin. */
export function post(
  url: string,
  cookie: string | null,
  fields: Record<string, string | string[]>,
  extraHeaders: Record<string, string> = {},
): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return new Request(new URL(url, ORIGIN), {
    method: "POST",
    headers: { ...HOST, Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}), ...extraHeaders },
    body,
  });
}

/**
 * The single-fetch data URL of a document URL (Remix 2 with v3_singleFetch): `<path>.data`, `/` as
 * `/_root.data`; `_routes` limits the loaders run to the given route ids; index routes need `?index`
 * for their action to be the one called.
 */
export function dataUrl(url: string, opts: { routes?: string[]; index?: boolean } = {}): string {
  const u = new URL(url, ORIGIN);
  u.pathname = u.pathname === "/" ? "/_root.data" : `${u.pathname.replace(/\/$/, "")}.data`;
  if (opts.routes) u.searchParams.set("_routes", opts.routes.join(","));
  if (opts.index) u.searchParams.set("index", "");
  return `${u.pathname}${u.search}`;
}
