// npm run scoring -- rank <scores.csv|xlsx> [--previous <file>] [--framework <file.json>] [--json]
// npm run scoring -- analyse <detailed file> --previous <detailed file> --framework <file.json> … (cli-analyse.ts)
//
// Ranks the units of a score file with the same import and computation as the app: a summary file
// (unit, points, max_points) or a detailed one (unit, code, points, with --framework's tree, so that
// the class floors on every area apply). Optional columns: block, ranked (+ reason), survey_points
// (+ survey_max_points), previous_unit; the previous file's rank column is last year's rank as
// published. Each block is ranked on its own. Exit codes: 0 done, 1 bad data (rows, files,
// framework), 2 wrong usage.
import path from "node:path";
import { hasFloors } from "#app/scoring/classes.ts";
import { analyse, parseAnalyseArgs } from "#app/scoring/cli-analyse.ts";
import { DataError, importScores, readFramework, UsageError, type CliIo } from "#app/scoring/cli-files.ts";
import { bandsText, pct, points, rankChangeText, renderTable, toRow } from "#app/scoring/cli-output.ts";
import { asPreviousResults, rankBlocks, rankUnits } from "#app/scoring/compute.ts";
import { floorExplanation, formatRank } from "#app/scoring/format.ts";
import {
  DEFAULT_BANDS,
  type NodeSource,
  type PreviousResult,
  type UnitResult,
  type UnitScores,
} from "#app/scoring/types.ts";
import { createUnitMatcher } from "#app/scoring/unit-match.ts";

export type { CliIo } from "#app/scoring/cli-files.ts";

export const USAGE = `Cách dùng:
  npm run scoring -- rank <tệp điểm .csv|.xlsx> [--previous <tệp>] [--framework <tệp .json>] [--json]
  npm run scoring -- analyse <tệp điểm chi tiết> --previous <tệp điểm chi tiết năm trước>
                     --framework <tệp .json> [--previous-framework <tệp .json>]
                     [--mapping <tệp .csv|.xlsx>] [--remediation <tệp .csv|.xlsx>]
                     [--unit <tên đơn vị>] [--json]

Lệnh rank:

Xếp hạng các đơn vị theo chỉ số cải cách hành chính. Tệp CSV mã UTF-8, phân cách bằng dấu
phẩy hoặc chấm phẩy; tên cột không phân biệt hoa thường, có dấu hay không dấu.

Tệp điểm tổng hợp: mỗi dòng một đơn vị, các cột unit,points,max_points (hoặc
don_vi,diem,diem_toi_da). Tệp điểm chi tiết: mỗi dòng một đơn vị và một tiêu chí, các cột
unit,code,points (hoặc don_vi,ma,diem; nhận ra nhờ cột mã tiêu chí), cần --framework với đầy
đủ cây tiêu chí để tính điểm từng lĩnh vực và áp dụng mức tối thiểu mỗi lĩnh vực.
Cột tùy chọn (cả hai dạng; tệp chi tiết ghi giống nhau trên mọi dòng của một đơn vị):
  block / khoi            khối xếp hạng (sở, ngành / phường / xã, đặc khu): mỗi khối xếp
                          hạng riêng từ 1; tên khối khác nhau chỉ ở hoa thường, khoảng trắng
                          là một khối
  ranked / xep_hang       “không” (khong, no, 0, false, sai): có chấm điểm, xếp loại nhưng
                          không xếp hạng, không làm thay đổi hạng của đơn vị khác; để trống
                          hoặc “có” là có xếp hạng
  reason / ly_do          lý do không xếp hạng
  survey_points / diem_dieu_tra, survey_max_points / diem_dieu_tra_toi_da (tệp tổng hợp):
                          điểm điều tra xã hội học và điểm tối đa của phần đó; tổng điểm là
                          thẩm định cộng điều tra, không làm tròn từng phần
  rank / hang             hạng đã công bố (số nguyên dương); ở tệp năm trước, hạng này được
                          dùng thay cho hạng tính lại
  previous_unit / don_vi_truoc
                          tên đơn vị năm trước mà đơn vị này thay thế (sáp nhập), cách nhau
                          bằng dấu chấm phẩy; phải có trong tệp --previous

  --previous <tệp>    tệp điểm năm trước (tổng hợp hoặc chi tiết) để tính thay đổi hạng và
                      xếp loại; đơn vị được ghép theo tên (không phân biệt hoa thường, khoảng
                      trắng) hoặc theo cột previous_unit; đơn vị không có kết quả năm trước
                      được ghi là đơn vị mới, không tính thay đổi
  --framework <tệp>   bộ chỉ số dạng JSON: các mức xếp loại (bands, có thể có minAreaPct là
                      mức tối thiểu mỗi lĩnh vực) và, với tệp điểm chi tiết, cây tiêu chí.
                      Mặc định: Xuất sắc ≥ 90 %, Tốt ≥ 80 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Yếu
  --json              in kết quả dạng JSON (unit, points, maxPoints, indexPct, rank, class,
                      rankChange, classChange, block, ranked, notRankedReason, parts,
                      classFloor, indexChange, previousBasis, predecessors) thay cho bảng;
                      rank là null với đơn vị không xếp hạng
  -h, --help          in hướng dẫn này

Lệnh analyse: phân tích theo tiêu chí so với năm trước, cả hai tệp là tệp điểm chi tiết. Mỗi
lĩnh vực một bảng: từng lĩnh vực, tiêu chí, tiêu chí thành phần với chỉ số trung bình (%) năm nay
và năm trước của các đơn vị có tiêu chí (đơn vị không áp dụng không tính), thay đổi, số đơn vị
giữ điểm tối đa, tăng, giảm, mới mất điểm và đơn vị giảm nhiều nhất; rồi các tiêu chí mạnh nhất,
yếu nhất, giảm nhiều nhất và các tiêu chí không có tương ứng giữa hai năm (không so sánh).
  --previous <tệp>            tệp điểm chi tiết năm trước; đơn vị ghép theo tên hoặc cột
                              previous_unit như lệnh rank
  --framework <tệp>           bộ chỉ số năm nay (JSON, đầy đủ cây tiêu chí)
  --previous-framework <tệp>  bộ chỉ số năm trước nếu khác năm nay; mã hai năm được ghép tự động
                              khi cùng mã và cùng (hoặc gần cùng) tên, hoặc cùng tên
  --mapping <tệp>             bảng ghép mã (.csv hoặc .xlsx), mỗi dòng một cặp: cột ma (code) là
                              mã năm nay, cột ma_nam_truoc (previous_code) là mã năm trước; nhiều
                              mã cách nhau bằng dấu chấm phẩy (tiêu chí gộp hoặc tách); mã không có
                              trong tệp được ghép tự động; mỗi mã chỉ được ghép một lần
  --remediation <tệp>         các hành động khắc phục năm trước (.csv hoặc .xlsx), mỗi dòng một
                              hành động: cột don_vi (unit) là đơn vị như trong tệp năm trước, cột
                              ma (code) là tiêu chí bị mất điểm năm trước; in kết quả năm nay của
                              từng hành động: đã lấy lại đủ điểm, một phần, chưa, không còn đánh giá
  --unit <tên>                thay cho bảng chung: thay đổi tổng điểm của một đơn vị chia theo lĩnh
                              vực và tiêu chí (cộng lại đúng bằng thay đổi), tiêu chí tác động nhiều
                              nhất, việc đã làm tốt và chưa làm được
  --json                      in kết quả dạng JSON (các khóa được mô tả trong README)

Mã thoát: 0 thành công; 1 dữ liệu có lỗi (từng dòng lỗi được in ra); 2 dùng sai lệnh.
`;

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

// ---------------------------------------------------------------------------

async function rank(args: RankArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const framework = args.framework ? await readFramework(args.framework, cwd) : null;
  const bands = framework?.bands ?? DEFAULT_BANDS;

  // Last year's results as published: the file's rank column wins over the rank recomputed here.
  let before: PreviousResult[] | undefined;
  if (args.previous) {
    const prev = await importScores(args.previous, cwd, io, framework);
    const results = rankUnits(prev.scores, { bands, compiled: prev.detailed ? framework!.compiled() : undefined });
    before = asPreviousResults(results, new Map(prev.scores.map((s) => [s.unitId, s.publishedRank])));
  }
  const current = await importScores(
    args.file,
    cwd,
    io,
    framework,
    before?.map((p) => ({ id: p.unitId, names: [p.unitName ?? p.unitId] })),
  );

  // Last year's units are this year's when their names match; the others keep an id of their own, for
  // the units that name them in previous_unit (a merger).
  let scores: UnitScores[] = current.scores;
  let previous: PreviousResult[] | undefined;
  if (before) {
    const match = createUnitMatcher(current.scores.map((s) => ({ id: s.unitId, names: [s.unitName] })));
    const idOf = new Map<string, string>();
    for (const p of before) {
      const m = match(p.unitName ?? p.unitId);
      idOf.set(p.unitId, m.ok ? m.id : `năm trước: ${p.unitId}`);
    }
    previous = before.map((p) => ({ ...p, unitId: idOf.get(p.unitId)! }));
    scores = current.scores.map((s) =>
      s.predecessorIds?.length ? { ...s, predecessorIds: s.predecessorIds.map((id) => idOf.get(id)!) } : s,
    );
  }

  const compiled = current.detailed ? framework!.compiled() : undefined;
  const blocks = rankBlocks(scores, { bands, compiled, previous });
  const results = blocks.flatMap((b) => b.results);

  if (args.json) {
    io.stdout.write(`${JSON.stringify(results.map(toRow), null, 2)}\n`);
    return 0;
  }

  const withPrevious = previous !== undefined;
  const withParts = results.some((r) => r.parts.length > 1);
  const headers = ["Hạng", "Đơn vị", "Điểm", "Tối đa"];
  const right = [true, false, true, true];
  if (withParts) {
    headers.push("Thẩm định", "Điều tra");
    right.push(true, true);
  }
  headers.push("Chỉ số (%)", "Xếp loại");
  right.push(true, false);
  if (withPrevious) {
    headers.push("Thay đổi hạng", "Xếp loại năm trước");
    right.push(true, false);
  }
  const part = (r: UnitResult, source: NodeSource) => {
    const p = r.parts.find((x) => x.source === source);
    return p ? points(p.points) : "";
  };
  const row = (r: UnitResult) => {
    const cells = [
      r.rank === null ? "—" : String(r.rank),
      r.unitName.normalize("NFC"),
      points(r.points),
      points(r.maxPoints),
    ];
    if (withParts) cells.push(part(r, "APPRAISAL"), part(r, "SURVEY"));
    cells.push(pct(r.indexPct), r.className);
    if (withPrevious) cells.push(rankChangeText(r.rankChange), r.previous?.className ?? "");
    return cells;
  };

  const named = blocks.filter((b) => b.name !== null).length;
  const out: string[] = [];
  out.push(
    `Xếp hạng chỉ số CCHC: ${path.basename(args.file)}, ${results.length} đơn vị${named ? `, ${blocks.length} khối` : ""}`,
  );
  for (const block of blocks) {
    out.push("");
    const stats = block.statistics;
    const average = `chỉ số trung bình ${pct(stats.averageIndexPct)} %${stats.ranked < stats.units ? ` (${stats.ranked} đơn vị được xếp hạng)` : ""}`;
    if (named) {
      out.push(`${block.name ?? "Chưa xếp khối"}: ${stats.units} đơn vị, ${average}`);
      out.push("");
    }
    out.push(renderTable(headers, block.results.map(row), right));
    if (!named) out.push(`Cả đợt: ${average}.`);
    const notRanked = block.results.filter((r) => !r.ranked);
    for (const r of notRanked)
      out.push(`${formatRank(null)}: ${r.unitName}${r.notRankedReason ? ` (lý do: ${r.notRankedReason})` : ""}.`);
    for (const r of block.results.filter((x) => x.classFloor))
      out.push(`${r.unitName}: ${r.className}, ${floorExplanation(r.classFloor!)}.`);
  }
  out.push("");
  out.push(`Xếp loại ${framework ? `theo bộ chỉ số “${framework.name}”` : "mặc định"}: ${bandsText(bands)}.`);
  if (hasFloors(bands) && !current.detailed)
    out.push(
      "Các mức xếp loại có mức tối thiểu mỗi lĩnh vực, nhưng tệp điểm tổng hợp không có điểm từng lĩnh vực: xếp loại theo tổng điểm.",
    );
  if (withParts)
    out.push("Tổng điểm là điểm thẩm định cộng điểm điều tra, chưa làm tròn; xếp hạng theo giá trị chính xác.");
  if (args.previous) {
    out.push(`So với năm trước: ${path.basename(args.previous)} (hạng như đã công bố khi tệp có cột hạng).`);
    const mapped = results.filter((r) => r.previousBasis === "mapped");
    if (mapped.length)
      out.push(
        `Đơn vị so với đơn vị năm trước đã thay thế: ${mapped.map((r) => `${r.unitName} ← ${r.predecessors.map((p) => p.unitName ?? p.unitId).join(" + ")}`).join("; ")}.`,
      );
    const fresh = results.filter((r) => r.previousBasis === "none");
    if (fresh.length) out.push(`Đơn vị mới, không có kết quả năm trước: ${fresh.map((r) => r.unitName).join(", ")}.`);
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
    if (command === "analyse" || command === "analyze") return await analyse(parseAnalyseArgs(rest), io);
    if (command !== "rank") throw new UsageError(`Không có lệnh “${command}” (lệnh hiện có: rank, analyse)`);
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
