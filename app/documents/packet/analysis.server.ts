// The packet's analysis sections: by area, the appendix highlights per unit, SIPAS, the award list and
// the order of speeches.

import { SIPAS_COMPONENTS, SIPAS_LABEL, type SipasRow } from "#app/scoring/sipas.ts";
import { floorExplanation, formatRank } from "#app/scoring/format.ts";
import { drawHBars } from "#app/documents/packet/charts.server.ts";
import {
  appendixUnits,
  areaFullCounts,
  blockTitle,
  hasBlocks,
  areaUnitCounts,
  criterionTallies,
  DOWN_COLOR,
  LOST_PER_UNIT,
  mostLost,
  type CriterionTally,
} from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints } from "#app/documents/packet/format.ts";
import { type PacketPdf } from "#app/documents/packet/layout.server.ts";

export async function areas(p: PacketPdf): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  p.setStage("Phân tích theo lĩnh vực");
  p.section("Phân tích theo lĩnh vực");
  const avg = summary.areaAverages;
  if (!avg.length) {
    p.note("Vòng đánh giá chỉ có điểm tổng của từng đơn vị, không có số liệu theo lĩnh vực.");
    await p.tick(5);
    return;
  }
  const worst = [...avg].filter((a) => a.averagePct !== null).sort((a, b) => a.averagePct! - b.averagePct!)[0];
  const best = [...avg].filter((a) => a.averagePct !== null).sort((a, b) => b.averagePct! - a.averagePct!)[0];
  if (best && worst) {
    p.note(
      `Tỷ lệ điểm bình quân của ${fmtInt(summary.areas.size)} đơn vị theo từng lĩnh vực. Cao nhất: ${best.code}. ${best.title} (${fmtPct(best.averagePct)} %); ` +
        `thấp nhất: ${worst.code}. ${worst.title} (${fmtPct(worst.averagePct)} %).`,
      { style: "regular", size: 9.5, color: "#000000" },
    );
  }
  p.y += 2;
  const pitch = Math.min(22, Math.max(12, 300 / avg.length));
  p.ensure(avg.length * pitch + 30);
  const areaColor = (pct: number | null) =>
    pct === null
      ? "#888888"
      : pct >= 90
        ? "#1b7f3b"
        : pct >= 80
          ? "#6aa84f"
          : pct >= 70
            ? "#3d85c6"
            : pct >= 50
              ? "#e69138"
              : "#cc0000";
  p.y = drawHBars(
    c,
    p.left,
    p.y,
    p.width,
    avg.map((a) => ({
      label: `${a.code}. ${a.title}`,
      value: a.averagePct ?? 0,
      color: areaColor(a.averagePct),
      valueLabel: `${fmtPct(a.averagePct)} %`,
    })),
    {
      labelWidth: 190,
      pitch,
      max: 100,
      ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      tickLabel: (v) => `${v}`,
      size: 8,
      labelLines: pitch >= 20 ? 2 : 1,
    },
  );
  p.y += 8;
  const full = areaFullCounts(summary);
  const scored = areaUnitCounts(summary);
  await p.table(
    avg,
    [
      { title: "Mã", width: 28, align: "center", text: (a) => a.code },
      { title: "Lĩnh vực", width: 0, wrap: true, text: (a) => a.title },
      { title: "Điểm tối đa", width: 44, align: "right", text: (a) => fmtPoints(a.maxPoints) },
      { title: "Điểm bình quân", width: 52, align: "right", text: (a) => fmtPoints(a.averagePoints) },
      { title: "Tỷ lệ bình quân (%)", width: 56, align: "right", style: "bold", text: (a) => fmtPct(a.averagePct) },
      {
        title: "Số đơn vị đạt điểm tối đa",
        width: 70,
        align: "right",
        text: (a) => `${fmtInt(full.get(a.code) ?? 0)}/${fmtInt(scored.get(a.code) ?? 0)}`,
      },
    ],
    { size: 9 },
  );
}

export async function appendices(p: PacketPdf): Promise<void> {
  const { summary } = p.input;
  const c = p.c;
  p.setStage("Phụ lục");
  p.section("Điểm nổi bật của các phụ lục");
  if (!summary.appendices.size) {
    p.note("Vòng đánh giá chỉ có điểm tổng của từng đơn vị: không có phụ lục theo tiêu chí.");
    await p.tick(20);
    return;
  }
  const tallies = criterionTallies(summary);
  const lost = mostLost(tallies);
  const units = summary.appendices.size;
  p.subheading(`1. Tiêu chí thành phần bị trừ điểm ở nhiều đơn vị nhất (trên ${fmtInt(units)} đơn vị)`);
  if (!lost.length) p.note("Không có tiêu chí nào bị trừ điểm.");
  else
    await p.table(
      lost,
      [
        { title: "Mã", width: 34, align: "center", text: (t: CriterionTally) => t.code },
        { title: "Tiêu chí thành phần", width: 0, wrap: true, text: (t) => t.title },
        { title: "Điểm tối đa", width: 42, align: "right", text: (t) => fmtPoints(t.maxPoints) },
        { title: "Số đơn vị bị trừ điểm", width: 58, align: "right", text: (t) => fmtInt(t.unitsLost) },
        {
          title: "Tỷ lệ đơn vị (%)",
          width: 48,
          align: "right",
          text: (t) => fmtPct((t.unitsLost / Math.max(1, t.unitsLost + t.unitsFull)) * 100),
        },
        {
          title: "Điểm bị trừ bình quân",
          width: 56,
          align: "right",
          text: (t) => fmtPct(t.totalLost / Math.max(1, t.unitsLost)),
        },
      ],
      { size: 8.5, tick: false },
    );
  await p.tick(20);

  const list = appendixUnits(p.input);
  if (!list.length) return;
  const multi = hasBlocks(summary);
  const all = summary.ranking.filter((r) => summary.appendices.has(r.unitId)).length;
  p.subheading(
    list.length < all
      ? `2. Từng đơn vị: ${fmtInt(list.length)} đơn vị đầu bảng xếp hạng${multi ? " của các khối" : ""} (trong ${fmtInt(all)} đơn vị; phụ lục đầy đủ trong tệp Excel)`
      : `2. Từng đơn vị`,
  );
  p.note(
    `Phụ lục 1: các tiêu chí thành phần đạt điểm tối đa, cần duy trì. Phụ lục 2: các tiêu chí bị trừ điểm, cần khắc phục; dưới đây là ${LOST_PER_UNIT} tiêu chí bị trừ nhiều điểm nhất của mỗi đơn vị.`,
    { size: 8.5 },
  );
  for (const r of list) {
    const a = summary.appendices.get(r.unitId)!;
    const totalLost = a.lostPoints.reduce((s, i) => s + i.pointsLost, 0);
    const top = a.lostPoints.slice(0, LOST_PER_UNIT);
    // Keep the unit's title, its counts and its first rows together.
    p.ensure(46 + Math.min(3, top.length) * 14);
    const place =
      r.rank === null
        ? formatRank(null)
        : multi && r.block
          ? `${blockTitle(r.block)}, hạng ${r.rank}`
          : `Hạng ${r.rank}`;
    p.y = c.paragraph(
      `${place}. ${r.unitName}: ${fmtPoints(r.points)}/${fmtPoints(r.maxPoints)} điểm (${fmtPct(r.indexPct)} %), ${r.className}`,
      p.left,
      p.y,
      p.width,
      {
        style: "bold",
        size: 9.5,
      },
    );
    if (r.classFloor)
      p.y = c.paragraph(`Xếp loại ${r.className}: ${floorExplanation(r.classFloor)}.`, p.left, p.y, p.width, {
        style: "italic",
        size: 9,
        color: DOWN_COLOR,
      });
    p.y =
      c.paragraph(
        `Phụ lục 1: ${fmtInt(a.fullMarks.length)} tiêu chí thành phần đạt điểm tối đa. Phụ lục 2: ${fmtInt(a.lostPoints.length)} tiêu chí bị trừ điểm, tổng ${fmtPoints(totalLost)} điểm.`,
        p.left,
        p.y,
        p.width,
        { size: 9 },
      ) + 2;
    if (top.length) {
      await p.table(
        top,
        [
          { title: "Mã", width: 34, align: "center", text: (i) => i.code },
          { title: "Tiêu chí bị trừ điểm", width: 0, wrap: true, text: (i) => i.title },
          { title: "Tối đa", width: 40, align: "right", text: (i) => fmtPoints(i.maxPoints) },
          { title: "Đạt", width: 40, align: "right", text: (i) => fmtPoints(i.points) },
          {
            title: "Bị trừ",
            width: 40,
            align: "right",
            style: "bold",
            text: (i) => fmtPoints(i.pointsLost),
            color: () => DOWN_COLOR,
          },
        ],
        { size: 8.5, keepWithHeader: Math.min(3, top.length), tick: false },
      );
    } else {
      p.y += 4;
    }
    await p.tick(1 + LOST_PER_UNIT);
  }
}

export async function sipas(p: PacketPdf): Promise<void> {
  const rows = p.input.summary.sipas;
  if (!rows.length) return;
  p.setStage("Chỉ số SIPAS");
  p.section("Chỉ số hài lòng SIPAS");
  const avg = rows.reduce((s, r) => s + r.index, 0) / rows.length;
  const unranked = rows.some((r) => r.rank === null);
  const multi = rows.some((r) => r.block !== null);
  p.note(
    `Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của ${fmtInt(rows.length)} đơn vị, theo 5 yếu tố (%); bình quân ${fmtPct(avg)} %.` +
      (multi ? " Xếp hạng SIPAS riêng trong từng khối." : "") +
      (unranked ? " Hạng “—”: đơn vị không xếp hạng." : ""),
    {
      style: "regular",
      size: 9.5,
      color: "#000000",
    },
  );
  const groups: Array<{ name: string | null; rows: SipasRow[] }> = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last.name === r.block) last.rows.push(r);
    else groups.push({ name: r.block, rows: [r] });
  }
  for (const group of groups) {
    if (multi) p.subheading(blockTitle(group.name), 60);
    await p.table<SipasRow>(
      group.rows,
      [
        { title: "Hạng", width: 30, align: "center", text: (r) => (r.rank === null ? "—" : String(r.rank)) },
        { title: "Đơn vị", width: 0, text: (r) => r.unitName },
        ...SIPAS_COMPONENTS.map((k) => ({
          title: SIPAS_LABEL[k],
          width: 50,
          align: "right" as const,
          text: (r: SipasRow) => fmtPct(r.components[k]),
        })),
        { title: "Chỉ số SIPAS (%)", width: 50, align: "right", style: "bold", text: (r) => fmtPct(r.index) },
      ],
      { keepWithHeader: 5 },
    );
  }
}

export async function awards(p: PacketPdf): Promise<void> {
  const list = p.input.awards;
  if (!list.length) return;
  p.setStage("Khen thưởng");
  p.section("Danh sách khen thưởng");
  await p.table(
    list,
    [
      { title: "STT", width: 28, align: "center", text: (_r, i) => String(i + 1) },
      { title: "Tập thể, cá nhân", width: 0, wrap: true, style: "bold", text: (r) => r.recipient },
      { title: "Đơn vị", width: 100, wrap: true, text: (r) => r.organization },
      { title: "Thành tích", width: 120, wrap: true, text: (r) => r.achievement },
      { title: "Hình thức khen thưởng", width: 100, wrap: true, text: (r) => r.form },
    ],
    { size: 9.5 },
  );
}

export async function speeches(p: PacketPdf): Promise<void> {
  const list = [...p.input.speeches].sort((a, b) => a.order - b.order);
  if (!list.length) return;
  p.setStage("Tham luận");
  p.section("Thứ tự tham luận, phát biểu");
  await p.table(
    list,
    [
      { title: "Thứ tự", width: 36, align: "center", text: (r) => String(r.order) },
      { title: "Tên tham luận", width: 0, wrap: true, style: "bold", text: (r) => r.title },
      { title: "Người trình bày", width: 110, wrap: true, text: (r) => r.speaker },
      { title: "Đơn vị", width: 120, wrap: true, text: (r) => r.organization },
    ],
    { size: 10 },
  );
}
