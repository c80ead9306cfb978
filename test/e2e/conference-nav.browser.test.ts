import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();
const CONFERENCE = /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023/;

describe("the conference navigation (layout route conferences.$id)", () => {
  it("lists the organiser's pages, is used by keyboard, marks the current page and carries the breadcrumbs", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: CONFERENCE }).first().click();
    const nav = page.getByRole("navigation", { name: /^Các trang của / });
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Kế hoạch",
      "Chương trình",
      "Tham luận",
      "Tài liệu họp",
      "Đại biểu, giấy mời",
      "Lịch nhắc họp",
      "Khen thưởng",
      "Bộ tài liệu",
      "Điểm cầu",
      "Quét QR điểm danh",
      "Điểm danh, có mặt",
      "Thông báo kết luận",
      "Nhật ký thay đổi",
    ]);
    expect(await nav.getByRole("link", { name: "Kế hoạch" }).getAttribute("aria-current")).toBe("page");

    await nav.getByRole("link", { name: "Chương trình" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/agenda$/);
    await expect.poll(() => nav.getByRole("link", { name: "Chương trình" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Kế hoạch" }).getAttribute("aria-current")).toBeNull();
    const trail = page.getByRole("navigation", { name: "Đường dẫn" }).first();
    expect((await trail.textContent())?.replace(/\s+/g, " ")).toMatch(
      /^Hội nghị, kế hoạch › Tổ chức Hội nghị tổng kết .* › Chương trình$/,
    );
    await page.screenshot({ path: path.join(shots, "conference-nav-desktop.png") });

    // On a phone the links wrap: nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, "conference-nav-phone.png") });
  });

  it("shows IT support only the bridge points", async () => {
    const it = await signIn(app.browser, app.server.url, "cntt.quangnam@hoinghi.local", {
      viewport: { width: 390, height: 844 },
    });
    await it.getByRole("link", { name: "Điểm cầu", exact: true }).click();
    await it.getByRole("link", { name: CONFERENCE }).click();
    await it.waitForURL(/\/bridges\/readiness$/);
    const nav = it.getByRole("navigation", { name: /^Các trang của / });
    // The URL changes before the page has rendered: wait for the nav's link, then read them all.
    await nav.getByRole("link", { name: "Điểm cầu" }).waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Điểm cầu"]);
  });
});
