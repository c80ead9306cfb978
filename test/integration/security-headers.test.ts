import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { rawRequest } from "#tests/helpers/raw-request.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

// Issue 10, defect 10: security headers on every response of the production server (scripts/serve.js),
// a CSP the pages pass (nonce on every inline script), no token in the request log, and a cross-origin
// write answered 403 in Vietnamese instead of Remix's 500.

let server: AppServer;
let token: string;
let accessKey: string;
let posterKey: string;

beforeAll(async () => {
  const db = openTestDb();
  try {
    token = (await db.get<{ token: string }>(`SELECT "token" FROM "Attendee" WHERE "revokedAt" IS NULL LIMIT 1`))!
      .token;
    const bridge = (await db.get<{ accessKey: string; posterKey: string }>(
      `SELECT "accessKey", "posterKey" FROM "BridgePoint" WHERE "accessKey" IS NOT NULL AND "posterKey" IS NOT NULL LIMIT 1`,
    ))!;
    accessKey = bridge.accessKey;
    posterKey = bridge.posterKey;
  } finally {
    await db.close();
  }
  server = await startAppServer({ captureLog: true });
});

afterAll(async () => {
  await server?.stop();
  // Refusals are answers, not errors: nothing reaches the error log.
  expect(server.stderr()).toBe("");
});

function expectCommonHeaders(headers: Headers | Record<string, string | string[] | undefined>, what: string) {
  const get = (name: string) =>
    (headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined)) ?? null;
  expect(get("x-frame-options"), what).toBe("DENY");
  expect(get("x-content-type-options"), what).toBe("nosniff");
  expect(get("content-security-policy"), what).toContain("frame-ancestors 'none'");
  expect(get("permissions-policy"), what).toContain("camera=(self)");
  expect(get("permissions-policy"), what).toContain("microphone=()");
  expect(get("referrer-policy"), what).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
}

describe("Content-Security-Policy on pages", () => {
  it("allows scripts from the app and the page's own nonce only, which every inline script carries", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/login`);
      const html = await res.text();
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      const script = /(?:^|; )script-src ([^;]*)/.exec(csp)![1]!;
      expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(script)![1]!;
      nonces.push(nonce);
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      expectCommonHeaders(res.headers, "/login");
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("is also on error pages (404)", async () => {
    const res = await fetch(`${server.url}/khong-co-trang-nay`);
    expect(res.status).toBe(404);
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1]!;
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe("headers on every response", () => {
  it("static files, assets, resource routes, the check-in API and the server's own refusals", async () => {
    const page = await (await fetch(`${server.url}/login`)).text();
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(page)![1]!;
    for (const path of ["/favicon.svg", "/scanner-sw.js", css, `/i/${token}/qr.png`, "/api/checkin"]) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      expectCommonHeaders(res.headers, path);
    }
    const tooLarge = await rawRequest(server.url, {
      path: "/login",
      contentLength: 50 * 1024 * 1024,
      timeoutMs: 10_000,
    });
    expect(tooLarge.status).toBe(413);
    expectCommonHeaders(tooLarge.headers, "413");
  });

  it("token pages send no Referer; other pages only their origin to other sites", async () => {
    for (const path of [
      `/i/${token}`,
      `/i/${token}/qr.png`,
      `/b/${accessKey}`,
      `/b/${accessKey}/roll-call`,
      `/d/${posterKey}`,
      "/i/khong-ton-tai",
    ]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    for (const path of ["/login", "/conferences"]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("cross-origin writes", () => {
  const form = "email=admin%40hoinghi.local&password=sai-mat-khau";

  it("answer 403 with a Vietnamese message, for pages and single-fetch data URLs alike", async () => {
    for (const path of ["/login", "/login.data", "/logout", `/i/${token}`]) {
      const res = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: form,
        redirect: "manual",
      });
      const text = await res.text();
      expect(res.status, path).toBe(403);
      expect(text, path).toContain("Yêu cầu bị từ chối: biểu mẫu được gửi từ một trang web khác.");
      expect(text).not.toMatch(/Error|at \S+ \(/);
    }
  });

  it("do not stop the same origin, nor clients that send no Origin", async () => {
    for (const origin of [server.url, undefined]) {
      const res = await fetch(`${server.url}/login`, {
        method: "POST",
        headers: { ...(origin ? { origin } : {}), "content-type": "application/x-www-form-urlencoded" },
        body: form,
        redirect: "manual",
      });
      await res.arrayBuffer();
      expect(res.status, origin ?? "no Origin").not.toBe(403);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe("request log", () => {
  it("shows token and key paths as [ẩn], and no secret anywhere", async () => {
    const code = "483920";
    const paths = [
      `/i/${token}`,
      `/i/${token}/qr.png`,
      `/i/${token}.data`,
      `/I/${token}`,
      `//i/${token}`,
      `/b/${accessKey}`,
      `/b/${accessKey}/roll-call`,
      `/d/${posterKey}?q=${code}`,
      // Remix's route discovery asks for the routes of the links on a page, e.g. the attendees' /i/ links.
      `/__manifest?p=${encodeURIComponent(`/i/${token}`)}&p=%2Fconferences&version=x`,
      `/api/connectivity/ping?k=${accessKey}`,
    ];
    for (const path of paths) await (await fetch(`${server.url}${path}`, { redirect: "manual" })).arrayBuffer();
    // The log line is written when the answer is: wait for the last one to reach the pipe.
    for (let i = 0; i < 50 && !server.stdout().includes("/api/connectivity/ping?k="); i++)
      await new Promise((r) => setTimeout(r, 100));
    for (const secret of [token, accessKey, posterKey, code]) expect(server.stdout()).not.toContain(secret);
    // One JSON object per line (app/http/access-log.server.ts); its URL is the one shown masked.
    const log = server
      .stdout()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { event: string; method: string; url: string; status: number })
      .filter((line) => line.event === "request")
      .map((line) => `${line.method} ${line.url} ${line.status}`)
      .join("\n");
    expect(log).toContain("GET /i/[ẩn] 200");
    expect(log).toContain("GET /i/[ẩn]/qr.png 200");
    expect(log).toContain("GET /b/[ẩn]/roll-call");
    expect(log).toContain("GET /d/[ẩn]?[ẩn]");
    expect(log).toContain("GET /api/connectivity/ping?k=[ẩn] 200");
    expect(log).toContain("GET /__manifest?p=/i/[ẩn]&p=%2Fconferences&version=x");
  });
});
