// The packet's year-on-year sections (issue 16): "Phân tích theo tiêu chí" (what is compared with what,
// the strongest and weakest criteria, the largest average drops as a chart, a table of criteria per area,
// the criteria with no counterpart) and "Kết quả thực hiện kế hoạch khắc phục" (the remediation loop).
// Per criterion and per plan, never per unit: compact for 3,300 units.
import { MAPPING_SOURCE_LABEL, REMEDIATION_STATUS_LABEL, remediationTallyText } from "#app/scoring/analysis-labels.ts";
import type { CriterionAnalysis, CriterionRow, NodeRef, RemediationOutcome } from "#app/scoring/analysis/types.ts";
import { drawHBars, ticksUpTo } from "#app/documents/packet/charts.server.ts";
import {
  areasWithCriteria,
  criterionAnalysisOf,
  largestDrops,
  rankedCount,
  REMEDIATION_ROWS,
  unrecoveredActions,
} from "#app/documents/packet/criteria-data.ts";
import { DOWN_COLOR, UP_COLOR } from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtSignedPct } from "#app/documents/packet/format.ts";
import type { PacketCriteria, PacketInput, PacketRemediationAction } from "#app/documents/packet/types.ts";
import { type Column, type PacketPdf } from "#app/documents/packet/layout.server.ts";

export const CRITERIA_TITLE = "Phân tích theo tiêu chí";
export const REMEDIATION_TITLE = "Kết quả thực hiện kế hoạch khắc phục";

/** Progress steps of these sections: one per criterion and area listed, plan and action listed. */
export function criteriaProgress(input: PacketInput): number {
  const a = input.analysis;
  if (!a) return 0;
  if (a.state !== "ok") return 1;
  const { compiled } = a.input.current;
  const areas = compiled.areaIndices.length;
  let criteria = 0;
  for (let i = 0; i < compiled.nodes.length; i++)
    if (compiled.parent[i] !== -1 && compiled.parent[compiled.parent[i]!] === -1) criteria++;
  const r = a.remediation;
  const loop = r?.actions.length
    ? Math.min(REMEDIATION_ROWS, r.plans.length) + Math.min(REMEDIATION_ROWS, unrecoveredActions(r.actions).length)
    : 0;
  return 5 + areas + criteria + loop;
}

const changeColor = (change: number | null) =>
  change === null || Math.abs(change) < 0.005 ? undefined : change > 0 ? UP_COLOR : DOWN_COLOR;

/** "Xã A (−50,00)": the compared unit whose % fell most on this row. */
function mostLost(r: CriterionRow): string {
  const u = r.largestLosses[0];
  return u ? `${u.unitName} (${fmtSignedPct(u.change)})` : "—";
}

export async function criteria(p: PacketPdf): Promise<void> {
  const a = p.input.analysis;
  if (!a) return;
  p.setStage(CRITERIA_TITLE);
  const analysis = a.state === "ok" ? criterionAnalysisOf(a) : { refused: a.message };
  // The reason alone does not take a page of its own.
  p.section(CRITERIA_TITLE, "refused" in analysis ? 60 : 0);
  if (a.state !== "ok" || "refused" in analysis) {
    p.note("refused" in analysis ? analysis.refused : "", { style: "regular", size: 10, color: "#000000" });
    await p.tick();
    return;
  }
  await criteriaBody(p, a, analysis);
}

async function criteriaBody(p: PacketPdf, a: PacketCriteria, analysis: CriterionAnalysis): Promise<void> {
  const c = p.c;
  p.note(
    `So sánh kết quả năm ${a.year} với năm ${a.previousYear} (${a.previousTitle}): ` +
      `${fmtInt(analysis.comparedUnits)}/${fmtInt(analysis.units)} đơn vị có kết quả năm trước để so sánh. ` +
      `${MAPPING_SOURCE_LABEL[a.mappingSource]}. Tỷ lệ bình quân của mỗi tiêu chí tính trên các đơn vị áp dụng tiêu chí đó; ` +
      `thay đổi tính bằng điểm phần trăm.`,
    { style: "regular", size: 9.5, color: "#000000" },
  );
  await p.tick();

  // 1. Strongest and weakest criteria.
  const n = rankedCount(analysis);
  const ranked = [
    ...analysis.strongest.slice(0, n).map((row) => ({ row, kind: "Mạnh nhất" })),
    ...analysis.weakest.slice(0, n).map((row) => ({ row, kind: "Yếu nhất" })),
  ];
  if (ranked.length) {
    p.subheading(`1. Các tiêu chí mạnh nhất và yếu nhất`);
    await p.table(
      ranked,
      [
        { title: "Nhóm", width: 52, style: "bold", text: (x) => x.kind },
        { title: "Mã", width: 34, align: "center", text: (x) => x.row.code },
        { title: "Tiêu chí", width: 0, wrap: true, text: (x) => x.row.title },
        { title: "Năm nay (%)", width: 50, align: "right", style: "bold", text: (x) => fmtPct(x.row.averagePct) },
        { title: "Năm trước (%)", width: 50, align: "right", text: (x) => fmtPct(x.row.previousAveragePct) },
        {
          title: "Thay đổi",
          width: 46,
          align: "right",
          text: (x) => fmtSignedPct(x.row.change) || "—",
          color: (x) => changeColor(x.row.change),
        },
      ],
      { size: 8.5, tick: false },
    );
  }
  await p.tick(2);

  // 2. The criteria whose average fell most, as a chart.
  const drops = largestDrops(analysis);
  p.subheading(`2. Các tiêu chí giảm tỷ lệ điểm bình quân nhiều nhất (điểm %)`, drops.length ? 120 : 20);
  if (!drops.length) p.note("Không có tiêu chí nào giảm tỷ lệ điểm bình quân so với năm trước.");
  else {
    const { ticks, top } = ticksUpTo(Math.max(...drops.map((r) => -r.change!)));
    const pitch = 20;
    p.ensure(drops.length * pitch + 30);
    p.y = drawHBars(
      c,
      p.left,
      p.y,
      p.width,
      drops.map((r) => ({
        label: `${r.code}. ${r.title}`,
        value: -r.change!,
        color: DOWN_COLOR,
        valueLabel: `${fmtSignedPct(r.change)} (${fmtPct(r.previousAveragePct)} → ${fmtPct(r.averagePct)} %)`,
      })),
      {
        labelWidth: 190,
        pitch,
        max: top,
        ticks,
        tickLabel: (v) => fmtPoints(v),
        size: 8,
        labelLines: 2,
        valueRoom: 110,
      },
    );
    p.y += 6;
  }
  await p.tick(2);

  // 3. Every criterion, area by area.
  p.subheading(`3. Từng tiêu chí theo lĩnh vực`);
  p.note(
    `Mới bị trừ điểm: số đơn vị đạt điểm tối đa năm trước nhưng năm nay bị trừ điểm. ` +
      `Giảm nhiều nhất: đơn vị có tỷ lệ điểm của tiêu chí giảm nhiều nhất (điểm %).`,
    { size: 8.5 },
  );
  const columns: Column<CriterionRow>[] = [
    { title: "Mã", width: 32, align: "center", text: (r) => r.code },
    { title: "Tiêu chí", width: 0, wrap: true, text: (r) => r.title },
    { title: "Điểm tối đa", width: 34, align: "right", text: (r) => fmtPoints(r.maxPoints) },
    { title: "Năm nay (%)", width: 42, align: "right", style: "bold", text: (r) => fmtPct(r.averagePct) },
    { title: "Năm trước (%)", width: 42, align: "right", text: (r) => fmtPct(r.previousAveragePct) },
    {
      title: "Thay đổi",
      width: 40,
      align: "right",
      text: (r) => fmtSignedPct(r.change) || "—",
      color: (r) => changeColor(r.change),
    },
    {
      title: "Mới bị trừ điểm",
      width: 40,
      align: "right",
      text: (r) => (r.previousCodes.length ? `${fmtInt(r.newlyLost)}/${fmtInt(r.compared)}` : "—"),
    },
    { title: "Giảm nhiều nhất", width: 96, wrap: true, text: mostLost },
  ];
  for (const { area, criteria: rows } of areasWithCriteria(analysis)) {
    const change = area.change === null ? "" : `, thay đổi ${fmtSignedPct(area.change)}`;
    p.ensure(60);
    p.y =
      c.paragraph(
        `Lĩnh vực ${area.code}. ${area.title}: ${fmtPct(area.averagePct)} % (năm trước ${fmtPct(area.previousAveragePct)} %${change})`,
        p.left,
        p.y,
        p.width,
        { style: "bold", size: 9.5 },
      ) + 2;
    if (rows.length) await p.table(rows, columns, { size: 8, keepWithHeader: Math.min(2, rows.length) });
    else p.y += 4;
    await p.tick();
  }

  // 4. What could not be compared.
  const { current, previous } = analysis.unmatched;
  p.subheading(`4. Tiêu chí không có tiêu chí tương ứng năm trước`, 30);
  if (!current.length && !previous.length) {
    p.note("Mọi tiêu chí đều có tiêu chí tương ứng giữa hai năm.");
    return;
  }
  const unmatched = [
    ...current.map((node) => ({ node, what: `Mới năm ${a.year}` })),
    ...previous.map((node) => ({ node, what: `Không còn đánh giá (năm ${a.previousYear})` })),
  ];
  await p.table<{ node: NodeRef; what: string }>(
    unmatched,
    [
      { title: "Mã", width: 40, align: "center", text: (x) => x.node.code },
      { title: "Tiêu chí", width: 0, wrap: true, text: (x) => x.node.title },
      { title: "Điểm tối đa", width: 44, align: "right", text: (x) => fmtPoints(x.node.maxPoints) },
      { title: "Ghi chú", width: 120, wrap: true, text: (x) => x.what },
    ],
    { size: 8.5, tick: false },
  );
}

const pctOf = (x: RemediationOutcome["before"]) => (x ? `${fmtPct(x.pct)} %` : "—");

export async function remediation(p: PacketPdf): Promise<void> {
  const a = p.input.analysis;
  const loop = a?.state === "ok" ? a.remediation : null;
  if (!a || a.state !== "ok" || !loop?.actions.length) return;
  p.setStage(REMEDIATION_TITLE);
  p.section(REMEDIATION_TITLE);
  p.note(
    `Các kế hoạch khắc phục những tiêu chí bị trừ điểm năm ${a.previousYear}, đối chiếu với kết quả năm ${a.year}.`,
    { size: 9.5 },
  );
  p.y = p.c.paragraph(remediationTallyText(loop.tally), p.left, p.y, p.width, { style: "bold", size: 11 }) + 6;
  const plans = loop.plans.slice(0, REMEDIATION_ROWS);
  p.subheading(`1. Theo từng kế hoạch`);
  if (plans.length < loop.plans.length)
    p.note(`${fmtInt(plans.length)} trong ${fmtInt(loop.plans.length)} kế hoạch; đầy đủ trong tệp Excel.`);
  const num = (f: (t: (typeof plans)[number]["tally"]) => number) => (x: (typeof plans)[number]) => fmtInt(f(x.tally));
  await p.table(
    plans,
    [
      { title: "Đơn vị", width: 0, wrap: true, style: "bold", text: (x) => x.unitName },
      { title: "Số hành động", width: 48, align: "right", text: num((t) => t.total) },
      { title: REMEDIATION_STATUS_LABEL.recovered, width: 58, align: "right", text: num((t) => t.recovered) },
      { title: REMEDIATION_STATUS_LABEL.partly, width: 58, align: "right", text: num((t) => t.partly) },
      { title: REMEDIATION_STATUS_LABEL["not-recovered"], width: 58, align: "right", text: num((t) => t.notRecovered) },
      { title: REMEDIATION_STATUS_LABEL["not-assessed"], width: 58, align: "right", text: num((t) => t.notAssessed) },
    ],
    { size: 9 },
  );
  const open = unrecoveredActions(loop.actions);
  p.subheading(`2. Hành động chưa lấy lại đủ điểm`, open.length ? 60 : 20);
  if (!open.length) {
    p.note("Mọi hành động đã lấy lại đủ điểm hoặc không còn được đánh giá.");
    return;
  }
  const shown = open.slice(0, REMEDIATION_ROWS);
  if (shown.length < open.length)
    p.note(`${fmtInt(shown.length)} trong ${fmtInt(open.length)} hành động; đầy đủ trong tệp Excel.`);
  await p.table<PacketRemediationAction>(
    shown,
    [
      { title: "Đơn vị", width: 96, wrap: true, text: (x) => x.unitName },
      { title: "Mã", width: 34, align: "center", text: (x) => x.code },
      { title: "Tiêu chí bị trừ điểm", width: 0, wrap: true, text: (x) => x.title },
      {
        title: `Năm ${a.previousYear} → năm ${a.year}`,
        width: 84,
        align: "right",
        text: (x) => `${pctOf(x.outcome.before)} → ${pctOf(x.outcome.after)}`,
      },
      {
        title: "Kết quả",
        width: 70,
        wrap: true,
        text: (x) => REMEDIATION_STATUS_LABEL[x.outcome.status],
        color: (x) => (x.outcome.status === "not-recovered" ? DOWN_COLOR : undefined),
      },
    ],
    { size: 8.5 },
  );
}
