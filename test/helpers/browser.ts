import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && fs.existsSync(p),
);

const cspSeen = new WeakMap<Browser, string[]>();

/**
 * Content-Security-Policy violations reported so far by any page of `browser` (Chromium writes them to
 * the console), emptied by the call. The app's pages must pass their own policy: test/helpers/e2e.ts
 * checks this after every test, and closing the browser fails while any are left unchecked.
 */
export function takeCspViolations(browser: Browser): string[] {
  const seen = cspSeen.get(browser) ?? [];
  return seen.splice(0, seen.length);
}

function watchCsp(browser: Browser): Browser {
  const seen: string[] = [];
  cspSeen.set(browser, seen);
  const newContext = browser.newContext.bind(browser);
  // browser.newPage() goes through newContext() too.
  browser.newContext = async (...args: Parameters<Browser["newContext"]>): Promise<BrowserContext> => {
    const context = await newContext(...args);
    context.on("console", (message) => {
      const text = message.text();
      if (/Content[ -]Security[ -]Policy/i.test(text))
        seen.push(`${message.page()?.url() ?? message.location().url}: ${text}`);
    });
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (...args: Parameters<Browser["close"]>): Promise<void> => {
    await close(...args);
    const left = takeCspViolations(browser);
    if (left.length) throw new Error(`Content Security Policy violations:\n${left.join("\n")}`);
  };
  return browser;
}

/**
 * Debian's Chromium, headless, with the flags this closed network needs. Fails (never skips) when absent.
 * Every page it opens is watched for Content-Security-Policy violations (see takeCspViolations).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!executablePath) {
    throw new Error("Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH");
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
  return watchCsp(browser);
}

/** A new browser context signed in as a demo user (password hoinghi-demo unless given), on the conference list. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } })
  ).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(options.password ?? "hoinghi-demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Plans for most roles; bridge operators and IT support land on their bridge points.
  await page.waitForURL((u) => u.pathname === "/conferences" || u.pathname === "/bridges");
  return page;
}
