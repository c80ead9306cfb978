// Vietnamese number formatting as app/scoring/format.ts, with the Intl
// formatters made once: `toLocaleString` with options builds a new formatter on
// every call, which for the 30,000 numbers of a 3,300-unit packet costs more
// than drawing them.
import { formatRankChange } from "#app/scoring/format.ts";

const points = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** "71,11" — as formatPoints. */
export const fmtPoints = (n: number): string => points.format(n);
/** "73,31", "—" for none — as formatPct. */
export const fmtPct = (n: number | null | undefined): string => (n === null || n === undefined ? "—" : pct.format(n));
/** "3.300". */
export const fmtInt = (n: number): string => integer.format(n);
/** "+2,15", "−1,20", "0,00", "" for none — as formatSignedPct. */
export function fmtSignedPct(n: number | null): string {
  if (n === null) return "";
  const s = pct.format(Math.abs(n));
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}
/** "▲3", "▼2", "—", "". */
export const fmtRankChange = formatRankChange;
