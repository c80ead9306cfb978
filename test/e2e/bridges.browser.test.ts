import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });

const app = useAppAndBrowser();

const QN_PLAN = "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023";

async function seed001() {
  const c = await prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: QN_PLAN } },
    select: { id: true },
  });
  const bridges = await prisma.bridgePoint.findMany({
    where: { conferenceId: c.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, accessKey: true, videoPasscode: true },
  });
  return { id: c.id, bridges };
}

describe("bridge points in the browser", () => {
  // A whole connectivity test in the browser (speed test included): slow on a loaded two-core machine.
  it("a bridge confirms its link on a phone through its token page and the readiness board follows", async () => {
    const c = await seed001();
    const duyXuyen = c.bridges.find((b) => b.name === "Điểm cầu UBND huyện Duy Xuyên")!;

    // The organiser's board: problems first.
    const board = await signIn(app.browser, app.server.url, "vanphong.quangnam@hoinghi.local");
    await board.goto(`${app.server.url}/conferences/${c.id}/bridges/readiness`);
    const kpi = (id: string) => board.getByTestId(id).locator(".kpi-value");
    expect(await kpi("count-failed").textContent()).toBe("1");
    expect(await kpi("count-untested").textContent()).toBe("2");
    expect(await kpi("count-passed").textContent()).toBe("3");
    // Exact names: no "�" from React's 2 KB buffer edge (app/lib/strip-nul.server.ts).
    const order = () =>
      board.locator("table.board tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-bridge") ?? ""));
    expect(await order()).toEqual([
      "Điểm cầu UBND huyện Thăng Bình",
      "Điểm cầu UBND huyện Duy Xuyên",
      "Điểm cầu UBND huyện Đại Lộc",
      "Điểm cầu UBND tỉnh Quảng Nam",
      "Điểm cầu UBND thành phố Hội An",
      "Điểm cầu UBND huyện Núi Thành",
    ]);
    const failedRow = board.locator("table.board tbody tr").first();
    expect(await failedRow.textContent()).toContain("đường truyền dự phòng");
    expect(await failedRow.textContent()).toContain("lvthang.thangbinh@quangnam.gov.vn");

    // The operator's link, on a phone, without an account.
    const phone = await (
      await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    const response = await phone.goto(`${app.server.url}/b/${duyXuyen.accessKey}`);
    expect(response?.status()).toBe(200);
    expect(await phone.locator("h1").textContent()).toContain(
      "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
    );
    const main = () => phone.locator("main").textContent();
    expect(await main()).toContain("08 giờ 00, ngày 18 tháng 01 năm 2024");
    expect(await main()).toContain("14 giờ 00, ngày 17 tháng 01 năm 2024");
    expect(await main()).toContain(duyXuyen.videoPasscode);
    const html = await phone.content();
    for (const other of c.bridges.filter((b) => b.id !== duyXuyen.id)) {
      expect(html).not.toContain(other.videoPasscode);
      expect(html).not.toContain(other.accessKey);
    }

    await phone.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
    await expect
      .poll(() => phone.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toContain("Đã đo xong đường truyền");
    expect(await phone.locator(".figures").textContent()).toMatch(/Độ trễ trung bình/);
    for (const label of [
      "Camera hoạt động",
      "Micro thu tiếng",
      "Màn hình, máy chiếu",
      "Âm thanh (loa)",
      "Đường truyền dự phòng",
    ]) {
      await phone.getByLabel(label).check();
    }
    await phone.getByLabel("Họ tên người kiểm tra").fill("Huỳnh Văn Phước");
    await phone.getByLabel("Ghi chú (sự cố, việc cần khắc phục)").fill("Đã thử cả đường truyền 4G dự phòng.");
    expect(await phone.locator(".suggestion").textContent()).toContain("Đề xuất kết luận đạt");
    expect(await phone.getByLabel("Đạt: sẵn sàng kết nối").isChecked()).toBe(true);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.getByRole("button", { name: "Lưu kết quả" }).click();
    await expect.poll(() => phone.getByRole("status").first().textContent()).toContain("Đã lưu kết quả kiểm tra: đạt");
    await expect.poll(() => phone.locator("table.bridge-history tbody tr").count()).toBe(1);
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(shots, "bridge-operator-phone.png"), fullPage: true });

    const test = await prisma.connectivityTest.findFirstOrThrow({
      where: { bridgePointId: duyXuyen.id },
      orderBy: { createdAt: "desc" },
    });
    expect(test.result).toBe("PASSED");
    expect(test.operatorName).toBe("Huỳnh Văn Phước");
    expect(test.latencyMs).toBeGreaterThan(0);
    expect(test.jitterMs).toBeGreaterThanOrEqual(0);
    expect(test.lossPercent).toBe(0);
    expect(test.downloadMbps).toBeGreaterThan(0);
    expect(test.uploadMbps).toBeGreaterThan(0);
    expect([test.camera, test.microphone, test.screen, test.sound, test.backupConnection]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(test.userAgent).toContain("Chrome");

    // The board refreshes itself: one fewer untested, one more passed, Duy Xuyên moves down.
    await expect.poll(() => kpi("count-passed").textContent(), { timeout: 15_000 }).toBe("4");
    expect(await kpi("count-untested").textContent()).toBe("1");
    expect((await order()).slice(0, 2)).toEqual(["Điểm cầu UBND huyện Thăng Bình", "Điểm cầu UBND huyện Đại Lộc"]);
    expect(await board.locator("table.board tbody tr", { hasText: "Duy Xuyên" }).textContent()).toContain(
      "Huỳnh Văn Phước",
    );
    await board.screenshot({ path: path.join(shots, "bridge-readiness.png"), fullPage: true });
    await board.goto(`${app.server.url}/conferences/${c.id}/bridges`);
    expect(await board.locator("main").textContent()).toContain(`/b/${duyXuyen.accessKey}`);
    expect(await board.locator("main").textContent()).toContain("TB-4417");
    await board.screenshot({ path: path.join(shots, "bridges-list.png"), fullPage: true });

    // Wrong keys are 404, pages and measurements alike.
    expect((await phone.goto(`${app.server.url}/b/khong-phai-ma-diem-cau-nao`))?.status()).toBe(404);
    expect(
      (await phone.request.get(`${app.server.url}/api/connectivity/ping?k=khong-phai-ma-diem-cau-nao`)).status(),
    ).toBe(404);
    expect((await phone.request.get(`${app.server.url}/api/connectivity/download?bytes=1024`)).status()).toBe(404);
    const download = await phone.request.get(
      `${app.server.url}/api/connectivity/download?k=${duyXuyen.accessKey}&bytes=4096`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()["cache-control"]).toContain("no-store");
    expect((await download.body()).length).toBe(4096);
  }, 90_000);

  it("keeps bridge pages from other organisations (404) and shows the board to IT support", async () => {
    const c = await seed001();
    const other = await signIn(app.browser, app.server.url, "vanphong.tamduong@hoinghi.local");
    for (const p of ["bridges", "bridges/readiness", `bridges/${c.bridges[0]!.id}`]) {
      expect((await other.goto(`${app.server.url}/conferences/${c.id}/${p}`))?.status()).toBe(404);
    }

    const it = await signIn(app.browser, app.server.url, "cntt.quangnam@hoinghi.local", {
      viewport: { width: 390, height: 844 },
    });
    await it.getByRole("link", { name: "Điểm cầu", exact: true }).click();
    await it.getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023/ }).click();
    await it.waitForURL(/\/bridges\/readiness$/);
    await it.getByRole("heading", { name: "Theo dõi kết nối điểm cầu" }).waitFor();
    expect(await it.locator("table.board tbody tr").count()).toBe(6);
    expect(await it.getByRole("button", { name: "Gửi e-mail đề nghị kiểm tra" }).count()).toBe(0);
    expect(
      await it.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await it.screenshot({ path: path.join(shots, "bridge-readiness-phone.png"), fullPage: true });
    const html = await it.content();
    for (const b of c.bridges) {
      expect(html).not.toContain(b.videoPasscode);
      expect(html).not.toContain(b.accessKey);
    }
    // The Hội An ward operator sees the bridge points their ward hosts.
    const operator = await signIn(app.browser, app.server.url, "diemcau.hoian@hoinghi.local");
    await operator.goto(`${app.server.url}/bridges`);
    await operator.getByRole("link", { name: "Điểm cầu UBND phường Hội An" }).click();
    await operator.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    await operator.getByRole("button", { name: "Bắt đầu kiểm tra" }).waitFor();
    expect(await operator.locator("main").textContent()).toContain("HA-5043");
  });
});
