// The audit trail as an .xlsx: one row per event, every field change on its own line. Every cell is
// text (number format "@"), and a value that a spreadsheet would read as a formula (=, +, -, @, tab,
// carriage return at the start) is prefixed with an apostrophe, so nothing in the log runs as one.

import ExcelJS from "exceljs";
import type { AuditRowView } from "#app/audit/query.server.ts";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F6" } };
/** Excel keeps at most 32,767 characters in a cell. */
const CELL_CHARS = 32_000;

/** A value as safe spreadsheet text. */
export function safeCellText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}… (đã cắt bớt)` : text;
}

export interface AuditWorkbookInput {
  /** "Nhật ký thay đổi · Hội nghị công bố Chỉ số CCHC năm 2023". */
  title: string;
  /** "Xuất lúc ngày 04 tháng 01 năm 2024 lúc 09:15; bộ lọc: …". */
  note: string;
  rows: AuditRowView[];
  truncated: boolean;
}

const COLUMNS = [
  { header: "Thời gian (giờ Việt Nam)", width: 34 },
  { header: "Người thực hiện", width: 36 },
  { header: "Loại người thực hiện", width: 22 },
  { header: "Địa chỉ IP", width: 16 },
  { header: "Thao tác", width: 28 },
  { header: "Loại bản ghi", width: 22 },
  { header: "Mã bản ghi", width: 28 },
  { header: "Nội dung", width: 60 },
  { header: "Thay đổi (trước → sau)", width: 80 },
];

export async function auditWorkbook(input: AuditWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hội nghị CCHC";
  const ws = wb.addWorksheet("Nhật ký thay đổi", { views: [{ state: "frozen", ySplit: 3 }] });
  const text = (row: ExcelJS.Row) =>
    row.eachCell((c) => {
      c.numFmt = "@";
      c.alignment = { vertical: "top", wrapText: true };
    });
  ws.addRow([safeCellText(input.title)]).font = { bold: true, size: 13 };
  ws.addRow([safeCellText(input.note)]).font = { italic: true };
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const r of input.rows) {
    const changes = r.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join("\n");
    text(
      ws.addRow(
        [r.at, r.actor, r.actorKind, r.ip ?? "", r.action, r.entity, r.entityId, r.summary, changes].map(safeCellText),
      ),
    );
  }
  if (input.truncated)
    ws.addRow([
      safeCellText(
        `Danh sách chỉ có ${input.rows.length.toLocaleString("vi-VN")} dòng mới nhất; hãy thu hẹp bộ lọc để xuất phần còn lại.`,
      ),
    ]).font = { italic: true };
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
