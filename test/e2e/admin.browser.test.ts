import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

const signedIn = (email: string, password = "hoinghi-demo", viewport = { width: 1280, height: 900 }) =>
  signIn(app.browser, app.server.url, email, { password, viewport });

describe("administration", () => {
  it("shows the organisation tree with both the three-tier and the two-tier administration", async () => {
    const page = await signedIn("admin@hoinghi.local");
    await page.goto(`${app.server.url}/admin/organizations`);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("UBND huyện Tam Đường");
    expect(text).toMatch(/giải thể ngày 01 tháng 7 năm 2025/);
    expect(text).toContain("Đà Nẵng");
    await page.screenshot({ path: path.join(shots, "organizations.png"), fullPage: true });
  });

  it("adds a commune under a district and a user there, who can then sign in and sees only that commune", async () => {
    const page = await signedIn("admin@hoinghi.local");
    await page.goto(`${app.server.url}/admin/organizations/new`);
    await page.getByRole("button", { name: "Thêm" }).click();
    await expect.poll(() => page.locator(".field-error").allTextContents()).toContain("Nhập tên cơ quan, đơn vị");

    await page.getByLabel("Tên cơ quan, đơn vị").fill("UBND xã Thử Nghiệm");
    await page.getByLabel("Tên ghi trên văn bản").fill("ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM");
    await page.getByLabel("Địa danh ghi ở dòng ngày tháng").fill("Thử Nghiệm");
    await page.getByLabel("Cấp", { exact: true }).selectOption({ label: "Cấp xã (xã, phường, thị trấn, đặc khu)" });
    const district = await page
      .getByLabel("Trực thuộc")
      .locator("option", { hasText: "UBND huyện Tam Đường" })
      .first()
      .getAttribute("value");
    await page.getByLabel("Trực thuộc").selectOption(district!);
    await page.getByRole("button", { name: "Thêm" }).click();
    await page.waitForURL(`${app.server.url}/admin/organizations`);
    await expect.poll(() => page.locator("main").textContent()).toContain("UBND xã Thử Nghiệm");

    await page.goto(`${app.server.url}/admin/users/new`);
    await page.getByLabel("Thư điện tử").fill("vanphong.thunghiem@hoinghi.local");
    await page.getByLabel("Họ và tên").fill("Nguyễn Thị Thử");
    const commune = await page
      .getByLabel("Cơ quan")
      .locator("option", { hasText: "UBND xã Thử Nghiệm" })
      .getAttribute("value");
    await page.getByLabel("Cơ quan").selectOption(commune!);
    await page.getByLabel("Văn phòng").check();
    await page.getByLabel("Mật khẩu ban đầu").fill("ngan");
    await page.getByRole("button", { name: "Tạo người dùng" }).click();
    await expect.poll(() => page.locator(".field-error").allTextContents()).toContain("Mật khẩu cần ít nhất 10 ký tự");
    await page.getByLabel("Mật khẩu ban đầu").fill("mat-khau-du-dai");
    await page.getByRole("button", { name: "Tạo người dùng" }).click();
    await page.waitForURL(`${app.server.url}/admin/users`);
    await expect.poll(() => page.locator("main").textContent()).toContain("vanphong.thunghiem@hoinghi.local");

    const newcomer = await signedIn("vanphong.thunghiem@hoinghi.local", "mat-khau-du-dai");
    await expect.poll(() => newcomer.locator("main").textContent()).toContain("Chưa có kế hoạch nào");
    const res = await newcomer.goto(`${app.server.url}/admin/users`);
    expect(res?.status()).toBe(403);
    expect(await newcomer.locator("main").textContent()).toContain("Không có quyền truy cập");
  });

  it("keeps the plan list usable on a phone-sized screen", async () => {
    const page = await signedIn("admin@hoinghi.local", "hoinghi-demo", { width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, "conference-list-phone.png"), fullPage: false });
  });
});
