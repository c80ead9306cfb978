import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startAppServer, type AppServer } from "./app-server.ts";
import { launchBrowser } from "./browser.ts";

/**
 * The production build on this test file's database copy, and Chromium, for
 * the file's tests. Expected failures (404s, bad input) must not log errors on
 * the server either.
 */
export function useAppAndBrowser(): { server: AppServer; browser: Browser } {
  const ctx = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await startAppServer();
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
    expect(ctx.server.stderr()).not.toMatch(/Error|at \S+ \(/);
  });
  return ctx;
}
