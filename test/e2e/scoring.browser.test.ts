import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { organizations } from "#prisma/seed-data/organizations.ts";
import { compileFramework, type Framework } from "#app/scoring/index.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createRound } from "#app/scoring/round-writes.server.ts";
import { roundSummaryFor } from "#app/scoring/rounds.server.ts";

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
    // The framework has survey criteria: appraisal and survey points come as their own columns first.
    const headers = (await ranking.locator("thead th").allTextContents()).map((h) => h.replace(/\s*[↑↓]$/, "").trim());
    expect(headers.slice(0, 7)).toEqual([
      "Hạng",
      "Đơn vị",
      "Thẩm định",
      "Điều tra XHH",
      "Điểm",
      "Tối đa",
      "Chỉ số (%)",
    ]);
    expect(first[0]).toBe("1");
    expect(first[1]).toBe(communes[0]!.name);
    expect(first[headers.indexOf("Chỉ số (%)")]).toBe("100,00");
    expect(first[headers.indexOf("Xếp loại")]).toBe("Xuất sắc");
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
    await page.getByRole("link", { name: /Bộ chỉ số CCHC của UBND các huyện.*năm 2023/ }).click();
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
    const tanhLinh = rows.find((r) => String(r[3]).includes("Tánh Linh"))!;
    // Columns: block, rank, unit, appraisal, survey, points, max, index, class, reason, previous rank, changes.
    expect([tanhLinh[2], tanhLinh[3], tanhLinh[6], tanhLinh[7], tanhLinh[8], tanhLinh[9]]).toEqual([
      5,
      "UBND huyện Tánh Linh",
      71.11,
      97,
      73.31,
      "Khá",
    ]);
    expect([tanhLinh[11], tanhLinh[12], tanhLinh[14]]).toEqual([8, 3, "Giữ nguyên"]);

    await page.getByRole("link", { name: "Chỉ số SIPAS" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Tiếp nhận, xử lý góp ý, phản ánh");
    await page.screenshot({ path: path.join(shots, "sipas.png"), fullPage: true });
  });

  it("splits a round into blocks on its own page, then ranks each block separately with units not ranked and new units", async () => {
    // Bình Thuận's 2024 round (illustrative totals, survey 30 of 100) compared with the seeded 2023 one:
    // the ten districts in one block, the provincial department of home affairs in another (no 2023 result).
    const previous = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2023, units: { some: { organization: { name: { contains: "Tánh Linh" } } } } },
      select: {
        id: true,
        organizationId: true,
        units: { select: { organizationId: true, organization: { select: { name: true } } } },
      },
    });
    const districts = previous.units.map((u) => ({ id: u.organizationId, name: u.organization.name }));
    const department = await prisma.organization.findFirstOrThrow({
      where: { name: "Sở Nội vụ tỉnh Bình Thuận" },
      select: { id: true, name: true },
    });
    const roundId = await createRound(SYSTEM_ACTOR, {
      title: "Chỉ số CCHC tỉnh Bình Thuận năm 2024 (theo khối)",
      year: 2024,
      organizationId: previous.organizationId,
      frameworkId: null,
      previousRoundId: previous.id,
      unitIds: [department.id, ...districts.map((d) => d.id)],
    });
    const units = [department, ...districts];
    const file = [
      "don_vi,diem,diem_toi_da,diem_dieu_tra",
      ...units.map((u, i) => `"${u.name}",${(92 - i * 2.25).toFixed(2)},100,${(27 - i * 0.5).toFixed(2)}`),
    ].join("\n");
    // One statement, no interactive transaction: the running app writes to the same database meanwhile.
    await prisma.roundUnit.updateMany({ where: { roundId }, data: { surveyMaxPoints: 30 } });

    const page = await signedIn("noivu.binhthuan@hoinghi.local");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${app.server.url}/scoring/rounds/${roundId}`);
    const scoreFile = path.join(tmp, "diem-2024.csv");
    fs.writeFileSync(scoreFile, file);
    await page.getByLabel("Tệp điểm (.csv hoặc .xlsx)").setInputFiles(scoreFile);
    await page.getByRole("button", { name: "Nhập điểm" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Đã nhập điểm của 11 đơn vị" }).count()).toBe(1);
    await page.getByRole("link", { name: "Khối và đơn vị" }).click();
    await page.waitForURL(/\/blocks$/);
    await expect.poll(() => page.locator("main").textContent()).toContain("Chưa chia khối");
    for (const name of ["Sở, ban, ngành", "SỞ,  BAN, NGÀNH", "Huyện, thị xã, thành phố"]) {
      await page.getByLabel("Thêm khối").fill(name);
      await page.getByRole("button", { name: "Thêm khối" }).click();
      if (name.startsWith("SỞ"))
        await expect
          .poll(() => page.locator(".field-error").allTextContents())
          .toContain("Khối “Sở, ban, ngành” đã có trong đợt đánh giá");
      else await expect.poll(() => page.getByLabel(`Tên khối ${name}`).count()).toBe(1);
    }

    // The department's block by keyboard-reachable controls of its row.
    await page.getByLabel(`Khối của ${department.name}`).selectOption({ label: "Sở, ban, ngành" });
    await page.getByRole("button", { name: `Lưu ${department.name}`, exact: true }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Đã lưu" }).count()).toBe(1);

    // A district left out of the ranking needs a reason.
    const island = districts.find((d) => d.name.includes("Phú Quý")) ?? districts[districts.length - 1]!;
    await page.getByLabel(`Khối của ${island.name}`).selectOption({ label: "Huyện, thị xã, thành phố" });
    await page.getByLabel(`${island.name} được xếp hạng`).uncheck();
    await page.getByRole("button", { name: `Lưu ${island.name}`, exact: true }).click();
    await expect.poll(() => page.locator(".field-error").allTextContents()).toContain("Nhập lý do không xếp hạng");
    await page.getByLabel(`Lý do không xếp hạng ${island.name}`).fill("Huyện đảo, đánh giá riêng theo đề án");
    await page.getByRole("button", { name: `Lưu ${island.name}`, exact: true }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBe(0);

    // The other districts, row by row.
    for (const d of districts.filter((x) => x !== island)) {
      await page.getByLabel(`Khối của ${d.name}`).selectOption({ label: "Huyện, thị xã, thành phố" });
      await page.getByRole("button", { name: `Lưu ${d.name}`, exact: true }).click();
      await expect
        .poll(() =>
          page
            .locator("tr", { has: page.getByRole("rowheader", { name: d.name, exact: true }) })
            .getByRole("status")
            .textContent(),
        )
        .toBe("Đã lưu");
    }
    const blocks = await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    expect(blocks.map((b) => b.name)).toEqual(["Sở, ban, ngành", "Huyện, thị xã, thành phố"]);
    expect(await prisma.roundUnit.count({ where: { roundId, blockId: blocks[1]!.id } })).toBe(10);
    await page.reload();
    await page.screenshot({ path: path.join(shots, "scoring-blocks.png"), fullPage: true });

    await page.getByRole("link", { name: "Về bảng xếp hạng" }).click();
    await page.waitForURL(new RegExp(`/scoring/rounds/${roundId}$`));
    const main = page.locator("main");
    await expect
      .poll(() => main.locator("h2.block-heading").allTextContents())
      .toEqual(["Sở, ban, ngành", "Huyện, thị xã, thành phố"]);
    const tables = page.locator("table.ranking");
    await expect.poll(() => tables.count()).toBe(2);
    // Each block ranked 1..n on its own; the island district follows its block, not ranked, with the reason.
    const deptRow = await tables.nth(0).locator("tbody tr").first().locator("td").allTextContents();
    expect(deptRow[0]).toBe("1");
    expect(deptRow.join(" ")).toContain("Đơn vị mới");
    const districtRows = tables.nth(1).locator("tbody tr");
    await expect.poll(() => districtRows.count()).toBe(10);
    expect((await districtRows.first().locator("td").allTextContents())[0]).toBe("1");
    const last = (await districtRows.last().locator("td").allTextContents()).join(" ");
    expect(last).toContain("Không xếp hạng");
    expect(last).toContain("Huyện đảo, đánh giá riêng theo đề án");
    // Appraisal and survey as their own columns, and drawn as a chart.
    expect(await tables.nth(1).locator("thead").textContent()).toContain("Điều tra XHH");
    expect(await main.textContent()).toContain("Chỉ số trung bình theo khối (%)");
    expect(await main.textContent()).toContain("Điểm thẩm định và điểm điều tra xã hội học");
    await page.screenshot({ path: path.join(shots, "scoring-round-blocks.png"), fullPage: true });

    // The Excel ranking: block, rank or "Không xếp hạng", reason, parts, last year's published rank.
    const xlsx = await page.request.get(`${app.server.url}/scoring/rounds/${roundId}/ranking.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Xep hang")!.getSheetValues().slice(3) as unknown[][];
    const cells = (name: string) => sheet.find((r) => r[3] === name)!;
    expect([cells(department.name)[1], cells(department.name)[2], cells(department.name)[11]]).toEqual([
      "Sở, ban, ngành",
      1,
      "Đơn vị mới",
    ]);
    expect(cells(department.name)[4]).toBe(65);
    expect(cells(department.name)[5]).toBe(27);
    expect([cells(island.name)[1], cells(island.name)[2], cells(island.name)[10]]).toEqual([
      "Huyện, thị xã, thành phố",
      "Không xếp hạng",
      "Huyện đảo, đánh giá riêng theo đề án",
    ]);

    // SIPAS: each block ranked on its own.
    await prisma.roundUnit.updateMany({
      where: { roundId },
      data: { sipasAccess: 85, sipasProcedures: 84, sipasCivilServants: 88, sipasResults: 86, sipasFeedback: 80 },
    });
    await page.goto(`${app.server.url}/scoring/rounds/${roundId}/sipas`);
    await expect
      .poll(() => main.locator("h2").allTextContents())
      .toEqual(["Sở, ban, ngành", "Huyện, thị xã, thành phố"]);
    await page.goto(`${app.server.url}/scoring/rounds/${roundId}`);

    // The block filter shows one block.
    await page.getByLabel("Khối", { exact: true }).selectOption({ label: "Huyện, thị xã, thành phố" });
    await page.getByRole("button", { name: "Xem", exact: true }).click();
    await expect.poll(() => tables.count()).toBe(1);

    await tables.first().locator("tbody tr").first().getByRole("link").click();
    await page.waitForURL(/\/units\//);
    await expect.poll(() => main.textContent()).toContain("Hạng 1/9 khối Huyện, thị xã, thành phố");
    const unitText = (await main.textContent()) ?? "";
    expect(unitText).toContain("Điều tra xã hội học: ");
    expect(unitText).toMatch(/So với kết quả năm trước của chính đơn vị: hạng \d+/);
    await page.screenshot({ path: path.join(shots, "scoring-unit-block.png"), fullPage: true });

    // The island district: classified, not ranked, with the reason.
    const islandUnit = await prisma.roundUnit.findFirstOrThrow({
      where: { roundId, organizationId: island.id },
      select: { id: true },
    });
    await page.goto(`${app.server.url}/scoring/rounds/${roundId}/units/${islandUnit.id}`);
    await expect.poll(() => main.textContent()).toContain("Không xếp hạng: Huyện đảo, đánh giá riêng theo đề án");
  }, 120_000);

  it("explains on the unit page which area kept a unit out of a class with a floor", async () => {
    // The seeded 2023 round, its framework's bands given a floor: a unit whose weakest area is below its
    // class's threshold falls one class, and the page says which area.
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2023, units: { some: { organization: { name: { contains: "Tánh Linh" } } } } },
      select: { id: true, frameworkId: true },
    });
    const { summary } = await roundSummaryFor(round.id);
    const pick = summary.ranking
      .map((r) => {
        const band = summary.bands.find((b) => b.name === r.className)!;
        const weakest = [...summary.areas.get(r.unitId)!].sort((a, b) => (a.pct ?? 100) - (b.pct ?? 100))[0]!;
        return { r, band, weakest };
      })
      .find(({ band, weakest }) => band.minPct > 0 && weakest.pct !== null && weakest.pct < band.minPct)!;
    expect(pick).toBeDefined();
    await prisma.classBand.updateMany({
      where: { frameworkId: round.frameworkId!, name: pick.band.name },
      data: { minAreaPct: pick.band.minPct },
    });
    const unit = await prisma.roundUnit.findFirstOrThrow({
      where: { roundId: round.id, organizationId: pick.r.unitId },
      select: { id: true },
    });
    const page = await signedIn("noivu.binhthuan@hoinghi.local");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${app.server.url}/scoring/rounds/${round.id}/units/${unit.id}`);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain(`không đạt ${pick.band.name} vì lĩnh vực ${pick.weakest.code} đạt`);
    await page.screenshot({ path: path.join(shots, "scoring-unit-floor.png") });
  });
});
