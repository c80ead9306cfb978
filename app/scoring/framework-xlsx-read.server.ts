// Frameworks (bộ chỉ số) read from an Excel workbook in the layout framework-xlsx.server.ts writes. Every
// problem is reported in Vietnamese with the sheet and row ("Trang Bo chi so, dòng 7: …"); a file is only
// accepted when it has no problem at all, including those found by validateFramework.
import type ExcelJS from "exceljs";
import { loadExcelJS } from "#app/lib/exceljs.server.ts";
import { ImportTooLargeError } from "#app/lib/table/limits.ts";
import { checkXlsxWithinLimits } from "#app/lib/table/xlsx.server.ts";
import { withProblems, type FrameworkParseResult } from "#app/scoring/framework-json.ts";
import { INFO_LABELS, XLSX_SHEETS } from "#app/scoring/framework-xlsx.server.ts";
import type { ClassBand, FrameworkNode, NodeSource } from "#app/scoring/types.ts";

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
  const workbook = new (await loadExcelJS()).Workbook();
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

  // Sheet "Xep loai": class name, minimum %, and the optional floor on every area (blank = none).
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
      const floor = cellValue(row.getCell(3));
      if (name === null && min === null && floor === null) return;
      const minPct = toNumber(min);
      const minAreaPct = toNumber(floor);
      let bad = false;
      if (name === null) at(sheet, rowNumber, "thiếu tên mức xếp loại");
      if (min === null) at(sheet, rowNumber, "thiếu ngưỡng tối thiểu (%)");
      else if (minPct === null) at(sheet, rowNumber, `ngưỡng tối thiểu “${min}” không phải là số`);
      else if (minPct < 0 || minPct > 100) at(sheet, rowNumber, "ngưỡng tối thiểu phải từ 0 đến 100 (%)");
      if (floor !== null && minAreaPct === null) {
        at(sheet, rowNumber, `mức tối thiểu mỗi lĩnh vực “${floor}” không phải là số`);
        bad = true;
      } else if (minAreaPct !== null && (minAreaPct < 0 || minAreaPct > 100)) {
        at(sheet, rowNumber, "mức tối thiểu mỗi lĩnh vực phải từ 0 đến 100 (%)");
        bad = true;
      }
      if (name === null || minPct === null || minPct < 0 || minPct > 100 || bad) return;
      bands.push(minAreaPct === null ? { name: String(name), minPct } : { name: String(name), minPct, minAreaPct });
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
