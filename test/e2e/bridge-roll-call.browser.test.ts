// A bridge point reports its attendance from its operator link (/b/:key/roll-call, no account), on a
// 390 px phone: only its own attendees, absent needs a reason (nothing saved without), present is
// recorded online at that bridge through the check-in log, a substitute is recorded at the bridge;
// another bridge's attendee and a bad key are 404.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

interface Bridge {
  id: string;
  name: string;
  accessKey: string;
  conferenceId: string;
}

async function seedBridges(): Promise<{
  bridge: Bridge;
  own: Array<{ id: string; name: string }>;
  other: { id: string; name: string };
}> {
  return await withDb(async (d) => {
    const bridge = (await d.get(`SELECT b."id", b."name", b."accessKey", b."conferenceId" FROM "BridgePoint" b
         WHERE b."accessKey" IS NOT NULL AND (SELECT COUNT(*) FROM "Attendee" a WHERE a."bridgePointId" = b."id" AND a."revokedAt" IS NULL) >= 2
         ORDER BY b."position" LIMIT 1`)) as Bridge;
    const own = (await d.all(
      `SELECT "id", "name" FROM "Attendee" WHERE "bridgePointId" = ? AND "revokedAt" IS NULL ORDER BY "createdAt", "id"`,
      bridge.id,
    )) as Array<{ id: string; name: string }>;
    // Start from an unrecorded bridge (the demo seed records a held meeting).
    await d.run(
      `DELETE FROM "Attendance" WHERE "attendeeId" IN (SELECT "id" FROM "Attendee" WHERE "bridgePointId" = ?) OR "bridgePointId" = ?`,
      bridge.id,
      bridge.id,
    );
    const other = (await d.get(
      `SELECT "id", "name" FROM "Attendee" WHERE "conferenceId" = ? AND "revokedAt" IS NULL AND ("bridgePointId" IS NULL OR "bridgePointId" != ?) LIMIT 1`,
      bridge.conferenceId,
      bridge.id,
    )) as { id: string; name: string };
    return { bridge, own, other };
  });
}

describe("bridge point roll call", () => {
  it("marks its own attendees on a phone: absent needs a reason, present is online at the bridge, substitute at the bridge", async () => {
    const { bridge, own, other } = await seedBridges();
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 400/.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${app.server.url}/b/${bridge.accessKey}`);
    await page.getByRole("link", { name: "Điểm danh đại biểu tại điểm cầu" }).click();
    await page.waitForURL(/\/roll-call$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Điểm danh tại ${bridge.name}`);
    for (const a of own)
      await expect.poll(() => page.getByRole("form", { name: `Điểm danh ${a.name}` }).count()).toBe(1);
    expect(await page.getByRole("form", { name: `Điểm danh ${other.name}` }).count()).toBe(0);
    expect(await page.locator(".kpi-passed .kpi-value").textContent()).toBe(`0 / ${own.length}`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

    // Absent without a reason: refused, named field, nothing saved.
    const card = (name: string) =>
      page.locator("li.roll-card", { has: page.getByRole("form", { name: `Điểm danh ${name}` }) });
    const first = page.getByRole("form", { name: `Điểm danh ${own[0]!.name}` });
    await first.getByRole("radio", { name: "Vắng mặt" }).check();
    await first.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => first.getByRole("alert").textContent()).toContain("Lý do vắng mặt");
    expect(
      await withDb(
        async (d) => await d.get(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" = ?`, own[0]!.id),
      ),
    ).toEqual({ n: 0 });

    // By keyboard: reason typed, saved.
    await first.getByLabel("Lý do vắng mặt").fill("Đi công tác tỉnh");
    await first.getByLabel("Lý do vắng mặt").press("Enter");
    await expect.poll(() => card(own[0]!.name).locator(".badge").textContent()).toBe("Vắng mặt");
    expect(
      await withDb(
        async (d) =>
          await d.get(`SELECT "status", "absenceReason" FROM "Attendance" WHERE "attendeeId" = ?`, own[0]!.id),
      ),
    ).toEqual({
      status: "ABSENT",
      absenceReason: "Đi công tác tỉnh",
    });

    // Present: online at this bridge, through the check-in log.
    const second = page.getByRole("form", { name: `Điểm danh ${own[1]!.name}` });
    await second.getByRole("radio", { name: "Có mặt" }).check();
    await second.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => card(own[1]!.name).locator(".badge").textContent()).toBe("Dự trực tuyến tại điểm cầu");
    await expect.poll(() => page.locator(".kpi-passed .kpi-value").textContent()).toBe(`1 / ${own.length}`);
    expect(
      await withDb(
        async (d) =>
          await d.get(
            `SELECT "status", "bridgePointId", "method" FROM "Attendance" WHERE "attendeeId" = ?`,
            own[1]!.id,
          ),
      ),
    ).toEqual({
      status: "ONLINE",
      bridgePointId: bridge.id,
      method: "ROLL_CALL",
    });
    expect(
      await withDb(
        async (d) =>
          await d.get(
            `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "attendeeId" = ? AND "result" = 'ACCEPTED' AND "method" = 'ROLL_CALL'`,
            own[1]!.id,
          ),
      ),
    ).toEqual({ n: 1 });

    // The absent one sends a substitute after all.
    await first.getByRole("radio", { name: "Người dự thay" }).check();
    await first.getByLabel("Họ tên người dự thay").fill("Nguyễn Thị Hồng Nhung");
    await first.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => card(own[0]!.name).locator(".badge").textContent()).toBe("Người dự thay có mặt");
    expect(
      await withDb(
        async (d) =>
          await d.get(
            `SELECT "status", "substituteName", "bridgePointId" FROM "Attendance" WHERE "attendeeId" = ?`,
            own[0]!.id,
          ),
      ),
    ).toEqual({
      status: "SUBSTITUTE",
      substituteName: "Nguyễn Thị Hồng Nhung",
      bridgePointId: bridge.id,
    });
    await page.screenshot({ path: path.join(shots, "bridge-roll-call-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses another bridge's attendee and unknown keys", async () => {
    const { bridge, other } = await seedBridges();
    const before = await withDb(
      async (d) => await d.get(`SELECT * FROM "Attendance" WHERE "attendeeId" = ?`, other.id),
    );
    const form = new URLSearchParams({ attendeeId: other.id, status: "PRESENT" });
    const res = await fetch(`${app.server.url}/b/${bridge.accessKey}/roll-call`, { method: "POST", body: form });
    expect(res.status).toBe(404);
    expect(
      await withDb(async (d) => await d.get(`SELECT * FROM "Attendance" WHERE "attendeeId" = ?`, other.id)),
    ).toEqual(before);
    const bad = await fetch(`${app.server.url}/b/${"x".repeat(22)}/roll-call`);
    expect(bad.status).toBe(404);
    expect(await bad.text()).not.toMatch(/at \S+ \(/);
  });
});
