// The workbook's year-on-year sheets (issue 16), numbers as numbers:
//   Phan tich tieu chi  every row of the criterion analysis (areas, criteria, sub-criteria), then the
//                       previous year's criteria no longer assessed
//   Khac phuc           every action of the remediation plans made after the previous round, with its
//                       outcome this year
// When there is no analysis, each sheet holds one line saying why.
import type ExcelJS from "exceljs";
import {
  MAPPING_SOURCE_LABEL,
  REMEDIATION_REASON_LABEL,
  REMEDIATION_STATUS_LABEL,
  remediationTallyText,
} from "#app/scoring/analysis-labels.ts";
import { criterionAnalysisOf, levelLabel } from "#app/documents/packet/criteria-data.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import { addRow, BOLD, clean, header, NUM2, WRAP, type Sheet } from "#app/documents/packet/xlsx-cells.server.ts";

export const ANALYSIS_SHEETS = ["Phan tich tieu chi", "Khac phuc"] as const;

const NO_PREVIOUS = "Đợt đánh giá chưa gắn với đợt năm trước: không có phân tích theo tiêu chí.";
const frozen: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: "frozen", ySplit: 1, xSplit: 3 }] };

const line = (ws: Sheet, text: string, bold = false) => {
  ws.getColumn(1).width = 120;
  addRow(ws, [text], [bold ? BOLD : WRAP]).commit();
};

export function writeAnalysisSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PacketInput): void {
  const a = input.analysis;
  const sheet = wb.addWorksheet(ANALYSIS_SHEETS[0], frozen);
  const analysis = !a ? { refused: NO_PREVIOUS } : a.state === "ok" ? criterionAnalysisOf(a) : { refused: a.message };
  if ("refused" in analysis || a?.state !== "ok") {
    line(sheet, "refused" in analysis ? analysis.refused : NO_PREVIOUS);
    sheet.commit();
    const loop = wb.addWorksheet(ANALYSIS_SHEETS[1]);
    line(loop, "refused" in analysis ? analysis.refused : NO_PREVIOUS);
    loop.commit();
    return;
  }
  const styles = header(
    sheet,
    [
      "Cấp",
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
      "Số đơn vị áp dụng",
      `Tỷ lệ bình quân năm ${a.year} (%)`,
      `Tỷ lệ bình quân năm ${a.previousYear} (%)`,
      "Thay đổi (điểm %)",
      "Số đơn vị so sánh",
      "Giữ điểm tối đa",
      "Tăng điểm",
      "Giảm điểm",
      "Mới bị trừ điểm",
      "Mã năm trước",
      "Tiêu chí năm trước",
      "Đơn vị giảm nhiều nhất",
      "Thay đổi của đơn vị đó (điểm %)",
      "Ghi chú",
    ],
    [18, 9, 60, 10, 11, 14, 14, 12, 11, 10, 10, 10, 11, 14, 50, 30, 14, 40],
    [
      undefined,
      undefined,
      WRAP,
      undefined,
      undefined,
      NUM2,
      NUM2,
      NUM2,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      WRAP,
      undefined,
      NUM2,
      WRAP,
    ],
  );
  for (const r of analysis.rows) {
    const matched = r.previousCodes.length > 0;
    const lost = r.largestLosses[0];
    addRow(
      sheet,
      [
        levelLabel(r.depth),
        r.codes.join(", "),
        r.title,
        clean(r.maxPoints),
        r.units,
        r.averagePct,
        r.previousAveragePct,
        r.change,
        matched ? r.compared : null,
        matched ? r.keptFull : null,
        matched ? r.gained : null,
        matched ? r.lost : null,
        matched ? r.newlyLost : null,
        r.previousCodes.join(", ") || null,
        r.previousTitle,
        lost?.unitName ?? null,
        lost?.change ?? null,
        matched ? null : `Mới năm ${a.year}: không có tiêu chí tương ứng năm ${a.previousYear}`,
      ],
      styles,
    ).commit();
  }
  for (const n of analysis.unmatched.previous)
    addRow(
      sheet,
      [
        levelLabel(n.depth),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        n.code,
        n.title,
        null,
        null,
        `Không còn đánh giá năm ${a.year} (điểm tối đa năm ${a.previousYear}: ${String(n.maxPoints).replace(".", ",")})`,
      ],
      styles,
    ).commit();
  addRow(sheet, []).commit();
  addRow(sheet, [
    `So sánh năm ${a.year} với năm ${a.previousYear} (${a.previousTitle}): ${analysis.comparedUnits}/${analysis.units} đơn vị có kết quả năm trước. ${MAPPING_SOURCE_LABEL[a.mappingSource]}.`,
  ]).commit();
  sheet.commit();

  const loop = wb.addWorksheet(ANALYSIS_SHEETS[1], frozen);
  const r = a.remediation;
  if (!r?.actions.length) {
    line(loop, `Không có kế hoạch khắc phục nào sau đợt đánh giá năm ${a.previousYear}.`);
    loop.commit();
    return;
  }
  const plans = new Map(r.plans.map((p) => [p.planId, p.title]));
  const loopStyles = header(
    loop,
    [
      "Đơn vị",
      "Kế hoạch",
      "Mã tiêu chí",
      "Tiêu chí bị trừ điểm",
      `Điểm bị trừ năm ${a.previousYear}`,
      `Điểm năm ${a.previousYear}`,
      `Tối đa năm ${a.previousYear}`,
      `Tỷ lệ năm ${a.previousYear} (%)`,
      `Điểm năm ${a.year}`,
      `Tối đa năm ${a.year}`,
      `Tỷ lệ năm ${a.year} (%)`,
      "Kết quả",
      "Lý do",
      `Mã năm ${a.year}`,
    ],
    [30, 40, 10, 50, 12, 11, 11, 12, 11, 11, 12, 20, 36, 12],
    [WRAP, WRAP, undefined, WRAP, undefined, undefined, undefined, NUM2, undefined, undefined, NUM2, WRAP, WRAP],
  );
  for (const x of r.actions) {
    const { before, after, status, reason } = x.outcome;
    addRow(
      loop,
      [
        x.unitName,
        plans.get(x.planId) ?? "",
        x.code,
        x.title,
        clean(x.pointsLost),
        before ? clean(before.points) : null,
        before ? clean(before.maxPoints) : null,
        before?.pct ?? null,
        after ? clean(after.points) : null,
        after ? clean(after.maxPoints) : null,
        after?.pct ?? null,
        REMEDIATION_STATUS_LABEL[status],
        reason ? REMEDIATION_REASON_LABEL[reason] : null,
        x.outcome.currentCodes.join(", ") || null,
      ],
      loopStyles,
    ).commit();
  }
  addRow(loop, []).commit();
  addRow(loop, [remediationTallyText(r.tally)]).commit();
  loop.commit();
}
