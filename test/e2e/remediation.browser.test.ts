import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-remediation-e2e-"));
const app = useAppAndBrowser();
// Two shared cores: an upload round trip can take longer than expect.poll's default second.
const WAIT = { timeout: 15_000 };

async function openTanhLinhPlan(email: string) {
  const page = await signIn(app.browser, app.server.url, email);
  await page.goto(`${app.server.url}/remediation`);
  await page
    .getByRole("link", { name: /UBND huyện Tánh Linh/ })
    .first()
    .click();
  await page.waitForURL(/\/remediation\/[^/]+$/);
  return page;
}

describe("remediation plan page", () => {
  it("lets the round's Nội vụ assign, update, attach and remove evidence, and change the reporting period", async () => {
    const page = await openTanhLinhPlan("noivu.binhthuan@hoinghi.local");
    const card = page.locator(".card", { has: page.getByRole("button", { name: /^Lưu nhiệm vụ / }) }).first();
    const code = ((await card.getByRole("button", { name: /^Lưu nhiệm vụ / }).textContent()) ?? "").replace(
      "Lưu nhiệm vụ ",
      "",
    );
    await card
      .getByLabel("Người phụ trách")
      .selectOption({ label: "Lê Văn Hùng (Chuyên viên Phòng Nội vụ huyện, phụ trách cải cách hành chính)" });
    await card.getByLabel("Trạng thái").selectOption("DONE");
    await card.getByRole("button", { name: `Lưu nhiệm vụ ${code}` }).click();
    await expect
      .poll(() => card.locator(".muted.small").first().textContent(), WAIT)
      .toContain("Phụ trách: Lê Văn Hùng");
    expect(await card.locator(".muted.small").first().textContent()).toContain("Đã hoàn thành");

    const pdf = path.join(tmp, "bao-cao-khac-phuc.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await card.getByLabel(/Thêm tài liệu/).setInputFiles(pdf);
    await card.getByRole("button", { name: "Tải lên" }).click();
    await expect.poll(() => card.getByRole("link", { name: "bao-cao-khac-phuc.pdf" }).count(), WAIT).toBe(1);
    await card.getByRole("button", { name: "Xóa tài liệu bao-cao-khac-phuc.pdf" }).click();
    await expect.poll(() => card.getByRole("link", { name: "bao-cao-khac-phuc.pdf" }).count(), WAIT).toBe(0);

    await page.getByLabel("Kỳ báo cáo").selectOption("MONTHLY");
    await page.getByRole("button", { name: "Lưu thông tin kế hoạch" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: /Báo cáo tiến độ/ }).textContent(), WAIT)
      .toContain("hằng tháng");
  }, 90_000);

  it("shows the unit's OFFICE, who owns none of the actions, the plan without any form", async () => {
    const page = await openTanhLinhPlan("vanphong.tanhlinh@hoinghi.local");
    await expect.poll(() => page.locator("h1").textContent(), WAIT).toContain("Tánh Linh");
    expect(await page.getByRole("button", { name: /^Lưu nhiệm vụ / }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Tải lên" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Gửi báo cáo" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Lưu thông tin kế hoạch" }).count()).toBe(0);
  });
});
