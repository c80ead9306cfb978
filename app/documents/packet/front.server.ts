// The packet's first sections: cover and contents, programme, ranking table (with the class legend).

import type {
  BlockResult,
  ClassBand,
  NodeSource,
  PreviousResult,
  RoundStatistics,
  UnitResult,
} from "#app/scoring/types.ts";
import { hasFloors } from "#app/scoring/classes.ts";
import { floorExplanation, formatRank } from "#app/scoring/format.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { drawLegend } from "#app/documents/packet/charts.server.ts";
import {
  CHART_ENDS,
  CLASS_CHANGE_LABEL,
  blocksOf,
  blockTitle,
  DOWN_COLOR,
  FULL_CHART_UNITS,
  hasBlocks,
  hasParts,
  isNewUnit,
  LOST_PER_UNIT,
  NEW_UNIT,
  PART_LABEL,
  PART_NAME,
  PART_SOURCES,
  partOf,
  UP_COLOR,
} from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtRankChange } from "#app/documents/packet/format.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import { MUTED, type Column, type PacketPdf } from "#app/documents/packet/layout.server.ts";

export function progressTotal(input: PacketInput, appendixCount: number): number {
  const s = input.summary;
  const n = s.ranking.length;
  const blocks = blocksOf(s);
  const chartBars = blocks.reduce(
    (sum, b) =>
      sum + (b.results.length <= FULL_CHART_UNITS ? b.results.length : 2 * CHART_ENDS) + (hasBlocks(s) ? 10 : 0),
    0,
  );
  return (
    1 + // cover
    input.programme.length +
    n + // ranking table
    chartBars +
    40 + // histogram, classes, gainers and losers
    s.areaAverages.length +
    5 +
    appendixCount * (LOST_PER_UNIT + 1) +
    20 +
    s.sipas.length +
    input.awards.length +
    input.speeches.length +
    Math.max(10, Math.ceil(n / 10)) // writing the file
  );
}

export function cover(p: PacketPdf): { contentsTop: number } {
  const { c, input } = p;
  const { conference, round, summary } = input;
  const x = p.left;
  const w = p.width;
  let y = p.y;
  // Issuing body, centred, with a short rule.
  y = c.paragraph(conference.issuingBody.toLocaleUpperCase("vi"), x, y, w, {
    style: "bold",
    size: 13,
    align: "center",
  });
  c.line(x + w / 2 - 40, y + 3, x + w / 2 + 40, y + 3, "#000000", 0.6);
  y += 70;
  y = c.paragraph("TÀI LIỆU HỘI NGHỊ", x, y, w, { style: "bold", size: 20, align: "center" }) + 10;
  y = c.paragraph(conference.title, x + 20, y, w - 40, { style: "bold", size: 15, align: "center", leading: 19 }) + 10;
  y = c.paragraph(round.title, x + 20, y, w - 40, { style: "italic", size: 13, align: "center", leading: 16 }) + 18;

  const lines: Array<[string, string]> = [
    ["Đơn vị tổ chức", conference.organizerName],
    ["Thời gian", conference.startsAt ? formatDateTime(conference.startsAt) : "sẽ có thông báo sau"],
  ];
  if (round.frameworkName) lines.push(["Bộ chỉ số", round.frameworkName]);
  lines.push([
    "Số đơn vị được đánh giá",
    `${fmtInt(summary.statistics.units)}; chỉ số bình quân ${fmtPct(summary.statistics.averageIndexPct)} %`,
  ]);
  if (hasBlocks(summary))
    lines.push([
      "Khối xếp hạng",
      blocksOf(summary)
        .map((b) => `${b.name} (${fmtInt(b.results.length)})`)
        .join("; "),
    ]);
  if (round.previousTitle) lines.push(["So sánh với", round.previousTitle]);
  const labelW = 130;
  for (const [label, value] of lines) {
    c.text(`${label}:`, x + 20, y, { style: "bold", size: 11 });
    y = c.paragraph(value, x + 20 + labelW, y, w - 40 - labelW, { size: 11 }) + 2;
  }
  y += 20;
  // The contents are written at the end, when the pages are known.
  const contentsTop = y;
  c.text(conference.placeAndDate, x, p.bottom - 16, {
    style: "italic",
    size: 12,
    width: w,
    align: "center",
    fit: true,
  });
  return { contentsTop };
}

export function writeContents(p: PacketPdf, top: number): void {
  const { c } = p;
  const x = p.left + 20;
  const w = p.width - 40;
  let y = top;
  c.text("NỘI DUNG", x, y, { style: "bold", size: 11 });
  y += 16;
  const size = 10.5;
  const lh = c.lineHeight("regular", size) + 2;
  for (const s of p.sections) {
    if (y + lh > p.bottom - 30) break;
    const page = `Trang ${s.page}`;
    const pw = c.widthOf(page, "regular", size);
    const tw = c.text(s.title, x, y, { size, width: w - pw - 30 });
    // Dotted leader between the title and the page number.
    c.line(x + tw + 4, y + lh - 5, x + w - pw - 4, y + lh - 5, "#999999", 0.6, [1, 2]);
    c.text(page, x + w - pw, y, { size });
    y += lh;
  }
}

export async function programme(p: PacketPdf): Promise<void> {
  const items = p.input.programme;
  if (!items.length) return;
  p.setStage("Chương trình hội nghị");
  p.section("Chương trình hội nghị");
  p.note(p.input.conference.title, { style: "italic", size: 10 });
  await p.table(
    items,
    [
      { title: "Thời gian", width: 95, wrap: true, text: (r) => r.time },
      { title: "Nội dung", width: 0, wrap: true, text: (r) => r.title },
      { title: "Thực hiện", width: 140, wrap: true, text: (r) => r.presenter },
    ],
    { size: 10 },
  );
}

export function classLegend(p: PacketPdf, colors: Map<string, string>): void {
  const bands = p.input.summary.bands;
  const floor = (b: ClassBand) =>
    b.minAreaPct !== null && b.minAreaPct !== undefined ? `, mỗi lĩnh vực từ ${fmtInt(b.minAreaPct)} %` : "";
  const items = bands.map((b, i) => ({
    label:
      i === bands.length - 1 && b.minPct <= 0
        ? `${b.name} (dưới ${fmtInt(bands[i - 1]?.minPct ?? 0)} %)`
        : `${b.name} (từ ${fmtInt(b.minPct)} %${floor(b)})`,
    color: colors.get(b.name)!,
  }));
  p.y = drawLegend(p.c, p.left, p.y, p.width, items, 8.5);
}

/** "Số đơn vị: 45, trong đó 44 đơn vị xếp hạng. Điểm bình quân … Xếp loại: …" for a block or the round. */
export function statisticsLine(st: RoundStatistics): string {
  const ranked = st.ranked < st.units ? `, trong đó ${fmtInt(st.ranked)} đơn vị xếp hạng` : "";
  const over = st.ranked < st.units ? " (các đơn vị xếp hạng)" : "";
  const parts = st.averageParts.length > 1 ? ` ${partsLine(st)}.` : "";
  return (
    `Số đơn vị: ${fmtInt(st.units)}${ranked}. Điểm bình quân${over}: ${fmtPoints(st.averagePoints)}; chỉ số bình quân: ${fmtPct(st.averageIndexPct)} %.` +
    parts +
    ` Xếp loại: ${st.classCounts.map((k) => `${k.className}\u00a0${fmtInt(k.count)}`).join(", ")}.`
  );
}

/** "Điểm thẩm định bình quân 52,3/70; điểm điều tra XHH bình quân 21,4/30". */
export function partsLine(st: RoundStatistics): string {
  const text = st.averageParts
    .map((a) => `điểm ${PART_NAME[a.source]} bình quân ${fmtPoints(a.averagePoints)}/${fmtPoints(a.averageMaxPoints)}`)
    .join("; ");
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** The one maximum of a part over these units; null when it differs between them. */
function partMax(source: NodeSource, units: UnitResult[]): number | null {
  const maxima = new Set(units.map((r) => partOf(r, source)?.maxPoints).filter((m) => m !== undefined));
  return maxima.size === 1 ? [...maxima][0]! : null;
}

/** Points of a part; its maximum in the title when every unit of the block has the same. */
function partColumn(source: NodeSource, units: UnitResult[]): Column<UnitResult> {
  const same = partMax(source, units);
  return {
    title: same !== null ? `${PART_LABEL[source]} (tối đa ${fmtPoints(same)})` : PART_LABEL[source],
    width: 46,
    align: "right",
    text: (r) => {
      const part = partOf(r, source);
      return part ? fmtPoints(part.points) : "";
    },
  };
}

export async function ranking(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary, round } = p.input;
  p.setStage("Bảng xếp hạng");
  p.section("Kết quả xếp hạng Chỉ số CCHC");
  const st = summary.statistics;
  const blocks = blocksOf(summary);
  const multi = hasBlocks(summary);
  p.note(round.title, { style: "italic", size: 10.5, color: "#000000" });
  const changes = round.previousTitle ? ` Thay đổi so với ${round.previousTitle} (▲ tăng hạng, ▼ giảm hạng).` : "";
  if (!multi) {
    p.note(statisticsLine(st) + changes, { style: "regular", size: 9.5, color: "#000000" });
  } else {
    p.note(
      `Các đơn vị được xếp hạng riêng theo ${fmtInt(blocks.length)} khối: ` +
        blocks.map((b) => `${b.name} (${fmtInt(b.results.length)} đơn vị)`).join("; ") +
        `. Mỗi khối xếp hạng từ 1; hai đơn vị ở hai khối khác nhau không so hạng với nhau.` +
        changes,
      { style: "regular", size: 9.5, color: "#000000" },
    );
  }
  if (hasFloors(summary.bands) && summary.areas.size < summary.ranking.length)
    p.note(
      "Đơn vị chỉ có điểm tổng (không có điểm theo lĩnh vực) được xếp loại theo tổng điểm; mức tối thiểu mỗi lĩnh vực không áp dụng được.",
      { size: 8.5 },
    );
  classLegend(p, colors);
  if (multi) await blockStatisticsTable(p);
  for (const [i, block] of blocks.entries()) {
    if (multi) {
      if (i > 0) p.newPage();
      p.subheading(`${i + 1}. ${blockTitle(block.name)}`, 120);
      p.note(statisticsLine(block.statistics), { style: "regular", size: 9.5, color: "#000000" });
    }
    await blockRanking(p, block, colors);
  }
}

/** One row per block: units, ranked, average points and index, the parts, and the class counts. */
async function blockStatisticsTable(p: PacketPdf): Promise<void> {
  const { summary } = p.input;
  const rows: Array<{ name: string; st: RoundStatistics; total?: boolean }> = [
    ...blocksOf(summary).map((b) => ({ name: blockTitle(b.name), st: b.statistics })),
    { name: "Toàn vòng", st: summary.statistics, total: true },
  ];
  const parts = hasParts(summary);
  // The block's name keeps at least 110 pt; the class counts share what is left.
  const others = 30 + 30 + (parts ? 2 * 44 : 0) + 36 + 40;
  const classWidth = Math.min(40, (p.width - 110 - others) / Math.max(1, summary.bands.length));
  await p.table(
    rows,
    [
      { title: "Khối", width: 0, wrap: true, style: "bold", text: (r) => r.name },
      { title: "Số đơn vị", width: 30, align: "right", text: (r) => fmtInt(r.st.units) },
      { title: "Xếp hạng", width: 30, align: "right", text: (r) => fmtInt(r.st.ranked) },
      ...(parts
        ? PART_SOURCES.map((source): Column<(typeof rows)[number]> => ({
            title: `${PART_LABEL[source]} bình quân`,
            width: 46,
            align: "right",
            text: (r) => {
              const a = r.st.averageParts.find((x) => x.source === source);
              return a ? `${fmtPoints(a.averagePoints)}/${fmtPoints(a.averageMaxPoints)}` : "";
            },
          }))
        : []),
      { title: "Điểm bình quân", width: 36, align: "right", text: (r) => fmtPoints(r.st.averagePoints) },
      {
        title: "Chỉ số bình quân (%)",
        width: 40,
        align: "right",
        style: "bold",
        text: (r) => fmtPct(r.st.averageIndexPct),
      },
      ...summary.bands.map((b, k): Column<(typeof rows)[number]> => ({
        title: b.name,
        width: classWidth,
        align: "right",
        text: (r) => fmtInt(r.st.classCounts[k]?.count ?? 0),
      })),
    ],
    { size: 8.5, tick: false },
  );
}

/** A block's ranking table, its units not ranked, and the notes on floors, new units and mapped units. */
async function blockRanking(p: PacketPdf, block: BlockResult, colors: Map<string, string>): Promise<void> {
  const { input } = p;
  const previous = input.round.previousTitle !== null;
  const rankedRows = block.results.filter((r) => r.ranked);
  const notRanked = block.results.filter((r) => !r.ranked);
  const parts = hasParts(input.summary);
  const rankColor = (r: UnitResult) =>
    r.rankChange === null || r.rankChange === 0 ? MUTED : r.rankChange > 0 ? UP_COLOR : DOWN_COLOR;
  const classChangeColor = (r: UnitResult) =>
    r.classChange === "up" ? UP_COLOR : r.classChange === "down" ? DOWN_COLOR : MUTED;
  const className = (r: UnitResult) => (r.classFloor ? `${r.className}*` : r.className);
  const rankChange = (r: UnitResult) =>
    r.rankChange !== null ? fmtRankChange(r.rankChange) : isNewUnit(input, r) ? "Mới" : "";
  const partColumns = parts ? PART_SOURCES.map((s) => partColumn(s, block.results)) : [];
  const narrow = parts ? 4 : 0; // the parts columns take their room from the others
  if (rankedRows.length)
    await p.table(
      rankedRows,
      [
        { title: "Hạng", width: 30, align: "center", text: (r) => String(r.rank) },
        { title: "Đơn vị", width: 0, text: (r) => r.unitName },
        ...partColumns,
        { title: parts ? "Tổng điểm" : "Điểm", width: 42 - narrow, align: "right", text: (r) => fmtPoints(r.points) },
        { title: "Tối đa", width: 38 - narrow, align: "right", text: (r) => fmtPoints(r.maxPoints) },
        { title: "Chỉ số (%)", width: 44 - narrow, align: "right", style: "bold", text: (r) => fmtPct(r.indexPct) },
        { title: "Xếp loại", width: 66 - narrow, text: className, swatch: (r) => colors.get(r.className) },
        { title: "Thay đổi hạng", width: 44 - narrow, align: "center", text: rankChange, color: rankColor },
        {
          title: "Thay đổi xếp loại",
          width: 56 - 2 * narrow,
          align: "center",
          text: (r) => (r.classChange ? CLASS_CHANGE_LABEL[r.classChange] : ""),
          color: classChangeColor,
        },
      ],
      { keepWithHeader: 5 },
    );
  if (notRanked.length) {
    p.subheading(
      `${formatRank(null)}: ${fmtInt(notRanked.length)} đơn vị được đánh giá, xếp loại nhưng không tham gia xếp hạng`,
      30,
    );
    await p.table(
      notRanked,
      [
        { title: "Đơn vị", width: 0, wrap: true, text: (r) => r.unitName },
        { title: "Điểm", width: 40, align: "right", text: (r) => fmtPoints(r.points) },
        { title: "Chỉ số (%)", width: 42, align: "right", style: "bold", text: (r) => fmtPct(r.indexPct) },
        { title: "Xếp loại", width: 60, text: className, swatch: (r) => colors.get(r.className) },
        { title: "Lý do không xếp hạng", width: 170, wrap: true, text: (r) => r.notRankedReason ?? "" },
      ],
      { keepWithHeader: 2 },
    );
  }
  if (parts && PART_SOURCES.some((source) => partMax(source, block.results) === null))
    p.note(
      "Điểm tối đa của phần thẩm định và phần điều tra XHH khác nhau giữa các đơn vị (tiêu chí không áp dụng); điểm tối đa từng phần của mỗi đơn vị có trong tệp Excel.",
      { size: 8.5 },
    );
  const floored = block.results.filter((r) => r.classFloor);
  if (floored.length)
    p.note(
      `* Xếp loại bị giới hạn bởi mức điểm tối thiểu mỗi lĩnh vực: ` +
        floored.map((r) => `${r.unitName} ${floorExplanation(r.classFloor!)}`).join("; ") +
        ".",
      { size: 8.5 },
    );
  if (previous) {
    const fresh = block.results.filter((r) => isNewUnit(input, r));
    if (fresh.length)
      p.note(`${NEW_UNIT} (cột thay đổi hạng ghi "Mới"): ${nameList(fresh.map((r) => r.unitName))}.`, { size: 8.5 });
    const mapped = block.results.filter((r) => r.previousBasis === "mapped" && r.predecessors.length);
    if (mapped.length)
      p.note(
        `So sánh qua đơn vị năm trước: ` +
          mapped.map((r) => `${r.unitName} từ ${r.predecessors.map(predecessorText).join(", ")}`).join("; ") +
          ".",
        { size: 8.5 },
      );
  }
}

/** "Xã Hòa Phong (hạng 3, 82,10 %)". */
export function predecessorText(prev: PreviousResult): string {
  const what = [prev.rank !== null ? `hạng ${prev.rank}` : "", `${fmtPct(prev.indexPct)} %`].filter(Boolean).join(", ");
  return `${prev.unitName ?? prev.unitId} (${what})`;
}

/** Up to 200 names, then how many more (the xlsx has them all). */
function nameList(names: string[], max = 200): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} và ${fmtInt(names.length - max)} đơn vị khác (xem tệp Excel)`;
}
