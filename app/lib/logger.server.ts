// The process's log: one JSON object per line (pino), for journald or a log shipper to collect: on
// stdout, except error and fatal lines, which go to stderr, so that journald's priority and anything
// watching stderr (the tests do: a stray error fails them) see them. Every line has `time`, `level`
// (as a word), `pid`, `hostname`, `event` (what happened: "request", "mail.sent", "job.done" …) and
// `msg`. Nothing here may carry a credential or an e-mail address in full: callers pass route
// patterns, ids and maskedAddress().
import { createHash } from "node:crypto";
import { multistream, pino, stdTimeFunctions, type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * LOG_LEVEL is validated with the rest of the environment (app/env.server.ts, which stops the start on
 * a typo); the logger exists before that runs, so an unknown value here just means the default.
 */
function levelFromEnvironment(): LogLevel {
  const value = process.env.LOG_LEVEL;
  return (LOG_LEVELS as readonly string[]).includes(value ?? "") ? (value as LogLevel) : "info";
}

// One logger per process, kept across the dev server's module reloads.
const g = globalThis as unknown as { hoinghiLogger?: Logger };

export const logger: Logger = (g.hoinghiLogger ??= pino(
  {
    level: levelFromEnvironment(),
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // dedupe: a line goes to the stream of the highest level it reaches, never to both.
  multistream(
    [
      { level: "trace", stream: process.stdout },
      { level: "error", stream: process.stderr },
    ],
    { dedupe: true },
  ),
));

/**
 * An address as the log may show it: a short hash of the whole (the same recipient reads the same in
 * every line, so a log search can follow one) and the domain (which mail server refuses).
 */
export function maskedAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  const hash = createHash("sha256").update(address.trim().toLowerCase()).digest("hex").slice(0, 12);
  return at === -1 ? hash : `${hash}@${address.slice(at + 1).toLowerCase()}`;
}

/** An error's message for a log line, with any e-mail address in it masked (SMTP refusals quote the recipient). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, (address) => maskedAddress(address) ?? "");
}
