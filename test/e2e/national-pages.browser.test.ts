// A nation-wide conference's organiser pages in the browser (issue 15, goal 3): the bridge list, the
// readiness board and the check-in lists page by keyboard with the page total shown, a form's bridge-point
// choice is narrowed by a labelled search, and the posters are built as a job with a progress bar.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const app = useAppAndBrowser();
const BRIDGES = 450;

async function nationWide() {
  const c = await prisma.conference.findFirstOrThrow({
    where: { title: { contains: "năm 2026" }, issuePlace: { contains: "Đà Nẵng" } },
    select: { id: true },
  });
  const existing = await prisma.bridgePoint.count({ where: { conferenceId: c.id } });
  await prisma.bridgePoint.createMany({
    data: Array.from({ length: BRIDGES }, (_, i) => ({
      conferenceId: c.id,
      position: 1_000 + i,
      name: `Điểm cầu UBND xã số ${i + 1}`,
      readiness: (["UNTESTED", "PASSED", "FAILED"] as const)[i % 3]!,
    })),
  });
  const bridges = await prisma.bridgePoint.findMany({
    where: { conferenceId: c.id, isMain: false, checkinLists: { none: {} } },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  await prisma.checkinList.createMany({
    data: bridges.map((b, i) => ({ conferenceId: c.id, name: b.name, bridgePointId: b.id, position: 100 + i })),
  });
  return {
    id: c.id,
    total: existing + BRIDGES,
    lists: await prisma.checkinList.count({ where: { conferenceId: c.id } }),
  };
}

describe("a nation-wide conference's organiser pages", () => {
  it("page, search and build the posters with labelled, keyboard-usable controls", async () => {
    const c = await nationWide();
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    const text = async () => (await page.locator("main").textContent())!.replaceAll("\u00a0", " ");
    const pages = (n: number, per: number) => Math.ceil(n / per);

    // The bridge list: the page total shown, the next page reached from the keyboard.
    await page.goto(`${app.server.url}/conferences/${c.id}/bridges`);
    const pager = page.getByRole("navigation", { name: "Trang danh sách điểm cầu" }).first();
    expect(await pager.textContent()).toContain(`Trang 1/${pages(c.total, 100)}`);
    await pager.getByRole("link", { name: "Trang sau ›" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/page=2/);
    // The URL changes before the new page is drawn: wait for its text.
    await expect.poll(text).toContain(`Điểm cầu 101–200 trong ${c.total}`);

    // The assignment form's choice: the first 200, then those a search finds.
    const search = page.getByLabel(`Tìm điểm cầu để chọn (trong ${c.total.toLocaleString("vi-VN")} điểm cầu)`);
    expect(await page.getByLabel("Chuyển về").locator("option").count()).toBe(201);
    await search.fill("xa so 449");
    await search.press("Enter");
    await page.waitForURL(/bq=xa/);
    await expect.poll(text).toContain("Danh sách chọn có 1 trong 1 điểm cầu khớp “xa so 449”.");
    const options = await page.getByLabel("Chuyển về").locator("option").allTextContents();
    expect(options).toEqual(["Hội trường chính (dự trực tiếp)", "Điểm cầu UBND xã số 449"]);
    // The bridge list keeps its page.
    expect(await text()).toContain("Điểm cầu 101–200 trong");

    // The readiness board: problems first, a page at a time.
    await page.goto(`${app.server.url}/conferences/${c.id}/bridges/readiness`);
    expect(await text()).toMatch(/Điểm cầu 1–100 trong [\d.]+ \(lỗi trước, rồi chưa kiểm tra\)/);
    const board = page.getByRole("navigation", { name: "Trang bảng theo dõi kết nối" });
    await board.getByRole("link", { name: "Trang sau ›" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/page=2/);
    await expect.poll(() => board.textContent()).toContain("Trang 2/");

    // The check-in lists: paged and searchable.
    await page.goto(`${app.server.url}/conferences/${c.id}/checkin`);
    expect(await page.getByRole("navigation", { name: "Trang danh sách điểm danh" }).textContent()).toContain(
      `Trang 1/${pages(c.lists, 50)}`,
    );
    const listSearch = page.getByLabel("Tìm danh sách");
    await listSearch.fill("xã số 123");
    await listSearch.press("Enter");
    await page.waitForURL(/q=/);
    await expect.poll(text).toContain("Danh sách 1–1 trong 1 khớp.");
    expect(await page.locator("table.table tbody tr").count()).toBe(1);

    // The posters: a job with progress, then the download.
    await page.goto(`${app.server.url}/conferences/${c.id}/attendance`);
    await page.getByRole("button", { name: "Tạo áp phích tự điểm danh tại điểm cầu (PDF)" }).click();
    const download = page.getByRole("link", { name: /Tải áp phích tự điểm danh \([\d.]+ trang, PDF\)/ });
    await download.waitFor({ timeout: 60_000 });
    expect(await download.textContent()).toContain(`${c.total.toLocaleString("vi-VN")} trang`);
    const pdf = await page.request.get(`${app.server.url}/conferences/${c.id}/attendance/posters.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  }, 120_000);

  it("builds a large list's roll-call sheet as a job from the keyboard, then downloads it", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { title: { contains: "năm 2026" }, issuePlace: { contains: "Đà Nẵng" } },
      select: { id: true },
    });
    const before = await prisma.attendee.count({ where: { conferenceId: c.id } });
    await createAttendees(
      SYSTEM_ACTOR,
      c.id,
      Array.from({ length: 2_100 }, (_, i) => ({
        name: `Đại biểu lớn ${i + 1}`,
        position: "Chuyên viên",
        organizationName: "UBND phường Thử",
        email: `lon${i + 1}@danang.hoinghi.local`,
        phone: "",
      })),
      { kind: "file", fileName: "dai-bieu.xlsx" },
    );
    const total = (before + 2_100).toLocaleString("vi-VN");
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page.goto(`${app.server.url}/conferences/${c.id}/attendance`);
    // Above 2,000 attendees the direct links give way to builds.
    expect(await page.getByRole("link", { name: "In danh sách điểm danh" }).count()).toBe(0);
    await page.getByRole("button", { name: "Tạo danh sách điểm danh để in (PDF)" }).focus();
    await page.keyboard.press("Enter");
    const download = page.getByRole("link", { name: `Tải danh sách điểm danh (${total} đại biểu, PDF)` });
    await download.waitFor({ timeout: 60_000 });
    const pdf = await page.request.get(`${app.server.url}${await download.getAttribute("href")}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  }, 120_000);
});
