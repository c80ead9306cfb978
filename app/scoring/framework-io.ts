import ExcelJS from "exceljs";
import { z } from "zod";
import { validateFramework } from "#app/scoring/framework.ts";
import { ImportTooLargeError } from "#app/scoring/import-limits.ts";
import { checkXlsxWithinLimits } from "#app/scoring/import-xlsx.ts";
import {
  NODE_SOURCES,
  type ClassBand,
  type Framework,
  type FrameworkNode,
  type NodeSource,
} from "#app/scoring/types.ts";

// Import and export of index frameworks (bộ chỉ số) as JSON and as an Excel
// workbook. Every problem is reported in Vietnamese, with where it is: the
// path in the tree for JSON ("lĩnh vực 3 › tiêu chí 2: thiếu điểm tối đa"),
// the sheet and row for Excel ("Trang Bo chi so, dòng 7: …"). A file is only
// accepted when it has no problem at all, including those found by
// validateFramework (maxima that do not add up, bands out of order…).

export type FrameworkParseResult = { ok: true; framework: Framework } | { ok: false; errors: string[] };

// ─── JSON ───────────────────────────────────────────────────────────────────

const missing = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `thiếu ${what}` : undefined;

const codeSchema = z
  .union([z.string(), z.number()], {
    error: (i) => (i.input === undefined ? "thiếu mã" : "mã phải là chuỗi ký tự, ví dụ “3.2.1”"),
  })
  .transform((v) => String(v).trim())
  .refine((v) => v.length > 0, { error: "mã không được để trống" });

interface FrameworkNodeInput {
  code: string | number;
  title: string;
  maxPoints: number;
  source?: NodeSource | undefined;
  children?: FrameworkNodeInput[] | undefined;
}

const nodeSchema: z.ZodType<FrameworkNode, FrameworkNodeInput> = z.object(
  {
    code: codeSchema,
    title: z
      .string({ error: (i) => missing("tên tiêu chí")(i) ?? "tên tiêu chí phải là chuỗi ký tự" })
      .trim()
      .min(1, { error: "tên tiêu chí không được để trống" }),
    maxPoints: z
      .number({ error: (i) => missing("điểm tối đa")(i) ?? "điểm tối đa phải là số" })
      .positive({ error: "điểm tối đa phải lớn hơn 0" }),
    source: z
      .enum(NODE_SOURCES, { error: "nguồn điểm phải là “APPRAISAL” (thẩm định) hoặc “SURVEY” (điều tra xã hội học)" })
      .default("APPRAISAL"),
    get children() {
      return z.array(nodeSchema, { error: "danh sách tiêu chí con (children) phải là một mảng" }).default([]);
    },
  },
  { error: (i) => (i.input === undefined ? "thiếu tiêu chí" : "mỗi tiêu chí phải là một đối tượng JSON") },
);

const bandSchema = z.object(
  {
    name: z
      .string({ error: (i) => missing("tên mức xếp loại")(i) ?? "tên mức xếp loại phải là chuỗi ký tự" })
      .trim()
      .min(1, { error: "tên mức xếp loại không được để trống" }),
    minPct: z
      .number({ error: (i) => missing("ngưỡng tối thiểu (%)")(i) ?? "ngưỡng tối thiểu (%) phải là số" })
      .min(0, { error: "ngưỡng tối thiểu không được nhỏ hơn 0%" })
      .max(100, { error: "ngưỡng tối thiểu không được lớn hơn 100%" }),
  },
  { error: "mỗi mức xếp loại phải là một đối tượng JSON" },
);

export const frameworkJsonSchema = z.object(
  {
    name: z
      .string({ error: (i) => missing("tên bộ chỉ số (name)")(i) ?? "tên bộ chỉ số phải là chuỗi ký tự" })
      .trim()
      .min(1, { error: "tên bộ chỉ số không được để trống" }),
    year: z
      .number({ error: (i) => missing("năm áp dụng (year)")(i) ?? "năm áp dụng phải là số" })
      .int({ error: "năm áp dụng phải là số nguyên" })
      .min(1990, { error: "năm áp dụng không hợp lệ" })
      .max(2200, { error: "năm áp dụng không hợp lệ" }),
    unitLevel: z
      .string({
        error: (i) =>
          missing("cấp đơn vị được đánh giá (unitLevel)")(i) ?? "cấp đơn vị được đánh giá phải là chuỗi ký tự",
      })
      .trim()
      .min(1, { error: "cấp đơn vị được đánh giá không được để trống" }),
    bands: z
      .array(bandSchema, {
        error: (i) => missing("các mức xếp loại (bands)")(i) ?? "các mức xếp loại (bands) phải là một mảng",
      })
      .min(1, { error: "chưa khai báo mức xếp loại nào" }),
    areas: z
      .array(nodeSchema, {
        error: (i) => missing("danh sách lĩnh vực (areas)")(i) ?? "danh sách lĩnh vực (areas) phải là một mảng",
      })
      .min(1, { error: "bộ chỉ số chưa có lĩnh vực nào" }),
  },
  { error: "nội dung phải là một đối tượng JSON mô tả bộ chỉ số" },
);

const NODE_LEVELS = ["lĩnh vực", "tiêu chí", "tiêu chí thành phần"];
const levelName = (depth: number) => NODE_LEVELS[depth] ?? `tiêu chí cấp ${depth + 1}`;

/** "lĩnh vực 3 › tiêu chí 2" from ["areas", 2, "children", 1, "maxPoints"]; fields are named by the messages. */
function describePath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  let depth = -1;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === "areas" || key === "children") && typeof next === "number") {
      depth++;
      parts.push(`${levelName(depth)} ${next + 1}`);
      i++;
    } else if (key === "bands" && typeof next === "number") {
      parts.push(`mức xếp loại ${next + 1}`);
      i++;
    }
  }
  return parts.join(" › ");
}

function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** "Unexpected token } in JSON at position 42" → line and column, in Vietnamese. */
function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return `Tệp JSON không hợp lệ: lỗi cú pháp ở dòng ${line}, cột ${column}`;
  }
  if (/end of (JSON|data)/i.test(message))
    return "Tệp JSON không hợp lệ: nội dung bị cắt cụt (thiếu dấu đóng } hoặc ])";
  return "Tệp JSON không hợp lệ: lỗi cú pháp";
}

function withProblems(framework: Framework): FrameworkParseResult {
  const problems = validateFramework(framework);
  if (problems.length) return { ok: false, errors: problems.map((p) => p.message) };
  return { ok: true, framework };
}

/** Reads a framework from JSON text: syntax, then shape, then the framework's own rules. */
export function parseFrameworkJson(text: string): FrameworkParseResult {
  const source = text.replace(/^\uFEFF/, "");
  if (!source.trim()) return { ok: false, errors: ["Tệp JSON rỗng"] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxMessage(source, error)] };
  }
  const parsed = frameworkJsonSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: issueMessages(parsed.error) };
  return withProblems(parsed.data);
}

function nodeToPlain(node: FrameworkNode): unknown {
  return {
    code: node.code,
    title: node.title,
    maxPoints: node.maxPoints,
    source: node.source,
    children: node.children.map(nodeToPlain),
  };
}

/** Pretty JSON with a fixed key order, so that exports diff cleanly. */
export function frameworkToJson(framework: Framework): string {
  const plain = {
    name: framework.name,
    year: framework.year,
    unitLevel: framework.unitLevel,
    bands: framework.bands.map((b) => ({ name: b.name, minPct: b.minPct })),
    areas: framework.areas.map(nodeToPlain),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}

// ─── Excel ──────────────────────────────────────────────────────────────────

export const XLSX_SHEETS = { nodes: "Bo chi so", bands: "Xep loai", info: "Thong tin" } as const;

const SOURCE_LABELS: Record<NodeSource, string> = { APPRAISAL: "Thẩm định", SURVEY: "Điều tra XHH" };
const INFO_LABELS = { name: "Tên bộ chỉ số", year: "Năm áp dụng", unitLevel: "Cấp đơn vị được đánh giá" } as const;

function depthLabel(depth: number): string {
  if (depth === 0) return "Lĩnh vực";
  if (depth === 1) return "Tiêu chí";
  return "Tiêu chí thành phần";
}

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** The workbook that frameworkFromXlsx reads back: sheets “Bo chi so”, “Xep loai” and “Thong tin”. */
export async function frameworkToXlsx(framework: Framework): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hội nghị CCHC";

  const nodes = workbook.addWorksheet(XLSX_SHEETS.nodes);
  nodes.columns = [
    { header: "Mã", key: "code", width: 10, style: { numFmt: "@" } },
    { header: "Tên tiêu chí", key: "title", width: 80 },
    { header: "Điểm tối đa", key: "maxPoints", width: 13 },
    { header: "Nguồn điểm", key: "source", width: 16 },
    { header: "Cấp", key: "level", width: 22 },
  ];
  const addNode = (node: FrameworkNode, depth: number) => {
    const row = nodes.addRow({
      code: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      source: SOURCE_LABELS[node.source],
      level: depthLabel(depth),
    });
    row.getCell("title").alignment = { wrapText: true, indent: Math.min(depth, 5) };
    if (depth === 0) row.font = { bold: true };
    for (const child of node.children) addNode(child, depth + 1);
  };
  for (const area of framework.areas) addNode(area, 0);
  styleHeader(nodes);

  const bands = workbook.addWorksheet(XLSX_SHEETS.bands);
  bands.columns = [
    { header: "Xếp loại", key: "name", width: 20 },
    { header: "Ngưỡng tối thiểu (%)", key: "minPct", width: 22 },
  ];
  for (const band of framework.bands) bands.addRow({ name: band.name, minPct: band.minPct });
  styleHeader(bands);

  const info = workbook.addWorksheet(XLSX_SHEETS.info);
  info.columns = [
    { header: "Thông tin", key: "label", width: 28 },
    { header: "Giá trị", key: "value", width: 70 },
  ];
  info.addRow({ label: INFO_LABELS.name, value: framework.name });
  info.addRow({ label: INFO_LABELS.year, value: framework.year });
  info.addRow({ label: INFO_LABELS.unitLevel, value: framework.unitLevel });
  styleHeader(info);

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Lower case without diacritics or spaces: sheet names and labels compare loosely. */
function loose(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, "");
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = loose(name);
  return workbook.worksheets.find((s) => loose(s.name) === wanted);
}

type CellValue = string | number | null;

/** A cell as plain text or number, whatever Excel stored (rich text, formula result, hyperlink…). */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return cellText(v.richText.map((r) => r.text).join(""));
    if ("result" in v) {
      const r = v.result;
      if (typeof r === "number") return r;
      if (typeof r === "string") return cellText(r);
      return null;
    }
    if ("text" in v && typeof v.text === "string") return cellText(v.text);
  }
  return cellText(String(cell.text ?? ""));
}

function cellText(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

/** Excel numbers, or text such as "14,5" or "14.5". */
function toNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null) return null;
  const normalized = value.replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return null;
  return Number(normalized);
}

function parseSource(value: CellValue): NodeSource | null {
  if (value === null) return "APPRAISAL";
  const s = loose(String(value));
  if (["thamdinh", "appraisal", "tucham", "tuchamthamdinh", "td"].includes(s)) return "APPRAISAL";
  if (["dieutraxhh", "dieutraxahoihoc", "survey", "dieutra", "xhh"].includes(s)) return "SURVEY";
  return null;
}

interface NodeRow {
  row: number;
  node: FrameworkNode;
}

function parentCode(code: string): string | null {
  const cut = code.lastIndexOf(".");
  return cut > 0 ? code.slice(0, cut) : null;
}

/** Reads the workbook written by frameworkToXlsx (or filled in by hand in the same layout). */
export async function frameworkFromXlsx(data: Uint8Array | Buffer): Promise<FrameworkParseResult> {
  // The whole workbook is loaded into memory below: refuse a file past the import limits first.
  try {
    await checkXlsxWithinLimits(data);
  } catch (error) {
    if (error instanceof ImportTooLargeError) return { ok: false, errors: [error.message] };
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: ["Không đọc được tệp Excel: tệp phải có định dạng .xlsx"] };
  }

  const errors: string[] = [];
  const at = (sheet: string, row: number, message: string) => errors.push(`Trang ${sheet}, dòng ${row}: ${message}`);
  // Problems of the nodes sheet, reported in row order once the tree is built.
  const nodeErrors: Array<{ row: number; message: string }> = [];
  const atNode = (row: number, message: string) => nodeErrors.push({ row, message });

  // Sheet "Bo chi so": one row per node, any order; the tree comes from the codes.
  const nodeSheet = findSheet(workbook, XLSX_SHEETS.nodes);
  const rows: NodeRow[] = [];
  /** Row of every code in the sheet, including rows with problems. */
  const firstRow = new Map<string, number>();
  if (!nodeSheet) {
    errors.push(`Thiếu trang “${XLSX_SHEETS.nodes}” (danh sách lĩnh vực, tiêu chí, tiêu chí thành phần)`);
  } else {
    const sheet = XLSX_SHEETS.nodes;
    nodeSheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const code = cellValue(row.getCell(1));
      const title = cellValue(row.getCell(2));
      const max = cellValue(row.getCell(3));
      const source = cellValue(row.getCell(4));
      if (code === null && title === null && max === null && source === null) return;
      let bad = false;
      const codeText = code === null ? "" : String(code).trim();
      if (!codeText) {
        atNode(rowNumber, "thiếu mã tiêu chí");
        bad = true;
      } else if (/\s/.test(codeText) || /^\.|\.$|\.\./.test(codeText)) {
        atNode(rowNumber, `mã “${codeText}” không hợp lệ (dạng 3, 3.2 hoặc 3.2.1)`);
        bad = true;
      } else if (firstRow.has(codeText)) {
        atNode(rowNumber, `mã ${codeText} bị trùng với dòng ${firstRow.get(codeText)}`);
        bad = true;
      } else {
        firstRow.set(codeText, rowNumber);
      }
      const label = codeText ? `mã ${codeText}` : "tiêu chí";
      if (title === null) {
        atNode(rowNumber, `${label} thiếu tên tiêu chí`);
        bad = true;
      }
      const maxPoints = toNumber(max);
      if (max === null) {
        atNode(rowNumber, `${label} thiếu điểm tối đa`);
        bad = true;
      } else if (maxPoints === null) {
        atNode(rowNumber, `điểm tối đa “${max}” của ${label} không phải là số`);
        bad = true;
      } else if (!(maxPoints > 0)) {
        atNode(rowNumber, `điểm tối đa của ${label} phải lớn hơn 0`);
        bad = true;
      }
      const nodeSource = parseSource(source);
      if (!nodeSource) {
        atNode(rowNumber, `nguồn điểm “${source}” không hợp lệ (ghi “Thẩm định” hoặc “Điều tra XHH”)`);
        bad = true;
      }
      if (bad) return;
      rows.push({
        row: rowNumber,
        node: { code: codeText, title: String(title), maxPoints: maxPoints!, source: nodeSource!, children: [] },
      });
    });
    if (!rows.length && !nodeErrors.length) errors.push(`Trang ${sheet} chưa có lĩnh vực, tiêu chí nào`);
  }

  const byCode = new Map(rows.map((r) => [r.node.code, r]));
  const areas: FrameworkNode[] = [];
  for (const r of rows) {
    const parent = parentCode(r.node.code);
    if (parent === null) {
      areas.push(r.node);
      continue;
    }
    const p = byCode.get(parent);
    if (p) p.node.children.push(r.node);
    // A parent whose own row has a problem is already reported.
    else if (!firstRow.has(parent)) atNode(r.row, `mã ${r.node.code} không có tiêu chí cha ${parent}`);
  }
  nodeErrors.sort((a, b) => a.row - b.row);
  for (const e of nodeErrors) at(XLSX_SHEETS.nodes, e.row, e.message);

  // Sheet "Xep loai": class name and minimum %.
  const bandSheet = findSheet(workbook, XLSX_SHEETS.bands);
  const bands: ClassBand[] = [];
  if (!bandSheet) {
    errors.push(`Thiếu trang “${XLSX_SHEETS.bands}” (các mức xếp loại và ngưỡng tối thiểu)`);
  } else {
    const sheet = XLSX_SHEETS.bands;
    bandSheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const name = cellValue(row.getCell(1));
      const min = cellValue(row.getCell(2));
      if (name === null && min === null) return;
      const minPct = toNumber(min);
      if (name === null) at(sheet, rowNumber, "thiếu tên mức xếp loại");
      if (min === null) at(sheet, rowNumber, "thiếu ngưỡng tối thiểu (%)");
      else if (minPct === null) at(sheet, rowNumber, `ngưỡng tối thiểu “${min}” không phải là số`);
      else if (minPct < 0 || minPct > 100) at(sheet, rowNumber, "ngưỡng tối thiểu phải từ 0 đến 100 (%)");
      else if (name !== null) bands.push({ name: String(name), minPct });
    });
  }

  // Sheet "Thong tin": label / value rows.
  const infoSheet = findSheet(workbook, XLSX_SHEETS.info);
  let name = "";
  let year = Number.NaN;
  let unitLevel = "";
  if (!infoSheet) {
    errors.push(`Thiếu trang “${XLSX_SHEETS.info}” (tên bộ chỉ số, năm áp dụng, cấp đơn vị được đánh giá)`);
  } else {
    const sheet = XLSX_SHEETS.info;
    const seen = new Set<string>();
    infoSheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const label = cellValue(row.getCell(1));
      const value = cellValue(row.getCell(2));
      if (label === null) return;
      const key = loose(String(label));
      if (key === loose(INFO_LABELS.name)) {
        seen.add("name");
        if (value === null) at(sheet, rowNumber, "thiếu tên bộ chỉ số");
        else name = String(value);
      } else if (key === loose(INFO_LABELS.year) || key === "nam") {
        seen.add("year");
        const n = toNumber(value);
        if (n === null || !Number.isInteger(n)) at(sheet, rowNumber, `năm áp dụng “${value ?? ""}” không hợp lệ`);
        else year = n;
      } else if (key === loose(INFO_LABELS.unitLevel) || key === "cap") {
        seen.add("unitLevel");
        if (value === null) at(sheet, rowNumber, "thiếu cấp đơn vị được đánh giá");
        else unitLevel = String(value);
      }
    });
    for (const [key, label] of Object.entries(INFO_LABELS)) {
      if (!seen.has(key)) errors.push(`Trang ${sheet}: thiếu dòng “${label}”`);
    }
  }

  if (errors.length) return { ok: false, errors };
  return withProblems({ name, year, unitLevel, bands, areas });
}
