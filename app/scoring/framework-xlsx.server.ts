// Frameworks (bộ chỉ số) as an Excel workbook: the writer, and the layout that
// framework-xlsx-read.server.ts reads back (sheets, labels).
import type ExcelJS from "exceljs";
import { loadExcelJS } from "#app/lib/exceljs.server.ts";
import type { Framework, FrameworkNode, NodeSource } from "#app/scoring/types.ts";

export const XLSX_SHEETS = { nodes: "Bo chi so", bands: "Xep loai", info: "Thong tin" } as const;

const SOURCE_LABELS: Record<NodeSource, string> = { APPRAISAL: "Thẩm định", SURVEY: "Điều tra XHH" };
export const INFO_LABELS = {
  name: "Tên bộ chỉ số",
  year: "Năm áp dụng",
  unitLevel: "Cấp đơn vị được đánh giá",
} as const;

/** Header of the bands sheet's third column: the floor on every area (blank = none). */
export const BAND_FLOOR_LABEL = "Tối thiểu mỗi lĩnh vực (%)";

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
  const workbook = new (await loadExcelJS()).Workbook();
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
    { header: BAND_FLOOR_LABEL, key: "minAreaPct", width: 28 },
  ];
  // Blank floor: the total alone decides the class.
  for (const band of framework.bands)
    bands.addRow({ name: band.name, minPct: band.minPct, minAreaPct: band.minAreaPct ?? null });
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
