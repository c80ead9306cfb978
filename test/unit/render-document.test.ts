import { createElement, Suspense } from "react";
import { describe, expect, it } from "vitest";
import { BUSY_DETAIL, STATUS_TEXT } from "#app/http/error-content.ts";
import { renderDocument, type DocumentRender } from "#app/http/render-document.server.tsx";

// A page render that runs out of time answers a real error page (503, the app's words) when nothing
// was sent yet, and reports the timeout once either way (entry.server.tsx logs it).

/** Suspends forever: the render never finishes. */
function Never(): never {
  throw new Promise(() => undefined);
}

const page = (body: ReturnType<typeof createElement>) =>
  createElement("html", null, createElement("body", null, createElement("p", null, "Trang hội nghị"), body));

function render(element: ReturnType<typeof createElement>, waitForAll = false) {
  const timeouts: boolean[] = [];
  const options: DocumentRender = {
    status: 200,
    headers: new Headers({ "content-security-policy": "default-src 'self'" }),
    waitForAll,
    nonce: "n0nce",
    timeoutMs: 100,
    stylesheet: "/assets/styles-x.css",
    onTimeout: (shellSent) => timeouts.push(shellSent),
  };
  return { response: renderDocument(element, options), timeouts };
}

describe("renderDocument", () => {
  it("answers 503 with the error page when the shell is not ready in time", async () => {
    const { response, timeouts } = render(page(createElement(Never)));
    const res = await response;
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/);
    expect(html).toContain(`<h1>${STATUS_TEXT[503]}</h1>`);
    expect(html).toContain(BUSY_DETAIL);
    expect(html).toContain('<link rel="stylesheet" href="/assets/styles-x.css"/>');
    expect(html).not.toContain("Trang hội nghị");
    expect(timeouts).toEqual([false]);
  });

  it("answers 503 to a crawler, which waits for the whole page, when part of it never comes", async () => {
    const { response, timeouts } = render(page(createElement(Suspense, { fallback: "…" }, createElement(Never))), true);
    expect((await response).status).toBe(503);
    expect(timeouts).toEqual([false]);
  });

  it("closes a stream that already started and reports the cut once", async () => {
    const { response, timeouts } = render(
      page(createElement(Suspense, { fallback: "Đang tải" }, createElement(Never))),
    );
    const res = await response;
    expect(res.status).toBe(200);
    // The body ends at the deadline instead of hanging.
    const html = await res.text();
    expect(html).toContain("Trang hội nghị");
    expect(timeouts).toEqual([true]);
  });

  it("does nothing more for a page that finished in time", async () => {
    const { response, timeouts } = render(page(createElement("span", null, "xong")));
    const res = await response;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("xong");
    await new Promise((r) => setTimeout(r, 250));
    expect(timeouts).toEqual([]);
  });
});
