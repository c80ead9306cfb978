import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { launchBrowser } from "#tests/helpers/browser.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

const PASSWORD = "hoinghi-demo";
const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function countConferences(): Promise<number> {
  const db = openTestDb();
  try {
    return await db.count(`SELECT count(*) AS n FROM "Conference"`);
  } finally {
    await db.close();
  }
}

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", ...options });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${server.url}/conferences`);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  // Expected failures (404s, bad input) must not log errors on the server either.
  expect(server.stderr()).not.toMatch(/Error|at \S+ \(/);
});

describe("signing in", () => {
  it("refuses a wrong password in Vietnamese", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Thư điện tử").fill("admin@hoinghi.local");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Thư điện tử hoặc mật khẩu không đúng");
    expect(page.url()).toContain("/login");
  });

  it("works by keyboard alone and lists the five seed plans for the demo admin", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    // The e-mail field has focus on load; Tab to the password, Enter submits.
    await page.keyboard.type("admin@hoinghi.local");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/conferences`);
    await expect.poll(() => page.locator("main").textContent()).toContain("Tổ chức Hội nghị Công bố chỉ số");
    const text = await page.locator("main").textContent();
    for (const title of [
      "Tổ chức Hội nghị Công bố chỉ số cải cách hành chính cấp xã",
      "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024",
      "Duy trì, khắc phục những tồn tại, hạn chế chỉ số Cải cách hành chính năm 2023",
      "Khắc phục những tồn tại, hạn chế năm 2023 và nâng cao chỉ số cải cách hành chính (Par Index) năm 2024",
      "Khắc phục một số tồn tại, hạn chế về chỉ số PAR INDEX, SIPAS năm 2023",
    ]) {
      expect(text).toContain(title);
    }
    await page.screenshot({ path: path.join(shots, "conference-list.png"), fullPage: true });
  });
});

describe("plan form", () => {
  it("shows Vietnamese field errors for bad input and saves nothing (browser validation)", async () => {
    const before = await countConferences();
    const page = await newPage();
    await signIn(page, "vanphong.tamduong@hoinghi.local");
    await page.goto(`${server.url}/conferences/new`);
    await page.getByLabel("Ngày ban hành").fill("31");
    await page.getByLabel("Tháng", { exact: true }).fill("2");
    await page.getByLabel("Nơi nhận").fill("UBND các xã, thị trấn;");
    await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(
        expect.arrayContaining([
          "Nhập tên (trích yếu) của kế hoạch",
          expect.stringMatching(/^Tháng 2\/\d{4} không có ngày 31$/),
          "Dòng cuối của nơi nhận phải là “Lưu: VT…”",
          "Nhập nội dung dòng thành phần",
        ]),
      );
    await expect.poll(() => page.getByLabel("Tên kế hoạch (trích yếu)").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: path.join(shots, "plan-form-errors.png"), fullPage: true });
    expect(page.url()).toBe(`${server.url}/conferences/new`);
    expect(await countConferences()).toBe(before);
  });

  it("rejects bad input on the server too (no JavaScript): 400, errors shown, nothing saved", async () => {
    const before = await countConferences();
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, "vanphong.tamduong@hoinghi.local");
    await page.goto(`${server.url}/conferences/new`);
    await page.getByLabel("Tên kế hoạch (trích yếu)").fill("Hội nghị thử");
    await page.getByLabel("Năm", { exact: true }).fill("1990");
    await page.getByLabel("Nhóm 1, dòng 1", { exact: true }).fill("Chủ tịch UBND các xã");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Lưu kế hoạch" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState();
    const errors = await page.locator(".field-error").allTextContents();
    expect(errors).toContain("Năm ban hành phải từ 2000 đến 2100");
    expect(await page.getByLabel("Tên kế hoạch (trích yếu)").inputValue()).toBe("Hội nghị thử");
    expect(await countConferences()).toBe(before);
  });

  it("saves a valid plan, shows it as a document, and lists it", async () => {
    const page = await newPage();
    await signIn(page, "vanphong.tamduong@hoinghi.local");
    await page.goto(`${server.url}/conferences/new`);
    const title = "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026";
    await page.getByLabel("Tên kế hoạch (trích yếu)").fill(title);
    await page.getByLabel("Ngày ban hành").fill("4");
    await page.getByLabel("Tháng", { exact: true }).fill("1");
    await page.getByLabel("Năm", { exact: true }).fill("2026");
    await page.getByLabel("Mục đích").fill("Đánh giá kết quả 6 tháng đầu năm.");
    await page.getByLabel("Ngày giờ cụ thể").check();
    await page.getByLabel("Bắt đầu (giờ Việt Nam)").fill("2026-07-09T08:00");
    await page.getByLabel("Kết thúc").fill("2026-07-09T11:30");
    await page.getByLabel("Địa điểm").fill("Hội trường UBND huyện");
    await page.getByLabel("Nhóm 1, dòng 1", { exact: true }).fill("Chủ tịch UBND các xã, thị trấn;");
    await page.getByRole("button", { name: "+ Thêm dòng" }).click();
    await page.getByLabel("Nhóm 1, dòng 2", { exact: true }).fill("Công chức Văn phòng - Thống kê các xã, thị trấn.");
    await page.getByLabel("Nơi nhận").fill("UBND các xã, thị trấn;\nLưu: VT.");
    await page.getByLabel("Họ tên người ký").fill("Sùng Lữ Páo");
    await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await page.waitForURL(/\/conferences\/[^/]+$/);
    const doc = page.getByRole("article", { name: "Văn bản kế hoạch" });
    await expect.poll(() => doc.textContent()).toContain(title);
    const text = (await doc.textContent()) ?? "";
    expect(text).toContain(title);
    expect(text).toContain("Số: /KH-UBND");
    expect(text).toContain("Tam Đường, ngày 04 tháng 01 năm 2026");
    expect(text).toContain("Từ 08 giờ 00 đến 11 giờ 30, ngày 09 tháng 7 năm 2026.");
    expect(text).toContain("- Chủ tịch UBND các xã, thị trấn;");
    expect(text).toContain("- Lưu: VT.");
    expect(text).toContain("Sùng Lữ Páo");
    await page.screenshot({ path: path.join(shots, "plan-page.png"), fullPage: true });
    const planUrl = page.url();

    await page.goto(`${server.url}/conferences?q=${encodeURIComponent("sơ kết công tác")}`);
    await expect.poll(() => page.getByRole("link", { name: title }).count()).toBe(1);
    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(planUrl);

    // Another organisation's user gets the Vietnamese 404, not the plan.
    const other = await newPage();
    await signIn(other, "vanphong.dongha@hoinghi.local");
    const res = await other.goto(planUrl);
    expect(res?.status()).toBe(404);
    expect(await other.locator("main").textContent()).toContain("Không tìm thấy");
    expect(await other.content()).not.toContain(title);
    const editRes = await other.goto(`${planUrl}/edit`);
    expect(editRes?.status()).toBe(404);
  });

  it("answers unknown ids and unknown pages with a Vietnamese 404 and no stack trace", async () => {
    const page = await newPage();
    await signIn(page, "admin@hoinghi.local");
    for (const url of ["/conferences/khong-ton-tai", "/trang-khong-co", "/admin/users/khong-ton-tai"]) {
      const res = await page.goto(`${server.url}${url}`);
      expect(res?.status()).toBe(404);
      const html = await page.content();
      expect(html).toContain("Không tìm thấy");
      expect(html).not.toMatch(/at \S+ \(|Error:/);
    }
  });
});
