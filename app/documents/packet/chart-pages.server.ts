// The packet's charts: the index by unit (all units up to FULL_CHART_UNITS, else both ends and a
// histogram), the classes, the areas and the movers.

import { classFor } from "#app/scoring/classes.ts";
import type { BlockResult, UnitResult } from "#app/scoring/types.ts";
import { drawColumns, drawHBars, drawLegend, ticksUpTo, type HBar } from "#app/documents/packet/charts.server.ts";
import {
  blocksOf,
  blockTitle,
  CHART_ENDS,
  DOWN_COLOR,
  FULL_CHART_UNITS,
  hasBlocks,
  hasParts,
  movers,
  PART_COLOR,
  PART_LABEL,
  PART_NAME,
  PART_SOURCES,
  UP_COLOR,
} from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtRankChange, fmtSignedPct } from "#app/documents/packet/format.ts";
import { type PacketPdf } from "#app/documents/packet/layout.server.ts";

export async function charts(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary } = p.input;
  const units = summary.ranking;
  p.setStage("Biểu đồ");
  p.section("Biểu đồ");
  if (!units.length) {
    p.note("Vòng đánh giá chưa có kết quả.");
    return;
  }
  let chartNo = 0;
  const no = () => `${++chartNo}.`;
  const multi = hasBlocks(summary);
  const blocks = blocksOf(summary);
  if (!multi) {
    await indexChart(p, colors, units, `${no()} Chỉ số CCHC theo đơn vị (%)`);
    p.newPage();
    await histogram(p, colors, `${no()} Phân bố chỉ số CCHC của các đơn vị`);
    p.y += 10;
    await classChart(p, colors, summary.statistics.classCounts, units.length, `${no()} Số đơn vị theo xếp loại`);
    if (hasParts(summary)) {
      p.y += 10;
      partsChart(p, blocks, `${no()} Điểm bình quân theo thành phần`);
    }
  } else {
    blockAveragesChart(p, colors, blocks, `${no()} Chỉ số CCHC bình quân theo khối (%)`);
    if (hasParts(summary)) {
      p.y += 10;
      partsChart(p, blocks, `${no()} Điểm bình quân theo thành phần và khối`);
    }
    for (const block of blocks) {
      p.newPage();
      const title = blockTitle(block.name);
      await indexChart(p, colors, block.results, `${no()} ${title}: chỉ số CCHC theo đơn vị (%)`, title);
      p.y += 6;
      await classChart(
        p,
        colors,
        block.statistics.classCounts,
        block.results.length,
        `${no()} ${title}: số đơn vị theo xếp loại`,
      );
    }
    p.newPage();
    await histogram(p, colors, `${no()} Phân bố chỉ số CCHC của các đơn vị (mọi khối)`);
  }
  p.newPage();
  await moverCharts(p, `${no()} Đơn vị tăng, giảm chỉ số nhiều nhất so với năm trước`);
}

const PCT_TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

function thresholdsOf(p: PacketPdf, colors: Map<string, string>) {
  return p.input.summary.bands
    .filter((b) => b.minPct > 0 && b.minPct < 100)
    .map((b) => ({ value: b.minPct, label: `${b.name} ${fmtInt(b.minPct)}`, color: colors.get(b.name)! }));
}

/** "3. Xã A", or "Xã A (không xếp hạng)". */
const unitLabel = (r: UnitResult) => (r.rank !== null ? `${r.rank}. ${r.unitName}` : `${r.unitName} (không xếp hạng)`);

/** The index by unit: every unit up to FULL_CHART_UNITS, else the first and last CHART_ENDS. */
async function indexChart(
  p: PacketPdf,
  colors: Map<string, string>,
  units: UnitResult[],
  title: string,
  scope = "Vòng đánh giá",
) {
  const c = p.c;
  const thresholds = thresholdsOf(p, colors);
  const bar = (r: UnitResult): HBar => ({
    label: unitLabel(r),
    value: r.indexPct,
    color: colors.get(r.className) ?? "#888888",
    valueLabel: fmtPct(r.indexPct),
  });
  const hbarOptions = (pitch: number) => ({
    labelWidth: 165,
    pitch,
    max: 100,
    ticks: PCT_TICKS,
    tickLabel: (v: number) => `${v}`,
    thresholds,
    size: Math.min(7.5, pitch * 0.82),
  });
  if (units.length <= FULL_CHART_UNITS) {
    p.subheading(title);
    const pitch = Math.min(16, Math.max(10, (p.bottom - p.y - 40) / units.length));
    p.ensure(units.length * pitch + 30);
    p.y = drawHBars(c, p.left, p.y, p.width, units.map(bar), hbarOptions(pitch));
    await p.tick(units.length);
    return;
  }
  // Both ends of the ranking: units not ranked take no place at either end.
  const ranked = units.filter((r) => r.ranked);
  const unranked = units.length - ranked.length;
  p.subheading(`${title}: ${CHART_ENDS} đơn vị dẫn đầu và ${CHART_ENDS} đơn vị cuối bảng`);
  p.note(
    `${scope} có ${fmtInt(units.length)} đơn vị: biểu đồ chỉ nêu ${CHART_ENDS} đơn vị có chỉ số cao nhất và ${CHART_ENDS} đơn vị có chỉ số thấp nhất; ` +
      `kết quả của mọi đơn vị có trong bảng xếp hạng, phân bố chỉ số của toàn bộ đơn vị ở biểu đồ phân bố.` +
      (unranked ? ` ${fmtInt(unranked)} đơn vị không xếp hạng không có trong hai biểu đồ này.` : ""),
  );
  // Both charts on one page when they fit at 8 pt or more a bar.
  const overhead = 56; // title, threshold labels, axis and gap of one chart
  const pitch = Math.min(11, Math.max(8, (p.bottom - p.y - 2 * overhead) / (2 * CHART_ENDS)));
  p.ensure(CHART_ENDS * pitch + overhead);
  p.y = c.paragraph(`${CHART_ENDS} đơn vị dẫn đầu`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
  p.y = drawHBars(c, p.left, p.y, p.width, ranked.slice(0, CHART_ENDS).map(bar), hbarOptions(pitch));
  await p.tick(CHART_ENDS);
  p.ensure(CHART_ENDS * pitch + overhead);
  p.y = c.paragraph(`${CHART_ENDS} đơn vị cuối bảng`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
  p.y = drawHBars(c, p.left, p.y, p.width, ranked.slice(-CHART_ENDS).map(bar), hbarOptions(pitch));
  await p.tick(CHART_ENDS);
}

/** Distribution of the index over every unit of the round (histogram), coloured by class. */
async function histogram(p: PacketPdf, colors: Map<string, string>, title: string) {
  const c = p.c;
  const units = p.input.summary.ranking;
  const bands = p.input.summary.bands;
  p.subheading(title, 200);
  const min = Math.min(...units.map((u) => u.indexPct));
  const widthOptions = [1, 2, 2.5, 5, 10];
  let binW = 10;
  for (const wOpt of widthOptions) {
    const lo = Math.floor(min / wOpt) * wOpt;
    if ((100 - lo) / wOpt <= 20) {
      binW = wOpt;
      break;
    }
  }
  const lo = Math.max(0, Math.min(Math.floor(min / binW) * binW, 100 - binW));
  const binCount = Math.max(1, Math.round((100 - lo) / binW));
  const counts = new Array<number>(binCount).fill(0);
  for (const u of units) {
    const k = Math.min(binCount - 1, Math.max(0, Math.floor((u.indexPct - lo) / binW + 1e-9)));
    counts[k]!++;
  }
  const countTicks = ticksUpTo(Math.max(...counts));
  const edgeLabel = (v: number) => fmtPoints(v);
  p.y = drawColumns(
    c,
    p.left,
    p.y,
    p.width,
    counts.map((count, k) => {
      const from = lo + k * binW;
      return {
        label: "",
        value: count,
        color: colors.get(classFor(from, bands)) ?? "#888888",
        topLabel: count ? fmtInt(count) : "",
      };
    }),
    {
      height: 170,
      max: countTicks.top,
      ticks: countTicks.ticks,
      tickLabel: fmtInt,
      edges: Array.from({ length: binCount + 1 }, (_, k) => edgeLabel(lo + k * binW)),
      axisTitle: "Số đơn vị",
    },
  );
  p.note(`Chỉ số CCHC (%), mỗi cột ${fmtPoints(binW)} điểm phần trăm; màu theo xếp loại.`, { size: 8.5 });
  await p.tick(10);
}

async function classChart(
  p: PacketPdf,
  colors: Map<string, string>,
  classCounts: Array<{ className: string; count: number }>,
  total: number,
  title: string,
) {
  p.subheading(title, 200);
  const classTicks = ticksUpTo(Math.max(1, ...classCounts.map((k) => k.count)));
  p.y = drawColumns(
    p.c,
    p.left,
    p.y,
    p.width,
    classCounts.map((k) => ({
      label: k.className,
      value: k.count,
      color: colors.get(k.className) ?? "#888888",
      topLabel: `${fmtInt(k.count)} (${fmtPct(total ? (k.count / total) * 100 : 0)} %)`,
    })),
    { height: 150, max: classTicks.top, ticks: classTicks.ticks, tickLabel: fmtInt, axisTitle: "Số đơn vị", size: 9 },
  );
  await p.tick(10);
}

/** Average index of each block's ranked units, with the class thresholds. */
function blockAveragesChart(p: PacketPdf, colors: Map<string, string>, blocks: BlockResult[], title: string) {
  const { bands } = p.input.summary;
  p.subheading(title, 40 + blocks.length * 18);
  p.y = drawHBars(
    p.c,
    p.left,
    p.y,
    p.width,
    blocks.map((b) => ({
      label: `${blockTitle(b.name)} (${fmtInt(b.statistics.ranked)} đơn vị)`,
      value: b.statistics.averageIndexPct,
      color: colors.get(classFor(b.statistics.averageIndexPct, bands)) ?? "#888888",
      valueLabel: fmtPct(b.statistics.averageIndexPct),
    })),
    {
      labelWidth: 190,
      pitch: 18,
      max: 100,
      ticks: PCT_TICKS,
      tickLabel: (v: number) => `${v}`,
      thresholds: thresholdsOf(p, colors),
      size: 8,
    },
  );
  p.note("Chỉ số bình quân của các đơn vị xếp hạng trong khối; màu theo xếp loại của chỉ số bình quân.", {
    size: 8.5,
  });
}

/** Average appraisal and survey points of each block, as % of the part's maximum. */
function partsChart(p: PacketPdf, blocks: BlockResult[], title: string) {
  const bars: HBar[] = [];
  for (const b of blocks)
    for (const a of b.statistics.averageParts) {
      const pct = a.averageMaxPoints > 0 ? (a.averagePoints / a.averageMaxPoints) * 100 : 0;
      bars.push({
        label: b.name === null ? PART_LABEL[a.source] : `${blockTitle(b.name)}: ${PART_NAME[a.source]}`,
        value: pct,
        color: PART_COLOR[a.source],
        valueLabel: `${fmtPoints(Math.round(a.averagePoints * 100) / 100)}/${fmtPoints(a.averageMaxPoints)}`,
      });
    }
  if (!bars.length) return;
  p.subheading(title, 40 + bars.length * 16);
  p.y = drawLegend(
    p.c,
    p.left,
    p.y,
    p.width,
    PART_SOURCES.map((s) => ({ label: PART_LABEL[s], color: PART_COLOR[s] })),
    8.5,
  );
  p.y = drawHBars(p.c, p.left, p.y, p.width, bars, {
    labelWidth: 190,
    pitch: 16,
    max: 100,
    ticks: PCT_TICKS,
    tickLabel: (v: number) => `${v}`,
    size: 8,
  });
  p.note(
    "Độ dài cột: điểm bình quân so với điểm tối đa của thành phần (%); số ghi: điểm bình quân/điểm tối đa. Thẩm định: điểm do cơ quan thẩm định chấm; điều tra XHH: điểm điều tra xã hội học.",
    { size: 8.5 },
  );
}

/** Biggest gainers and losers of the whole round. */
async function moverCharts(p: PacketPdf, title: string) {
  const { summary } = p.input;
  const c = p.c;
  const multi = hasBlocks(summary);
  p.subheading(title, 200);
  const { gainers, losers } = movers(summary);
  if (!gainers.length && !losers.length) {
    p.note(
      p.input.round.previousTitle
        ? "Không có đơn vị nào thay đổi chỉ số so với năm trước."
        : "Không có kết quả năm trước để so sánh.",
    );
    await p.tick(20);
    return;
  }
  const maxAbs = Math.max(...gainers.map((g) => g.indexChange!), ...losers.map((l) => -l.indexChange!));
  const changeTicks = ticksUpTo(maxAbs);
  const moverBar = (r: UnitResult, color: string): HBar => ({
    label: `${r.unitName} (${moverPlace(r, multi)}${r.rankChange ? `, ${fmtRankChange(r.rankChange)}` : ""})`,
    value: Math.abs(r.indexChange!),
    color,
    valueLabel: fmtSignedPct(r.indexChange),
  });
  const moverOptions = {
    labelWidth: 200,
    pitch: 15,
    max: changeTicks.top,
    ticks: changeTicks.ticks,
    tickLabel: (v: number) => fmtPoints(v),
    size: 8,
  };
  const moverChart = async (title: string, list: UnitResult[], color: string) => {
    p.ensure(list.length * 15 + 40);
    p.y = c.paragraph(title, p.left, p.y, p.width, { style: "bold", size: 9.5 }) + 3;
    if (!list.length) p.note("Không có đơn vị nào.");
    else
      p.y = drawHBars(
        c,
        p.left,
        p.y,
        p.width,
        list.map((r) => moverBar(r, color)),
        moverOptions,
      );
    p.y += 8;
    await p.tick(10);
  };
  await moverChart(`Tăng nhiều nhất (điểm phần trăm của chỉ số)`, gainers, UP_COLOR);
  await moverChart(`Giảm nhiều nhất (điểm phần trăm của chỉ số)`, losers, DOWN_COLOR);
  p.note(
    "Độ dài cột: mức thay đổi chỉ số so với năm trước, tính bằng điểm phần trăm; trong ngoặc: hạng năm nay và thay đổi hạng.",
    { size: 8.5 },
  );
}

/** "hạng 3", "khối Phường, hạng 3", "không xếp hạng". */
function moverPlace(r: UnitResult, multi: boolean): string {
  const rank = r.rank !== null ? `hạng ${r.rank}` : "không xếp hạng";
  if (!multi || !r.block) return rank;
  const title = blockTitle(r.block);
  return `${title.charAt(0).toLocaleLowerCase("vi")}${title.slice(1)}, ${rank}`;
}
