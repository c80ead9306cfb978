// "Tải bản Word (.docx)" beside the PDF links (issue 14): the link is there, named for its document,
// and downloads the Word file under its ASCII name.
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();
const shots = process.env.SCREENSHOT_DIR;

describe("Word file links", () => {
  it("downloads the plan, programme, award list and generic giấy mời as .docx from their pages", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.waitForURL(/\/conferences\/[^/]+$/);
    const base = page.url();
    for (const [pagePath, name, file] of [
      ["", "Tải bản Word (.docx) của kế hoạch", "ke-hoach-71-kh-ubnd.docx"],
      ["/agenda", "Tải bản Word (.docx) của chương trình", "chuong-trinh.docx"],
      ["/awards", "Tải bản Word (.docx) của danh sách khen thưởng", "danh-sach-khen-thuong.docx"],
      ["/attendees", "Tải bản Word (.docx) của giấy mời chung", "giay-moi-12-gm-ubnd.docx"],
      ["/attendees", "Tải bản Word (.docx) của báo cáo thành phần", "bao-cao-thanh-phan-tham-du.docx"],
    ] as const) {
      await page.goto(`${base}${pagePath}`);
      const link = page.getByRole("link", { name });
      if (shots) await page.screenshot({ path: `${shots}/word-link-${pagePath.slice(1) || "plan"}.png` });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe(file);
    }
  });
});
