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

/** "không đạt Xuất sắc vì lĩnh vực 3 đạt 75,00 % (tối thiểu 80 %)": why a floor kept a unit out of a class. */
export function floorExplanation(miss: {
  className: string;
  minAreaPct: number;
  areas: Array<{ code: string; pct: number }>;
}): string {
  const areas = miss.areas.map((a) => `lĩnh vực ${a.code} đạt ${formatPct(a.pct)} %`).join(", ");
  return `không đạt ${miss.className} vì ${areas} (tối thiểu ${formatPoints(miss.minAreaPct)} % mỗi lĩnh vực)`;
}

/** "Hạng 3" or "Không xếp hạng" for a unit left out of the ranking. */
export function formatRank(rank: number | null): string {
  return rank === null ? "Không xếp hạng" : String(rank);
}

/** "khối Sở" for a block named "Sở" or "Khối Sở": how a sentence names a unit's block. */
export function blockPhrase(block: string): string {
  return /^khối\s/iu.test(block) ? `khối ${block.replace(/^khối\s+/iu, "")}` : `khối ${block}`;
}
