// npm run scoring -- analyse <detailed file> --previous <detailed file> --framework <file.json>
//   [--previous-framework <file.json>] [--mapping <file.csv|xlsx>] [--remediation <file.csv|xlsx>]
//   [--unit <name>] [--json]
//
// The criterion analysis of a round against the previous one (both detailed), through the app's score
// import and the analysis module: per area a table of every criterion's average % this year and last,
// the change and the units that kept, gained, lost or newly lost points; the strongest, the weakest and
// the largest drops; criteria without a counterpart. With --unit, one unit's change broken down by area
// and criterion. The codes of two framework versions are paired automatically (same code and title,
// or same title) unless a --mapping file pairs them. --remediation follows last year's remediation actions
// into this year (cli-remediation.ts).
import path from "node:path";
import {
  AnalysisInputError,
  analyseCriteria,
  checkMapping,
  explainUnitChange,
  suggestMapping,
  type AnalysisInput,
  type ChangePart,
  type ChangeStatus,
  type CodeMapping,
  type CriterionAnalysis,
  type CriterionRow,
  type MatchReason,
  type NodeRef,
  type UnitChange,
  type UnitCriterionFigure,
} from "#app/scoring/analysis/index.ts";
import { parseMappingTable } from "#app/scoring/analysis-mapping-file.ts";
import {
  DataError,
  failWithRowErrors,
  readFramework,
  readTableFile,
  UsageError,
  type CliIo,
  type FrameworkFile,
} from "#app/scoring/cli-files.ts";
import { pct, points, renderTable } from "#app/scoring/cli-output.ts";
import {
  followActions,
  parseActionsTable,
  remediationJson,
  remediationText,
  type ActionRow,
} from "#app/scoring/cli-remediation.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { isDetailedTable, parseDetailedScores, type ImportedDetailedScores } from "#app/scoring/import-detailed.ts";
import { createUnitMatcher, displayNames, unitError } from "#app/scoring/unit-match.ts";

export interface AnalyseArgs {
  file: string;
  previous: string;
  framework: string;
  previousFramework: string | null;
  mapping: string | null;
  remediation: string | null;
  unit: string | null;
  json: boolean;
}

const NOT_DONE = "chưa phân tích";

export function parseAnalyseArgs(args: string[]): AnalyseArgs {
  const files: string[] = [];
  const options: Record<
    "previous" | "framework" | "previousFramework" | "mapping" | "remediation" | "unit",
    string | null
  > = {
    previous: null,
    framework: null,
    previousFramework: null,
    mapping: null,
    remediation: null,
    unit: null,
  };
  const names = {
    "--previous": "previous",
    "--framework": "framework",
    "--previous-framework": "previousFramework",
    "--mapping": "mapping",
    "--remediation": "remediation",
    "--unit": "unit",
  } as const;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, null];
    if (name in names) {
      const key = names[name as keyof typeof names];
      const v = inline ?? args[++i];
      if (v === undefined || v.trim() === "" || (inline === null && v.startsWith("--")))
        throw new UsageError(`Tùy chọn ${name} cần ${key === "unit" ? "tên đơn vị" : "tên tệp"} đi kèm`);
      if (options[key] !== null) throw new UsageError(`Tùy chọn ${name} chỉ được ghi một lần`);
      options[key] = v;
    } else if (name === "--json") {
      if (inline !== null) throw new UsageError("Tùy chọn --json không nhận giá trị");
      json = true;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`Không có tùy chọn ${name} cho lệnh analyse`);
    else files.push(arg);
  }
  if (!files.length) throw new UsageError("Thiếu tệp điểm chi tiết cần phân tích");
  if (files.length > 1)
    throw new UsageError(`Chỉ phân tích một tệp mỗi lần (nhận được ${files.length} tệp: ${files.join(", ")})`);
  if (options.previous === null)
    throw new UsageError("Lệnh analyse cần --previous <tệp điểm chi tiết năm trước> để so sánh");
  if (options.framework === null)
    throw new UsageError("Lệnh analyse cần --framework <tệp .json> với đầy đủ cây tiêu chí của bộ chỉ số");
  for (const f of [files[0]!, options.previous, options.mapping, options.remediation]) {
    if (f !== null && !/\.(csv|xlsx)$/i.test(f))
      throw new UsageError(`Chỉ nhận tệp .csv hoặc .xlsx (tệp “${f}” không đúng định dạng)`);
  }
  for (const f of [options.framework, options.previousFramework]) {
    if (f !== null && !/\.json$/i.test(f)) throw new UsageError(`Bộ chỉ số phải là tệp .json (nhận được “${f}”)`);
  }
  return {
    file: files[0]!,
    previous: options.previous,
    framework: options.framework,
    previousFramework: options.previousFramework,
    mapping: options.mapping,
    remediation: options.remediation,
    unit: options.unit,
    json,
  };
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────────

/** A detailed score file read with the framework's tree; a summary file or bad rows fail with exit 1. */
async function readDetailed(
  file: string,
  cwd: string,
  io: CliIo,
  framework: FrameworkFile,
  year: "năm nay" | "năm trước",
  /** The previous year's own framework was given (--previous-framework). */
  ownFramework: boolean,
  previousUnits?: ImportedDetailedScores[],
): Promise<ImportedDetailedScores[]> {
  const table = await readTableFile(file, cwd);
  if (!isDetailedTable(table)) {
    throw new DataError(
      `Tệp “${file}” (${year}) là tệp điểm tổng hợp (không có cột mã tiêu chí): phân tích theo tiêu chí cần tệp điểm chi tiết của cả hai năm (cột don_vi, ma, diem)`,
    );
  }
  const parsed = parseDetailedScores(table, framework.compiled(), {
    previousUnits: previousUnits?.map((u) => ({ id: u.unitId, names: [u.unitName] })),
    ignorePreviousUnits: previousUnits === undefined,
  });
  if (!parsed.ok) {
    const unknownCodes = parsed.errors.some((e) => e.message.startsWith("Mã “"));
    const hint =
      unknownCodes && year === "năm trước" && !ownFramework
        ? "Năm trước chấm theo bộ chỉ số khác? Ghi thêm --previous-framework <tệp .json> với bộ chỉ số năm trước."
        : undefined;
    failWithRowErrors(io, file, parsed.errors, NOT_DONE, hint);
  }
  return parsed.scores;
}

/** Where each group of the mapping used comes from: the --mapping file (its row) or the suggestion. */
export interface UsedGroup {
  current: string[];
  previous: string[];
  source: "file" | "suggested";
  /** Row of the --mapping file; null for a suggested group. */
  row: number | null;
  /** Why the codes were paired automatically; null for a group of the file. */
  reason: MatchReason | null;
}

/**
 * The mapping used: the file's groups, then every suggested pair (same code and title, or same title)
 * whose codes the file does not name on either side. Without a file: the suggestion alone (the same
 * framework both years: every code with itself).
 */
async function resolveMapping(
  args: AnalyseArgs,
  cwd: string,
  io: CliIo,
  current: CompiledFramework,
  previous: CompiledFramework,
): Promise<UsedGroup[]> {
  const used: UsedGroup[] = [];
  const named = { current: new Set<string>(), previous: new Set<string>() };
  if (args.mapping) {
    const parsed = parseMappingTable(await readTableFile(args.mapping, cwd), { current, previous });
    if (!parsed.ok) failWithRowErrors(io, args.mapping, parsed.errors, NOT_DONE);
    for (const g of parsed.groups) {
      used.push({ current: g.current, previous: g.previous, source: "file", row: g.row, reason: null });
      for (const c of g.current) named.current.add(c);
      for (const c of g.previous) named.previous.add(c);
    }
  }
  for (const g of suggestMapping(current, previous).groups) {
    if (g.current.some((c) => named.current.has(c)) || g.previous.some((c) => named.previous.has(c))) continue;
    used.push({ current: g.current, previous: g.previous, source: "suggested", row: null, reason: g.reason });
  }
  const problems = checkMapping(asMapping(used), current, previous);
  if (problems.length)
    throw new DataError(
      mappingProblemsText(
        args.mapping,
        problems.map((p) => p.message),
      ),
    );
  return used;
}

const asMapping = (groups: UsedGroup[]): CodeMapping =>
  groups.map((g) => ({ current: g.current, previous: g.previous }));

const mappingProblemsText = (file: string | null, messages: string[]) =>
  `Bảng ghép mã tiêu chí${file ? ` (“${file}”)` : ""} chưa đúng, chưa phân tích:\n${messages.map((m) => `  - ${m}`).join("\n")}`;

// ─── The command ────────────────────────────────────────────────────────────────────────────────────

export async function analyse(args: AnalyseArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const framework = await readFramework(args.framework, cwd);
  const previousFramework = args.previousFramework ? await readFramework(args.previousFramework, cwd) : framework;
  const current = framework.compiled();
  const previous = previousFramework.compiled();

  const own = args.previousFramework !== null;
  const before = await readDetailed(args.previous, cwd, io, previousFramework, "năm trước", own);
  const now = await readDetailed(args.file, cwd, io, framework, "năm nay", true, before);
  const mapping = await resolveMapping(args, cwd, io, current, previous);
  const previousUnits = before.map((u) => ({ id: u.unitId, names: [u.unitName] }));
  let actions: ActionRow[] | null = null;
  if (args.remediation) {
    const parsed = parseActionsTable(await readTableFile(args.remediation, cwd), previousUnits, previous);
    if (!parsed.ok) failWithRowErrors(io, args.remediation, parsed.errors, NOT_DONE);
    actions = parsed.actions;
  }
  const previousNames = new Map(before.map((u) => [u.unitId, u.unitName]));

  // Last year's units are this year's when their names match, or through the previous_unit column.
  const matchPrevious = createUnitMatcher(before.map((u) => ({ id: u.unitId, names: [u.unitName] })));
  const predecessors = new Map<string, string[]>();
  for (const u of now) {
    if (u.predecessorIds?.length) predecessors.set(u.unitId, u.predecessorIds);
    else {
      const m = matchPrevious(u.unitName);
      predecessors.set(u.unitId, m.ok ? [m.id] : []);
    }
  }

  const input: AnalysisInput = {
    current: { compiled: current, units: now },
    previous: { compiled: previous, units: before },
    mapping: asMapping(mapping),
    predecessors,
  };

  let unitId: string | null = null;
  if (args.unit !== null) {
    const units = now.map((u) => ({ id: u.unitId, names: [u.unitName] }));
    const m = createUnitMatcher(units)(args.unit);
    if (!m.ok) {
      const message = unitError(args.unit.trim(), m, displayNames(units)).replace(
        "trong đợt đánh giá",
        `trong tệp “${args.file}”`,
      );
      const names = now.slice(0, 10).map((u) => u.unitName);
      const more = now.length > 10 ? ` và ${now.length - 10} đơn vị khác` : "";
      throw new DataError(`${message}; các đơn vị: ${names.join(", ")}${more}`);
    }
    unitId = m.id;
  }

  try {
    if (unitId !== null) {
      const change = explainUnitChange(input, unitId);
      if (!change) {
        const name = now.find((u) => u.unitId === unitId)!.unitName;
        throw new DataError(
          `Đơn vị “${name}” không có kết quả năm trước trong tệp “${args.previous}” (không trùng tên, không có cột don_vi_truoc): không có thay đổi để phân tích`,
        );
      }
      // The unit's own actions: those of the previous units it is compared with.
      const loop = actions
        ? followActions(
            input,
            actions.filter((a) => change.previousUnitIds.includes(a.unitId)),
          )
        : null;
      if (args.json)
        io.stdout.write(
          `${JSON.stringify({ ...unitJson(args, framework, previousFramework, change), ...(loop ? { remediation: remediationJson(loop, previousNames) } : {}) }, null, 2)}\n`,
        );
      else
        io.stdout.write(
          `${unitText(args, change, current, previous)}\n${loop ? `\n${remediationText(loop, previousNames)}\n` : ""}`,
        );
      return 0;
    }
    const analysis = analyseCriteria(input);
    const loop = actions ? followActions(input, actions) : null;
    if (args.json)
      io.stdout.write(
        `${JSON.stringify({ ...analysisJson(args, framework, previousFramework, mapping, analysis), ...(loop ? { remediation: remediationJson(loop, previousNames) } : {}) }, null, 2)}\n`,
      );
    else
      io.stdout.write(
        `${analysisText(args, framework, previousFramework, mapping, analysis, current)}\n${loop ? `\n${remediationText(loop, previousNames)}\n` : ""}`,
      );
    return 0;
  } catch (error) {
    if (error instanceof AnalysisInputError)
      throw new DataError(
        mappingProblemsText(
          args.mapping,
          error.problems.map((p) => p.message),
        ),
      );
    throw error;
  }
}

// ─── Text ───────────────────────────────────────────────────────────────────────────────────────────

/** "+3,50", "−1,25", "0,00": percentage points or points with a sign. */
export const signed = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${pct(r)}` : r < 0 ? `−${pct(-r)}` : pct(0);
};
const optPct = (n: number | null) => (n === null ? "—" : pct(n));
const optSigned = (n: number | null) => (n === null ? "—" : signed(n));
const clip = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const codes = (list: string[]) => list.join(" + ");
const lossText = (f: UnitCriterionFigure) => `${f.unitName} ${signed(f.change)}`;
const rowRef = (r: CriterionRow) => `${codes(r.codes)} ${r.title}`;
const nodeRef = (n: NodeRef) => `${n.code} ${n.title}`;

const REASON: Record<MatchReason, string> = {
  "same-code-same-title": "cùng mã, cùng tên",
  "same-code-similar-title": "cùng mã, tên gần giống",
  "same-title": "cùng tên",
  "similar-title": "tên gần giống",
};

function analysisText(
  args: AnalyseArgs,
  framework: FrameworkFile,
  previousFramework: FrameworkFile,
  mapping: UsedGroup[],
  a: CriterionAnalysis,
  current: CompiledFramework,
): string {
  const out: string[] = [];
  out.push(`Phân tích theo tiêu chí: ${path.basename(args.file)} so với ${path.basename(args.previous)}`);
  out.push(
    `${a.units} đơn vị, ${a.comparedUnits} đơn vị có kết quả năm trước để so sánh. Bộ chỉ số “${framework.name}”${
      previousFramework === framework ? " cả hai năm" : `, năm trước “${previousFramework.name}”`
    }.`,
  );
  const headers = [
    "Mã",
    "Tiêu chí",
    "Năm nay (%)",
    "Năm trước (%)",
    "Thay đổi",
    "So sánh",
    "Giữ tối đa",
    "Tăng",
    "Giảm",
    "Mới mất điểm",
    "Giảm nhiều nhất",
  ];
  const right = [false, false, true, true, true, true, true, true, true, true, false];
  const withPreviousCodes = a.rows.some((r) => r.previousCodes.join(";") !== r.codes.join(";"));
  if (withPreviousCodes) {
    headers.splice(2, 0, "Mã năm trước");
    right.splice(2, 0, false);
  }
  const cells = (r: CriterionRow) => {
    const row = [
      `${"  ".repeat(r.depth)}${codes(r.codes)}`,
      clip(r.title),
      optPct(r.averagePct),
      optPct(r.previousAveragePct),
      optSigned(r.change),
      String(r.compared),
      String(r.keptFull),
      String(r.gained),
      String(r.lost),
      String(r.newlyLost),
      r.largestLosses.length ? lossText(r.largestLosses[0]!) : "",
    ];
    if (withPreviousCodes) row.splice(2, 0, r.previousCodes.length ? codes(r.previousCodes) : "(không có)");
    return row;
  };
  for (const areaIndex of current.areaIndices) {
    const area = current.nodes[areaIndex]!;
    const rows = a.rows.filter((r) => r.areaCode === area.code);
    if (!rows.length) continue;
    out.push("");
    out.push(`Lĩnh vực ${area.code}. ${area.title}`);
    out.push(renderTable(headers, rows.map(cells), right));
  }
  out.push("");
  out.push(
    "Trung bình % của các đơn vị có tiêu chí (không tính đơn vị không áp dụng); thay đổi tính bằng điểm phần trăm. So sánh: số đơn vị có tiêu chí cả hai năm; Giữ tối đa, Tăng, Giảm, Mới mất điểm (đạt tối đa năm trước, năm nay bị trừ) và Giảm nhiều nhất (điểm %) tính trên các đơn vị này.",
  );
  const list = (title: string, rows: CriterionRow[], value: (r: CriterionRow) => string) => {
    if (!rows.length) return;
    out.push("");
    out.push(`${title}:`);
    for (const r of rows) out.push(`  ${rowRef(r)}: ${value(r)}`);
  };
  list("Tiêu chí mạnh nhất (trung bình cao nhất)", a.strongest, (r) => `${optPct(r.averagePct)} %`);
  list("Tiêu chí yếu nhất (trung bình thấp nhất)", a.weakest, (r) => `${optPct(r.averagePct)} %`);
  list(
    "Tiêu chí giảm nhiều nhất",
    a.largestDrops,
    (r) =>
      `${optSigned(r.change)} điểm % (${optPct(r.previousAveragePct)} → ${optPct(r.averagePct)} %)${
        r.largestLosses.length ? `; giảm nhiều nhất: ${r.largestLosses.map(lossText).join(", ")}` : ""
      }`,
  );
  if (a.unmatched.current.length || a.unmatched.previous.length) out.push("");
  if (a.unmatched.current.length)
    out.push(
      `Tiêu chí mới, không có tương ứng năm trước (không so sánh): ${a.unmatched.current.map(nodeRef).join("; ")}.`,
    );
  if (a.unmatched.previous.length)
    out.push(
      `Tiêu chí năm trước không có tương ứng năm nay (không còn đánh giá): ${a.unmatched.previous.map(nodeRef).join("; ")}.`,
    );
  const fromFile = mapping.filter((g) => g.source === "file");
  const guessed = mapping.filter(
    (g) => g.source === "suggested" && (g.reason !== "same-code-same-title" || g.current[0] !== g.previous[0]),
  );
  if (fromFile.length || guessed.length) out.push("");
  if (fromFile.length)
    out.push(
      `Ghép mã theo tệp “${path.basename(args.mapping!)}”: ${fromFile.map((g) => `${codes(g.current)} ← ${codes(g.previous)}`).join("; ")}.`,
    );
  if (guessed.length)
    out.push(
      `Ghép mã tự động: ${guessed.map((g) => `${codes(g.current)} ← ${codes(g.previous)} (${REASON[g.reason!]})`).join("; ")}.`,
    );
  return out.join("\n");
}

const STATUS: Record<ChangeStatus, string> = {
  "kept-full": "giữ điểm tối đa",
  "reached-full": "đạt điểm tối đa",
  "newly-lost": "mới mất điểm",
  "still-losing": "vẫn chưa đạt tối đa",
  new: "tiêu chí mới",
  gone: "không còn đánh giá",
  "not-applicable": "không áp dụng",
};

/** Hundredths of a point as points, Vietnamese decimals. */
const h = (n: number) => points(n / 100);
const hSigned = (n: number) => {
  const v = n / 100;
  return v > 0 ? `+${points(v)}` : v < 0 ? `−${points(-v)}` : "0";
};

function unitText(args: AnalyseArgs, c: UnitChange, current: CompiledFramework, previous: CompiledFramework): string {
  const out: string[] = [];
  out.push(`Vì sao “${c.unitName}” thay đổi: ${path.basename(args.file)} so với ${path.basename(args.previous)}`);
  if (c.previousUnitIds.length > 1)
    out.push(`So với các đơn vị năm trước cộng lại (điểm và điểm tối đa cộng dồn): ${c.previousUnitIds.join(" + ")}.`);
  else if (c.previousUnitIds[0] !== c.unitId) out.push(`So với đơn vị năm trước: ${c.previousUnitIds[0]}.`);
  out.push(
    `Năm nay ${h(c.total)}/${h(c.maxTotal)} điểm (${pct(c.indexPct)} %), năm trước ${h(c.previousTotal)}/${h(c.previousMaxTotal)} điểm (${pct(c.previousIndexPct)} %): ${hSigned(c.change)} điểm, chỉ số ${signed(c.indexChange)} điểm %.`,
  );
  const table = (parts: ChangePart[]) => {
    const renamed = parts.some((p) => p.codes.length && p.previousCodes.join(";") !== p.codes.join(";"));
    const headers = ["Mã", "Tên", "Điểm", "Tối đa", "Năm trước", "Tối đa năm trước", "Thay đổi", "Đánh giá"];
    const right = [false, false, true, true, true, true, true, false];
    if (renamed) {
      headers.splice(1, 0, "Mã năm trước");
      right.splice(1, 0, false);
    }
    const row = (p: ChangePart) => {
      const cells = [
        p.codes.length ? codes(p.codes) : `(${codes(p.previousCodes)} năm trước)`,
        clip(p.title),
        p.codes.length ? h(p.points) : "—",
        p.codes.length ? h(p.maxPoints) : "—",
        p.previousCodes.length ? h(p.previousPoints) : "—",
        p.previousCodes.length ? h(p.previousMaxPoints) : "—",
        hSigned(p.change),
        STATUS[p.status],
      ];
      if (renamed) cells.splice(1, 0, p.previousCodes.length ? codes(p.previousCodes) : "(không có)");
      return cells;
    };
    return renderTable(headers, parts.map(row), right);
  };
  out.push("");
  out.push("Theo lĩnh vực (cộng lại đúng bằng thay đổi của tổng điểm):");
  out.push(table(c.areas));
  out.push("");
  out.push("Theo tiêu chí:");
  out.push(table(c.criteria));
  const refs = (parts: ChangePart[]) =>
    parts
      .map((p) => `${p.codes.length ? codes(p.codes) : codes(p.previousCodes)} ${p.title} (${hSigned(p.change)})`)
      .join("; ");
  if (c.drivers.length) {
    out.push("");
    out.push(`Tiêu chí tác động nhiều nhất: ${refs(c.drivers)}.`);
  }
  out.push("");
  out.push(`Đã làm tốt (giữ hoặc đạt điểm tối đa): ${c.didWell.length ? refs(c.didWell) : "không có"}.`);
  out.push(`Chưa làm được (mất điểm hoặc chưa đạt tối đa): ${c.didNot.length ? refs(c.didNot) : "không có"}.`);
  if (current !== previous)
    out.push("Mã năm trước theo bộ chỉ số năm trước; các tiêu chí được ghép với nhau được so sánh như một.");
  return out.join("\n");
}

// ─── JSON ───────────────────────────────────────────────────────────────────────────────────────────

const frameworkRef = (f: FrameworkFile) => ({ name: f.name, year: f.compiled().framework.year });

/** A ChangePart with its points in points (hundredths / 100) instead of hundredths. */
const partJson = (p: ChangePart) => ({
  ...p,
  points: p.points / 100,
  maxPoints: p.maxPoints / 100,
  previousPoints: p.previousPoints / 100,
  previousMaxPoints: p.previousMaxPoints / 100,
  change: p.change / 100,
});

function analysisJson(
  args: AnalyseArgs,
  framework: FrameworkFile,
  previousFramework: FrameworkFile,
  mapping: UsedGroup[],
  a: CriterionAnalysis,
) {
  return {
    file: args.file,
    previousFile: args.previous,
    framework: frameworkRef(framework),
    previousFramework: frameworkRef(previousFramework),
    mapping,
    ...a,
  };
}

function unitJson(args: AnalyseArgs, framework: FrameworkFile, previousFramework: FrameworkFile, c: UnitChange) {
  return {
    file: args.file,
    previousFile: args.previous,
    framework: frameworkRef(framework),
    previousFramework: frameworkRef(previousFramework),
    unit: {
      ...c,
      total: c.total / 100,
      maxTotal: c.maxTotal / 100,
      previousTotal: c.previousTotal / 100,
      previousMaxTotal: c.previousMaxTotal / 100,
      change: c.change / 100,
      areas: c.areas.map(partJson),
      criteria: c.criteria.map(partJson),
      subCriteria: c.subCriteria.map(partJson),
      drivers: c.drivers.map(partJson),
      didWell: c.didWell.map(partJson),
      didNot: c.didNot.map(partJson),
    },
  };
}
