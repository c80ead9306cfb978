import { describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { documentsDeadlineWarning } from "#app/meeting-documents/deadline.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

// Meeting documents (issue 14), in Chromium: the organiser adds a document for one attendee found by a
// search and publishes it; that attendee opens it from the invitation page on a phone (390 px), the
// organiser's counter moves, and an attendee outside the audience gets a 404 on the same address.

const app = useAppAndBrowser();
const SHOTS = process.env.MEETDOCS_SHOTS;

describe("meeting documents", () => {
  it("reach the chosen attendee only, and the organiser sees who opened them", async () => {
    const conference = await prisma.conference.findFirstOrThrow({
      where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023" } },
      select: { id: true },
    });
    const attendee = (name: string) =>
      prisma.attendee.findFirstOrThrow({
        where: { conferenceId: conference.id, revokedAt: null, name },
        select: { name: true, token: true },
      });
    const chosen = await attendee("Võ Minh Quang");
    const outsider = await attendee("Đặng Quốc Bảo");

    const page = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await page.getByRole("link", { name: /tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await page.getByRole("link", { name: "Tài liệu họp" }).click();
    await page.waitForURL(/\/documents$/);
    const rows = page.locator("table.documents-table tbody tr");
    await expect.poll(() => rows.count()).toBe(5);
    expect(
      await rows
        .filter({ hasText: "Báo cáo kết quả công tác CCHC năm 2023" })
        .getByTestId("document-views")
        .textContent(),
    ).toMatch(/^đã xem 9\/\d+$/);
    expect(
      await rows.filter({ hasText: "Kết quả thanh tra công vụ năm 2023" }).getByTestId("document-views").textContent(),
    ).toBe("—");

    await page.getByLabel("Tên tài liệu").fill("Phương án bố trí chỗ ngồi");
    await page.getByLabel(/Tệp tài liệu/).setInputFiles({
      name: "cho-ngoi.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await page.getByLabel("Người nhận").selectOption("ATTENDEES");
    await page.getByLabel(/Tìm đại biểu/).fill("Võ Minh");
    await page
      .getByRole("list", { name: "Kết quả tìm đại biểu" })
      .getByRole("button", { name: "Chọn" })
      .first()
      .click();
    await expect.poll(() => page.getByRole("checkbox", { name: /Võ Minh Quang/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Thêm tài liệu" }).click();
    const fresh = rows.filter({ hasText: "Phương án bố trí chỗ ngồi" });
    await expect.poll(() => fresh.count()).toBe(1);
    expect(await fresh.getByTestId("document-views").textContent()).toBe("đã xem 0/1");

    await page.getByRole("button", { name: "Công bố tài liệu đã chọn" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã công bố 1 tài liệu; 1 thư thông báo");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/organiser.png`, fullPage: true });

    // The attendee, on a phone.
    const phone = await (await app.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`${app.server.url}/i/${chosen.token}`);
    const section = phone.getByRole("region", { name: "Tài liệu họp" });
    const link = section.getByRole("link", { name: /Phương án bố trí chỗ ngồi/ });
    await expect.poll(() => link.count()).toBe(1);
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await section.textContent()).toContain("Nhận bản giấy tại Văn phòng UBND tỉnh");
    expect(await section.getByRole("link", { name: /Kết quả thanh tra/ }).count()).toBe(0);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/attendee-390.png`, fullPage: true });
    const href = (await link.getAttribute("href"))!;
    const opened = await phone.request.get(`${app.server.url}${href}`);
    expect(opened.status()).toBe(200);
    expect(opened.headers()["content-type"]).toBe("application/pdf");

    await page.reload();
    await expect.poll(() => fresh.getByTestId("document-views").textContent()).toBe("đã xem 1/1");
    await fresh.getByRole("link", { name: /Ai đã xem/ }).click();
    await page.waitForURL(/\/documents\/[^/]+$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Ai đã xem: Phương án bố trí chỗ ngồi");
    expect(await page.locator("main table tbody tr").count()).toBe(1);
    expect(await page.locator("main table tbody").textContent()).toContain("Võ Minh Quang");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/views.png` });

    // Someone outside the audience: not listed, and the address itself is a 404.
    const other = await (await app.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await other.goto(`${app.server.url}/i/${outsider.token}`);
    await expect.poll(() => other.getByRole("region", { name: "Tài liệu họp" }).count()).toBe(1);
    expect(await other.getByRole("region", { name: "Tài liệu họp" }).textContent()).not.toContain("Phương án bố trí");
    const refused = await other.goto(`${app.server.url}/i/${outsider.token}${href.slice(href.indexOf("/documents/"))}`);
    expect(refused!.status()).toBe(404);
    expect(await other.locator("body").textContent()).toContain("Đường dẫn giấy mời không đúng hoặc đã hết hiệu lực.");

    // A bridge point of the score table's audience lists it on its operator page, and opens it.
    const bridge = await prisma.bridgePoint.findFirstOrThrow({
      where: { documentTargets: { some: { document: { title: "Bảng tổng hợp điểm chỉ số CCHC năm 2023" } } } },
      orderBy: { position: "asc" },
      select: { accessKey: true },
    });
    await other.goto(`${app.server.url}/b/${bridge.accessKey}`);
    const table = other
      .getByRole("region", { name: "Tài liệu họp" })
      .getByRole("link", { name: /Bảng tổng hợp điểm chỉ số CCHC/ });
    await expect.poll(() => table.count()).toBe(1);
    if (SHOTS) await other.screenshot({ path: `${SHOTS}/bridge-390.png`, fullPage: true });
    const xlsx = await other.request.get(`${app.server.url}${await table.getAttribute("href")}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-disposition"]).toBe(
      'attachment; filename="bang-tong-hop-diem-chi-so-cchc-2023.xlsx"',
    );
    // Several pages and two more browser contexts: longer than one page's default on a busy machine.
  }, 90_000);

  it("warns on the page when the documents are late for the three working days of Decision 45/2018", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026" } },
      select: { id: true },
    });
    // The meeting moved to tomorrow: documents due three working days before are late today.
    const startsAt = new Date(Date.now() + 86_400_000);
    await prisma.conference.update({ where: { id: c.id }, data: { startsAt } });
    const expected = documentsDeadlineWarning(startsAt, new Date());
    expect(expected).toMatch(/^Tài liệu phải gửi chậm nhất ngày \d\d\/\d\d\/\d{4} \(03 ngày làm việc/);
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page.goto(`${app.server.url}/conferences/${c.id}/documents`);
    await expect.poll(() => page.getByTestId("documents-deadline").textContent()).toBe(expected);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/deadline.png` });
  });
});
