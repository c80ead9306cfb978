import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();

describe("programme", () => {
  it("is timed from the start, reordered by keyboard, and warns when it overruns", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.getByRole("link", { name: "Chương trình" }).click();
    await page.waitForURL(/\/agenda$/);
    const rows = page.locator("ol.agenda > li");
    await expect.poll(() => rows.count()).toBe(9);
    expect(await rows.first().locator(".agenda-time").textContent()).toBe("08 giờ 00 – 08 giờ 15");
    expect(await page.locator(".problems").count()).toBe(0);
    // Discussion items are linked to the registered papers they present.
    expect(await rows.nth(3).textContent()).toContain("bài: “Kinh nghiệm nâng cao Chỉ số CCHC của thành phố Hội An”");

    // Keyboard only: focus "move down" on the first item and press Enter.
    await page
      .getByRole("button", { name: "Đưa “Tuyên bố lý do, giới thiệu đại biểu; phát biểu khai mạc” xuống sau" })
      .focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => rows.first().textContent())
      .toContain("Báo cáo tổng kết công tác cải cách hành chính năm 2023");
    expect(await rows.first().locator(".agenda-time").textContent()).toBe("08 giờ 00 – 08 giờ 30");
    expect(await rows.nth(1).locator(".agenda-time").textContent()).toBe("08 giờ 30 – 08 giờ 45");

    await page.getByLabel("Nội dung", { exact: true }).last().fill("Thảo luận tự do");
    await page.getByLabel("Thời lượng (phút)").last().fill("55");
    await page.getByRole("button", { name: "Thêm vào chương trình" }).click();
    await expect
      .poll(() => page.locator(".problems").textContent())
      .toContain("vượt thời gian kết thúc dự kiến 15 phút");

    // The server checks too: a zero duration is refused with the field's message, nothing added.
    const refused = await page.request.post(page.url(), {
      form: { intent: "add", kind: "REPORT", title: "Sai", durationMinutes: "0" },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain("Thời lượng ít nhất 1 phút");
    await page.reload();
    await expect.poll(() => rows.count()).toBe(10);
  });
});
