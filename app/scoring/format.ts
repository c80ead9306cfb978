// Vietnamese number formatting for scores: decimal comma, 2 decimals where asked.

export function formatPoints(n: number): string {
  return n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
}

export function formatPct(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "▲3", "▼2", "—" (no change), "" (no previous result). */
export function formatRankChange(change: number | null): string {
  if (change === null) return "";
  if (change > 0) return `▲${change}`;
  if (change < 0) return `▼${-change}`;
  return "—";
}

export function formatSignedPct(n: number | null): string {
  if (n === null) return "";
  const s = Math.abs(n).toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}
