import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

describe("the attendee list of a large conference", () => {
  it("pages through the list, searches without diacritics and filters by answer, by keyboard", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { title: { contains: "năm 2026" }, issuePlace: { contains: "Đà Nẵng" } },
      select: { id: true, _count: { select: { attendees: true } } },
    });
    const start = Date.now();
    await prisma.attendee.createMany({
      data: Array.from({ length: 247 }, (_, i) => ({
        conferenceId: c.id,
        name: `${["Nguyễn", "Trần", "Lê"][i % 3]} Thị Hương ${i}`,
        email: `huong${i}@danang.hoinghi.local`,
        organizationName: i % 2 ? "Sở Tư pháp" : "UBND quận Sơn Trà",
        rsvp: i % 4 === 0 ? "DECLINED" : "NO_ANSWER",
        token: `list-token-${i}`,
        invitationKey: `list-key-${i}`,
        createdAt: new Date(start + i),
      })),
    });
    const total = c._count.attendees + 247;
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page.goto(`${app.server.url}/conferences/${c.id}/attendees`);
    const list = page.locator("section").filter({ has: page.getByRole("heading", { name: "Danh sách đại biểu" }) });
    const rows = list.locator("tbody tr");
    expect(await rows.count()).toBe(100);
    expect(await list.textContent()).toContain(`Đại biểu 1–100 trong ${total}.`);
    const pager = page.getByRole("navigation", { name: "Trang danh sách đại biểu" });
    expect(await pager.textContent()).toContain("Trang 1/3");

    await pager.getByRole("link", { name: "Trang sau ›" }).click();
    await expect.poll(() => pager.textContent()).toContain("Trang 2/3");
    expect(await list.textContent()).toContain(`Đại biểu 101–200 trong ${total}.`);

    // Typed without diacritics, submitted with Enter: back to page 1 of what matches.
    await page.getByLabel("Tìm đại biểu").fill("nguyen huong 1");
    await page.getByLabel("Tìm đại biểu").press("Enter");
    await page.waitForURL(/q=nguyen/);
    await expect.poll(() => rows.first().textContent()).toContain("Nguyễn Thị Hương 12");
    const matching = Array.from({ length: 247 }, (_, i) => i).filter((i) => i % 3 === 0 && String(i).includes("1"));
    expect(await rows.count()).toBe(matching.length);
    expect(await list.textContent()).toContain(`Đại biểu 1–${matching.length} trong ${matching.length} khớp.`);

    // The answer filter keeps the search; the pager is gone when everything fits.
    await page.getByLabel("Trả lời").selectOption({ label: "Vắng" });
    await page.getByRole("button", { name: "Lọc danh sách" }).press("Enter");
    await page.waitForURL(/rsvp=DECLINED/);
    const declined = matching.filter((i) => i % 4 === 0);
    await expect.poll(() => rows.count()).toBe(declined.length);
    expect(await rows.allTextContents()).toEqual(declined.map((i) => expect.stringContaining(`Nguyễn Thị Hương ${i}`)));
    expect(await pager.count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "attendee-list-filtered.png"), fullPage: true });

    await list.getByRole("link", { name: "Bỏ lọc" }).click();
    await expect.poll(() => rows.count()).toBe(100);
    expect(await page.getByLabel("Tìm đại biểu").inputValue()).toBe("");
    await page.screenshot({ path: path.join(shots, "attendee-list.png"), fullPage: true });
  });
});
