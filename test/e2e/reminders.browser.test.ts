import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { demoDaNang2026 } from "#prisma/seed-data/plans.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { keepUpcoming } from "#tests/helpers/upcoming-conference.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

describe("the timed reminders page (conferences.$id.reminders)", () => {
  it("shows seed 001's schedule with local times, and schedules one to chosen people by keyboard-usable search", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page
      .getByRole("link", { name: /năm 2023/ })
      .first()
      .click();
    await page.getByRole("link", { name: "Lịch nhắc họp" }).click();
    await page.waitForURL(/\/reminders$/);
    const table = page.getByRole("table");
    await expect.poll(() => table.textContent()).toContain("16 giờ 00, ngày 17 tháng 01 năm 2024");
    expect(await table.textContent()).toContain("Chiều hôm trước lúc 16:00");
    expect(await table.textContent()).toMatch(/Đã gửi tới \d+ người lúc 16 giờ 00, ngày 17 tháng 01 năm 2024/);
    await page.screenshot({ path: path.join(shots, "reminders-quang-nam.png"), fullPage: true });

    // The conference is held: a reminder for it now is refused on its field, in Vietnamese.
    await page.getByLabel("Tiêu đề thư").fill("Nhắc muộn");
    await page.getByLabel("Nội dung thư").fill("Thử");
    await page.getByRole("button", { name: "Hẹn giờ gửi" }).click();
    await expect.poll(() => page.getByRole("alert").allTextContents()).toContain("Thời điểm nhắc đã qua.");
  });

  it("schedules a reminder to two chosen people of the 2026 conference", async () => {
    const startsAt = await keepUpcoming(demoDaNang2026.title);
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: "Lịch nhắc họp" }).click();
    await page.waitForURL(/\/reminders$/);
    await page.getByLabel(/Trước giờ khai mạc/).check();
    await page.getByLabel("Số phút hoặc giờ trước khai mạc").fill("3");
    await page.getByLabel("Tiêu đề thư").fill("Nhắc chuẩn bị tham luận");
    await page.getByLabel("Nội dung thư").fill("Đề nghị đồng chí gửi bản tham luận cuối cùng.");
    await page.getByLabel("Những người được chọn").check();
    const search = page.getByLabel(/Tìm đại biểu/);
    await search.fill("n");
    const results = page.getByRole("list", { name: "Kết quả tìm" });
    await results.getByRole("button").first().waitFor();
    await results.getByRole("button").first().click();
    await results.getByRole("button").first().click();
    expect(await page.getByText(/Đã chọn 2 người/).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, "reminders-chosen.png"), fullPage: true });
    await page.getByRole("button", { name: "Hẹn giờ gửi" }).click();
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toEqual([`Đã hẹn giờ gửi thư nhắc lúc ${formatDateTime(new Date(startsAt.getTime() - 3 * 3_600_000))}.`]);
    await expect.poll(() => page.getByRole("table").textContent()).toContain("Những người được chọn (2 người)");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, "reminders-da-nang-390.png"), fullPage: true });
  });
});
