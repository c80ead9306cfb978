// Score import: reads a CSV or XLSX file into a plain table, then checks and
// converts it into summary scores (unit, points, maximum) or detailed scores
// (unit, criterion code, points). Every bad row is reported, by row and
// column, in Vietnamese; nothing is returned as scores while any row is bad.
//
// Plain TypeScript: no Remix, no Prisma. The XLSX reader (exceljs, Node only)
// is loaded on demand from ./import-xlsx.ts so that the parsing functions can
// also run in a browser bundle.
import { emptyScores, type CompiledFramework } from "#app/scoring/framework.ts";
import { checkImportCells, checkImportRow } from "#app/scoring/import-limits.ts";
import type { DetailedScores, SummaryScores } from "#app/scoring/types.ts";

// ---------------------------------------------------------------------------
// Table

export interface TableRow {
  /** Row number as the user sees it in the file: the spreadsheet row, or the CSV record (header = 1). */
  rowNumber: number;
  /** Trimmed cell texts, aligned with Table.headers (a row may be shorter or longer). */
  cells: string[];
}

export interface Table {
  /** Trimmed header texts, as in the file. */
  headers: string[];
  /** Data rows after the header; fully empty rows are left out. */
  rows: TableRow[];
  /** Row number of the header: the first non-empty row, normally 1. */
  headerRow: number;
}

export interface TableInput {
  fileName: string;
  data: Uint8Array;
}

/** Reads the first worksheet of an .xlsx file, or a .csv file (UTF-8, comma, semicolon or tab separated). */
export async function readTable(input: TableInput): Promise<Table> {
  const name = input.fileName.toLowerCase();
  if (name.endsWith(".csv")) return readCsvTable(input.data);
  if (name.endsWith(".xlsx")) {
    const { readXlsxTable } = await import("#app/scoring/import-xlsx.ts");
    return readXlsxTable(input.data);
  }
  throw new Error(`Chỉ nhận tệp .csv hoặc .xlsx (tệp “${input.fileName}” không đúng định dạng)`);
}

/** Builds a table from records (first non-empty record = header); rows keep their 1-based record number. */
export function tableFromRecords(records: Iterable<string[]>): Table {
  let headers: string[] | null = null;
  let headerRow = 1;
  const rows: TableRow[] = [];
  let n = 0;
  for (const record of records) {
    n++;
    const cells = record.map((c) => c.trim());
    if (isEmptyRow(cells)) continue;
    if (headers === null) {
      headers = cells;
      headerRow = n;
    } else rows.push({ rowNumber: n, cells });
  }
  return { headers: headers ?? [], rows, headerRow };
}

export function isEmptyRow(cells: string[]): boolean {
  for (const c of cells) if (c !== "") return false;
  return true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true }); // strips a BOM

export function readCsvTable(data: Uint8Array): Table {
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    throw new Error("Tệp CSV không được lưu bằng mã UTF-8; hãy lưu lại với kiểu “CSV UTF-8 (Comma delimited)”");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = parseCsv(text, detectSeparator(text));
  return tableFromRecords(records);
}

/** The separator of the first non-empty line outside quotes: the most frequent of ; , and tab (comma on a tie). */
export function detectSeparator(text: string): string {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim()) seenContent = true;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and
 * line breaks; CRLF, LF and CR end records. Lenient about a quote inside an
 * unquoted field (kept as is); an unterminated quote is an error.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  const sep = separator.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const len = text.length;
  let record: string[] = [];
  let i = 0;
  let recordNumber = 1;
  let fields = 0;
  while (i < len) {
    // one field
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const start = i;
      let value = "";
      i++;
      let chunk = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          throw new Error(`Tệp CSV có dấu ngoặc kép chưa đóng, mở ở dòng ${recordNumber} (ký tự thứ ${start + 1})`);
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(chunk, q + 1);
          i = q + 2;
          chunk = i;
          continue;
        }
        value += text.slice(chunk, q);
        i = q + 1;
        break;
      }
      // anything after the closing quote up to the separator is kept as is
      const rest = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      field = rest === i ? value : value + text.slice(rest, i);
    } else {
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      field = text.slice(start, i);
    }
    record.push(field);
    // Bounded before a hostile file (millions of empty lines or separators) can fill the heap.
    if (++fields % 1024 === 0) checkImportCells(fields);
    if (i >= len) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= len) record.push("");
      continue;
    }
    // end of record
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    checkImportRow(records.length);
    record = [];
    recordNumber++;
  }
  if (record.length) records.push(record);
  return records;
}

// ---------------------------------------------------------------------------
// Errors and numbers

export interface ImportError {
  /** Row number in the file (header = 1). */
  row: number;
  /** Header of the column as in the file, or "" when the error is about the whole row or a missing column. */
  column: string;
  message: string;
}

/** "Dòng 7, cột diem: Điểm “abc” không phải là số"; with a limit, the rest is summed up in one line. */
export function formatImportErrors(errors: ImportError[], options: { limit?: number } = {}): string[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const lines = errors
    .slice(0, limit)
    .map((e) => (e.column ? `Dòng ${e.row}, cột ${e.column}: ${e.message}` : `Dòng ${e.row}: ${e.message}`));
  if (errors.length > limit) lines.push(`… và ${(errors.length - limit).toLocaleString("vi-VN")} lỗi khác`);
  return lines;
}

const viNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6, useGrouping: true });

/** 3.5 → "3,5"; 1234.5 → "1.234,5". */
export function formatNumberVi(n: number): string {
  return viNumber.format(n);
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const DOT_GROUPS_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_GROUPS_DOT_DECIMAL = /^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(?:\.\d{3}){2,}$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(?:,\d{3}){2,}$/;

/**
 * A number as people type it in Vietnam or elsewhere: "71.11", "71,11"
 * (decimal comma: one comma, no dot), "1.234,5" and "1,234.5" (both
 * separators: the last one is the decimal point, the other groups thousands),
 * "1.234.567". Returns null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  let n: number;
  if (PLAIN_NUMBER.test(s)) n = Number(s);
  else if (DECIMAL_COMMA.test(s)) n = Number(s.replace(",", "."));
  else if (DOT_GROUPS_COMMA_DECIMAL.test(s) || DOT_GROUPS.test(s)) n = Number(s.replace(/\./g, "").replace(",", "."));
  else if (COMMA_GROUPS_DOT_DECIMAL.test(s) || COMMA_GROUPS.test(s)) n = Number(s.replace(/,/g, ""));
  else return null;
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------
// Names: headers and units

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, no diacritics (đ → d), one space between words. */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function headerKey(header: string): string {
  return foldText(header.replace(/[_\-]+/g, " "));
}

const UNIT_PREFIX = /^(?:ubnd|[uủ][yỷ] ban nhân dân)\s+/;

/** Case- and whitespace-insensitive, keeps diacritics, drops a leading "UBND " / "Ủy ban nhân dân ". */
export function unitNameKey(name: string): string {
  const key = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const stripped = key.replace(UNIT_PREFIX, "");
  return stripped || key;
}

/** unitNameKey without diacritics: "Tánh Linh", "tanh linh" and "TÁNH  LINH" fold alike. */
export function unitNameFold(name: string): string {
  return foldText(unitNameKey(name));
}

export interface ImportUnit {
  id: string;
  /** Every name the unit may appear under in a file (official name, short name…). */
  names: string[];
}

export type UnitMatch =
  { ok: true; id: string } | { ok: false; reason: "unknown" } | { ok: false; reason: "ambiguous"; ids: string[] };

/**
 * Matches unit names as people write them: first case- and
 * whitespace-insensitively with diacritics (so "Tân Hòa" and "Tân Hóa" stay
 * apart), then without diacritics when that is unambiguous; a leading "UBND "
 * or "Ủy ban nhân dân " is optional on both sides.
 */
export function createUnitMatcher(units: ImportUnit[]): (name: string) => UnitMatch {
  const byKey = new Map<string, Set<string>>();
  const byFold = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(id);
  };
  for (const u of units) {
    for (const name of u.names) {
      if (typeof name !== "string" || !name.trim()) continue; // tolerate null/empty aliases from the database
      add(byKey, unitNameKey(name), u.id);
      add(byFold, unitNameFold(name), u.id);
    }
  }
  const cache = new Map<string, UnitMatch>();
  return (name: string) => {
    let result = cache.get(name);
    if (result) return result;
    const exact = byKey.get(unitNameKey(name));
    const set = exact ?? byFold.get(unitNameFold(name));
    if (!set) result = { ok: false, reason: "unknown" };
    else if (set.size === 1) result = { ok: true, id: set.values().next().value! };
    else result = { ok: false, reason: "ambiguous", ids: [...set] };
    cache.set(name, result);
    return result;
  };
}

// ---------------------------------------------------------------------------
// Columns

interface ColumnSpec {
  /** Name used in messages. */
  label: string;
  /** Accepted header names as shown to the user. */
  shown: string[];
  /** Folded header keys (see headerKey). */
  keys: string[];
  required: boolean;
}

const spec = (label: string, shown: string[], extra: string[], required: boolean): ColumnSpec => ({
  label,
  shown,
  keys: [...new Set([...shown, ...extra].map(headerKey))],
  required,
});

const UNIT = spec("đơn vị", ["unit", "don_vi", "đơn vị"], ["tên đơn vị", "unit name"], true);
const SUMMARY_COLUMNS = {
  unit: UNIT,
  points: spec("điểm", ["points", "diem", "điểm"], ["tổng điểm", "total points"], true),
  maxPoints: spec("điểm tối đa", ["max_points", "diem_toi_da", "điểm tối đa"], ["max points", "maximum"], true),
  surveyPoints: spec("điểm điều tra", ["survey_points", "diem_dieu_tra", "điểm điều tra"], [], false),
};
const DETAILED_COLUMNS = {
  unit: UNIT,
  code: spec("mã tiêu chí", ["code", "ma", "mã", "ma_tieu_chi", "mã tiêu chí"], ["criterion", "criterion code"], true),
  points: spec("điểm", ["points", "diem", "điểm"], ["điểm thẩm định", "appraised points"], true),
  selfPoints: spec("điểm tự chấm", ["self_points", "diem_tu_cham", "điểm tự chấm"], ["self assessed points"], false),
  notApplicable: spec("không áp dụng", ["not_applicable", "khong_ap_dung", "không áp dụng"], ["n/a", "na"], false),
};

type Columns<K extends string> = { [key in K]: number };

const HEADER_SEARCH_ROWS = 20;

/**
 * The table re-based on its real header row: spreadsheets often carry a title
 * block above the header ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"). When the first row
 * lacks a required column, the first of the next rows that has them all is
 * taken as the header; otherwise the table is returned as is.
 */
function locateHeader(table: Table, specs: Record<string, ColumnSpec>): Table {
  const required = Object.values(specs).filter((s) => s.required);
  const hasAll = (cells: string[]) => {
    const keys = new Set(cells.map(headerKey));
    return required.every((s) => s.keys.some((k) => keys.has(k)));
  };
  if (!table.headers.length || hasAll(table.headers)) return table;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i]!;
    if (hasAll(row.cells)) return { headers: row.cells, rows: table.rows.slice(i + 1), headerRow: row.rowNumber };
  }
  return table;
}

/** Finds each column by its header; reports missing required columns and duplicate columns. */
function resolveColumns<K extends string>(
  table: Table,
  specs: Record<K, ColumnSpec>,
  errors: ImportError[],
): Columns<K> | null {
  const row = table.headerRow;
  if (!table.headers.length) {
    errors.push({ row: 1, column: "", message: "Tệp không có dữ liệu" });
    return null;
  }
  const found = {} as Columns<K>;
  const keys = table.headers.map(headerKey);
  for (const name of Object.keys(specs) as K[]) {
    const s = specs[name];
    const matches: number[] = [];
    keys.forEach((k, i) => {
      if (s.keys.includes(k)) matches.push(i);
    });
    if (!matches.length) {
      found[name] = -1;
      if (s.required) {
        errors.push({ row, column: "", message: `Thiếu cột “${s.label}” (tên cột chấp nhận: ${s.shown.join(", ")})` });
      }
      continue;
    }
    found[name] = matches[0]!;
    for (const i of matches.slice(1)) {
      errors.push({
        row,
        column: table.headers[i]!,
        message: `Cột “${table.headers[i]}” trùng với cột “${table.headers[matches[0]!]}”; chỉ để một cột ${s.label}`,
      });
    }
  }
  if (errors.length) return null;
  if (!table.rows.length) {
    errors.push({ row, column: "", message: "Tệp chỉ có dòng tiêu đề, chưa có dòng điểm nào" });
    return null;
  }
  return found;
}

/** Data under no header is reported: typically a decimal comma in a comma-separated file ("71,11" split in two). */
function checkUnlabelledCells(table: Table, row: TableRow, errors: ImportError[]): void {
  const { headers } = table;
  for (let i = 0; i < row.cells.length; i++) {
    if (row.cells[i] !== "" && !headers[i]) {
      errors.push({
        row: row.rowNumber,
        column: "",
        message:
          i >= headers.length
            ? `Dòng có ${row.cells.length} ô nhưng tiêu đề chỉ có ${headers.length} cột (ô thừa “${row.cells[i]}”); nếu số thập phân dùng dấu phẩy trong tệp phân cách bằng dấu phẩy, hãy đặt số trong ngoặc kép hoặc dùng dấu chấm`
            : `Ô “${row.cells[i]}” ở cột thứ ${i + 1} có dữ liệu nhưng cột không có tiêu đề`,
      });
      return;
    }
  }
}

const cell = (row: TableRow, index: number): string => (index < 0 ? "" : (row.cells[index] ?? ""));

type NumberCheck = { value: number } | { error: string } | null;

/** null when empty; a non-negative finite number; or the Vietnamese error. */
function readPoints(raw: string, label: string): NumberCheck {
  if (raw === "") return null;
  const n = parseNumber(raw);
  if (n === null) return { error: `${label} “${raw}” không phải là số` };
  if (n < 0) return { error: `${label} không được là số âm (${formatNumberVi(n)})` };
  return { value: n };
}

// Points typed from a spreadsheet may carry binary noise (0.1 + 0.2).
const TOLERANCE = 1e-9;

/** A unit's first non-empty name, for messages and SummaryScores/DetailedScores.unitName. */
function displayNames(units: ImportUnit[]): Map<string, string> {
  return new Map(units.map((u) => [u.id, u.names.find((n) => typeof n === "string" && n.trim())?.trim() ?? u.id]));
}

function unitError(name: string, match: UnitMatch, names: Map<string, string>): string {
  if (match.ok) return "";
  if (match.reason === "unknown") return `Không tìm thấy đơn vị “${name}” trong đợt đánh giá`;
  return `Tên đơn vị “${name}” khớp với nhiều đơn vị (${match.ids.map((id) => names.get(id) ?? id).join("; ")}); hãy ghi đúng tên có dấu`;
}

function sortErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .map(([e]) => e);
}

// ---------------------------------------------------------------------------
// Summary shape

export interface SummaryImportOptions {
  /** The round's units; without it (the CLI) each unit's name, as written, is its id. */
  units?: ImportUnit[];
}

export type SummaryImport = { ok: true; scores: SummaryScores[] } | { ok: false; errors: ImportError[] };

/** Columns unit, points, max_points and optionally survey_points; one row per unit. */
export function parseSummaryScores(table: Table, opts: SummaryImportOptions = {}): SummaryImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, SUMMARY_COLUMNS);
  const col = resolveColumns(table, SUMMARY_COLUMNS, errors);
  if (!col) return { ok: false, errors };
  const h = (i: number) => table.headers[i]!;
  const match = opts.units ? createUnitMatcher(opts.units) : null;
  const displayName = displayNames(opts.units ?? []);
  const seen = new Map<string, number>();
  const scores: SummaryScores[] = [];

  for (const row of table.rows) {
    const before = errors.length;
    const err = (column: number, message: string) =>
      errors.push({ row: row.rowNumber, column: column < 0 ? "" : h(column), message });
    checkUnlabelledCells(table, row, errors);

    const rawName = cell(row, col.unit).replace(/\s+/g, " ");
    let unitId: string | null = null;
    let unitName = rawName;
    if (!rawName) err(col.unit, "Chưa có tên đơn vị");
    else if (match) {
      const m = match(rawName);
      if (m.ok) {
        unitId = m.id;
        unitName = displayName.get(m.id)!;
      } else err(col.unit, unitError(rawName, m, displayName));
    } else unitId = rawName.normalize("NFC");

    const points = readPoints(cell(row, col.points), "Điểm");
    if (points === null) err(col.points, "Chưa nhập điểm");
    else if ("error" in points) err(col.points, points.error);
    const max = readPoints(cell(row, col.maxPoints), "Điểm tối đa");
    if (max === null) err(col.maxPoints, "Chưa nhập điểm tối đa");
    else if ("error" in max) err(col.maxPoints, max.error);
    else if (max.value <= 0) err(col.maxPoints, `Điểm tối đa phải lớn hơn 0 (đang là ${formatNumberVi(max.value)})`);
    const maxOk = max && "value" in max && max.value > 0 ? max.value : null;
    if (points && "value" in points && maxOk !== null && points.value > maxOk + TOLERANCE) {
      err(col.points, `Điểm ${formatNumberVi(points.value)} vượt điểm tối đa ${formatNumberVi(maxOk)}`);
    }
    const survey = readPoints(cell(row, col.surveyPoints), "Điểm điều tra");
    if (survey && "error" in survey) err(col.surveyPoints, survey.error);
    else if (survey && maxOk !== null && survey.value > maxOk + TOLERANCE) {
      err(col.surveyPoints, `Điểm điều tra ${formatNumberVi(survey.value)} vượt điểm tối đa ${formatNumberVi(maxOk)}`);
    }

    if (unitId !== null) {
      const key = match ? unitId : unitNameKey(unitId);
      const earlier = seen.get(key);
      if (earlier !== undefined) err(col.unit, `Đơn vị “${rawName}” trùng với dòng ${earlier}`);
      else seen.set(key, row.rowNumber);
    }

    if (errors.length === before && unitId !== null && points && "value" in points && maxOk !== null) {
      scores.push({
        unitId,
        unitName,
        points: points.value,
        maxPoints: maxOk,
        surveyPoints: survey && "value" in survey ? survey.value : null,
      });
    }
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, scores };
}

// ---------------------------------------------------------------------------
// Detailed shape

export interface DetailedImportOptions {
  /** The round's units, in the order the scores are returned. */
  units: ImportUnit[];
}

export type DetailedImport =
  | {
      ok: true;
      /** One per unit present in the file, in `units` order. points = appraised points, else self-assessed; NaN = not scored. */
      scores: DetailedScores[];
      /** Self-assessed points per unit id (NaN where not given); only units with at least one. */
      self: Map<string, Float64Array>;
    }
  | { ok: false; errors: ImportError[] };

const YES = new Set(["x", "1", "true", "co", "yes", "khong ap dung", "kad"]);
const NO = new Set(["", "0", "false", "khong", "no"]);

interface UnitState {
  index: number;
  scores: DetailedScores;
  self: Float64Array | null;
  /** Row of each node's entry, 0 when none. */
  rowOf: Int32Array;
  /** 1 where that row carries points (valid or not). */
  scored: Uint8Array;
  hasParentNotApplicable: boolean;
}

/**
 * Columns unit, code and points, optionally self_points and not_applicable;
 * one row per unit and criterion. Points go to leaves (sub-criteria, or
 * criteria without children); a not-applicable mark may target any node and
 * takes its whole subtree out of the unit's maximum.
 */
export function parseDetailedScores(
  table: Table,
  compiled: CompiledFramework,
  opts: DetailedImportOptions,
): DetailedImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, DETAILED_COLUMNS);
  const col = resolveColumns(table, DETAILED_COLUMNS, errors);
  if (!col) return { ok: false, errors };
  const h = (i: number) => table.headers[i]!;
  const match = createUnitMatcher(opts.units);
  const displayName = displayNames(opts.units);
  const unitIndex = new Map(opts.units.map((u, i) => [u.id, i]));
  const states: Array<UnitState | undefined> = new Array(opts.units.length);
  const n = compiled.nodes.length;
  const { indexByCode, isLeaf, maxPoints } = compiled;
  const state = (index: number): UnitState =>
    (states[index] ??= {
      index,
      scores: emptyScores(compiled, opts.units[index]!.id, displayName.get(opts.units[index]!.id)!),
      self: null,
      rowOf: new Int32Array(n),
      scored: new Uint8Array(n),
      hasParentNotApplicable: false,
    });

  for (const row of table.rows) {
    const r = row.rowNumber;
    const before = errors.length;
    const err = (column: number, message: string) =>
      errors.push({ row: r, column: column < 0 ? "" : h(column), message });
    checkUnlabelledCells(table, row, errors);

    // unit
    const rawName = cell(row, col.unit);
    let unit = -1;
    if (!rawName) err(col.unit, "Chưa có tên đơn vị");
    else {
      const m = match(rawName);
      if (m.ok) unit = unitIndex.get(m.id)!;
      else err(col.unit, unitError(rawName.replace(/\s+/g, " "), m, displayName));
    }

    // code
    const code = cell(row, col.code).replace(/\.$/, "");
    let node = -1;
    if (!code) err(col.code, "Chưa có mã tiêu chí");
    else {
      const found = indexByCode.get(code);
      if (found === undefined) err(col.code, `Mã “${code}” không có trong bộ chỉ số “${compiled.framework.name}”`);
      else node = found;
    }

    // not applicable
    const rawNa = cell(row, col.notApplicable);
    let na = false;
    if (rawNa !== "") {
      const folded = foldText(rawNa);
      if (YES.has(folded)) na = true;
      else if (!NO.has(folded))
        err(
          col.notApplicable,
          `Giá trị “${rawNa}” không hợp lệ; để trống, hoặc ghi x (hay 1, true, có) nếu tiêu chí không áp dụng`,
        );
    }

    // points
    const points = readPoints(cell(row, col.points), "Điểm");
    const self = readPoints(cell(row, col.selfPoints), "Điểm tự chấm");
    if (points && "error" in points) err(col.points, points.error);
    if (self && "error" in self) err(col.selfPoints, self.error);
    if (na) {
      const conflict = points && "value" in points ? col.points : self && "value" in self ? col.selfPoints : null;
      if (conflict !== null) err(conflict, `Tiêu chí ${code} được đánh dấu không áp dụng nên không nhập điểm`);
    } else if (points === null && self === null) {
      err(col.points, "Chưa nhập điểm");
    } else if (node >= 0) {
      if (!isLeaf[node]) err(col.points, `Mã ${code} là tiêu chí có tiêu chí con; nhập điểm cho tiêu chí thành phần`);
      else {
        const max = maxPoints[node]!;
        for (const [value, column, label] of [
          [points, col.points, "Điểm"],
          [self, col.selfPoints, "Điểm tự chấm"],
        ] as const) {
          if (value && "value" in value && value.value > max + TOLERANCE) {
            err(
              column,
              `${label} ${formatNumberVi(value.value)} vượt điểm tối đa ${formatNumberVi(max)} của tiêu chí ${code}`,
            );
          }
        }
      }
    }

    // duplicates, then store
    if (unit < 0 || node < 0) continue;
    const s = state(unit);
    const earlier = s.rowOf[node]!;
    if (earlier) {
      err(col.code, `Đơn vị “${displayName.get(opts.units[unit]!.id)}”, mã ${code} trùng với dòng ${earlier}`);
      continue;
    }
    s.rowOf[node] = r;
    if (!na && (points || self)) s.scored[node] = 1;
    if (errors.length !== before) continue;
    if (na) {
      s.scores.notApplicable[node] = 1;
      if (!isLeaf[node]) s.hasParentNotApplicable = true;
      continue;
    }
    if (self && "value" in self) (s.self ??= new Float64Array(n).fill(Number.NaN))[node] = self.value;
    s.scores.points[node] =
      points && "value" in points ? points.value : self && "value" in self ? self.value : Number.NaN;
  }

  // Points entered under a criterion marked not applicable on another row.
  for (const s of states) {
    if (!s?.hasParentNotApplicable) continue;
    const na = s.scores.notApplicable;
    for (let i = 0; i < n; i++) {
      if (!na[i] || isLeaf[i]) continue;
      const end = compiled.subtreeEnd[i]!;
      for (let j = i + 1; j < end; j++) {
        if (s.scored[j]) {
          errors.push({
            row: s.rowOf[j]!,
            column: h(col.points),
            message: `Tiêu chí ${compiled.nodes[j]!.code} thuộc tiêu chí ${compiled.nodes[i]!.code}, đã được đánh dấu không áp dụng ở dòng ${s.rowOf[i]}`,
          });
        }
      }
    }
  }

  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  const scores: DetailedScores[] = [];
  const selfByUnit = new Map<string, Float64Array>();
  for (const s of states) {
    if (!s) continue;
    scores.push(s.scores);
    if (s.self) selfByUnit.set(s.scores.unitId, s.self);
  }
  return { ok: true, scores, self: selfByUnit };
}
