import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-awards-"));

describe("award list", () => {
  it("shows the seeded awards with their invited awardee, refuses a bad file by row, reorders by keyboard and prints", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.getByRole("link", { name: "Khen thưởng" }).click();
    await page.waitForURL(/\/awards$/);
    const rows = page.locator("table.awards tbody tr");
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(2).textContent()).toContain("Đại biểu: Đoàn Thị Quỳnh (đã xác nhận dự)");

    const bad = path.join(tmp, "khen-thuong.csv");
    fs.writeFileSync(
      bad,
      "Loại,Tên,Hình thức khen thưởng\nTập thể,UBND xã Cẩm Thanh,Giấy khen\nNhóm,Ai đó,Giấy khen\n",
    );
    await page.getByLabel("Nhập từ tệp (.xlsx hoặc .csv)").setInputFiles(bad);
    await page.getByRole("button", { name: "Nhập danh sách" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("“Nhóm” không phải “Tập thể” hay “Cá nhân”");
    expect(await rows.count()).toBe(4);

    await page.getByRole("button", { name: "Đưa UBND huyện Núi Thành lên trước" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.first().textContent()).toContain("UBND huyện Núi Thành");

    const pdf = await page.request.get(page.url().replace(/\/awards$/, "/awards.pdf"));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });
});
