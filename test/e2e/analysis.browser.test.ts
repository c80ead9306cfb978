import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

// "Phân tích theo tiêu chí" in Chromium on the demo data: Tam Đường's communes and Bình Thuận's districts,
// 2023 against 2022. The table, the chart of the largest drops and the heat map are there and readable
// (captions, row headers, numbers as text); a filter is used by keyboard alone; the pages work.

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

const roundId = (organization: string) =>
  prisma.assessmentRound
    .findFirstOrThrow({
      where: { year: 2023, shape: "DETAILED", organization: { name: organization } },
      select: { id: true },
    })
    .then((r) => r.id);

describe("criterion analysis in the browser", () => {
  it("Tam Đường 2022 → 2023: from the round page to the table, chart and heat map; a filter by keyboard", async () => {
    const id = await roundId("UBND huyện Tam Đường");
    const page = await signIn(app.browser, app.server.url, "noivu.tamduong@hoinghi.local");
    await page.goto(`${app.server.url}/scoring/rounds/${id}`);
    await page.getByRole("link", { name: "Phân tích theo tiêu chí" }).click();
    await page.waitForURL(new RegExp(`/scoring/rounds/${id}/analysis$`));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Phân tích theo tiêu chí");
    const main = page.locator("main");
    expect(await main.textContent()).toContain("So sánh được 13/13 đơn vị");
    expect(await main.textContent()).toContain("Hai năm dùng cùng một bộ chỉ số");

    const chart = page.getByRole("img", { name: /Mức giảm điểm trung bình so với năm trước/ });
    expect(await chart.getAttribute("aria-label")).toMatch(/−\d+,\d{2} điểm phần trăm/);

    const table = page.getByRole("table", { name: /Điểm trung bình từng tiêu chí/ });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator("td").first().textContent()).toBe("1");
    expect(await page.getByRole("navigation", { name: "Trang của bảng tiêu chí" }).textContent()).toContain(
      "Trang 1/2",
    );

    const heat = page.getByRole("table", { name: /Tỷ lệ % điểm đạt theo lĩnh vực của 13 đơn vị/ });
    expect(await heat.locator("tbody th[scope=row]").count()).toBe(13);
    expect(await heat.locator("thead th").count()).toBe(8);
    const cell = heat.locator("tbody td").first();
    expect(await cell.textContent()).toMatch(/^\d+,\d{2}[+−]?\d+,\d{2}$/);
    expect(await cell.getAttribute("title")).toMatch(
      /lĩnh vực 1 .*: \d+,\d{2} %, [+−]?\d+,\d{2} điểm % so với năm 2022/,
    );
    expect(
      await page
        .getByRole("list", { name: /Chú giải màu/ })
        .locator("li")
        .count(),
    ).toBe(5);
    await page.screenshot({ path: path.join(shots, "analysis-tam-duong.png"), fullPage: true });

    // Keyboard only: the level by arrow keys, then the search box, Enter submits.
    await page.getByLabel("Cấp", { exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("Cấp", { exact: true }).inputValue()).toBe("tieu-chi");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("analysis-q");
    await page.keyboard.type("3.");
    await page.keyboard.press("Enter");
    await page.waitForURL(/cap=tieu-chi/);
    expect(page.url()).toMatch(/q=3\./);
    // The address changes first; the rows follow when the new data arrives.
    const codes = () => table.locator("tbody tr td:first-child").allTextContents();
    await expect.poll(async () => (await codes()).every((c) => /^3\.\d+$/.test(c))).toBe(true);
    expect((await codes()).length).toBeGreaterThan(1);
    expect(await page.getByLabel("Tìm theo mã hoặc tên").inputValue()).toBe("3.");
  });

  it("Bình Thuận 2022 → 2023: the heat map by name, the table's second page, and a narrow screen", async () => {
    const id = await roundId("UBND tỉnh Bình Thuận");
    const page = await signIn(app.browser, app.server.url, "noivu.binhthuan@hoinghi.local");
    await page.goto(`${app.server.url}/scoring/rounds/${id}/analysis`);
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("So sánh được 10/10 đơn vị");
    const heat = page.getByRole("table", { name: /của 10 đơn vị/ });
    expect(await heat.locator("tbody th[scope=row]").count()).toBe(10);
    expect(await heat.locator("tbody th").allTextContents()).toContainEqual(expect.stringContaining("Tánh Linh"));

    await page.getByLabel("Sắp xếp đơn vị").selectOption("ten");
    await page.getByRole("button", { name: "Sắp xếp" }).click();
    await page.waitForURL(/xep=ten/);
    const names = async () => (await heat.locator("tbody th a").allTextContents()).map((n) => n.trim());
    await expect.poll(async () => names()).toEqual([...(await names())].sort(new Intl.Collator("vi").compare));

    const pager = page.getByRole("navigation", { name: "Trang của bảng tiêu chí" });
    await pager.getByRole("link", { name: /Trang sau/ }).click();
    await page.waitForURL(/trang=2/);
    await expect.poll(() => pager.textContent()).toContain("Trang 2/");
    expect(page.url()).toMatch(/xep=ten/);

    const narrow = await signIn(app.browser, app.server.url, "noivu.binhthuan@hoinghi.local", {
      viewport: { width: 390, height: 844 },
    });
    await narrow.goto(`${app.server.url}/scoring/rounds/${id}/analysis`);
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await narrow.screenshot({ path: path.join(shots, "analysis-binh-thuan-390.png"), fullPage: true });
  });
});
