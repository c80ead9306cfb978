import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { keepUpcoming } from "#tests/helpers/upcoming-conference.ts";
import { demoDaNang2026 } from "#prisma/seed-data/plans.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();
const CONFERENCE = /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023/;

describe("the conclusion notice page", () => {
  it("shows the issued notice of seed 001, follows a task by keyboard, and offers the PDF", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: CONFERENCE }).first().click();
    await page
      .getByRole("navigation", { name: /^Các trang của / })
      .getByRole("link", { name: "Thông báo kết luận" })
      .click();
    await page.getByRole("heading", { name: "Thông báo kết luận", level: 1 }).waitFor();
    expect(await page.getByText("Số: 15/TB-UBND").count()).toBe(1);
    expect(await page.getByText("có mặt 18/20 đại biểu, vắng 2 có lý do").count()).toBe(1);
    expect(await page.getByRole("note").textContent()).toContain("chậm nhất ngày 25/01/2024");
    await page.screenshot({ path: path.join(shots, "conclusion-issued.png"), fullPage: true });

    const select = page.getByLabel("Tình trạng nhiệm vụ của Sở Thông tin và Truyền thông");
    await select.selectOption("IN_PROGRESS");
    await page
      .getByRole("row", { name: /Sở Thông tin và Truyền thông/ })
      .getByRole("button", { name: "Cập nhật" })
      .focus();
    await page.keyboard.press("Enter");
    await page.getByText("Đã cập nhật tình trạng nhiệm vụ.").waitFor();
    expect(await select.inputValue()).toBe("IN_PROGRESS");

    const pdf = await page.request.get(`${new URL(page.url()).origin}${new URL(page.url()).pathname}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    // The plan page follows the notice's tasks too.
    await page
      .getByRole("navigation", { name: /^Các trang của / })
      .getByRole("link", { name: "Kế hoạch" })
      .click();
    await page.waitForURL(/\/conferences\/[^/]+$/);
    await page.getByRole("heading", { name: "Nhiệm vụ theo Thông báo kết luận" }).waitFor();
    expect(await page.getByText("tiếp nối nhiệm vụ của Sở Nội vụ").count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.server.url}${new URL(page.url()).pathname}/conclusion`);
    await page.getByRole("heading", { name: "Thông báo kết luận", level: 1 }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, "conclusion-issued-phone.png"), fullPage: true });
  }, 90_000);

  it("drafts a notice from a conference not yet held, saves it, and refuses to issue it", async () => {
    await keepUpcoming(demoDaNang2026.title);
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page
      .getByRole("navigation", { name: /^Các trang của / })
      .getByRole("link", { name: "Thông báo kết luận" })
      .click();
    await page.getByRole("button", { name: "Lập dự thảo từ hội nghị" }).click();
    await page.getByText("Đã lập dự thảo thông báo kết luận từ hội nghị.").waitFor();
    expect(await page.getByLabel("Trích yếu (tên thông báo)").inputValue()).toMatch(
      /^Kết luận của Chủ tịch UBND thành phố tại Hội nghị/,
    );
    expect(await page.getByLabel("Họ tên người ký").inputValue()).not.toBe("");

    await page.getByRole("button", { name: "+ Thêm mục kết luận" }).click();
    await page.getByLabel("Mục 1: tiêu đề").fill("Kết quả cải cách hành chính năm 2026");
    await page.getByLabel("Mục 1: nội dung kết luận").fill("Hội nghị thống nhất với báo cáo tổng kết.");
    await page.getByRole("button", { name: "+ Thêm nhiệm vụ" }).click();
    await page.getByLabel("Nhiệm vụ 1: cơ quan, đơn vị").fill("Sở Nội vụ");
    await page.getByLabel("Nội dung nhiệm vụ").fill("Tham mưu kế hoạch cải cách hành chính năm 2027.");
    await page.getByLabel("Thời hạn").fill("2027-01-29");
    await page.getByLabel("Thư điện tử của nơi nhận 1 (không bắt buộc)").fill("khong-hop-le");
    await page.getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText("Địa chỉ thư điện tử không hợp lệ").waitFor();
    await page.getByLabel("Thư điện tử của nơi nhận 1 (không bắt buộc)").fill("vanphong@danang.example");
    await page.getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText("Đã lưu dự thảo.").waitFor();
    expect(await page.getByLabel("Mục 1: tiêu đề").inputValue()).toBe("Kết quả cải cách hành chính năm 2026");

    await page.getByRole("button", { name: "Ban hành và gửi thông báo" }).click();
    await page.getByText("Nhập số văn bản do văn thư cấp trước khi ban hành (ví dụ 15)").waitFor();
    await page.getByLabel("Số văn bản (văn thư cấp)").fill("7");
    await page.getByRole("button", { name: "Ban hành và gửi thông báo" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Hội nghị chưa diễn ra nên chưa ban hành thông báo kết luận." })
      .waitFor();
    await page.screenshot({ path: path.join(shots, "conclusion-draft.png"), fullPage: true });
  }, 90_000);
});
