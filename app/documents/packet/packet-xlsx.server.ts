// The packet's tables as one workbook (issue 5, §5), numbers as numbers:
//   Xep hang      the ranking with the changes against the previous round (a block column when the
//                 round has blocks; parts, reason not ranked, class floors and predecessors when any)
//   Theo khoi     the statistics of each block (one row for a round without blocks) and of the round
//   Theo linh vuc average per area
//   Phan tich tieu chi  every row of the criterion analysis against the previous year (issue 16)
//   Khac phuc     every remediation action of the previous year's plans with its outcome this year
//   Phu luc       every scored sub-criterion of every unit (Phụ lục 1 and 2)
//   SIPAS         the satisfaction index by component
//   Khen thuong   the award list
//   Tham luan     the order of speeches
//   Chuong trinh  the programme
// Written with exceljs's streaming writer: a 3,300-unit round has about 330,000
// appendix rows, which the in-memory workbook would hold as cell objects.
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "#app/lib/exceljs.server.ts";
import { SIPAS_COMPONENTS, SIPAS_LABEL } from "#app/scoring/sipas.ts";
import { floorExplanation, formatPct, formatRank } from "#app/scoring/format.ts";
import type { RoundStatistics, UnitResult } from "#app/scoring/types.ts";
import {
  areaFullCounts,
  blocksOf,
  CLASS_CHANGE_LABEL,
  classColorMap,
  hasBlocks,
  hasParts,
  NEW_UNIT,
  PART_LABEL,
  PART_NAME,
  PART_SOURCES,
  partOf,
} from "#app/documents/packet/data.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import { writeAnalysisSheets, ANALYSIS_SHEETS } from "#app/documents/packet/analysis-xlsx.server.ts";
import {
  addRow,
  clean,
  header,
  NUM2,
  POINTS,
  tint,
  WRAP,
  type Style,
} from "#app/documents/packet/xlsx-cells.server.ts";

export const PACKET_SHEETS = [
  "Xep hang",
  "Theo khoi",
  "Theo linh vuc",
  ...ANALYSIS_SHEETS,
  "Phu luc",
  "SIPAS",
  "Khen thuong",
  "Tham luan",
  "Chuong trinh",
] as const;

/** Appendix rows written between two yields to the event loop. */
const YIELD_ROWS = 5_000;

/** "Cùng đơn vị", "Đơn vị trước: Xã A (hạng 3, 82,10 %); Xã B (…)", or the new-unit sentence. */
function comparedWith(r: UnitResult): string {
  if (r.previousBasis === "none") return NEW_UNIT;
  if (r.previousBasis === "same-unit") return "Cùng đơn vị";
  const list = r.predecessors.map((p) => {
    const what = [p.rank !== null ? `hạng ${p.rank}` : "", `${formatPct(p.indexPct)} %`].filter(Boolean).join(", ");
    return `${p.unitName ?? p.unitId} (${what})`;
  });
  return `Đơn vị trước: ${list.join("; ")}`;
}

/** The packet's workbook as xlsx bytes. */
export async function renderPacketXlsx(input: PacketInput): Promise<Buffer> {
  const { summary, conference, round } = input;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = finished(stream);
  const wb = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  wb.creator = "Hội nghị CCHC";
  wb.title = `${conference.title}: ${round.title}`;
  wb.subject = round.title;
  const frozen = (cols = 0): Partial<ExcelJS.AddWorksheetOptions> => ({
    views: [{ state: "frozen", ySplit: 1, xSplit: cols }],
  });

  // Xep hang.
  const colors = classColorMap(summary);
  const classFills = new Map<string, Style>(
    [...colors].map(([name, hex]) => [
      name,
      { fill: { type: "pattern", pattern: "solid", fgColor: { argb: tint(hex) } } },
    ]),
  );
  const multi = hasBlocks(summary);
  const parts = hasParts(summary);
  const unranked = summary.ranking.some((r) => !r.ranked);
  const floors = summary.ranking.some((r) => r.classFloor);
  const compared = round.previousTitle !== null;
  const lead = multi ? 1 : 0; // the block column
  const ranking = wb.addWorksheet("Xep hang", frozen(2 + lead));
  const rankingStyles = header(
    ranking,
    [
      ...(multi ? ["Khối"] : []),
      "Hạng",
      "Đơn vị",
      "Điểm",
      "Điểm tối đa",
      "Chỉ số (%)",
      "Xếp loại",
      "Hạng năm trước",
      "Thay đổi hạng",
      "Chỉ số năm trước (%)",
      "Thay đổi chỉ số (điểm %)",
      "Xếp loại năm trước",
      "Thay đổi xếp loại",
      ...(parts ? PART_SOURCES.flatMap((source) => [`Điểm ${PART_NAME[source]}`, `${PART_LABEL[source]} tối đa`]) : []),
      ...(unranked ? ["Lý do không xếp hạng"] : []),
      ...(floors ? ["Ghi chú xếp loại"] : []),
      ...(compared ? ["So sánh với năm trước"] : []),
    ],
    [
      ...(multi ? [22] : []),
      7,
      36,
      10,
      11,
      11,
      12,
      10,
      10,
      12,
      13,
      13,
      13,
      ...(parts ? [12, 11, 12, 11] : []),
      ...(unranked ? [40] : []),
      ...(floors ? [50] : []),
      ...(compared ? [50] : []),
    ],
    [
      ...(multi ? [undefined] : []),
      undefined,
      undefined,
      POINTS,
      POINTS,
      NUM2,
      undefined,
      undefined,
      undefined,
      NUM2,
      NUM2,
    ],
  );
  for (const r of summary.ranking) {
    const styles = [...rankingStyles];
    styles[lead + 5] = classFills.get(r.className);
    addRow(
      ranking,
      [
        ...(multi ? [r.block ?? ""] : []),
        r.rank ?? formatRank(null),
        r.unitName,
        clean(r.points),
        clean(r.maxPoints),
        r.indexPct,
        r.className,
        r.previous?.rank ?? null,
        r.rankChange,
        r.previous?.indexPct ?? null,
        r.indexChange,
        r.previous?.className || null,
        r.classChange ? CLASS_CHANGE_LABEL[r.classChange] : null,
        ...(parts
          ? PART_SOURCES.flatMap((source) => {
              const part = partOf(r, source);
              return part ? [clean(part.points), clean(part.maxPoints)] : [null, null];
            })
          : []),
        ...(unranked ? [r.ranked ? null : (r.notRankedReason ?? "")] : []),
        ...(floors ? [r.classFloor ? floorExplanation(r.classFloor) : null] : []),
        ...(compared ? [comparedWith(r)] : []),
      ],
      styles,
    ).commit();
  }
  ranking.commit();

  // Theo khoi: one row per block and one for the round.
  const blockSheet = wb.addWorksheet("Theo khoi", frozen(1));
  const blockStyles = header(
    blockSheet,
    [
      "Khối",
      "Số đơn vị",
      "Số đơn vị xếp hạng",
      "Điểm bình quân",
      "Chỉ số bình quân (%)",
      ...(parts
        ? PART_SOURCES.flatMap((source) => [
            `Điểm ${PART_NAME[source]} bình quân`,
            `${PART_LABEL[source]} tối đa bình quân`,
          ])
        : []),
      ...summary.bands.map((b) => `Số đơn vị ${b.name}`),
    ],
    [30, 10, 12, 12, 13, ...(parts ? [14, 14, 14, 14] : []), ...summary.bands.map(() => 12)],
    [undefined, undefined, undefined, NUM2, NUM2, ...(parts ? [NUM2, NUM2, NUM2, NUM2] : [])],
  );
  const statRow = (name: string, st: RoundStatistics) =>
    addRow(
      blockSheet,
      [
        name,
        st.units,
        st.ranked,
        st.averagePoints,
        st.averageIndexPct,
        ...(parts
          ? PART_SOURCES.flatMap((source) => {
              const a = st.averageParts.find((x) => x.source === source);
              return a ? [a.averagePoints, a.averageMaxPoints] : [null, null];
            })
          : []),
        ...summary.bands.map((_, k) => st.classCounts[k]?.count ?? 0),
      ],
      blockStyles,
    ).commit();
  const blocks = blocksOf(summary);
  if (multi) for (const b of blocks) statRow(b.name ?? "", b.statistics);
  statRow(multi ? "Toàn vòng" : "Tất cả đơn vị", summary.statistics);
  blockSheet.commit();

  // Theo linh vuc.
  const areas = wb.addWorksheet("Theo linh vuc", frozen());
  const areaStyles = header(
    areas,
    ["Mã", "Lĩnh vực", "Điểm tối đa", "Điểm bình quân", "Tỷ lệ bình quân (%)", "Số đơn vị đạt điểm tối đa"],
    [7, 60, 11, 12, 14, 14],
    [undefined, undefined, POINTS, NUM2, NUM2],
  );
  const full = areaFullCounts(summary);
  for (const a of summary.areaAverages)
    addRow(
      areas,
      [a.code, a.title, a.maxPoints, a.averagePoints, a.averagePct, full.get(a.code) ?? 0],
      areaStyles,
    ).commit();
  areas.commit();

  writeAnalysisSheets(wb, input);

  // Phu luc: every unit in ranking order, Phụ lục 1 (full marks) then Phụ lục 2 (lost points, biggest first).
  const appendix = wb.addWorksheet("Phu luc", frozen(2 + lead));
  header(
    appendix,
    [
      ...(multi ? ["Khối"] : []),
      "Hạng",
      "Đơn vị",
      "Mã tiêu chí",
      "Tiêu chí",
      "Điểm tối đa",
      "Điểm đạt",
      "Điểm bị trừ",
      "Phụ lục",
    ],
    [...(multi ? [22] : []), 7, 30, 10, 60, 11, 10, 11, 20],
  );
  const P1 = "1 - Đạt điểm tối đa";
  const P2 = "2 - Bị trừ điểm";
  let rows = 0;
  for (const r of summary.ranking) {
    const a = summary.appendices.get(r.unitId);
    if (!a) continue;
    const unit = multi ? [r.block ?? "", r.rank ?? formatRank(null)] : [r.rank ?? formatRank(null)];
    for (const item of a.fullMarks)
      addRow(appendix, [...unit, r.unitName, item.code, item.title, item.maxPoints, item.points, 0, P1]).commit();
    for (const item of a.lostPoints)
      addRow(appendix, [
        ...unit,
        r.unitName,
        item.code,
        item.title,
        item.maxPoints,
        item.points,
        clean(item.pointsLost),
        P2,
      ]).commit();
    rows += a.fullMarks.length + a.lostPoints.length;
    // Let the zip stream drain (and the event loop breathe) on big rounds.
    if (rows >= YIELD_ROWS) {
      rows = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  appendix.commit();

  // SIPAS.
  const sipasBlocks = summary.sipas.some((r) => r.block !== null);
  const sipas = wb.addWorksheet("SIPAS", frozen(sipasBlocks ? 3 : 2));
  const sipasStyles = header(
    sipas,
    [
      ...(sipasBlocks ? ["Khối"] : []),
      "Hạng",
      "Đơn vị",
      ...SIPAS_COMPONENTS.map((k) => `${SIPAS_LABEL[k]} (%)`),
      "Chỉ số SIPAS (%)",
    ],
    [...(sipasBlocks ? [22] : []), 7, 36, 14, 14, 14, 14, 14, 12],
    [...(sipasBlocks ? [undefined] : []), undefined, undefined, NUM2, NUM2, NUM2, NUM2, NUM2, NUM2],
  );
  for (const r of summary.sipas)
    addRow(
      sipas,
      [
        ...(sipasBlocks ? [r.block ?? ""] : []),
        r.rank ?? formatRank(null),
        r.unitName,
        ...SIPAS_COMPONENTS.map((k) => r.components[k]),
        r.index,
      ],
      sipasStyles,
    ).commit();
  sipas.commit();

  // Khen thuong.
  const awards = wb.addWorksheet("Khen thuong", frozen());
  const wrap = header(
    awards,
    ["STT", "Tập thể, cá nhân", "Đơn vị", "Thành tích", "Hình thức khen thưởng"],
    [6, 32, 30, 50, 36],
    [undefined, WRAP, WRAP, WRAP, WRAP],
  );
  input.awards.forEach((a, i) =>
    addRow(awards, [i + 1, a.recipient, a.organization, a.achievement, a.form], wrap).commit(),
  );
  awards.commit();

  // Tham luan.
  const speeches = wb.addWorksheet("Tham luan", frozen());
  const speechStyles = header(
    speeches,
    ["Thứ tự", "Tên tham luận", "Người trình bày", "Đơn vị"],
    [8, 60, 28, 36],
    [undefined, WRAP, WRAP, WRAP],
  );
  for (const s of [...input.speeches].sort((a, b) => a.order - b.order))
    addRow(speeches, [s.order, s.title, s.speaker, s.organization], speechStyles).commit();
  speeches.commit();

  // Chuong trinh.
  const programme = wb.addWorksheet("Chuong trinh", frozen());
  const programmeStyles = header(programme, ["Thời gian", "Nội dung", "Thực hiện"], [22, 70, 36], [WRAP, WRAP, WRAP]);
  for (const item of input.programme)
    addRow(programme, [item.time, item.title, item.presenter], programmeStyles).commit();
  programme.commit();

  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
