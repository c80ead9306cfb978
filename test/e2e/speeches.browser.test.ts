import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();

describe("speeches", () => {
  it("registers, approves into the order, keeps leader drafts as versions, and lists who never spoke", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.getByRole("link", { name: "Tham luận" }).click();
    await page.waitForURL(/\/speeches$/);
    const items = page.locator("ol.agenda > li");
    await expect.poll(() => items.count()).toBe(4);

    // A renamed file that is not a PDF is refused with the field's message; nothing is saved.
    await page.getByLabel("Tên bài").fill("Cải thiện chỉ số SIPAS ở cấp xã");
    await page.getByLabel("Người trình bày").fill("Vũ Đình Khoa");
    await page.getByLabel("Cơ quan, đơn vị").fill("UBND huyện Duy Xuyên");
    await page
      .getByLabel(/Tệp bài/)
      .setInputFiles({ name: "bai.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ không phải PDF") });
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toContain("Nội dung tệp không phải PDF như phần mở rộng .pdf");
    expect(await items.count()).toBe(4);
    await page.getByLabel("Tên bài").fill("Cải thiện chỉ số SIPAS ở cấp xã");
    await page.getByLabel("Người trình bày").fill("Vũ Đình Khoa");
    await page
      .getByLabel(/Tệp bài/)
      .setInputFiles({ name: "bai.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect.poll(() => items.count()).toBe(5);

    const fresh = items.filter({ hasText: "Cải thiện chỉ số SIPAS ở cấp xã" });
    await fresh.getByRole("button", { name: "Chọn trình bày" }).click();
    await expect.poll(() => fresh.locator(".agenda-time").textContent()).toBe("Thứ tự 4");

    const leader = items.filter({ hasText: "Phát biểu chỉ đạo" });
    await leader.locator("summary").click();
    expect(await leader.locator("summary").textContent()).toContain("2 phiên bản");
    await leader.getByLabel("Nội dung bản thảo").fill("Kính thưa các đồng chí! Bản thảo lần 3.");
    await leader.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await expect.poll(() => leader.locator("summary").textContent()).toContain("3 phiên bản");

    // Quảng Nam's conference has not been held yet: nothing of it counts as "never spoke".
    await page.getByRole("link", { name: "Đã đăng ký mà chưa trình bày" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Không có ai đăng ký mà chưa trình bày.");
    // The administrator sees the held dialogue of phường Hải Châu: the registered speaker who never
    // spoke, not the one who did.
    const admin = await signIn(app.browser, app.server.url, "admin@hoinghi.local");
    await admin.goto(`${app.server.url}/speeches/history`);
    await expect.poll(() => admin.locator("main").textContent()).toContain("Lê Văn Tâm");
    expect(await admin.locator("main").textContent()).not.toContain("Phan Thị Hoa");
  });
});
