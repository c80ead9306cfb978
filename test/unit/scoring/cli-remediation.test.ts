import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runScoringCli, SCORING_FIXTURES as F } from "#tests/helpers/scoring-cli.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `analyse … --remediation`: last year's remediation actions of two Tam Đường communes followed into
// 2024, on the renumbered 2024 framework (2023's 3.2.2 is 2024's 3.3.2, 2.3 dropped, 4.1 and 4.2 merged).
const ANALYSE = [
  "analyse",
  `${F}/tam-duong-xa-2024.csv`,
  "--previous",
  `${F}/tam-duong-xa-2023.csv`,
  "--framework",
  `${F}/framework-tam-duong-2024.json`,
  "--previous-framework",
  `${F}/framework-tam-duong-2023.json`,
  "--mapping",
  `${F}/mapping-tam-duong-2023-2024.csv`,
];
const ACTIONS = `${F}/remediation-tam-duong-2023.csv`;

const run = runScoringCli;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "scoring-remediation-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("npm run scoring -- analyse --remediation", () => {
  it("prints each action's result this year, followed through the mapping, and the tally", async () => {
    const { code, stdout, stderr } = await run(...ANALYSE, "--remediation", ACTIONS);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const part = stdout.slice(stdout.indexOf("Kết quả thực hiện kế hoạch khắc phục"));
    expect(part).toContain("4/6 hành động đã lấy lại điểm (1 đủ điểm, 3 một phần); 1 không còn đánh giá");
    const line = (unit: string, codeText: string) =>
      part.split("\n").find((l) => l.startsWith(unit) && l.includes(` ${codeText} `)) ?? "";
    expect(line("Xã Sơn Bình", "2.2.2")).toMatch(/Đã lấy lại đủ điểm\s+9\/10 \(90,00 %\)\s+10\/10 \(100,00 %\)/);
    // 4.2 merged into 4.1: compared as 4.1 + 4.2 of 2023 against 2024's 4.1.
    expect(line("Xã Sơn Bình", "4.2")).toMatch(/4\.1\s+Lấy lại một phần\s+23\/25 \(92,00 %\)\s+23,5\/25 \(94,00 %\)/);
    expect(line("Xã Nà Tăm", "2.1")).toContain("Chưa lấy lại điểm");
    expect(line("Xã Nà Tăm", "2.3")).toContain("Không còn đánh giá (tiêu chí không còn trong bộ chỉ số năm sau)");
    expect(line("Xã Nà Tăm", "3.2.2")).toMatch(/3\.3\.2\s+Lấy lại một phần\s+2\/5 \(40,00 %\)\s+3\/5 \(60,00 %\)/);
  });

  it("adds the actions to the JSON, and with --unit keeps that unit's own", async () => {
    const all = await run(...ANALYSE, "--remediation", ACTIONS, "--json");
    expect(all.code).toBe(0);
    const json = JSON.parse(all.stdout) as {
      rows: unknown[];
      remediation: {
        actions: Array<{
          row: number;
          unitName: string;
          code: string;
          currentCodes: string[];
          status: string;
          reason: string | null;
        }>;
        tally: { total: number; recovered: number; partly: number; notRecovered: number; notAssessed: number };
      };
    };
    expect(json.rows.length).toBeGreaterThan(0);
    expect(json.remediation.tally).toEqual({ total: 6, recovered: 1, partly: 3, notRecovered: 1, notAssessed: 1 });
    expect(json.remediation.actions.map((a) => [a.row, a.code, a.status])).toEqual([
      [2, "2.2.2", "recovered"],
      [3, "4.2", "partly"],
      [4, "1.1", "partly"],
      [5, "2.1", "not-recovered"],
      [6, "2.3", "not-assessed"],
      [7, "3.2.2", "partly"],
    ]);
    expect(json.remediation.actions[5]!.currentCodes).toEqual(["3.3.2"]);
    expect(json.remediation.actions[4]!.reason).toBe("criterion-gone");

    const one = await run(...ANALYSE, "--remediation", ACTIONS, "--unit", "Xã Nà Tăm", "--json");
    expect(one.code).toBe(0);
    const unit = JSON.parse(one.stdout) as {
      unit: { unitName: string };
      remediation: { actions: Array<{ unitName: string }> };
    };
    expect(unit.unit.unitName).toBe("Xã Nà Tăm");
    expect(unit.remediation.actions.map((a) => a.unitName)).toEqual(Array(4).fill("Xã Nà Tăm"));
  });

  it("refuses unknown units and codes, two codes in a cell and an action given twice, by row and column", async () => {
    const bad = path.join(tmp, "bad-actions.csv");
    await writeFile(
      bad,
      [
        "don_vi,ma",
        "Xã Sơn Bình,2.2.2",
        "Xã Không Có,1.1",
        "Xã Nà Tăm,9.9",
        "Xã Nà Tăm,1.1;1.2",
        "Xã Sơn Bình,2.2.2",
        ",1.1",
      ].join("\n"),
    );
    const { code, stdout, stderr } = await run(...ANALYSE, "--remediation", bad);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("có 5 lỗi, chưa phân tích");
    expect(stderr).toMatch(/Dòng 3.*Xã Không Có/);
    expect(stderr).toMatch(/Dòng 4.*Mã 9\.9 không có trong bộ chỉ số năm trước/);
    expect(stderr).toMatch(/Dòng 5.*Mỗi dòng một mã tiêu chí/);
    expect(stderr).toMatch(/Dòng 6.*đã có ở dòng 2/);
    expect(stderr).toMatch(/Dòng 7.*Chưa có tên đơn vị/);
  });

  it("is an option of analyse with a .csv or .xlsx file", async () => {
    const { code, stderr } = await run(...ANALYSE, "--remediation", `${F}/remediation.txt`);
    expect(code).toBe(2);
    expect(stderr).toContain("Chỉ nhận tệp .csv hoặc .xlsx");
  });
});
