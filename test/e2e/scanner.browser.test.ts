import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { writeQrVideo } from "#tests/helpers/fake-camera.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();
const PHONE = { width: 390, height: 844 };

// The test file's own database (SQLite or PostgreSQL), opened for each look: the app server writes to it.
async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  const d = openTestDb();
  try {
    return (await d.get(sql, ...params)) as T;
  } finally {
    await d.close();
  }
}

async function run(sql: string, ...params: unknown[]) {
  const d = openTestDb();
  try {
    await d.run(sql, ...params);
  } finally {
    await d.close();
  }
}

const hallList = async () =>
  await one<{ id: string; conferenceId: string }>(
    `SELECT "id", "conferenceId" FROM "CheckinList" WHERE "name" = 'Cổng chính Hội trường tỉnh'`,
  );
const attendee = async (name: string) =>
  await one<{ id: string; token: string; conferenceId: string }>(
    `SELECT "id", "token", "conferenceId" FROM "Attendee" WHERE "name" = ?`,
    name,
  );

/** Fails the test on any console error or uncaught exception in the page. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

const cameraBrowsers: Browser[] = [];
afterAll(async () => {
  for (const b of cameraBrowsers) await b.close();
});

/** A Chromium whose camera films a QR code of `token`. */
async function cameraBrowser(token: string): Promise<Browser> {
  const video = writeQrVideo(token);
  const browser = await launchBrowser([
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  cameraBrowsers.push(browser);
  return browser;
}

const panel = (page: Page) => page.locator(".scan-result");
const resultOf = (page: Page) => panel(page).getAttribute("data-result");

describe("check-in scanner", () => {
  it("starts from a hall where nobody has checked in", async () => {
    // Demo attendance history may be seeded for seed 001: these tests count from zero.
    const { conferenceId } = await hallList();
    await run(`DELETE FROM "CheckinScan" WHERE "conferenceId" = ?`, conferenceId);
    await run(`DELETE FROM "Attendance" WHERE "conferenceId" = ?`, conferenceId);
    expect(
      (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "conferenceId" = ?`, conferenceId)).n,
    ).toBe(0);
  });

  it("reads an invitation QR from the camera: accepted with the name, then already checked in on the next read", async () => {
    const list = await hallList();
    const who = await attendee("Lê Văn Dũng");
    const browser = await cameraBrowser(who.token);
    const page = await signIn(browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const errors = watchConsole(page);
    await page.context().grantPermissions(["camera"], { origin: app.server.url });
    await page.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    expect(await resultOf(page)).toBe("idle");
    await page.getByRole("button", { name: "Bật camera" }).click();
    await expect.poll(() => resultOf(page), { timeout: 15_000 }).toBe("accepted");
    const text = await panel(page).textContent();
    expect(text).toContain("ĐÃ ĐIỂM DANH");
    expect(text).toContain("Lê Văn Dũng");
    expect(text).toContain("Phó Bí thư Thường trực Tỉnh ủy");
    expect(text).toContain("Tỉnh ủy Quảng Nam");
    expect(await panel(page).getAttribute("aria-live")).toBe("assertive");
    await expect.poll(() => page.getByTestId("counts").textContent()).toMatch(/^1 \/ \d+ đã có mặt$/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, "scanner-accepted.png") });

    // The camera keeps seeing the code: no second submission while it stays in view.
    await page.waitForTimeout(1_500);
    expect((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ?`, who.id)).n).toBe(
      1,
    );

    // A later read goes to the server again and is answered "already checked in"; the camera stays on.
    await page.reload();
    await expect.poll(() => resultOf(page), { timeout: 15_000 }).toBe("duplicate");
    const dup = (await panel(page).textContent()) ?? "";
    expect(dup).toContain("ĐÃ ĐIỂM DANH TRƯỚC ĐÓ");
    expect(dup).toContain("Lê Văn Dũng");
    expect(dup).toMatch(/Lần đầu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(dup).toContain("tại Cổng chính Hội trường tỉnh");
    expect(dup).toContain("bởi máy này");
    await page.screenshot({ path: path.join(shots, "scanner-duplicate.png") });
    expect(
      (
        await one<{ n: number }>(
          `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ? AND "result" = 'ACCEPTED'`,
          who.id,
        )
      ).n,
    ).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it("keeps scanning offline: verifies locally, queues the scan, and syncs it exactly once when back online", async () => {
    const list = await hallList();
    const who = await attendee("Nguyễn Thị Thu Lan");
    const browser = await cameraBrowser(who.token);
    const page = await signIn(browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const errors = watchConsole(page);
    await page.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    // Name the device, as staff would.
    await page.locator("summary", { hasText: "Máy quét:" }).click();
    await page.getByLabel("Tên máy quét").fill("Máy quét cổng chính");
    await page.getByRole("button", { name: "Lưu tên" }).click();
    await expect
      .poll(() => page.locator("summary", { hasText: "Máy quét:" }).textContent())
      .toContain("Máy quét cổng chính");

    await page.context().setOffline(true);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Ngoại tuyến" }).count()).toBe(1);
    await page.getByRole("button", { name: "Bật camera" }).click();
    await expect.poll(() => resultOf(page), { timeout: 15_000 }).toBe("accepted");
    expect(await panel(page).textContent()).toContain("HỢP LỆ — CHỜ ĐỒNG BỘ");
    const banner = page.locator(".scanner-banner.offline");
    expect(await banner.textContent()).toContain(
      "Ngoại tuyến — các lượt quét được lưu trên máy và sẽ đồng bộ khi có mạng",
    );
    await expect.poll(() => page.getByTestId("queued").textContent()).toBe("1");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, "scanner-offline.png") });
    expect((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ?`, who.id)).n).toBe(
      0,
    );

    // The same person again, still offline: this device already admitted them.
    await page.getByRole("button", { name: "Tắt camera" }).click();
    await page.getByLabel(/Mã trên giấy mời/).fill(who.token);
    await page.getByLabel(/Mã trên giấy mời/).press("Enter");
    await expect.poll(() => resultOf(page)).toBe("duplicate");
    expect(await panel(page).textContent()).toContain("bởi máy này (Máy quét cổng chính)");
    await expect.poll(() => page.getByTestId("queued").textContent()).toBe("1");

    await page.context().setOffline(false);
    await expect
      .poll(() => page.locator(".scanner-banner").textContent(), { timeout: 15_000 })
      .toContain("Đã đồng bộ 1 lượt quét");
    const d = openTestDb();
    const scans = await d.all<{
      nonce: string;
      result: string;
      method: string;
      checkinListId: string;
      scannedAt: Date;
      receivedAt: Date;
    }>(
      `SELECT "nonce", "result", "method", "checkinListId", "scannedAt", "receivedAt" FROM "CheckinScan" WHERE "attendeeId" = ?`,
      who.id,
    );
    await d.close();
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ result: "ACCEPTED", method: "SCAN", checkinListId: list.id });
    expect(new Date(scans[0]!.scannedAt).getTime()).toBeLessThan(new Date(scans[0]!.receivedAt).getTime());
    const attendance = await one<{ status: string; checkinListId: string } | undefined>(
      `SELECT "status", "checkinListId" FROM "Attendance" WHERE "attendeeId" = ?`,
      who.id,
    );
    expect(attendance).toEqual({ status: "IN_PERSON", checkinListId: list.id });
    // A reload after the sync finds nothing left in the queue: still exactly one scan on the server.
    await page.reload();
    await page.waitForTimeout(1_000);
    expect((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ?`, who.id)).n).toBe(
      1,
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it("reopens without a network once it has been open: the page comes from the service worker and still queues scans", async () => {
    const list = await hallList();
    const who = await attendee("Huỳnh Thị Mỹ Hạnh");
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const url = `${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`;
    await page.goto(url);
    // The worker has the page and its assets.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const cache = await caches.open("hoinghi-scanner-v1");
            const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
            return keys.some((k) => k.includes("/checkin/")) && keys.some((k) => k.startsWith("/assets/"));
          }),
        { timeout: 15_000 },
      )
      .toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Cổng chính Hội trường tỉnh");
    await expect.poll(() => page.locator(".scanner-banner.offline").count()).toBe(1);
    await page.getByLabel(/Mã trên giấy mời/).fill(who.token);
    await page.getByLabel(/Mã trên giấy mời/).press("Enter");
    await expect.poll(() => resultOf(page)).toBe("accepted");
    expect(await panel(page).textContent()).toContain("HỢP LỆ — CHỜ ĐỒNG BỘ");
    await expect.poll(() => page.getByTestId("queued").textContent()).toBe("1");

    await page.context().setOffline(false);
    await expect
      .poll(() => page.locator(".scanner-banner").textContent(), { timeout: 20_000 })
      .toContain("Đã đồng bộ 1 lượt quét");
    expect(
      (
        await one<{ n: number }>(
          `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ? AND "result" = 'ACCEPTED'`,
          who.id,
        )
      ).n,
    ).toBe(1);
    await page.context().close();
  }, 60_000);

  it("finds an attendee by name (list hidden until 2 characters) and checks them in", async () => {
    const list = await hallList();
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const errors = watchConsole(page);
    await page.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    const search = page.getByLabel("Họ tên đại biểu (ít nhất 2 ký tự)");
    const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
    expect(await results.count()).toBe(0);
    await search.fill("t");
    await page.waitForTimeout(600);
    expect(await results.count()).toBe(0);
    // Without diacritics, as typed on a phone in a hurry.
    await search.fill("tran van tan");
    await expect.poll(() => results.count()).toBe(1);
    const item = results.getByRole("listitem").filter({ hasText: "Trần Văn Tân" });
    expect(await item.textContent()).toContain("Ủy ban MTTQ Việt Nam tỉnh Quảng Nam");
    expect(await item.textContent()).not.toContain("đã có mặt");
    await item.getByRole("button", { name: "Điểm danh Trần Văn Tân" }).click();
    await expect.poll(() => resultOf(page)).toBe("accepted");
    expect(await panel(page).textContent()).toContain("Trần Văn Tân");
    await expect.poll(() => item.textContent()).toContain("đã có mặt");
    const tan = await attendee("Trần Văn Tân");
    expect(
      (await one<{ method: string }>(`SELECT "method" FROM "Attendance" WHERE "attendeeId" = ?`, tan.id)).method,
    ).toBe("MANUAL");
    // A second press: already checked in, by name.
    await item.getByRole("button", { name: "Điểm danh Trần Văn Tân" }).click();
    await expect.poll(() => resultOf(page)).toBe("duplicate");
    expect(await panel(page).textContent()).toContain("cách điểm danh: Tìm theo tên");
    expect(errors).toEqual([]);
  });

  it("registers a walk-in: validated in Vietnamese, created with a token, checked in and counted", async () => {
    const list = await hallList();
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const errors = watchConsole(page);
    await page.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    const counts = page.getByTestId("counts");
    const before = (await counts.textContent())!.match(/^(\d+) \/ (\d+)/)!.map(Number);

    await page.locator("summary", { hasText: "Đăng ký tại chỗ" }).click();
    await page.getByRole("button", { name: "Đăng ký và điểm danh" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toBe("Nhập họ và tên");
    await page.getByLabel("Họ và tên").fill("Phan Thị Khách Mời");
    await page.getByLabel("Chức vụ").fill("Phóng viên");
    await page.getByLabel("Cơ quan, đơn vị").fill("Báo Quảng Nam");
    await page.getByLabel("Thư điện tử (không bắt buộc)").fill("khong-hop-le");
    await page.getByRole("button", { name: "Đăng ký và điểm danh" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toBe("Thư điện tử không hợp lệ");
    await page.getByLabel("Thư điện tử (không bắt buộc)").fill("");
    await page.getByLabel("Nhóm đại biểu").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Đăng ký và điểm danh" }).click();
    await expect.poll(() => resultOf(page)).toBe("accepted");
    expect(await panel(page).textContent()).toContain("Phan Thị Khách Mời");
    await expect.poll(() => counts.textContent()).toBe(`${before[1]! + 1} / ${before[2]! + 1} đã có mặt`);
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("");

    const row = await one<{
      id: string;
      walkIn: boolean | number;
      email: string;
      token: string;
      bridgePointId: string | null;
      rsvp: string;
    }>(
      `SELECT "id", "walkIn", "email", "token", "bridgePointId", "rsvp" FROM "Attendee" WHERE "name" = 'Phan Thị Khách Mời'`,
    );
    expect(row).toMatchObject({ bridgePointId: null, rsvp: "ACCEPTED" });
    expect(Boolean(row.walkIn)).toBe(true);
    expect(row.email).toMatch(/^walkin-[0-9a-f]+@khach\.local$/);
    expect(row.token).toHaveLength(121);
    expect(
      await one<{ method: string; checkinListId: string }>(
        `SELECT "method", "checkinListId" FROM "Attendance" WHERE "attendeeId" = ?`,
        row.id,
      ),
    ).toEqual({
      method: "WALK_IN",
      checkinListId: list.id,
    });
    expect(
      (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE "attendeeId" = ?`, row.id)).n,
    ).toBe(0);

    // The server checks again: a bad submission is a 400 with a Vietnamese field error and saves nothing.
    const attendeesBefore = (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Attendee"`)).n;
    const bad = await page.request.post(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`, {
      form: { name: "  ", deviceId: "scanner-test" },
    });
    expect(bad.status()).toBe(400);
    expect((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Attendee"`)).n).toBe(attendeesBefore);
    expect(errors).toEqual([]);
  });

  it("refuses a revoked invitation (replaced by a substitute), online and offline, and forged or foreign codes offline", async () => {
    const list = await hallList();
    const revoked = await attendee("Trương Công Hậu");
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const errors = watchConsole(page);
    await page.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    // Revoked while the scanner is open: the server refuses it, and the page learns it for offline checks.
    await run(`UPDATE "Attendee" SET "revokedAt" = ?, "rsvp" = 'SUBSTITUTED' WHERE "id" = ?`, new Date(), revoked.id);
    const code = page.getByLabel(/Mã trên giấy mời/);
    const enter = async (text: string) => {
      await code.fill(text);
      await code.press("Enter");
    };
    await enter(revoked.token);
    await expect.poll(() => resultOf(page)).toBe("rejected");
    const text = (await panel(page).textContent()) ?? "";
    expect(text).toContain("KHÔNG HỢP LỆ");
    expect(text).toContain("Giấy mời đã bị thu hồi");
    expect(text).toContain("Trương Công Hậu");
    await page.screenshot({ path: path.join(shots, "scanner-rejected.png") });
    expect(
      (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" = ?`, revoked.id)).n,
    ).toBe(0);

    await page.context().setOffline(true);
    await expect.poll(() => page.locator(".scanner-banner.offline").count()).toBe(1);
    await enter(revoked.token);
    await expect.poll(() => panel(page).textContent()).toContain("Kiểm tra trên máy (ngoại tuyến)");
    expect(await resultOf(page)).toBe("rejected");
    expect(await panel(page).textContent()).toContain("Giấy mời đã bị thu hồi");

    const valid = (await attendee("Võ Minh Quang")).token;
    await enter(`${valid.slice(0, -4)}AAAA`);
    await expect.poll(() => panel(page).textContent()).toContain("chữ ký không hợp lệ");
    await enter((await attendee("Mai Xuân Ngữ")).token);
    await expect.poll(() => panel(page).textContent()).toContain("Giấy mời của hội nghị khác");
    await enter("https://example.com/khong-phai-giay-moi");
    await expect.poll(() => panel(page).textContent()).toContain("Mã QR không phải giấy mời của hệ thống");
    expect(await page.getByTestId("queued").textContent()).toBe("0");
    await page.context().setOffline(false);
    expect(errors).toEqual([]);
  });

  it("logging out warns about unsynced scans, then deletes the scanner's queue, credentials and cached pages from the device", async () => {
    const list = await hallList();
    const who = await attendee("Đoàn Thị Quỳnh");
    const page = await signIn(app.browser, app.server.url, "admin@hoinghi.local", { viewport: PHONE });
    const url = `${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`;
    await page.goto(url);
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await (await caches.open("hoinghi-scanner-v1")).keys()).some((r) => r.url.includes("/checkin/")),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    // The server cannot be reached for check-ins (a venue's Wi-Fi without internet): the scan is queued.
    await page.route("**/api/checkin", (route) => route.abort());
    await page.getByLabel(/Mã trên giấy mời/).fill(who.token);
    await page.getByLabel(/Mã trên giấy mời/).press("Enter");
    await expect.poll(() => page.getByTestId("queued").textContent()).toBe("1");

    // Logging out tries to send it, cannot, and asks: staying keeps the scan.
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBe(1);
    expect(asked[0]).toContain("Máy này còn 1 lượt quét chưa gửi được lên máy chủ");
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId("queued").textContent()).toBe("1");

    // Going on: signed out, and nothing of the scanner is left on the device.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/login/, { timeout: 15_000 });
    const left = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    expect(left).toEqual({ databases: [], caches: [], workers: 0 });
    expect((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ?`, who.id)).n).toBe(
      0,
    );
    await page.context().close();
  }, 60_000);

  it("shows the lists with counters to check-in staff; other conferences and other bridge points are 404", async () => {
    const staff = await signIn(app.browser, app.server.url, "diemdanh.danang@hoinghi.local");
    const errors = watchConsole(staff);
    const dn = await one<{ conferenceId: string }>(
      `SELECT "conferenceId" FROM "CheckinList" WHERE "name" = 'Cổng chính Trung tâm Hành chính'`,
    );
    await staff.goto(`${app.server.url}/conferences/${dn.conferenceId}/checkin`);
    const rows = staff.locator("main table tbody tr");
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.filter({ hasText: "Điểm cầu UBND phường Hải Châu" }).first().textContent()).toMatch(
      /0 \/ 1 đã có mặt/,
    );
    // Check-in staff scan but do not manage lists.
    expect(await staff.getByRole("button", { name: "Thêm danh sách" }).count()).toBe(0);
    expect(errors).toEqual([]);
    const list = await hallList();
    const other = await staff.goto(`${app.server.url}/conferences/${list.conferenceId}/checkin/${list.id}`);
    expect(other?.status()).toBe(404);

    // A bridge operator sees only their bridge point's list.
    const operator = await signIn(app.browser, app.server.url, "diemcau.hoian@hoinghi.local");
    await operator.goto(`${app.server.url}/conferences/${dn.conferenceId}/checkin`);
    const opRows = operator.locator("main table tbody tr");
    await expect.poll(() => opRows.count()).toBe(1);
    expect(await opRows.first().textContent()).toContain("Điểm cầu UBND phường Hội An");
    const hall = await one<{ id: string }>(
      `SELECT "id" FROM "CheckinList" WHERE "name" = 'Cổng chính Trung tâm Hành chính'`,
    );
    // The operator knows the conference, so the hall's list is refused (403), not hidden.
    expect((await operator.goto(`${app.server.url}/conferences/${dn.conferenceId}/checkin/${hall.id}`))?.status()).toBe(
      403,
    );

    // The organiser creates a list and the missing bridge lists.
    const office = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local", { viewport: PHONE });
    const officeErrors = watchConsole(office);
    await office.goto(`${app.server.url}/conferences/${dn.conferenceId}/checkin`);
    await office.getByLabel("Tên danh sách").fill("Cổng phụ");
    await office.getByRole("button", { name: "Thêm danh sách" }).click();
    await expect.poll(() => office.getByRole("alert").textContent()).toContain("Đã có danh sách “Cổng phụ”");
    // The refused form is an HTTP 400, which Chromium reports on the console: expected here, and only that.
    expect(officeErrors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    officeErrors.length = 0;
    await office.getByLabel("Tên danh sách").fill("Lối vào khu báo chí");
    await office.getByRole("button", { name: "Thêm danh sách" }).click();
    await expect
      .poll(() => office.getByRole("status").textContent())
      .toContain("Đã tạo danh sách “Lối vào khu báo chí”");
    await expect.poll(() => office.locator("main table tbody tr").count()).toBe(6);
    expect(
      await office.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await office.screenshot({ path: path.join(shots, "scanner-lists.png"), fullPage: true });
    expect(officeErrors).toEqual([]);
  });
});
