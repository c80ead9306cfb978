// The packet's charts: the index by unit (all units up to FULL_CHART_UNITS, else both ends and a
// histogram), the classes, the areas and the movers.

import { classFor } from "#app/scoring/classes.ts";
import type { UnitResult } from "#app/scoring/types.ts";
import { drawColumns, drawHBars, ticksUpTo, type HBar } from "#app/documents/packet/charts.server.ts";
import { CHART_ENDS, DOWN_COLOR, FULL_CHART_UNITS, movers, UP_COLOR } from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtRankChange, fmtSignedPct } from "#app/documents/packet/format.ts";
import { type PacketPdf } from "#app/documents/packet/layout.server.ts";

export async function charts(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  const units = summary.ranking;
  const bands = summary.bands;
  p.setStage("Biểu đồ");
  p.section("Biểu đồ");
  if (!units.length) {
    p.note("Vòng đánh giá chưa có kết quả.");
    return;
  }
  const thresholds = bands
    .filter((b) => b.minPct > 0 && b.minPct < 100)
    .map((b) => ({ value: b.minPct, label: `${b.name} ${fmtInt(b.minPct)}`, color: colors.get(b.name)! }));
  const pctTicks = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const bar = (r: UnitResult): HBar => ({
    label: `${r.rank}. ${r.unitName}`,
    value: r.indexPct,
    color: colors.get(r.className) ?? "#888888",
    valueLabel: fmtPct(r.indexPct),
  });
  const hbarOptions = (pitch: number) => ({
    labelWidth: 165,
    pitch,
    max: 100,
    ticks: pctTicks,
    tickLabel: (v: number) => `${v}`,
    thresholds,
    size: Math.min(7.5, pitch * 0.82),
  });

  // 1. Index by unit.
  if (units.length <= FULL_CHART_UNITS) {
    p.subheading("1. Chỉ số CCHC theo đơn vị (%)");
    const pitch = Math.min(16, Math.max(10, (p.bottom - p.y - 40) / units.length));
    p.ensure(units.length * pitch + 30);
    p.y = drawHBars(c, p.left, p.y, p.width, units.map(bar), hbarOptions(pitch));
    await p.tick(units.length);
  } else {
    p.subheading(`1. Chỉ số CCHC theo đơn vị (%): ${CHART_ENDS} đơn vị dẫn đầu và ${CHART_ENDS} đơn vị cuối bảng`);
    p.note(
      `Vòng đánh giá có ${fmtInt(units.length)} đơn vị: biểu đồ chỉ nêu ${CHART_ENDS} đơn vị có chỉ số cao nhất và ${CHART_ENDS} đơn vị có chỉ số thấp nhất; ` +
        `kết quả của mọi đơn vị có trong bảng xếp hạng, phân bố chỉ số của toàn bộ đơn vị ở biểu đồ 2.`,
    );
    // Both charts on one page when they fit at 8 pt or more a bar.
    const overhead = 56; // title, threshold labels, axis and gap of one chart
    const pitch = Math.min(11, Math.max(8, (p.bottom - p.y - 2 * overhead) / (2 * CHART_ENDS)));
    p.ensure(CHART_ENDS * pitch + overhead);
    p.y = c.paragraph(`${CHART_ENDS} đơn vị dẫn đầu`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
    p.y = drawHBars(c, p.left, p.y, p.width, units.slice(0, CHART_ENDS).map(bar), hbarOptions(pitch));
    await p.tick(CHART_ENDS);
    p.ensure(CHART_ENDS * pitch + overhead);
    p.y = c.paragraph(`${CHART_ENDS} đơn vị cuối bảng`, p.left, p.y, p.width, { style: "bold", size: 9 }) + 2;
    p.y = drawHBars(c, p.left, p.y, p.width, units.slice(-CHART_ENDS).map(bar), hbarOptions(pitch));
    await p.tick(CHART_ENDS);
  }

  // 2. Distribution of the index (histogram), coloured by class.
  p.newPage();
  p.subheading("2. Phân bố chỉ số CCHC của các đơn vị", 200);
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

  // 3. Class distribution.
  p.y += 10;
  p.subheading("3. Số đơn vị theo xếp loại", 200);
  const classCounts = summary.statistics.classCounts;
  const classTicks = ticksUpTo(Math.max(1, ...classCounts.map((k) => k.count)));
  p.y = drawColumns(
    c,
    p.left,
    p.y,
    p.width,
    classCounts.map((k) => ({
      label: k.className,
      value: k.count,
      color: colors.get(k.className) ?? "#888888",
      topLabel: `${fmtInt(k.count)} (${fmtPct(units.length ? (k.count / units.length) * 100 : 0)} %)`,
    })),
    { height: 150, max: classTicks.top, ticks: classTicks.ticks, tickLabel: fmtInt, axisTitle: "Số đơn vị", size: 9 },
  );
  await p.tick(10);

  // 4. Biggest gainers and losers.
  p.newPage();
  p.subheading("4. Đơn vị tăng, giảm chỉ số nhiều nhất so với năm trước", 200);
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
    label: `${r.unitName} (hạng ${r.rank}${r.rankChange ? `, ${fmtRankChange(r.rankChange)}` : ""})`,
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
