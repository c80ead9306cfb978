import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && fs.existsSync(p),
);

/** Debian's Chromium, headless, with the flags this closed network needs. Fails (never skips) when absent. */
export async function launchBrowser(): Promise<Browser> {
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
    ],
  });
}
