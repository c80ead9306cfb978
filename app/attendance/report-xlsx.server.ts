// The attendance report as an .xlsx: "Theo thành phần", "Theo điểm cầu", "Danh sách". Written with exceljs's
// streaming writer (inline strings, each row committed as it is added), so the list's rows are read and
// written a chunk at a time and memory stays flat at 100,000 attendees.
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "#app/lib/exceljs.server.ts";
import { COUNT_COLUMNS, type ReportRow } from "#app/attendance/report.ts";
import type { StreamedSection } from "#app/attendance/report-rows.server.ts";
import type { AttendanceSummary, SummaryLine } from "#app/attendance/summary.ts";

export interface AttendanceWorkbookInput {
  meeting: string;
  /** "08 giờ 05, ngày 18 tháng 01 năm 2024": when the figures were taken. */
  asOf: string;
  summary: AttendanceSummary;
  sections: Array<StreamedSection<ReportRow>>;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F6" } };

function countsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  first: string,
  lines: SummaryLine[],
  total: AttendanceSummary["total"],
  input: AttendanceWorkbookInput,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3 }] });
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= COUNT_COLUMNS.length + 1; i++) ws.getColumn(i).width = 15;
  ws.addRow([`Điểm danh ${input.meeting}`]).font = { bold: true, size: 13 };
  ws.addRow([`Số liệu lúc ${input.asOf}`]).font = { italic: true };
  const header = ws.addRow([first, ...COUNT_COLUMNS.map(([, label]) => label)]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  for (const l of lines) ws.addRow([l.label, ...COUNT_COLUMNS.map(([k]) => l.counts[k])]);
  ws.addRow(["Tổng cộng", ...COUNT_COLUMNS.map(([k]) => total[k])]).font = { bold: true };
  ws.commit();
}

export async function attendanceWorkbook(input: AttendanceWorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve, reject) => out.on("end", resolve).on("error", reject));
  const wb = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
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
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };
  let n = 0;
  for (const s of input.sections)
    for await (const rows of s.chunks) for (const r of rows) ws.addRow({ stt: ++n, ...r }).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(parts);
}
