import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { organizations } from "#prisma/seed-data/organizations.ts";
import { compileFramework, type Framework } from "#app/scoring/index.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";

const shots = path.resolve(import.meta.dirname, "../../test-results");
fs.mkdirSync(shots, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-scoring-e2e-"));

const framework = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, "../../prisma/seed-data/frameworks/par-index-xa-2023.json"),
    "utf8",
  ),
) as Framework;
const compiled = compileFramework(framework);
const leaves = compiled.nodes.filter((_, i) => compiled.isLeaf[i]);
const communes = organizations.filter((o) => o.parentKey === "tam-duong" && o.level === "XA").slice(0, 3);

/** A detailed score file: three communes, every leaf; the second commune loses points on the first leaf. */
function scoreCsv(bad: boolean): string {
  const lines = ["don_vi,ma,diem"];
  communes.forEach((c, ci) => {
    leaves.forEach((leaf, li) => {
      const points = ci === 1 && li === 0 ? 0 : ci === 2 && li % 3 === 0 ? leaf.maxPoints / 2 : leaf.maxPoints;
      lines.push(`"${c.name}",${leaf.code},${bad && ci === 1 && li === 5 ? "abc" : points}`);
    });
  });
  if (bad) lines.splice(3, 0, `"${communes[0]!.name}",99.9.9,1`);
  return lines.join("\n");
}

const app = useAppAndBrowser();

const signedIn = (email: string) => signIn(app.browser, app.server.url, email);

describe("scoring in the browser", () => {
  it("imports a score file: row errors first, then the ranking, a unit's appendices and a remediation plan", async () => {
    expect(communes).toHaveLength(3);
    const page = await signedIn("admin@hoinghi.local");
    await page.goto(`${app.server.url}/scoring/rounds/new`);
    await page.getByLabel("Tên đợt đánh giá").fill("Chỉ số CCHC các xã, thị trấn năm 2024 (thử)");
    await page.getByLabel("Năm đánh giá").fill("2024");
    const orgValue = await page
      .getByLabel("Cơ quan tổ chức đánh giá")
      .locator("option", { hasText: "UBND huyện Tam Đường" })
      .first()
      .getAttribute("value");
    await page.getByLabel("Cơ quan tổ chức đánh giá").selectOption(orgValue!);
    const fwValue = await page
      .getByLabel("Bộ chỉ số")
      .locator("option", { hasText: framework.name })
      .first()
      .getAttribute("value");
    await page.getByLabel("Bộ chỉ số").selectOption(fwValue!);
    const parentValue = await page
      .getByLabel("Chọn các đơn vị trực thuộc")
      .locator("option", { hasText: "UBND huyện Tam Đường" })
      .first()
      .getAttribute("value");
    await page.getByLabel("Chọn các đơn vị trực thuộc").selectOption(parentValue!);
    await page.getByRole("button", { name: "Tạo đợt đánh giá" }).click();
    await page.waitForURL(/\/scoring\/rounds\/[^/]+$/);
    await expect.poll(() => page.locator("main").textContent()).toContain("Chưa có điểm");

    const badFile = path.join(tmp, "diem-loi.csv");
    fs.writeFileSync(badFile, scoreCsv(true));
    await page.getByLabel("Tệp điểm (.csv hoặc .xlsx)").setInputFiles(badFile);
    await page.getByRole("button", { name: "Nhập điểm" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "chưa nhập dòng nào" });
    await expect.poll(() => alert.textContent()).toContain("Tệp có 2 lỗi");
    const alertText = (await alert.textContent()) ?? "";
    expect(alertText).toContain("99.9.9");
    expect(alertText).toMatch(/“abc” không phải là số/);
    expect(await alert.locator("tbody tr").first().locator("td").first().textContent()).toBe("4");
    expect(await page.locator("main").textContent()).toContain("Chưa có điểm");
    await page.screenshot({ path: path.join(shots, "scoring-import-errors.png"), fullPage: true });

    const goodFile = path.join(tmp, "diem.csv");
    fs.writeFileSync(goodFile, scoreCsv(false));
    await page.getByLabel("Tệp điểm (.csv hoặc .xlsx)").setInputFiles(goodFile);
    await page.getByRole("button", { name: "Nhập điểm" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Đã nhập điểm" }).count()).toBe(1);
    const ranking = page.locator("table.ranking");
    await expect.poll(() => ranking.locator("tbody tr").count()).toBe(3);
    const first = await ranking.locator("tbody tr").first().locator("td").allTextContents();
    expect(first[0]).toBe("1");
    expect(first[1]).toBe(communes[0]!.name);
    expect(first[4]).toBe("100,00");
    expect(first[5]).toBe("Xuất sắc");
    await page.screenshot({ path: path.join(shots, "scoring-ranking.png"), fullPage: true });

    // Sorting by name is a keyboard-reachable button in the header.
    await page.getByRole("button", { name: "Đơn vị" }).click();
    await expect.poll(() => page.locator("th[aria-sort='ascending']").textContent()).toContain("Đơn vị");

    await page.getByRole("link", { name: communes[1]!.name }).click();
    await page.waitForURL(/\/units\//);
    await expect.poll(() => page.locator("main").textContent()).toContain("Phụ lục 2: Tiêu chí bị mất điểm (1)");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain(leaves[0]!.title);
    expect(main).toContain(`Phụ lục 1: Tiêu chí đạt điểm tối đa (${leaves.length - 1})`);
    await page.screenshot({ path: path.join(shots, "scoring-unit.png"), fullPage: true });

    await page.getByRole("button", { name: "Lập kế hoạch khắc phục từ Phụ lục 2" }).click();
    await page.waitForURL(/\/remediation\/[^/]+$/);
    await expect
      .poll(() => page.locator("h1").textContent())
      .toContain("Khắc phục những tồn tại, hạn chế Chỉ số CCHC năm 2024");
    const exe = path.join(tmp, "virus.pdf");
    fs.writeFileSync(exe, "MZ not a pdf");
    await page.getByLabel(/Thêm tài liệu/).setInputFiles(exe);
    await page.getByRole("button", { name: "Tải lên" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toContain("Nội dung tệp không phải PDF như phần mở rộng .pdf");
    const pdf = path.join(tmp, "bien-ban.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await page.getByLabel(/Thêm tài liệu/).setInputFiles(pdf);
    await page.getByRole("button", { name: "Tải lên" }).click();
    await expect.poll(() => page.getByRole("link", { name: "bien-ban.pdf" }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, "remediation-plan.png"), fullPage: true });
  });

  it("edits the framework tree, flags a maximum that no longer adds up, and exports JSON and the ranking as Excel", async () => {
    const page = await signedIn("noivu.binhthuan@hoinghi.local");
    await page.goto(`${app.server.url}/scoring`);
    await page.getByRole("link", { name: /Bộ chỉ số CCHC của UBND các huyện/ }).click();
    await page.waitForURL(/\/scoring\/frameworks\//);
    await expect.poll(() => page.locator("main").textContent()).toContain("tổng điểm tối đa 97");
    expect(await page.locator(".problems").count()).toBe(0);

    // Open the editor of area 1 by keyboard-operable <summary>, raise its maximum by one point.
    await page.locator("summary", { hasText: "Sửa, thêm tiêu chí con (1)" }).first().click();
    const max = page.getByLabel("Điểm tối đa").first();
    const before = Number(await max.inputValue());
    await max.fill(String(before + 1));
    await page.getByRole("button", { name: "Lưu 1", exact: true }).click();
    await expect
      .poll(() => page.locator(".problems").textContent())
      .toContain(`Điểm tối đa của 1 (${(before + 1).toLocaleString("en-US")})`);

    const json = await page.request.get(page.url() + "/export.json");
    expect(json.status()).toBe(200);
    const exported = JSON.parse(await json.text()) as Framework;
    expect(exported.areas[0]!.maxPoints).toBe(before + 1);
    expect(exported.bands.map((b) => b.name)).toEqual(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);

    await page.goto(`${app.server.url}/scoring`);
    await page
      .getByRole("link", {
        name: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Bình Thuận năm 2023",
        exact: true,
      })
      .click();
    await page.waitForURL(/\/scoring\/rounds\//);
    const xlsx = await page.request.get(page.url() + "/ranking.xlsx");
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const rows = wb.getWorksheet("Xep hang")!.getSheetValues().slice(3) as unknown[][];
    const tanhLinh = rows.find((r) => String(r[2]).includes("Tánh Linh"))!;
    expect(tanhLinh.slice(1, 10)).toEqual([
      5,
      "UBND huyện Tánh Linh",
      71.11,
      97,
      73.31,
      "Khá",
      3,
      expect.any(Number),
      "Giữ nguyên",
    ]);

    await page.getByRole("link", { name: "Chỉ số SIPAS" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Tiếp nhận, xử lý góp ý, phản ánh");
    await page.screenshot({ path: path.join(shots, "sipas.png"), fullPage: true });
  });
});
