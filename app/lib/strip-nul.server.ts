import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18.3's streaming renderer (react-dom/server, writeStringChunk) flushes its whole 2,048-byte
 * buffer when a multi-byte character does not fit in the bytes left, zero padding included: a
 * Vietnamese letter at that edge puts NUL bytes into the page, which browsers show as "�".
 * HTML never contains NUL legitimately, so removing them restores the exact text.
 */
export class StripNulBytes extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk.indexOf(0) === -1 ? chunk : stripNul(chunk));
  }
}

export function stripNul(chunk: Buffer): Buffer {
  const out = Buffer.allocUnsafe(chunk.length);
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 0) out[n++] = chunk[i]!;
  return out.subarray(0, n);
}
