// npm run scoring -- rank <scores.csv|xlsx> [--previous <file>] [--framework <file.json>] [--json]
//
// Ranks the units of a summary score file (unit, points, max_points) with the
// same import and computation as the app. Exit codes: 0 done, 1 bad data
// (rows, files, framework), 2 wrong usage.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { bandsText, pct, points, rankChangeText, renderTable, toRow } from "#app/scoring/cli-output.ts";
import { rankUnits } from "#app/scoring/compute.ts";
import { validateBands } from "#app/scoring/framework.ts";
import { createUnitMatcher } from "#app/scoring/unit-match.ts";
import { formatImportErrors } from "#app/lib/table/table.ts";
import { parseSummaryScores, type SummaryImport } from "#app/scoring/import-summary.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { DEFAULT_BANDS, type ClassBand, type PreviousResult } from "#app/scoring/types.ts";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Directory the file arguments are relative to; process.cwd() by default. */
  cwd?: string;
}

export const USAGE = `Cách dùng:
  npm run scoring -- rank <tệp điểm .csv|.xlsx> [--previous <tệp>] [--framework <tệp .json>] [--json]

Xếp hạng các đơn vị theo chỉ số cải cách hành chính từ tệp điểm tổng hợp: mỗi dòng một
đơn vị, các cột unit,points,max_points (hoặc don_vi,diem,diem_toi_da; tùy chọn thêm
survey_points / diem_dieu_tra). Tệp CSV mã UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy.

  --previous <tệp>    tệp điểm năm trước (cùng dạng) để tính thay đổi hạng và xếp loại;
                      đơn vị được ghép theo tên (không phân biệt hoa thường, khoảng trắng)
  --framework <tệp>   bộ chỉ số dạng JSON; chỉ dùng các mức xếp loại (bands). Mặc định:
                      Xuất sắc ≥ 90 %, Tốt ≥ 80 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Yếu
  --json              in kết quả dạng JSON (unit, points, maxPoints, indexPct, rank,
                      class, rankChange, classChange) thay cho bảng
  -h, --help          in hướng dẫn này

Mã thoát: 0 thành công; 1 dữ liệu có lỗi (từng dòng lỗi được in ra); 2 dùng sai lệnh.
`;

class UsageError extends Error {}
/** A failure already explained to the user; exit 1. */
class DataError extends Error {}

interface RankArgs {
  file: string;
  previous: string | null;
  framework: string | null;
  json: boolean;
}

function parseRankArgs(args: string[]): RankArgs {
  const files: string[] = [];
  let previous: string | null = null;
  let framework: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, null];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === "" || (inline === null && v.startsWith("--")))
        throw new UsageError(`Tùy chọn ${name} cần tên tệp đi kèm`);
      return v;
    };
    if (name === "--previous") previous = value();
    else if (name === "--framework") framework = value();
    else if (name === "--json") {
      if (inline !== null) throw new UsageError("Tùy chọn --json không nhận giá trị");
      json = true;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`Không có tùy chọn ${name}`);
    else files.push(arg);
  }
  if (!files.length) throw new UsageError("Thiếu tệp điểm cần xếp hạng");
  if (files.length > 1)
    throw new UsageError(`Chỉ xếp hạng một tệp mỗi lần (nhận được ${files.length} tệp: ${files.join(", ")})`);
  for (const f of [files[0]!, previous]) {
    if (f !== null && !/\.(csv|xlsx)$/i.test(f))
      throw new UsageError(`Chỉ nhận tệp .csv hoặc .xlsx (tệp “${f}” không đúng định dạng)`);
  }
  if (framework !== null && !/\.json$/i.test(framework))
    throw new UsageError(`Bộ chỉ số phải là tệp .json (nhận được “${framework}”)`);
  return { file: files[0]!, previous, framework, json };
}

async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return await readFile(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError(`Không tìm thấy tệp “${file}”`);
    if (code === "EISDIR") throw new DataError(`“${file}” là thư mục, không phải tệp`);
    throw new DataError(`Không đọc được tệp “${file}”: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function importSummary(file: string, cwd: string, io: CliIo): Promise<SummaryImport & { ok: true }> {
  const data = await readInput(file, cwd);
  let parsed: SummaryImport;
  try {
    parsed = parseSummaryScores(await readTable({ fileName: file, data }));
  } catch (error) {
    throw new DataError(`Tệp “${file}”: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed.ok) {
    const count = parsed.errors.length;
    io.stderr.write(`Tệp “${file}” có ${count} lỗi, chưa xếp hạng:\n`);
    io.stderr.write(`${formatImportErrors(parsed.errors, { limit: 200 }).join("\n")}\n`);
    throw new DataError("");
  }
  return parsed;
}

async function readBands(file: string, cwd: string): Promise<{ bands: ClassBand[]; name: string }> {
  const text = new TextDecoder().decode(await readInput(file, cwd));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(
      `Tệp bộ chỉ số “${file}” không phải JSON hợp lệ: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const fw = json as { name?: unknown; bands?: unknown } | null;
  const bands = fw && typeof fw === "object" ? fw.bands : undefined;
  const valid =
    Array.isArray(bands) &&
    bands.every(
      (b) =>
        b &&
        typeof b === "object" &&
        typeof b.name === "string" &&
        typeof b.minPct === "number" &&
        Number.isFinite(b.minPct),
    );
  if (!valid) {
    throw new DataError(
      `Tệp bộ chỉ số “${file}” không có danh sách mức xếp loại hợp lệ (bands: [{ "name": "Tốt", "minPct": 80 }, …])`,
    );
  }
  const clean = (bands as ClassBand[]).map((b) => ({ name: b.name, minPct: b.minPct }));
  const problems = validateBands(clean);
  if (problems.length)
    throw new DataError(`Các mức xếp loại trong “${file}” chưa đúng:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return { bands: clean, name: typeof fw!.name === "string" ? fw!.name : path.basename(file) };
}

// ---------------------------------------------------------------------------

async function rank(args: RankArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const framework = args.framework ? await readBands(args.framework, cwd) : null;
  const bands = framework?.bands ?? DEFAULT_BANDS;
  const current = await importSummary(args.file, cwd, io);

  let previous: PreviousResult[] | undefined;
  let unmatched: string[] = [];
  if (args.previous) {
    const before = await importSummary(args.previous, cwd, io);
    const ranked = rankUnits(before.scores, { bands });
    // Match last year's names to this year's units (normalised names; the unit id is this year's name).
    const match = createUnitMatcher(current.scores.map((s) => ({ id: s.unitId, names: [s.unitName] })));
    previous = [];
    for (const r of ranked) {
      const m = match(r.unitName);
      if (m.ok) previous.push({ unitId: m.id, rank: r.rank, indexPct: r.indexPct, className: r.className });
    }
    const found = new Set(previous.map((p) => p.unitId));
    unmatched = current.scores.filter((s) => !found.has(s.unitId)).map((s) => s.unitName);
  }

  const results = rankUnits(current.scores, { bands, previous });

  if (args.json) {
    io.stdout.write(`${JSON.stringify(results.map(toRow), null, 2)}\n`);
    return 0;
  }

  const withPrevious = previous !== undefined;
  const headers = ["Hạng", "Đơn vị", "Điểm", "Tối đa", "Chỉ số (%)", "Xếp loại"];
  const right = [true, false, true, true, true, false];
  if (withPrevious) {
    headers.push("Thay đổi hạng", "Xếp loại năm trước");
    right.push(true, false);
  }
  const rows = results.map((r) => {
    const cells = [
      String(r.rank),
      r.unitName.normalize("NFC"),
      points(r.points),
      points(r.maxPoints),
      pct(r.indexPct),
      r.className,
    ];
    if (withPrevious) cells.push(rankChangeText(r.rankChange), r.previous?.className ?? "");
    return cells;
  });
  const out: string[] = [];
  out.push(`Xếp hạng chỉ số CCHC: ${path.basename(args.file)}, ${results.length} đơn vị`);
  out.push("");
  out.push(renderTable(headers, rows, right));
  out.push("");
  out.push(`Xếp loại ${framework ? `theo bộ chỉ số “${framework.name}”` : "mặc định"}: ${bandsText(bands)}.`);
  if (args.previous) {
    out.push(`So với năm trước: ${path.basename(args.previous)}.`);
    if (unmatched.length) out.push(`Không có kết quả năm trước: ${unmatched.join(", ")}.`);
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

/** Runs the command line; returns the exit code (0, 1 bad data, 2 wrong usage). Never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      if (command === undefined) {
        io.stderr.write(USAGE);
        return 2;
      }
      io.stdout.write(USAGE);
      return 0;
    }
    if (rest.includes("-h") || rest.includes("--help")) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (command !== "rank") throw new UsageError(`Không có lệnh “${command}” (lệnh hiện có: rank)`);
    return await rank(parseRankArgs(rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`Lỗi: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DataError) {
      if (error.message) io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
