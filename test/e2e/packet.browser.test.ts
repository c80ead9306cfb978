import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();

describe("presentation packet", () => {
  it("is built with progress shown and downloads as PDF and Excel", async () => {
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local");
    await page.getByRole("link", { name: /Công bố chỉ số cải cách hành chính cấp xã/ }).click();
    await page.getByRole("link", { name: "Bộ tài liệu" }).click();
    await page.waitForURL(/\/packet$/);
    await expect.poll(() => page.locator("main").textContent()).toContain("13 đơn vị được xếp hạng");
    await page.getByRole("button", { name: "Tạo bộ tài liệu" }).click();
    await expect
      .poll(() => page.locator("label[for='packet-progress']").textContent(), { timeout: 30_000 })
      .toBe("Bộ tài liệu đã sẵn sàng.");
    const pdf = await page.request.get(`${page.url()}.pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await page.request.get(`${page.url()}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Xep hang")!.rowCount).toBeGreaterThanOrEqual(14);
  });
});
