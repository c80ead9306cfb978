// "Nhật ký thay đổi" in the browser: an invitee declines on their invitation page, an organiser edits a
// bridge point, then opens the conference's log from the conference page and finds both (who, before →
// after, no passcode), a long value folded in a details element, and filters it with the keyboard. The demo's queued
// invitations, delivered by the server's outbox worker, show as the system's "Thư đã gửi đi".

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

describe("the conference's change log", () => {
  it("shows an invitee's answer and an organiser's edit, folds long values, filters from the keyboard", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023" } },
      select: { id: true },
    });
    const a = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: c.id, rsvp: "NO_ANSWER", revokedAt: null },
      orderBy: { createdAt: "asc" },
      select: { name: true, token: true },
    });
    const office = (await currentUserByEmail("vanphong.quangnam@hoinghi.local"))!;
    const bridge = await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId: c.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    });

    // The invitee answers on their own page, without an account.
    const invitee = await (await app.browser.newContext()).newPage();
    await invitee.goto(`${app.server.url}/i/${a.token}`);
    await invitee.getByText("Báo vắng mặt").click();
    const reason =
      `Đi công tác Hà Nội theo Quyết định số 125/QĐ-UBND; ${"đề nghị Ban tổ chức gửi tài liệu hội nghị qua thư điện tử để nghiên cứu. ".repeat(3)}`.trim();
    await invitee.getByLabel("Lý do vắng mặt").fill(reason);
    await invitee.getByRole("button", { name: "Gửi báo vắng" }).click();
    await invitee.getByText("Đã ghi nhận Đồng chí vắng mặt.").waitFor();

    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local", {
      viewport: { width: 1366, height: 900 },
    });
    // The organiser edits a bridge point: its room, and its passcode (which the log must not show).
    await page.goto(`${app.server.url}/conferences/${c.id}/bridges/${bridge.id}`);
    await page.getByLabel("Phòng họp", { exact: true }).fill("Phòng họp số 2, tầng 3");
    await page.getByLabel("Mật khẩu phòng họp", { exact: true }).fill("doi-mat-khau");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByText("Đã lưu thông tin điểm cầu.").waitFor();
    await page.goto(`${app.server.url}/conferences/${c.id}`);
    await page.getByRole("link", { name: "Nhật ký thay đổi" }).click();
    await page.waitForURL(`${app.server.url}/conferences/${c.id}/audit`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Nhật ký thay đổi");

    const rows = page.locator("table.audit-table tbody tr");
    // The server's outbox worker also delivered the demo's queued invitations: "Thư đã gửi đi", by the system.
    await expect.poll(() => rows.filter({ hasText: "Thư đã gửi đi" }).count()).toBeGreaterThan(0);
    const answer = rows.filter({ hasText: "qua giấy mời" });
    await expect.poll(() => answer.count()).toBe(1);
    const answerText = (await answer.textContent()) ?? "";
    expect(answerText).toContain(`Đại biểu ${a.name} (qua giấy mời)`);
    expect(answerText).toContain("Trả lời giấy mời");
    expect(answerText).toMatch(/Trả lời:\s*Trước: Chưa trả lời\s*→\s*,\s*Sau: Vắng/);
    expect(answerText).toMatch(/ngày \d{2} tháng \d{1,2} năm \d{4} lúc \d{2}:\d{2}/);
    // The long reason is cut, the whole of it one click (or Enter) away.
    const details = answer.locator("details");
    await expect.poll(() => details.count()).toBe(1);
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => details.locator(".audit-full").textContent()).toBe(reason);

    const edit = (await rows.filter({ hasText: "Sửa điểm cầu" }).textContent()) ?? "";
    expect(edit).toContain(`${office.name} <${office.email}>`);
    expect(edit).toContain(`Sửa điểm cầu “${bridge.name}”`);
    expect(edit).toContain("Phòng họp số 2, tầng 3");
    expect(edit).not.toContain("doi-mat-khau");
    expect(await page.getByRole("link", { name: "Xuất Excel" }).getAttribute("href")).toBe(
      `/conferences/${c.id}/audit.xlsx`,
    );
    await page.screenshot({ path: path.join(shots, "audit-conference.png"), fullPage: true });

    // Filter with the keyboard only: type in the search field, Enter submits.
    await page.getByLabel("Tìm trong nội dung").fill("Phòng họp số 2");
    await page.getByLabel("Tìm trong nội dung").press("Enter");
    await page.waitForURL(/q=Ph/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByRole("link", { name: "Xuất Excel" }).getAttribute("href")).toMatch(/audit\.xlsx\?q=Ph/);
    await page.getByLabel("Thao tác").selectOption({ label: "Trả lời giấy mời" });
    await page.getByLabel("Tìm trong nội dung").fill("");
    await page.getByRole("button", { name: "Lọc" }).press("Enter");
    await page.waitForURL(/action=attendee.rsvp/);
    // The previous filter also showed one row: wait for the new page's row, not just the count.
    await expect.poll(async () => (await rows.nth(0).textContent()) ?? "").toContain(a.name);
    expect(await rows.count()).toBe(1);
  }, 120_000);
});
