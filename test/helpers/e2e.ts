import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { launchBrowser, takeCspViolations } from "#tests/helpers/browser.ts";

/**
 * The production build on this test file's database copy, and Chromium, for
 * the file's tests. Expected failures (404s, bad input) must not log errors on
 * the server either, and no page may violate its Content-Security-Policy.
 */
export function useAppAndBrowser(): { server: AppServer; browser: Browser } {
  const ctx = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await startAppServer();
    ctx.browser = await launchBrowser();
  });
  afterEach(() => {
    if (ctx.browser) expect(takeCspViolations(ctx.browser), "Content Security Policy violations").toEqual([]);
  });
  afterAll(async () => {
    try {
      await ctx.browser?.close();
    } finally {
      await ctx.server?.stop();
    }
    expect(ctx.server.stderr()).not.toMatch(/Error|at \S+ \(/);
  });
  return ctx;
}
