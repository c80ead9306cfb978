// Issue 15, goal 2: the invitation, poster and operator pages that the edge answers (app/http/edge-page.server.ts)
// hydrate in a phone's browser exactly as Remix's own: no hydration error or warning in the console, and the
// scripts take over (Conform's validation answers without a request; the line test starts; the name search
// asks the loader as one types).
import { describe, expect, it } from "vitest";
import type { ConsoleMessage, Page } from "playwright-core";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

const app = useAppAndBrowser();

async function keys() {
  const db = openTestDb();
  try {
    const { token } = (await db.get<{ token: string }>(
      `SELECT a."token" FROM "Attendee" a JOIN "Conference" c ON c."id" = a."conferenceId"
       WHERE a."revokedAt" IS NULL AND c."status" <> 'CANCELLED' ORDER BY a."id" LIMIT 1`,
    ))!;
    const bridge = (await db.get<{ accessKey: string; posterKey: string }>(
      `SELECT b."accessKey", b."posterKey" FROM "BridgePoint" b JOIN "Conference" c ON c."id" = b."conferenceId"
       WHERE b."accessKey" IS NOT NULL AND b."posterKey" IS NOT NULL AND c."status" <> 'CANCELLED' ORDER BY b."id" LIMIT 1`,
    ))!;
    return { token, ...bridge };
  } finally {
    await db.close();
  }
}

/** A phone-sized page that records console errors and warnings, uncaught errors and the requests made. */
async function phone() {
  const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
  return { page, problems, requests };
}

async function openAtEdge(page: Page, path: string) {
  const response = await page.goto(`${app.server.url}${path}`);
  expect(response?.status()).toBe(200);
  expect(await response?.headerValue("server-timing"), `${path} answered by the edge`).toMatch(/^edge;dur=/);
  // Hydrated: Remix's router exists once the client entry has run.
  await page.waitForFunction(() => "__remixRouter" in window);
}

describe("pages answered at the edge, in a phone's browser", () => {
  it("hydrate without a console error, and their scripts take over", async () => {
    const { token, accessKey, posterKey } = await keys();

    const invitation = await phone();
    await openAtEdge(invitation.page, `/i/${token}`);
    await invitation.page.getByText("Cử người dự thay").first().click();
    const posts = () => invitation.requests.filter((r) => r.startsWith("POST")).length;
    await invitation.page.getByRole("button", { name: "Cử người dự thay" }).click();
    // Conform validates in the browser: the field says what is missing, nothing is sent.
    await expect.poll(() => invitation.page.locator("#rsvp-substitute-name").getAttribute("aria-invalid")).toBe("true");
    expect(posts()).toBe(0);
    expect(invitation.problems).toEqual([]);

    const operator = await phone();
    await openAtEdge(operator.page, `/b/${accessKey}`);
    await operator.page.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
    await expect.poll(() => operator.page.locator("#test-progress").isVisible()).toBe(true);
    expect(operator.problems).toEqual([]);

    const poster = await phone();
    await openAtEdge(poster.page, `/d/${posterKey}`);
    await poster.page.getByLabel("Họ và tên của Đồng chí").fill("Nguyễn");
    await expect.poll(() => poster.requests.some((r) => r.includes(".data?q="))).toBe(true);
    expect(poster.problems).toEqual([]);

    for (const p of [invitation, operator, poster]) await p.page.close();
  });
});
