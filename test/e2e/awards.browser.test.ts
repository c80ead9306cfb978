import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server.ts";
import { launchBrowser, signIn } from "../helpers/browser.ts";

let server: AppServer;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-awards-"));

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  expect(server.stderr()).not.toMatch(/Error|at \S+ \(/);
});

describe("award list", () => {
  it("shows the seeded awards with their invited awardee, refuses a bad file by row, reorders by keyboard and prints", async () => {
    const page = await signIn(browser, server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.getByRole("link", { name: "Khen thưởng" }).click();
    await page.waitForURL(/\/awards$/);
    const rows = page.locator("table.awards tbody tr");
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(2).textContent()).toContain("Đại biểu: Đoàn Thị Quỳnh (đã xác nhận dự)");

    const bad = path.join(tmp, "khen-thuong.csv");
    fs.writeFileSync(bad, "Loại,Tên,Hình thức khen thưởng\nTập thể,UBND xã Cẩm Thanh,Giấy khen\nNhóm,Ai đó,Giấy khen\n");
    await page.getByLabel("Nhập từ tệp (.xlsx hoặc .csv)").setInputFiles(bad);
    await page.getByRole("button", { name: "Nhập danh sách" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("“Nhóm” không phải “Tập thể” hay “Cá nhân”");
    expect(await rows.count()).toBe(4);

    await page.getByRole("button", { name: "Đưa UBND huyện Núi Thành lên trước" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.first().textContent()).toContain("UBND huyện Núi Thành");

    const pdf = await page.request.get(page.url().replace(/\/awards$/, "/khen-thuong.pdf"));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });
});
