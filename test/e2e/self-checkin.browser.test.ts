// Self check-in at a bridge point on a 390 px phone (/d/:posterKey, no account): by the short code from the
// invitation, recorded online at that bridge; a second time says since when; the name list stays hidden
// until 3 letters; a revoked invitation and an unknown code are refused in Vietnamese; a bad key is a 404.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

/** The test file's own database (SQLite or PostgreSQL), opened for each look: the app server writes to it. */
async function withDb<T>(fn: (d: TestDb) => Promise<T>): Promise<T> {
  const d = openTestDb();
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

/** The poster key of a bridge point (given one if the row has none) and the bridge's id. */
async function bridge(name: string): Promise<{ id: string; posterKey: string }> {
  return withDb(async (d) => {
    const row = (await d.get(`SELECT "id", "posterKey" FROM "BridgePoint" WHERE "name" = ?`, name)) as {
      id: string;
      posterKey: string | null;
    };
    if (!row.posterKey) {
      row.posterKey = crypto.randomBytes(16).toString("base64url");
      await d.run(`UPDATE "BridgePoint" SET "posterKey" = ? WHERE "id" = ?`, row.posterKey, row.id);
    }
    return row as { id: string; posterKey: string };
  });
}

async function attendee(name: string): Promise<{ id: string; invitationKey: string }> {
  return withDb(
    async (d) =>
      (await d.get(`SELECT "id", "invitationKey" FROM "Attendee" WHERE "name" = ?`, name)) as {
        id: string;
        invitationKey: string;
      },
  );
}

async function attendanceOf(id: string) {
  return withDb(
    async (d) =>
      (await d.get(
        `SELECT "status", "bridgePointId", "method", "checkedInAt" FROM "Attendance" WHERE "attendeeId" = ?`,
        id,
      )) as { status: string; bridgePointId: string; method: string } | undefined,
  );
}

const phone = async () =>
  (await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();

describe("self check-in at a bridge point", () => {
  it("records an attendee online at the bridge by the short code; the second time says since when", async () => {
    const haiChau = await bridge("Điểm cầu UBND phường Hải Châu");
    const nhung = await attendee("Trịnh Thị Hồng Nhung");
    const code = formatCheckinCode(checkinCode(nhung.invitationKey));
    const page = await phone();
    await page.goto(`${app.server.url}/d/${haiChau.posterKey}`);
    expect(await page.locator("h1").textContent()).toContain("Hội nghị tổng kết công tác cải cách hành chính năm 2026");
    expect(await page.locator(".selfcheck").textContent()).toContain("Điểm cầu UBND phường Hải Châu");
    // No horizontal scrolling on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, "self-checkin.png"), fullPage: true });

    // Name search: nothing listed before 3 letters.
    const search = page.getByLabel("Họ và tên của Đồng chí");
    await search.pressSequentially("tr", { delay: 30 });
    await page.waitForTimeout(500);
    expect(await page.locator("#name-matches button").count()).toBe(0);
    await search.pressSequentially("inh", { delay: 30 });
    await expect
      .poll(() => page.locator("#name-matches button").allTextContents())
      .toEqual([expect.stringContaining("Tôi là Trịnh Thị Hồng Nhung, Chủ tịch UBND phường Hải Châu")]);
    await search.fill("");

    // An unknown code is refused in Vietnamese.
    await page.getByLabel("Mã điểm danh").fill("zzz-zz0");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect
      .poll(() => page.locator("#code-error").textContent())
      .toContain("Không tìm thấy đại biểu có mã điểm danh này");

    // The code as typed on a phone: lower case, a space instead of the dash.
    await page.getByLabel("Mã điểm danh").fill(code.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const confirm = page.getByRole("button", { name: /^Tôi là Trịnh Thị Hồng Nhung, Chủ tịch UBND phường Hải Châu/ });
    await confirm.waitFor();
    await page.screenshot({ path: path.join(shots, "self-checkin-confirm.png"), fullPage: true });
    await confirm.click();
    await expect.poll(() => page.locator(".done").textContent()).toContain("Đã điểm danh.");
    expect(await page.locator(".done").textContent()).toContain("có mặt trực tuyến tại Điểm cầu UBND phường Hải Châu");
    expect(await attendanceOf(nhung.id)).toMatchObject({ status: "ONLINE", bridgePointId: haiChau.id, method: "SELF" });
    await page.screenshot({ path: path.join(shots, "self-checkin-done.png"), fullPage: true });

    // Again, by name this time: already present, since when.
    await page.getByRole("link", { name: "Điểm danh cho đại biểu khác" }).click();
    await page.getByLabel("Họ và tên của Đồng chí").pressSequentially("hong nhung", { delay: 20 });
    await page.getByRole("button", { name: /^Tôi là Trịnh Thị Hồng Nhung/ }).click();
    await expect
      .poll(() => page.locator(".already").textContent())
      .toMatch(/đã điểm danh từ \d\d giờ \d\d, ngày \d\d tháng \d\d năm \d{4}/);
    await page.context().close();
  });

  it("refuses a revoked invitation with the reason, and answers 404 for a key that is not a poster's", async () => {
    const hoiAn = await bridge("Điểm cầu UBND phường Hội An");
    const ngu = await attendee("Mai Xuân Ngữ");
    await withDb(async (d) => await d.run(`UPDATE "Attendee" SET "revokedAt" = ? WHERE "id" = ?`, new Date(), ngu.id));
    const page = await phone();
    await page.goto(`${app.server.url}/d/${hoiAn.posterKey}`);
    await page.getByLabel("Mã điểm danh").fill(formatCheckinCode(checkinCode(ngu.invitationKey)));
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect.poll(() => page.locator(".refused").textContent()).toContain("Giấy mời đã bị thu hồi");
    expect(await attendanceOf(ngu.id)).toBeUndefined();
    // Revoked attendees are not offered by name either.
    await page.getByLabel("Họ và tên của Đồng chí").pressSequentially("xuan ngu", { delay: 20 });
    await page.waitForTimeout(600);
    expect(await page.locator("#name-matches button").count()).toBe(0);

    for (const key of ["AAAAAAAAAAAAAAAAAAAAAA", "bad key", "x"]) {
      const res = await page.goto(`${app.server.url}/d/${encodeURIComponent(key)}`);
      expect(res?.status(), key).toBe(404);
    }
    expect(await page.locator("main").textContent()).toContain("Đường dẫn điểm danh không đúng");
    await page.context().close();
  });
});
