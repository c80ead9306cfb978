import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CliRankRow } from "#app/scoring/cli-output.ts";
import { runCli } from "#app/scoring/cli.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURES = "test/fixtures/scoring";
const fixture = (name: string) => `${FIXTURES}/${name}`;

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

const line = (out: string, unit: string) => out.split("\n").find((l) => l.includes(unit)) ?? "";

describe("npm run scoring -- rank", () => {
  it("prints the ranking table with Vietnamese decimals and the change against the previous year (seed 003)", async () => {
    const { code, stdout, stderr } = await run(
      "rank",
      fixture("binh-thuan-2023.csv"),
      "--previous",
      fixture("binh-thuan-2022.csv"),
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const header = stdout.split("\n").find((l) => l.startsWith("Hạng"))!;
    for (const h of [
      "Hạng",
      "Đơn vị",
      "Điểm",
      "Tối đa",
      "Chỉ số (%)",
      "Xếp loại",
      "Thay đổi hạng",
      "Xếp loại năm trước",
    ])
      expect(header).toContain(h);
    const tanhLinh = line(stdout, "Tánh Linh");
    expect(tanhLinh.trim().split(/\s{2,}/)).toEqual([
      "5",
      "Tánh Linh",
      "71,11",
      "97",
      "73,31",
      "Khá",
      "▲3",
      "Trung bình",
    ]);
    expect(line(stdout, "Đức Linh")).toContain("▼2");
    expect(
      line(stdout, "Phan Thiết")
        .trim()
        .split(/\s{2,}/),
    ).toEqual(["1", "Phan Thiết", "85,2", "97", "87,84", "Tốt", "—", "Tốt"]);
    expect(stdout).toContain(
      "Xếp loại mặc định: Xuất sắc ≥ 90 %, Tốt ≥ 80 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Yếu < 50 %.",
    );
  });

  it("prints JSON with the exact index, rank, class and changes", async () => {
    const { code, stdout } = await run(
      "rank",
      fixture("binh-thuan-2023.csv"),
      "--previous",
      fixture("binh-thuan-2022.csv"),
      "--json",
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as CliRankRow[];
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.find((r) => r.unit === "Tánh Linh")).toEqual({
      unit: "Tánh Linh",
      points: 71.11,
      maxPoints: 97,
      indexPct: (71.11 / 97) * 100,
      rank: 5,
      class: "Khá",
      rankChange: 3,
      classChange: "up",
    });
  });

  it("leaves the changes null without --previous, and reads the xlsx and Vietnamese-header variants alike", async () => {
    const csv = JSON.parse((await run("rank", fixture("binh-thuan-2023.csv"), "--json")).stdout) as CliRankRow[];
    expect(csv.every((r) => r.rankChange === null && r.classChange === null)).toBe(true);
    const withoutPrevious = await run("rank", fixture("binh-thuan-2023.csv"));
    expect(withoutPrevious.stdout).not.toContain("Thay đổi hạng");
    for (const name of ["binh-thuan-2023.xlsx", "binh-thuan-2023-vi.csv", "binh-thuan-2023-excel-vn.csv"]) {
      const { code, stdout, stderr } = await run("rank", fixture(name), "--json");
      expect([name, code, stderr]).toEqual([name, 0, ""]);
      expect(JSON.parse(stdout)).toEqual(csv);
    }
  });

  it("uses the bands of --framework", async () => {
    const { code, stdout } = await run(
      "rank",
      fixture("binh-thuan-2023.csv"),
      "--framework",
      fixture("framework-bands.json"),
      "--json",
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as CliRankRow[];
    expect(rows.map((r) => r.class)).toEqual([
      "Tốt",
      "Khá",
      "Khá",
      "Khá",
      "Khá",
      "Khá",
      "Trung bình",
      "Trung bình",
      "Trung bình",
      "Trung bình",
    ]);
  });

  it("prints every bad row to stderr and exits 1", async () => {
    const { code, stdout, stderr } = await run("rank", fixture("bad-rows.csv"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toEqual([
      `Tệp “${fixture("bad-rows.csv")}” có 6 lỗi, chưa xếp hạng:`,
      "Dòng 3, cột points: Điểm “abc” không phải là số",
      "Dòng 4, cột points: Điểm không được là số âm (-3)",
      "Dòng 5, cột points: Điểm 98 vượt điểm tối đa 97",
      "Dòng 6, cột max_points: Điểm tối đa phải lớn hơn 0 (đang là 0)",
      "Dòng 7, cột unit: Đơn vị “Phan Thiết” trùng với dòng 2",
      "Dòng 8, cột unit: Chưa có tên đơn vị",
      "",
    ]);
  });

  it("exits 1 on a missing file or bad bands, 2 with the usage text on wrong usage", async () => {
    expect(await run("rank", "khong-co.csv")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Không tìm thấy tệp “khong-co.csv”\n",
    });
    const bands = await run(
      "rank",
      fixture("binh-thuan-2023.csv"),
      "--framework",
      fixture("binh-thuan-2023.csv").replace(".csv", ".json"),
    );
    expect(bands.code).toBe(1);

    for (const argv of [
      [],
      ["xep-hang"],
      ["rank"],
      ["rank", "a.csv", "b.csv"],
      ["rank", "a.txt"],
      ["rank", "a.csv", "--previous"],
      ["rank", "a.csv", "--top", "3"],
    ]) {
      const { code, stdout, stderr } = await run(...argv);
      expect([argv, code, stdout]).toEqual([argv, 2, ""]);
      expect(stderr).toContain("Cách dùng:");
    }
    expect((await run("rank", "a.csv", "--previous")).stderr).toMatch(/^Lỗi: Tùy chọn --previous cần tên tệp đi kèm\n/);
    expect((await run("rank", "a.txt")).stderr).toMatch(/^Lỗi: Chỉ nhận tệp \.csv hoặc \.xlsx/);
    const help = await run("--help");
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("npm run scoring -- rank <tệp điểm .csv|.xlsx>");
  });

  it("validates the framework's bands and prints the problems", async () => {
    const { writeFile, mkdtemp, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const dir = await mkdtemp(path.join(os.tmpdir(), "scoring-cli-"));
    try {
      const file = path.join(dir, "bo-chi-so.json");
      await writeFile(
        file,
        JSON.stringify({
          name: "Sai",
          bands: [
            { name: "Tốt", minPct: 50 },
            { name: "Khá", minPct: 70 },
          ],
        }),
      );
      const { code, stderr } = await run("rank", fixture("binh-thuan-2023.csv"), "--framework", file);
      expect(code).toBe(1);
      expect(stderr).toBe(
        [
          `Các mức xếp loại trong “${file}” chưa đúng:`,
          "  - Ngưỡng của mức “Khá” phải thấp hơn ngưỡng của mức “Tốt”",
          "  - Mức thấp nhất (“Khá”) phải có ngưỡng 0%",
          "",
        ].join("\n"),
      );
      await writeFile(file, "{ không phải json");
      expect((await run("rank", fixture("binh-thuan-2023.csv"), "--framework", file)).stderr).toContain(
        "không phải JSON hợp lệ",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("runs as a real process: node --import tsx scripts/scoring.ts rank <file> --json", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/scoring.ts",
        "rank",
        fixture("binh-thuan-2023.csv"),
        "--previous",
        fixture("binh-thuan-2022.csv"),
        "--json",
      ],
      { cwd: ROOT },
    );
    expect(stderr).toBe("");
    const rows = JSON.parse(stdout) as CliRankRow[];
    expect(rows[4]).toMatchObject({ unit: "Tánh Linh", rank: 5, class: "Khá", rankChange: 3, classChange: "up" });

    // and exits 1 on bad rows (execFile rejects on a non-zero exit code)
    const failed = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/scoring.ts", "rank", fixture("bad-rows.csv")],
      { cwd: ROOT },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain("Dòng 3, cột points: Điểm “abc” không phải là số");
  });
});
