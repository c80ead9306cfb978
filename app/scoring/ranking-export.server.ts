import ExcelJS from "exceljs";
import { formatRank, SIPAS_COMPONENTS, SIPAS_LABEL, type RoundSummary, type UnitResult } from "#app/scoring/index.ts";

const CLASS_CHANGE = { up: "Tăng", down: "Giảm", same: "Giữ nguyên" } as const;

/**
 * The rank last year as published; "Đơn vị mới" without a previous result; the predecessors' names when
 * several units merged into this one (none of their ranks is its own).
 */
function previousRank(r: UnitResult, hasPrevious: boolean): number | string | null {
  if (!hasPrevious) return null;
  if (r.previousBasis === "none") return "Đơn vị mới";
  if (r.predecessors.length > 1) return `Từ ${r.predecessors.map((p) => p.unitName ?? p.unitId).join(", ")}`;
  return r.previous?.rank ?? formatRank(null);
}

/** The ranking (and SIPAS when present) as an Excel workbook with real numbers, not text. */
export async function rankingWorkbook(
  title: string,
  summary: RoundSummary,
  options: { hasPrevious: boolean } = { hasPrevious: true },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hội nghị CCHC";
  const ws = wb.addWorksheet("Xep hang", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.mergeCells("A1:N1");
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.addRow([
    "Khối",
    "Hạng",
    "Đơn vị",
    "Điểm thẩm định",
    "Điểm điều tra XHH",
    "Điểm",
    "Điểm tối đa",
    "Chỉ số (%)",
    "Xếp loại",
    "Lý do không xếp hạng",
    "Hạng năm trước (đã công bố)",
    "Thay đổi hạng",
    "Thay đổi chỉ số (điểm %)",
    "Thay đổi xếp loại",
  ]);
  ws.getRow(2).font = { bold: true };
  for (const r of summary.ranking) {
    const part = (source: "APPRAISAL" | "SURVEY") => r.parts.find((p) => p.source === source)?.points ?? null;
    ws.addRow([
      r.block ?? "",
      r.rank ?? formatRank(null),
      r.unitName,
      part("APPRAISAL"),
      part("SURVEY"),
      r.points,
      r.maxPoints,
      Math.round(r.indexPct * 100) / 100,
      r.className,
      r.ranked ? null : (r.notRankedReason ?? ""),
      previousRank(r, options.hasPrevious),
      r.rankChange,
      r.indexChange === null ? null : Math.round(r.indexChange * 100) / 100,
      r.classChange ? CLASS_CHANGE[r.classChange] : null,
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [20, 9, 36, 12, 12, 10, 12, 11, 12, 30, 18, 14, 22, 18][i]));
  ws.getColumn(8).numFmt = "0.00";
  if (summary.sipas.length) {
    const s = wb.addWorksheet("SIPAS", { views: [{ state: "frozen", ySplit: 1 }] });
    s.addRow(["Khối", "Hạng", "Đơn vị", ...SIPAS_COMPONENTS.map((c) => SIPAS_LABEL[c]), "Chỉ số SIPAS (%)"]);
    s.getRow(1).font = { bold: true };
    for (const row of summary.sipas) {
      s.addRow([
        row.block ?? "",
        row.rank ?? formatRank(null),
        row.unitName,
        ...SIPAS_COMPONENTS.map((c) => row.components[c]),
        Math.round(row.index * 100) / 100,
      ]);
    }
    s.columns.forEach((c, i) => (c.width = i === 2 ? 36 : 16));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
