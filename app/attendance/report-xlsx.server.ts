// The attendance report as an .xlsx: "Theo thành phần", "Theo điểm cầu", "Danh sách".
import ExcelJS from "exceljs";
import { COUNT_COLUMNS, type ReportGroup } from "#app/attendance/report.ts";
import type { AttendanceSummary, SummaryLine } from "#app/attendance/summary.ts";

export interface AttendanceWorkbookInput {
  meeting: string;
  /** "08 giờ 05, ngày 18 tháng 01 năm 2024": when the figures were taken. */
  asOf: string;
  summary: AttendanceSummary;
  groups: ReportGroup[];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F6" } };

function countsSheet(
  wb: ExcelJS.Workbook,
  name: string,
  first: string,
  lines: SummaryLine[],
  total: AttendanceSummary["total"],
  input: AttendanceWorkbookInput,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3 }] });
  ws.addRow([`Điểm danh ${input.meeting}`]).font = { bold: true, size: 13 };
  ws.addRow([`Số liệu lúc ${input.asOf}`]).font = { italic: true };
  const header = ws.addRow([first, ...COUNT_COLUMNS.map(([, label]) => label)]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  for (const l of lines) ws.addRow([l.label, ...COUNT_COLUMNS.map(([k]) => l.counts[k])]);
  ws.addRow(["Tổng cộng", ...COUNT_COLUMNS.map(([k]) => total[k])]).font = { bold: true };
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= COUNT_COLUMNS.length + 1; i++) ws.getColumn(i).width = 15;
}

export async function attendanceWorkbook(input: AttendanceWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hội nghị CCHC";
  countsSheet(wb, "Theo thành phần", "Thành phần", input.summary.byGroup, input.summary.total, input);
  countsSheet(wb, "Theo điểm cầu", "Điểm cầu", input.summary.byBridge, input.summary.total, input);
  const ws = wb.addWorksheet("Danh sách", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "STT", key: "stt", width: 6 },
    { header: "Họ và tên", key: "name", width: 26 },
    { header: "Chức vụ", key: "position", width: 32 },
    { header: "Cơ quan", key: "organization", width: 34 },
    { header: "Thành phần", key: "group", width: 28 },
    { header: "Nơi được mời dự", key: "invitedAt", width: 30 },
    { header: "Trả lời giấy mời", key: "rsvp", width: 16 },
    { header: "Tình trạng", key: "status", width: 26 },
    { header: "Thời gian (giờ Việt Nam)", key: "time", width: 20 },
    { header: "Nơi điểm danh", key: "place", width: 30 },
    { header: "Hình thức", key: "method", width: 24 },
    { header: "Lý do vắng / người dự thay", key: "note", width: 36 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  let n = 0;
  for (const g of input.groups) for (const r of g.rows) ws.addRow({ stt: ++n, ...r });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
