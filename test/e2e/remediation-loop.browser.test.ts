import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { prisma } from "#app/database/db.server.ts";

// The remediation loop on screen: Tánh Linh's 2023 plan followed into Bình Thuận's published 2024 round
// (demo data), on the list and on the plan page, as the assessed unit sees it and on a phone.

const app = useAppAndBrowser();
const WAIT = { timeout: 15_000 };
const TALLY = "31/46 hành động đã lấy lại điểm (25 đủ điểm, 6 một phần); 1 không còn đánh giá";

describe("remediation loop", () => {
  it("shows the list's result column and line, and each action's 2024 result on the plan page", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.tanhlinh@hoinghi.local");
    await page.goto(`${app.server.url}/remediation`);
    expect(await page.getByRole("columnheader", { name: "Kết quả năm sau" }).count()).toBe(1);
    const row = page.getByRole("row", { name: /UBND huyện Tánh Linh/ });
    await expect.poll(() => row.textContent(), WAIT).toContain(TALLY);
    expect(await page.locator(".loop-tally").textContent()).toContain(TALLY);
    expect(await page.getByRole("img", { name: /Số nhiệm vụ theo kết quả năm sau/ }).count()).toBe(1);

    await row.getByRole("link").first().click();
    await page.waitForURL(/\/remediation\/[^/]+$/);
    await expect.poll(() => page.getByRole("heading", { name: "Kết quả năm 2024" }).count(), WAIT).toBe(1);
    expect(await page.locator(".loop-section .loop-tally").textContent()).toBe(TALLY);
    expect(await page.getByRole("img", { name: /theo lĩnh vực/ }).count()).toBe(1);

    // The table of results: all 46, then filtered to the partly recovered.
    const table = page.locator(".loop-table tbody tr");
    expect(await table.count()).toBe(46);
    await page.getByLabel("Lọc theo kết quả năm 2024").selectOption("partly");
    await expect.poll(() => table.count(), WAIT).toBe(6);
    expect(await page.locator(".loop-table tr[data-code='5.5.1']").textContent()).toContain(
      "0/1,5 → 0,75/1,5 điểm (0,00% → 50,00%); nay là tiêu chí 5.5.1 + 5.5.3",
    );
    await page.getByLabel("Lọc theo kết quả năm 2024").selectOption("");
    await expect.poll(() => table.count(), WAIT).toBe(46);

    // On the action cards: the renumbered criterion followed, the dropped one with its reason.
    const card = (code: string) => page.locator(".card", { has: page.getByRole("heading", { name: `${code}. ` }) });
    const renumbered = await card("3.5.1").locator(".loop-line").textContent();
    expect(renumbered).toContain("Kết quả năm 2024:");
    expect(renumbered).toContain("Đã lấy lại đủ điểm");
    expect(renumbered).toContain("nay là tiêu chí 3.6.1");
    const dropped = await card("3.6").locator(".loop-line").textContent();
    expect(dropped).toContain("Không còn đánh giá");
    expect(dropped).toContain("tiêu chí không còn trong bộ chỉ số năm sau");
    expect(await card("4.2.2").locator(".loop-line").textContent()).toContain("Chưa lấy lại điểm");
  }, 90_000);

  it("fits a 390 px phone: no page-wide horizontal scroll on the plan page and the list", async () => {
    const page = await signIn(app.browser, app.server.url, "noivu.binhthuan@hoinghi.local", {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${app.server.url}/remediation`);
    await expect.poll(() => page.locator(".loop-tally").count(), WAIT).toBe(1);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(1);
    await page
      .getByRole("link", { name: /UBND huyện Tánh Linh/ })
      .first()
      .click();
    await page.waitForURL(/\/remediation\/[^/]+$/);
    await expect.poll(() => page.getByRole("heading", { name: "Kết quả năm 2024" }).count(), WAIT).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(1);
  }, 60_000);

  it("tells the unit there is no result yet while the 2024 round is a draft", async () => {
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2024, previousRound: { units: { some: { remediationPlans: { some: {} } } } } },
      select: { id: true },
    });
    await prisma.assessmentRound.update({ where: { id: round.id }, data: { status: "DRAFT" } });
    try {
      const page = await signIn(app.browser, app.server.url, "vanphong.tanhlinh@hoinghi.local");
      await page.goto(`${app.server.url}/remediation`);
      const row = page.getByRole("row", { name: /UBND huyện Tánh Linh/ });
      await expect.poll(() => row.textContent(), WAIT).toContain("Chưa có kết quả đánh giá năm sau");
      await row.getByRole("link").first().click();
      await page.waitForURL(/\/remediation\/[^/]+$/);
      await expect
        .poll(() => page.locator(".loop-section").textContent(), WAIT)
        .toContain("Chưa có kết quả đánh giá năm sau");
      expect(await page.locator(".loop-line").count()).toBe(0);
    } finally {
      await prisma.assessmentRound.update({ where: { id: round.id }, data: { status: "PUBLISHED" } });
    }
  }, 60_000);
});
