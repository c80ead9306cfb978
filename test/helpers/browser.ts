import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && fs.existsSync(p),
);

/** Debian's Chromium, headless, with the flags this closed network needs. Fails (never skips) when absent. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!executablePath) {
    throw new Error("Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH");
  }
  return chromium.launch({
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
}

/** A new browser context signed in as a demo user (password hoinghi-demo unless given), on the conference list. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } })).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(options.password ?? "hoinghi-demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Plans for most roles; bridge operators and IT support land on their bridge points.
  await page.waitForURL((u) => u.pathname === "/conferences" || u.pathname === "/bridges");
  return page;
}
