// Enforces a BodyLimit on a Node request before any handler reads it.
// - A Content-Length over the limit: 413 at once, no byte of the body read. A Content-Length within it
//   needs nothing more, since Node's parser never delivers more bytes than declared.
// - A chunked body (no Content-Length): the handler reads through a counter; at the limit the server
//   answers 413, closes the connection, and the handler's body stream fails, so it never acts on a
//   truncated body.
// Memory stays flat either way: nothing is read beyond the limit, and refused bytes are never kept.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { BodyLimit } from "#app/http/body-limits.server.ts";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: BodyLimit) {
    super(limit.message);
    this.name = "BodyTooLargeError";
  }
}

interface GuardedBody {
  stream: Readable;
  /** Called when the body is refused mid-stream: the reader stops its work (Remix aborts the request). */
  onRefused: Set<() => void>;
}

const bodies = new WeakMap<IncomingMessage, GuardedBody>();

/** The stream a handler reads `req`'s body from: `req` itself, or the counter in front of a chunked body. */
export function bodyOf(req: IncomingMessage): Readable {
  return bodies.get(req)?.stream ?? req;
}

/** Runs `listener` if the body is refused after the handler started reading it. */
export function onBodyRefused(req: IncomingMessage, listener: () => void): void {
  bodies.get(req)?.onRefused.add(listener);
}

export type Answer = (req: IncomingMessage, res: ServerResponse, status: number, message: string) => void;

/**
 * Returns false when the request was refused (the 413 is on its way). `failReader`: when a chunked body
 * is cut off, make its stream fail (Remix must not see a truncated form as complete) or just stop
 * (a handler that answers from its 'end' event, like the check-in API, then never answers twice).
 */
export function guardBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: BodyLimit,
  answer: Answer,
  failReader: boolean,
): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limit.bytes) {
      answer(req, res, 413, limit.message);
      return false;
    }
    return true;
  }
  // No length and no chunked encoding: Node reads no body at all.
  if (req.headers["transfer-encoding"] === undefined) return true;

  const guarded: GuardedBody = { stream: req, onRefused: new Set() };
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen <= limit.bytes) {
        callback(null, chunk);
        return;
      }
      req.unpipe(counter);
      for (const listener of guarded.onRefused) listener();
      if (res.headersSent) req.socket.destroy();
      else answer(req, res, 413, limit.message);
      if (failReader) counter.destroy(new BodyTooLargeError(limit));
      else counter.destroy();
      callback();
    },
  });
  // The handler reads these; the counter stands in for the request as a stream. pipe() does not pass
  // on errors: a client that hangs up mid-body must fail the reader, not leave it waiting.
  req.once("error", (error) => counter.destroy(failReader ? error : undefined));
  req.pipe(counter);
  guarded.stream = counter;
  bodies.set(req, guarded);
  return true;
}
