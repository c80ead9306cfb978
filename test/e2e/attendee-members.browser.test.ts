import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

describe("inviting the people of an organisation", () => {
  it("chooses an organisation, previews its people with those already invited marked, and adds the others", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Đại biểu, giấy mời/ }).click();
    await page.waitForURL(/\/attendees$/);
    const attendees = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Danh sách đại biểu" }) })
      .locator("tbody tr");
    await expect.poll(() => attendees.count()).toBe(3);

    // An organiser's scope is their own organisation.
    await page.getByLabel("Cơ quan, đơn vị").selectOption({ label: "UBND thành phố Đà Nẵng" });
    await page.getByRole("button", { name: "Xem danh sách người" }).click();
    await page.waitForURL(/\?org=/);
    const preview = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Mời người của một cơ quan" }) });
    const people = preview.locator("tbody tr");
    await expect.poll(() => people.count()).toBeGreaterThanOrEqual(3);
    const minh = people.filter({ hasText: "Đặng Công Minh" });
    expect(await minh.textContent()).toContain("Chuyên viên phòng Cải cách hành chính, Sở Nội vụ");
    expect(await minh.textContent()).toContain("noivu.danang@hoinghi.local");
    expect(await minh.textContent()).toContain("Chưa");
    const count = await people.count();

    await preview.getByRole("button", { name: `Thêm ${count} người vào danh sách đại biểu` }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`Đã thêm ${count} người của cơ quan (0 người đã có trong danh sách).`);
    await expect.poll(() => attendees.count()).toBe(3 + count);
    for (const name of ["Ngô Thị Thanh Hà", "Đặng Công Minh", "Huỳnh Thị Ngọc Ánh"]) {
      expect(await attendees.filter({ hasText: name }).textContent()).toContain("UBND thành phố Đà Nẵng");
    }
    // The preview now marks them as on the list, and there is nobody left to add.
    await expect.poll(() => minh.textContent()).toContain("Đã có");
    expect(await preview.getByRole("button", { name: "Thêm 0 người vào danh sách đại biểu" }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(shots, "attendee-members.png"), fullPage: true });
  });
});
