// Vector charts for the packet, drawn with the canvas's rectangles, lines and
// text (no images): horizontal bars, columns and a histogram.
import type { Canvas } from "#app/documents/packet/canvas.server.ts";

const AXIS = "#555555";
const GRID = "#d9d9d9";
const LABEL = "#222222";

/** 1, 2, 2.5 or 5 × 10^k: a round step giving about `target` ticks up to `max`. */
export function niceStep(max: number, target = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

export function ticksUpTo(max: number, target = 5): { ticks: number[]; top: number } {
  const step = niceStep(max, target);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return { ticks, top };
}

export interface HBar {
  label: string;
  value: number;
  color: string;
  /** Printed just right of the bar's end. */
  valueLabel: string;
}

export interface HBarOptions {
  labelWidth: number;
  /** Vertical distance between bars. */
  pitch: number;
  max: number;
  ticks: number[];
  tickLabel: (v: number) => string;
  /** Dashed vertical lines (class thresholds), labelled above the plot. */
  thresholds?: Array<{ value: number; label: string; color: string }>;
  size?: number;
  /** Lines a label may wrap to (the last one is cut with "…" when needed). Default 1. */
  labelLines?: number;
  /** Room right of the plot for the value labels (default 40 pt). */
  valueRoom?: number;
}

/** Horizontal bars from 0 to `max`, one per row; returns the y under the axis labels. */
export function drawHBars(c: Canvas, x: number, y: number, width: number, bars: HBar[], o: HBarOptions): number {
  const size = o.size ?? 7.5;
  const valueRoom = o.valueRoom ?? 40;
  const x0 = x + o.labelWidth;
  const plotW = width - o.labelWidth - valueRoom;
  const scale = (v: number) => x0 + (Math.max(0, Math.min(v, o.max)) / o.max) * plotW;
  let top = y;
  if (o.thresholds?.length) {
    // Threshold labels above the plot, each centred on its line; a label that
    // would touch its neighbour goes on a second row.
    const rowEnds = [-Infinity, -Infinity];
    let rows = 1;
    for (const t of [...o.thresholds].sort((a, b) => a.value - b.value)) {
      const w = c.widthOf(t.label, "regular", 6.5);
      const lx = Math.min(scale(t.value) - w / 2, x0 + plotW + valueRoom - w);
      const row = lx > rowEnds[0]! + 3 ? 0 : 1;
      rows = Math.max(rows, row + 1);
      rowEnds[row] = lx + w;
      c.text(t.label, lx, top + row * 8, { size: 6.5, color: t.color });
    }
    top += 1 + rows * 8;
  }
  const plotH = bars.length * o.pitch;
  for (const v of o.ticks) c.line(scale(v), top, scale(v), top + plotH, GRID, 0.4);
  for (const t of o.thresholds ?? [])
    c.line(scale(t.value), top - 1, scale(t.value), top + plotH, t.color, 0.8, [3, 2]);
  const barH = Math.max(2, o.pitch * 0.68);
  const lh = c.lineHeight("regular", size);
  const maxLines = Math.max(1, o.labelLines ?? 1);
  bars.forEach((b, i) => {
    const by = top + i * o.pitch;
    const mid = by + o.pitch / 2;
    let lines = maxLines > 1 ? c.wrap(b.label, "regular", size, o.labelWidth - 5) : [b.label];
    if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(" ")];
    lines.forEach((line, k) =>
      c.text(line, x, mid - (lines.length * lh) / 2 + k * lh, {
        size,
        width: o.labelWidth - 5,
        align: "right",
        color: LABEL,
        minSize: lines.length > 1 ? size : 5.5,
      }),
    );
    const end = scale(b.value);
    if (end > x0) c.rect(x0, mid - barH / 2, end - x0, barH, b.color);
    // On a white patch, so grid and threshold lines do not run through the figure.
    const vw = c.widthOf(b.valueLabel, "regular", size - 0.5);
    c.rect(end + 2, mid - lh / 2, vw + 2, lh, "#ffffff");
    c.text(b.valueLabel, end + 3, mid - lh / 2, { size: size - 0.5, color: LABEL });
  });
  c.line(x0, top, x0, top + plotH, AXIS, 0.7);
  c.line(x0, top + plotH, x0 + plotW, top + plotH, AXIS, 0.7);
  for (const v of o.ticks) {
    const label = o.tickLabel(v);
    const w = c.widthOf(label, "regular", 6.5);
    c.line(scale(v), top + plotH, scale(v), top + plotH + 2.5, AXIS, 0.5);
    c.text(label, scale(v) - w / 2, top + plotH + 3.5, { size: 6.5, color: AXIS });
  }
  return top + plotH + 14;
}

export interface ColumnBar {
  /** Under the column (wrapped to two lines at most). */
  label: string;
  value: number;
  color: string;
  /** Above the column. */
  topLabel: string;
}

export interface ColumnOptions {
  height: number;
  max: number;
  ticks: number[];
  tickLabel: (v: number) => string;
  /** Histogram: adjacent columns labelled at their edges with `edges` (one more than columns). */
  edges?: string[];
  /** Title of the vertical axis, printed above it. */
  axisTitle?: string;
  size?: number;
}

/** Columns (or a histogram) with a value axis on the left; returns the y under the labels. */
export function drawColumns(
  c: Canvas,
  x: number,
  y: number,
  width: number,
  cols: ColumnBar[],
  o: ColumnOptions,
): number {
  const size = o.size ?? 7.5;
  const axisW = 26;
  const x0 = x + axisW;
  const plotW = width - axisW;
  let top = y;
  if (o.axisTitle) {
    c.text(o.axisTitle, x, top, { size: 6.5, color: AXIS });
    top += 9;
  }
  top += 9; // room for the labels above the tallest column
  const bottom = top + o.height;
  const sy = (v: number) => bottom - (Math.max(0, Math.min(v, o.max)) / o.max) * o.height;
  for (const v of o.ticks) {
    c.line(x0, sy(v), x0 + plotW, sy(v), GRID, 0.4);
    const label = o.tickLabel(v);
    c.text(label, x, sy(v) - 3.5, { size: 6.5, width: axisW - 4, align: "right", color: AXIS });
  }
  const n = Math.max(1, cols.length);
  const slot = plotW / n;
  const histogram = !!o.edges;
  const colW = histogram ? slot - 0.8 : Math.min(slot * 0.6, 60);
  const lh = c.lineHeight("regular", size);
  cols.forEach((col, i) => {
    const cx = x0 + i * slot + (slot - colW) / 2;
    const h = bottom - sy(col.value);
    if (h > 0) c.rect(cx, bottom - h, colW, h, col.color);
    if (col.topLabel)
      c.text(col.topLabel, cx - 6, bottom - h - lh, {
        size: size - 0.5,
        width: colW + 12,
        align: "center",
        color: LABEL,
      });
    if (!histogram && col.label) {
      const lines = c.wrap(col.label, "regular", size, slot - 4).slice(0, 2);
      lines.forEach((line, k) =>
        c.text(line, x0 + i * slot + 2, bottom + 4 + k * lh, { size, width: slot - 4, align: "center", color: LABEL }),
      );
    }
  });
  c.line(x0, top - 4, x0, bottom, AXIS, 0.7);
  c.line(x0, bottom, x0 + plotW, bottom, AXIS, 0.7);
  if (histogram) {
    const edges = o.edges!;
    const every = Math.max(1, Math.ceil(edges.length / 14));
    edges.forEach((e, i) => {
      const ex = x0 + i * slot;
      c.line(ex, bottom, ex, bottom + 2.5, AXIS, 0.5);
      if (i % every === 0 || i === edges.length - 1) {
        const w = c.widthOf(e, "regular", 6.5);
        c.text(e, Math.min(ex - w / 2, x0 + plotW - w), bottom + 3.5, { size: 6.5, color: AXIS });
      }
    });
    return bottom + 14;
  }
  return bottom + 6 + 2 * lh;
}

/** A row of coloured squares with their names ("■ Xuất sắc (≥ 90 %)"); returns the y under it. */
export function drawLegend(
  c: Canvas,
  x: number,
  y: number,
  width: number,
  items: Array<{ label: string; color: string }>,
  size = 8,
): number {
  const lh = c.lineHeight("regular", size);
  let cx = x;
  let cy = y;
  for (const it of items) {
    const w = 10 + c.widthOf(it.label, "regular", size) + 12;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += lh + 2;
    }
    c.rect(cx, cy + (lh - 7) / 2, 7, 7, it.color);
    c.text(it.label, cx + 10, cy, { size, color: LABEL });
    cx += w;
  }
  return cy + lh + 4;
}
