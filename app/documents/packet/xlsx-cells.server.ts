// Cells of the packet's workbook (packet-xlsx.server.ts): shared styles and the row and header writers.
import type ExcelJS from "exceljs";

export type Sheet = ExcelJS.Worksheet;
export type Style = Partial<ExcelJS.Style>;

export const BOLD: Style = { font: { bold: true }, alignment: { vertical: "middle", wrapText: true } };
export const NUM2: Style = { numFmt: "0.00" };
/** Points keep Excel's General format ("71.11", "98"): no style. */
export const POINTS = undefined;
export const WRAP: Style = { alignment: { vertical: "top", wrapText: true } };

/** Lighter version of a class colour for a cell fill ("#1b7f3b" → "FFC6DFCE"). */
export function tint(hex: string, amount = 0.72): string {
  const h = hex.replace("#", "");
  const c = (i: number) => {
    const v = parseInt(h.slice(i, i + 2), 16);
    return Math.round(v + (255 - v) * amount)
      .toString(16)
      .padStart(2, "0");
  };
  return `FF${c(0)}${c(2)}${c(4)}`.toUpperCase();
}

/** The style of cells and rows without one. Shared, like every style here: see addRow. */
const PLAIN: Style = {};

/**
 * Adds a row (the caller commits it) whose cells and the row itself carry
 * shared style objects. exceljs gives every new cell its own style object, and its styles
 * table caches style ids by object identity, so unshared styles are
 * re-serialised for each of the 2.6 million cells of a 3,300-unit appendix.
 */
export function addRow(ws: Sheet, values: unknown[], styles: Array<Style | undefined> = []): ExcelJS.Row {
  const row = ws.addRow(values);
  (row as unknown as { style: Style }).style = PLAIN;
  for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i] ?? PLAIN;
  return row;
}

/** Column widths and the bold header row; returns the columns' cell styles for addRow. */
export function header(
  ws: Sheet,
  titles: string[],
  widths: number[],
  styles: Array<Style | undefined> = [],
): Array<Style | undefined> {
  ws.columns = titles.map((_, i) => ({ width: widths[i] ?? 14 }));
  const row = addRow(
    ws,
    titles,
    titles.map(() => BOLD),
  );
  row.height = 30;
  row.commit();
  return styles;
}

/** Drops floating-point noise (2 - 1.33 = 0.6699999999999999) without rounding real decimals. */
export const clean = (x: number): number => Math.round(x * 1e6) / 1e6;
