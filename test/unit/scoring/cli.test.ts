import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, fixture, runScoringCli } from "#tests/helpers/scoring-cli.ts";
import { describe, expect, it } from "vitest";
import type { CliRankRow } from "#app/scoring/cli-output.ts";

const run = runScoringCli;

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
      block: null,
      ranked: true,
      notRankedReason: null,
      parts: [],
      classFloor: null,
      indexChange: (71.11 / 97) * 100 - (66.15 / 97) * 100,
      previousBasis: "same-unit",
      predecessors: [],
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

  // Hải Phòng 2025 (issue 13): departments, wards, communes and special zones ranked as separate
  // blocks; after the merger many units have no predecessor, some replaced one or several. The files
  // are made up in the shape of the published results; hai-phong-2024.csv carries the ranks as published.
  describe("blocks, units not ranked, parts and last year as published", () => {
    const hp = (name: string) => fixture(`hai-phong-${name}`);

    it("prints one table per block with its average, units not ranked with the reason, and new units", async () => {
      const { code, stdout, stderr } = await run("rank", hp("2025.csv"), "--previous", hp("2024.csv"));
      expect([code, stderr]).toEqual([0, ""]);
      const lines = stdout.split("\n");
      expect(lines[0]).toBe("Xếp hạng chỉ số CCHC: hai-phong-2025.csv, 13 đơn vị, 3 khối");
      // "khối sở,  ban, ngành" and "KHỐI  PHƯỜNG" are the same blocks as their other spellings
      expect(lines.filter((l) => /^Khối .*: \d+ đơn vị/.test(l))).toEqual([
        "Khối sở, ban, ngành: 5 đơn vị, chỉ số trung bình 89,06 %",
        "Khối phường: 4 đơn vị, chỉ số trung bình 88,82 %",
        "Khối xã, đặc khu: 4 đơn vị, chỉ số trung bình 84,93 % (3 đơn vị được xếp hạng)",
      ]);
      const cells = (unit: string) =>
        line(stdout, unit)
          .trim()
          .split(/\s{2,}/);
      expect(lines.find((l) => l.startsWith("Hạng"))!.split(/\s{2,}/)).toEqual([
        "Hạng",
        "Đơn vị",
        "Điểm",
        "Tối đa",
        "Thẩm định",
        "Điều tra",
        "Chỉ số (%)",
        "Xếp loại",
        "Thay đổi hạng",
        "Xếp loại năm trước",
      ]);
      // tied with Sở Tài chính at 91.258; 5th as published last year (not 3rd as recomputed from the file)
      expect(cells("Sở Tư pháp")).toEqual([
        "1",
        "Sở Tư pháp",
        "91,26",
        "100",
        "63,75",
        "27,5",
        "91,26",
        "Xuất sắc",
        "▲4",
        "Tốt",
      ]);
      // the same index in another block does not share the rank: it is the wards' own 1st
      expect(cells("Phường Hồng Bàng")).toEqual(["1", "Phường Hồng Bàng", "91,26", "100", "91,26", "Xuất sắc"]);
      // no published rank last year: compared with the rank recomputed in its block (5th)
      expect(cells("Sở Y tế").slice(0, 3).concat(cells("Sở Y tế").slice(-2))).toEqual([
        "4",
        "Sở Y tế",
        "87,01",
        "▲1",
        "Tốt",
      ]);
      expect(cells("Đặc khu Bạch Long Vĩ").slice(0, 2)).toEqual(["—", "Đặc khu Bạch Long Vĩ"]);
      expect(stdout).toContain(
        "Không xếp hạng: Đặc khu Bạch Long Vĩ (lý do: Đặc khu không tổ chức chính quyền cấp xã, chưa có năm so sánh).",
      );
      expect(stdout).toContain(
        "Đơn vị mới, không có kết quả năm trước: Phường Hồng Bàng, Phường Lê Chân, Phường Hải An, Xã An Hưng, Xã Kiến Thụy.",
      );
      expect(stdout).toContain(
        "Sở Tài chính ← Sở Tài chính + Sở Kế hoạch và Đầu tư; Sở Nội vụ ← Sở Nội vụ + Sở Lao động",
      );
    });

    it("adds block, ranked (rank null when not ranked), parts and the previous basis to the JSON rows", async () => {
      const { code, stdout } = await run("rank", hp("2025.csv"), "--previous", hp("2024.csv"), "--json");
      expect(code).toBe(0);
      const rows = JSON.parse(stdout) as CliRankRow[];
      const row = (unit: string) => rows.find((r) => r.unit === unit)!;
      expect(rows.map((r) => [r.unit, r.block, r.rank])).toEqual([
        ["Sở Tài chính", "Khối sở, ban, ngành", 1],
        ["Sở Tư pháp", "Khối sở, ban, ngành", 1],
        ["Sở Nội vụ", "Khối sở, ban, ngành", 3],
        ["Sở Y tế", "Khối sở, ban, ngành", 4],
        ["Sở Nông nghiệp và Môi trường", "Khối sở, ban, ngành", 5],
        ["Phường Hồng Bàng", "Khối phường", 1],
        ["Phường Thủy Nguyên", "Khối phường", 2],
        ["Phường Lê Chân", "Khối phường", 3],
        ["Phường Hải An", "Khối phường", 4],
        ["Xã An Hưng", "Khối xã, đặc khu", 1],
        ["Đặc khu Cát Hải", "Khối xã, đặc khu", 2],
        ["Xã Kiến Thụy", "Khối xã, đặc khu", 3],
        ["Đặc khu Bạch Long Vĩ", "Khối xã, đặc khu", null],
      ]);
      expect(row("Đặc khu Bạch Long Vĩ")).toMatchObject({
        ranked: false,
        notRankedReason: "Đặc khu không tổ chức chính quyền cấp xã, chưa có năm so sánh",
        class: "Tốt",
        indexPct: 88.8,
        rankChange: null,
        previousBasis: "mapped",
        predecessors: ["Huyện Bạch Long Vĩ"],
      });
      // parts unrounded; the total is the exact value
      expect(row("Sở Tư pháp").points).toBe(91.258);
      expect(row("Sở Tư pháp").parts[1]).toEqual({ source: "SURVEY", points: 27.504, maxPoints: 30 });
      expect(row("Sở Tư pháp").parts[0]!.points).toBeCloseTo(63.754, 12);
      expect(row("Sở Tư pháp")).toMatchObject({ rankChange: 4, classChange: "up", previousBasis: "same-unit" });
      // several predecessors: their average index, no rank or class change
      expect(row("Sở Tài chính")).toMatchObject({ rankChange: null, classChange: null, previousBasis: "mapped" });
      expect(row("Sở Tài chính").indexChange).toBeCloseTo(91.258 - (89.05 + 86.3) / 2, 10);
      // one predecessor in another block last year: index and class compared, not the rank
      expect(row("Phường Thủy Nguyên")).toMatchObject({
        rankChange: null,
        classChange: "up",
        previousBasis: "mapped",
        predecessors: ["Thành phố Thủy Nguyên"],
      });
      expect(row("Phường Hồng Bàng")).toMatchObject({ previousBasis: "none", indexChange: null, classChange: null });
    });

    it("reads previous_unit only with --previous, and says that summary units are classed by their total", async () => {
      const { code, stdout, stderr } = await run(
        "rank",
        hp("2025.csv"),
        "--framework",
        fixture("framework-floors.json"),
      );
      expect([code, stderr]).toEqual([0, ""]);
      expect(stdout).toContain("Nhóm 1 ≥ 90 % (mỗi lĩnh vực ≥ 80 %), Nhóm 2 ≥ 80 % (mỗi lĩnh vực ≥ 70 %)");
      expect(stdout).toContain(
        "Các mức xếp loại có mức tối thiểu mỗi lĩnh vực, nhưng tệp điểm tổng hợp không có điểm từng lĩnh vực: xếp loại theo tổng điểm.",
      );
      expect(stdout).not.toContain("năm trước");
    });

    it("computes area % from a detailed file with --framework, so the floors apply", async () => {
      const args = ["rank", hp("2025-xa-chi-tiet.csv"), "--framework", fixture("framework-floors.json")];
      const json = await run(...args, "--json");
      expect([json.code, json.stderr]).toEqual([0, ""]);
      const rows = JSON.parse(json.stdout) as CliRankRow[];
      expect(rows.map((r) => [r.unit, r.block, r.rank, r.class, r.classFloor])).toEqual([
        [
          "Xã An Hưng",
          "Khối xã, đặc khu",
          1,
          "Nhóm 2",
          "không đạt Nhóm 1 vì lĩnh vực 3 đạt 75,00 % (tối thiểu 80 % mỗi lĩnh vực)",
        ],
        ["Xã Kiến Thụy", "Khối xã, đặc khu", 2, "Nhóm 1", null],
        ["Xã Tiên Lãng", "Khối xã, đặc khu", 3, "Nhóm 2", null],
        ["Đặc khu Bạch Long Vĩ", "Khối xã, đặc khu", null, "Nhóm 1", null],
      ]);
      expect(rows[0]!.parts).toEqual([
        { source: "APPRAISAL", points: 62, maxPoints: 70 },
        { source: "SURVEY", points: 30, maxPoints: 30 },
      ]);
      const text = await run(...args);
      expect(text.stdout).toContain(
        "Xã An Hưng: Nhóm 2, không đạt Nhóm 1 vì lĩnh vực 3 đạt 75,00 % (tối thiểu 80 % mỗi lĩnh vực).",
      );
      expect(text.stdout).toContain("Không xếp hạng: Đặc khu Bạch Long Vĩ (lý do: Đặc khu mới thành lập).");
      expect(text.stdout).not.toContain("xếp loại theo tổng điểm");
    });

    it("refuses a detailed file without the framework's tree", async () => {
      expect(await run("rank", hp("2025-xa-chi-tiet.csv"))).toEqual({
        code: 1,
        stdout: "",
        stderr: `Tệp “${hp("2025-xa-chi-tiet.csv")}” là tệp điểm chi tiết (có cột mã tiêu chí): cần --framework <tệp .json> với đầy đủ cây tiêu chí của bộ chỉ số\n`,
      });
      const bandsOnly = await run("rank", hp("2025-xa-chi-tiet.csv"), "--framework", fixture("framework-bands.json"));
      expect([bandsOnly.code, bandsOnly.stdout]).toEqual([1, ""]);
      expect(bandsOnly.stderr).toBe(
        `Tệp điểm chi tiết cần bộ chỉ số đầy đủ (cây tiêu chí); “${fixture("framework-bands.json")}” chưa đúng:\n  - bộ chỉ số chưa có lĩnh vực nào\n`,
      );
    });

    it("reports a rank that is not a positive integer, a bad flag and a mapping to an unknown unit; exit 1", async () => {
      const { code, stdout, stderr } = await run("rank", hp("2025-bad.csv"), "--previous", hp("2024.csv"));
      expect([code, stdout]).toEqual([1, ""]);
      expect(stderr.split("\n")).toEqual([
        `Tệp “${hp("2025-bad.csv")}” có 4 lỗi, chưa xếp hạng:`,
        "Dòng 2, cột rank: Hạng phải là số nguyên dương (đang là “0”)",
        "Dòng 3, cột rank: Hạng phải là số nguyên dương (đang là “2,5”)",
        "Dòng 4, cột ranked: Giá trị “có lẽ” không hợp lệ; để trống hoặc ghi “có” nếu đơn vị được xếp hạng, “không” nếu không xếp hạng",
        "Dòng 5, cột previous_unit: Không tìm thấy đơn vị “Huyện An Dương” trong đợt đánh giá năm trước",
        "",
      ]);
    });

    it("treats block names differing only by case or spacing as one block", async () => {
      const { writeFile, mkdtemp, rm } = await import("node:fs/promises");
      const os = await import("node:os");
      const dir = await mkdtemp(path.join(os.tmpdir(), "scoring-cli-"));
      try {
        const file = path.join(dir, "khoi.csv");
        await writeFile(
          file,
          "unit,points,max_points,khoi\nSở Tư pháp,91,100,Khối Sở\nSở Y tế,87,100,  khối   sở \nPhường Lê Chân,91,100,KHỐI PHƯỜNG\n",
        );
        const rows = JSON.parse((await run("rank", file, "--json")).stdout) as CliRankRow[];
        expect(rows.map((r) => [r.unit, r.block, r.rank])).toEqual([
          ["Sở Tư pháp", "Khối Sở", 1],
          ["Sở Y tế", "Khối Sở", 2],
          ["Phường Lê Chân", "KHỐI PHƯỜNG", 1],
        ]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("runs as a real process on a file with blocks and a previous year", async () => {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "scripts/scoring.ts", "rank", hp("2025.csv"), "--previous", hp("2024.csv"), "--json"],
        { cwd: ROOT },
      );
      expect(stderr).toBe("");
      const rows = JSON.parse(stdout) as CliRankRow[];
      expect(rows.find((r) => r.unit === "Đặc khu Bạch Long Vĩ")).toMatchObject({ rank: null, ranked: false });
      expect(rows.find((r) => r.unit === "Sở Tư pháp")).toMatchObject({
        block: "Khối sở, ban, ngành",
        rank: 1,
        rankChange: 4,
      });
      const failed = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "scripts/scoring.ts", "rank", hp("2025-bad.csv"), "--previous", hp("2024.csv")],
        { cwd: ROOT },
      ).catch((e: { code: number; stderr: string }) => e);
      expect((failed as { code: number }).code).toBe(1);
      expect((failed as { stderr: string }).stderr).toContain("Hạng phải là số nguyên dương (đang là “0”)");
    });
  });
});
