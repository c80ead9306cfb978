import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

const signedIn = (email: string) => signIn(app.browser, app.server.url, email);

describe("invitations in the browser", () => {
  it("sends invitations with live progress; an attendee accepts on a phone and the organiser's counts change", async () => {
    const page = await signedIn("vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Đại biểu, giấy mời/ }).click();
    await page.waitForURL(/\/attendees$/);
    const rows = page.locator("main table").last().locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain("Chưa gửi");

    await page.getByLabel("Đính kèm giấy mời (PDF)").check();
    await page.getByRole("button", { name: "Gửi giấy mời cho đại biểu chưa nhận" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Đã đưa 3 giấy mời vào hàng đợi gửi");
    await expect
      .poll(() => page.locator("label[for='delivery-progress']").textContent(), { timeout: 20_000 })
      .toContain("Đã gửi 3/3 thư");
    await expect.poll(() => rows.filter({ hasText: "Đã gửi" }).count(), { timeout: 15_000 }).toBe(3);
    await page.screenshot({ path: path.join(shots, "invitations.png"), fullPage: true });

    // The attendee's personal link, opened on a phone without an account.
    const row = rows.filter({ hasText: "Trịnh Thị Hồng Nhung" });
    const href = await row.getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/i\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const phone = await (
      await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await phone.goto(`${app.server.url}${href}`);
    expect(await phone.locator("h1").textContent()).toContain("Trịnh Thị Hồng Nhung");
    expect(await phone.locator("main").textContent()).toContain("Điểm cầu UBND phường Hải Châu");
    expect(await phone.locator("main").textContent()).not.toContain("DN2026");
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const qr = await phone.request.get(`${app.server.url}${href}/qr.png`);
    expect(qr.headers()["content-type"]).toBe("image/png");
    const ics = await phone.request.get(`${app.server.url}${href}/invite.ics`);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    await phone.getByRole("button", { name: "Xác nhận tham dự" }).click();
    await expect.poll(() => phone.getByRole("status").textContent()).toContain("Cảm ơn Đồng chí đã xác nhận tham dự.");
    await phone.screenshot({ path: path.join(shots, "rsvp-phone.png"), fullPage: true });

    // The invited agency registers its discussion paper from the same page.
    await phone.locator("summary", { hasText: "Đăng ký tham luận" }).click();
    await phone.getByLabel("Tên bài tham luận").fill("Kinh nghiệm số hóa hồ sơ ở phường Hải Châu");
    await phone.getByRole("button", { name: "Đăng ký tham luận" }).click();
    await expect
      .poll(() => phone.getByRole("status").textContent())
      .toContain("Đã đăng ký tham luận “Kinh nghiệm số hóa hồ sơ ở phường Hải Châu”");

    // The organiser's page refreshes itself.
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Tham dự");
    const counts = page
      .locator("section", { hasText: "Trả lời theo nhóm" })
      .locator("tbody tr")
      .filter({ hasText: "Tại điểm cầu các xã, phường" });
    await expect.poll(() => counts.locator("td").nth(2).textContent(), { timeout: 15_000 }).toBe("1");

    // The attendance report reflects the answer.
    const report = await page.request.get(page.url().replace(/\/attendees$/, "/attendance-report.pdf"));
    expect(report.headers()["content-type"]).toBe("application/pdf");

    // A forged token is a 404.
    const forged = await phone.goto(`${app.server.url}${href!.slice(0, -3)}abc`);
    expect(forged?.status()).toBe(404);
  });

  it("lets an attendee send a substitute: the substitute is invited, the original link is revoked", async () => {
    const page = await signedIn("vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Đại biểu, giấy mời/ }).click();
    const row = page.locator("main table").last().locator("tbody tr").filter({ hasText: "Mai Xuân Ngữ" });
    const href = await row.getByRole("link").getAttribute("href");
    const guest = await (await app.browser.newContext()).newPage();
    await guest.goto(`${app.server.url}${href}`);
    await guest.locator("summary", { hasText: "Báo vắng mặt" }).click();
    await guest.getByRole("button", { name: "Gửi báo vắng" }).click();
    await expect.poll(() => guest.locator(".field-error").allTextContents()).toContain("Nêu lý do vắng mặt");
    await guest.locator("summary", { hasText: "Cử người dự thay" }).click();
    await guest.getByLabel("Họ và tên người dự thay").fill("Phạm Thị Thu Thủy");
    await guest.getByLabel("Chức vụ").fill("Phó Chủ tịch UBND phường");
    await guest.getByLabel("Thư điện tử").fill("phamthithuthuy@danang.hoinghi.local");
    await guest.getByRole("button", { name: "Cử người dự thay" }).click();
    await expect.poll(() => guest.getByRole("status").textContent()).toContain("Phạm Thị Thu Thủy dự thay");
    await guest.reload();
    expect(await guest.locator("main").textContent()).toContain("đã được chuyển cho người dự thay");
    expect((await guest.request.get(`${app.server.url}${href}/qr.png`)).status()).toBe(404);

    await page.reload();
    const rows = page.locator("main table").last().locator("tbody tr");
    await expect.poll(() => rows.filter({ hasText: "Phạm Thị Thu Thủy" }).textContent()).toContain("thay Mai Xuân Ngữ");
    await expect.poll(() => rows.filter({ hasText: "Mai Xuân Ngữ" }).first().textContent()).toContain("Đã thu hồi");
  });
});
