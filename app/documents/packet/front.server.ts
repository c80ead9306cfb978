// The packet's first sections: cover and contents, programme, ranking table (with the class legend).

import type { UnitResult } from "#app/scoring/types.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { drawLegend } from "#app/documents/packet/charts.server.ts";
import {
  CHART_ENDS,
  CLASS_CHANGE_LABEL,
  DOWN_COLOR,
  FULL_CHART_UNITS,
  LOST_PER_UNIT,
  UP_COLOR,
} from "#app/documents/packet/data.ts";
import { fmtInt, fmtPct, fmtPoints, fmtRankChange } from "#app/documents/packet/format.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import { MUTED, type PacketPdf } from "#app/documents/packet/layout.server.ts";

export function progressTotal(input: PacketInput, appendixCount: number): number {
  const s = input.summary;
  const n = s.ranking.length;
  const chartBars = n <= FULL_CHART_UNITS ? n : 2 * CHART_ENDS;
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
  const items = bands.map((b, i) => ({
    label:
      i === bands.length - 1 && b.minPct <= 0
        ? `${b.name} (dưới ${fmtInt(bands[i - 1]?.minPct ?? 0)} %)`
        : `${b.name} (từ ${fmtInt(b.minPct)} %)`,
    color: colors.get(b.name)!,
  }));
  p.y = drawLegend(p.c, p.left, p.y, p.width, items, 8.5);
}

export async function ranking(p: PacketPdf, colors: Map<string, string>): Promise<void> {
  const { summary, round } = p.input;
  p.setStage("Bảng xếp hạng");
  p.section("Kết quả xếp hạng Chỉ số CCHC");
  const st = summary.statistics;
  p.note(round.title, { style: "italic", size: 10.5, color: "#000000" });
  p.note(
    `Số đơn vị: ${fmtInt(st.units)}. Điểm bình quân: ${fmtPoints(st.averagePoints)}; chỉ số bình quân: ${fmtPct(st.averageIndexPct)} %. ` +
      `Xếp loại: ${st.classCounts.map((k) => `${k.className}\u00a0${fmtInt(k.count)}`).join(", ")}.` +
      (round.previousTitle ? ` Thay đổi so với ${round.previousTitle} (▲ tăng hạng, ▼ giảm hạng).` : ""),
    { style: "regular", size: 9.5, color: "#000000" },
  );
  classLegend(p, colors);
  const rankColor = (r: UnitResult) =>
    r.rankChange === null || r.rankChange === 0 ? MUTED : r.rankChange > 0 ? UP_COLOR : DOWN_COLOR;
  const classChangeColor = (r: UnitResult) =>
    r.classChange === "up" ? UP_COLOR : r.classChange === "down" ? DOWN_COLOR : MUTED;
  await p.table(
    summary.ranking,
    [
      { title: "Hạng", width: 30, align: "center", text: (r) => String(r.rank) },
      { title: "Đơn vị", width: 0, text: (r) => r.unitName },
      { title: "Điểm", width: 42, align: "right", text: (r) => fmtPoints(r.points) },
      { title: "Tối đa", width: 38, align: "right", text: (r) => fmtPoints(r.maxPoints) },
      { title: "Chỉ số (%)", width: 44, align: "right", style: "bold", text: (r) => fmtPct(r.indexPct) },
      { title: "Xếp loại", width: 66, text: (r) => r.className, swatch: (r) => colors.get(r.className) },
      {
        title: "Thay đổi hạng",
        width: 44,
        align: "center",
        text: (r) => fmtRankChange(r.rankChange),
        color: rankColor,
      },
      {
        title: "Thay đổi xếp loại",
        width: 56,
        align: "center",
        text: (r) => (r.classChange ? CLASS_CHANGE_LABEL[r.classChange] : ""),
        color: classChangeColor,
      },
    ],
    { keepWithHeader: 5 },
  );
}
