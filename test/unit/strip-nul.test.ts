import { PassThrough, Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StripNulBytes, stripNul } from "#app/lib/strip-nul.server.ts";

// Many short text chunks, as real pages have (React encodes long strings in one piece).
const list = (items: string[]) => createElement("ul", null, ...items.map((t, i) => createElement("li", { key: i }, t)));

function stream(text: string[], through: () => PassThrough | StripNulBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        chunks.push(chunk);
        cb();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(list(text), {
      onAllReady() {
        const t = through();
        t.pipe(sink);
        pipe(t);
      },
      onError: reject,
    });
  });
}

describe("pages with Vietnamese text on React's buffer edge", () => {
  // Short chunks of ASCII then Vietnamese move a multi-byte letter across the 2,048-byte edge.
  const texts = Array.from({ length: 12 }, (_, k) => [
    "a".repeat(k),
    ...Array.from({ length: 150 }, (_, i) => `Nguyễn Thị Ánh Tuyết ${i}, Thăng Bình`),
  ]);

  it("React 18.3 alone puts NUL bytes into some of them (the bug this works around)", async () => {
    const raw = await Promise.all(texts.map((t) => stream(t, () => new PassThrough())));
    expect(raw.some((b) => b.includes(0))).toBe(true);
  });

  it("come out exactly as rendered to a string once NUL bytes are removed", async () => {
    for (const t of texts) {
      const out = await stream(t, () => new StripNulBytes());
      expect(out.includes(0)).toBe(false);
      expect(out.toString("utf8")).toBe(renderToString(list(t)));
    }
  });

  it("stripNul removes only NUL bytes", () => {
    expect(stripNul(Buffer.from([104, 0, 0, 105, 0]))).toEqual(Buffer.from("hi"));
  });
});
