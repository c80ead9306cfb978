// Roll call in the browser (production build): marks saved without a reload (fetcher), the Vietnamese
// error for an absence without a reason, the same page without JavaScript (plain forms), and the live
// figures following a check-in made by another request.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

// The test file's own database (SQLite or PostgreSQL), opened for each look: the app server writes to it.
async function conferenceId(place: string, title: string): Promise<string> {
  const d = openTestDb();
  try {
    return (
      (await d.get(
        `SELECT "id" FROM "Conference" WHERE "issuePlace" LIKE ? AND "title" LIKE ?`,
        `%${place}%`,
        `%${title}%`,
      )) as { id: string }
    ).id;
  } finally {
    await d.close();
  }
}

async function attendanceOf(
  name: string,
): Promise<
  | { status: string; bridgePointId: string | null; absenceReason: string; substituteName: string; method: string }
  | undefined
> {
  const d = openTestDb();
  try {
    return (await d.get(
      `SELECT t."status", t."bridgePointId", t."absenceReason", t."substituteName", t."method" FROM "Attendance" t JOIN "Attendee" a ON a."id" = t."attendeeId" WHERE a."name" = ?`,
      name,
    )) as never;
  } finally {
    await d.close();
  }
}

describe("roll call in the browser", () => {
  it("marks attendees without reloading, refuses an absence without a reason, and the live figures follow", async () => {
    const page = await signIn(app.browser, app.server.url, "diemdanh.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Điểm danh, có mặt/ }).click();
    await page.waitForURL(/\/attendance$/);
    await page.getByRole("heading", { name: "Điểm danh đại biểu" }).waitFor();
    // Hydrated: only the field the chosen mark needs is shown.
    const row = (name: string) => page.locator("tr[data-attendee]").filter({ hasText: name });
    await expect.poll(() => row("Mai Xuân Ngữ").getByLabel("Lý do vắng mặt").isHidden()).toBe(true);
    expect(await page.getByTestId("kpi-present").textContent()).toBe("0");
    // A marker survives only if the page is never reloaded.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

    // Present in person, by keyboard: select the mark, tab to "Lưu", Enter.
    const phuoc = row("Nguyễn Hữu Phước");
    await phuoc.getByLabel("Kết quả điểm danh").selectOption("IN_PERSON");
    await phuoc.getByRole("button", { name: "Lưu" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => phuoc.getByRole("status").textContent()).toContain("có mặt trực tiếp");
    await expect.poll(() => phuoc.getByTestId("mark").textContent()).toBe("Có mặt trực tiếp");

    // Online at a chosen bridge point.
    const nhung = row("Trịnh Thị Hồng Nhung");
    await nhung.getByLabel("Kết quả điểm danh").selectOption("ONLINE");
    await nhung.getByLabel("Điểm cầu").selectOption({ label: "Điểm cầu UBND phường Hội An" });
    await nhung.getByRole("button", { name: "Lưu" }).click();
    await expect
      .poll(() => nhung.getByTestId("mark").textContent())
      .toBe("Dự trực tuyến tại Điểm cầu UBND phường Hội An");

    // Absent without a reason: the error names the field, nothing is saved.
    const ngu = row("Mai Xuân Ngữ");
    await ngu.getByLabel("Kết quả điểm danh").selectOption("ABSENT");
    await ngu.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => ngu.getByRole("alert").textContent()).toBe("Nhập “Lý do vắng mặt”.");
    expect(await ngu.getByLabel("Lý do vắng mặt").getAttribute("aria-invalid")).toBe("true");
    expect(await attendanceOf("Mai Xuân Ngữ")).toBeUndefined();
    await ngu.getByLabel("Lý do vắng mặt").fill("Đi công tác");
    await ngu.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => ngu.getByTestId("mark").textContent()).toBe("Vắng mặt (lý do: Đi công tác)");

    expect(await attendanceOf("Nguyễn Hữu Phước")).toMatchObject({ status: "IN_PERSON", method: "ROLL_CALL" });
    expect(await attendanceOf("Trịnh Thị Hồng Nhung")).toMatchObject({ status: "ONLINE" });
    expect(await attendanceOf("Mai Xuân Ngữ")).toMatchObject({ status: "ABSENT", absenceReason: "Đi công tác" });
    await expect.poll(() => page.getByTestId("kpi-present").textContent()).toBe("2");
    expect(await page.getByTestId("kpi-absent").textContent()).toBe("1");
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await page.screenshot({ path: path.join(shots, "attendance-roll-call.png"), fullPage: true });

    // A correction: Nhung was in fact a substitute; then cleared again.
    await nhung.getByLabel("Kết quả điểm danh").selectOption("SUBSTITUTE");
    await nhung.getByLabel("Họ tên người dự thay").fill("Phan Minh Tuấn");
    await nhung.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => nhung.getByTestId("mark").textContent()).toBe("Người dự thay có mặt: Phan Minh Tuấn");
    await nhung.getByLabel("Kết quả điểm danh").selectOption("CLEAR");
    await nhung.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => nhung.getByTestId("mark").textContent()).toBe("Chưa điểm danh");
    expect(await attendanceOf("Trịnh Thị Hồng Nhung")).toBeUndefined();

    // Someone checks in through the API's core from elsewhere (the scanner at the door): the live figures
    // change on this open page without a reload.
    const before = await page.getByTestId("kpi-present").textContent();
    const other = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await other.goto(`${app.server.url}${new URL(page.url()).pathname}`);
    const otherRow = other.locator("tr[data-attendee]").filter({ hasText: "Trịnh Thị Hồng Nhung" });
    await otherRow.getByLabel("Kết quả điểm danh").selectOption("IN_PERSON");
    await otherRow.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => otherRow.getByTestId("mark").textContent()).toBe("Có mặt trực tiếp");
    await expect
      .poll(() => page.getByTestId("kpi-present").textContent(), { timeout: 10_000 })
      .toBe(String(Number(before) + 1));
    expect(await page.getByTestId("live-by-bridge").textContent()).toContain("Hội trường chính");
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await other.context().close();
    await page.context().close();
  });

  it("works without JavaScript: plain form posts, with the error shown on the page", async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login`);
    await page.getByLabel("Thư điện tử").fill("vanphong.quangnam@hoinghi.local");
    await page.getByLabel("Mật khẩu").fill("hoinghi-demo");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${app.server.url}/conferences`);
    const id = await conferenceId("Quảng Nam", "Hội nghị tổng kết");
    await page.goto(`${app.server.url}/conferences/${id}/attendance?name=Trương Công Hậu`);
    const row = page.locator("tr[data-attendee]").filter({ hasText: "Trương Công Hậu" });
    expect(await page.locator("tr[data-attendee]").count()).toBe(1);
    expect(await row.getByTestId("mark").textContent()).toBe("Vắng mặt (lý do: Ốm)");
    // Every field is there without JavaScript.
    expect(await row.getByLabel("Họ tên người dự thay").isVisible()).toBe(true);
    await row.getByLabel("Kết quả điểm danh").selectOption("SUBSTITUTE");
    await row.getByLabel("Họ tên người dự thay").fill("");
    await row.getByRole("button", { name: "Lưu" }).click();
    await page.waitForLoadState();
    expect(
      await page.locator("tr[data-attendee]").filter({ hasText: "Trương Công Hậu" }).getByRole("alert").textContent(),
    ).toBe("Nhập “Họ tên người dự thay”.");
    expect(await attendanceOf("Trương Công Hậu")).toMatchObject({ status: "ABSENT" });
    const again = page.locator("tr[data-attendee]").filter({ hasText: "Trương Công Hậu" });
    await again.getByLabel("Kết quả điểm danh").selectOption("SUBSTITUTE");
    await again.getByLabel("Họ tên người dự thay").fill("Lê Quang Vinh");
    await again.getByRole("button", { name: "Lưu" }).click();
    await page.waitForLoadState();
    expect(await attendanceOf("Trương Công Hậu")).toMatchObject({
      status: "SUBSTITUTE",
      substituteName: "Lê Quang Vinh",
    });
    await context.close();
  });
});
