import ExcelJS from "exceljs";
import { SIPAS_COMPONENTS, SIPAS_LABEL, type RoundSummary } from "#app/scoring/index.ts";

const CLASS_CHANGE = { up: "Tăng", down: "Giảm", same: "Giữ nguyên" } as const;

/** The ranking (and SIPAS when present) as an Excel workbook with real numbers, not text. */
export async function rankingWorkbook(title: string, summary: RoundSummary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hội nghị CCHC";
  const ws = wb.addWorksheet("Xep hang", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.addRow([
    "Hạng",
    "Đơn vị",
    "Điểm",
    "Điểm tối đa",
    "Chỉ số (%)",
    "Xếp loại",
    "Thay đổi hạng",
    "Thay đổi chỉ số (điểm %)",
    "Thay đổi xếp loại",
  ]);
  ws.getRow(2).font = { bold: true };
  for (const r of summary.ranking) {
    ws.addRow([
      r.rank,
      r.unitName,
      r.points,
      r.maxPoints,
      Math.round(r.indexPct * 100) / 100,
      r.className,
      r.rankChange,
      r.indexChange === null ? null : Math.round(r.indexChange * 100) / 100,
      r.classChange ? CLASS_CHANGE[r.classChange] : null,
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [7, 36, 10, 12, 11, 12, 14, 22, 18][i]));
  ws.getColumn(5).numFmt = "0.00";
  if (summary.sipas.length) {
    const s = wb.addWorksheet("SIPAS", { views: [{ state: "frozen", ySplit: 1 }] });
    s.addRow(["Hạng", "Đơn vị", ...SIPAS_COMPONENTS.map((c) => SIPAS_LABEL[c]), "Chỉ số SIPAS (%)"]);
    s.getRow(1).font = { bold: true };
    for (const row of summary.sipas) {
      s.addRow([
        row.rank,
        row.unitName,
        ...SIPAS_COMPONENTS.map((c) => row.components[c]),
        Math.round(row.index * 100) / 100,
      ]);
    }
    s.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 16));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
