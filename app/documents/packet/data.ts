// Figures derived from the round summary that both the PDF and the xlsx show,
// and the labels and colours they share.
import type { BlockResult, ClassChange, NodeSource, SourcePart, UnitResult } from "#app/scoring/types.ts";
import type { RoundSummary } from "#app/scoring/summary.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";

export const DEFAULT_APPENDIX_UNITS = 50;
/** Lost-point criteria listed per unit in the PDF's appendix highlights. */
export const LOST_PER_UNIT = 5;
/** Units named in each of the gainers and losers charts. */
export const MOVERS = 10;
/** Up to this many units the index chart shows every unit; above, the first and last CHART_ENDS. */
export const FULL_CHART_UNITS = 60;
export const CHART_ENDS = 30;
/** Criteria listed in "lost points in most units" / "full marks in most units". */
export const TOP_CRITERIA = 15;

export const CLASS_CHANGE_LABEL: Record<ClassChange, string> = { up: "Tăng", down: "Giảm", same: "Giữ nguyên" };

export const UP_COLOR = "#1a7f37";
export const DOWN_COLOR = "#c62828";

/**
 * A colour per class band, from green (highest) to red (lowest), whatever the
 * number of bands: bands are data (issue 3), so colours follow their order, not
 * their names.
 */
export function bandColors(count: number): string[] {
  const fixed5 = ["#1b7f3b", "#6aa84f", "#3d85c6", "#e69138", "#cc0000"];
  if (count === 5) return fixed5;
  if (count <= 1) return [fixed5[0]!];
  return Array.from({ length: count }, (_, i) => {
    const hue = 130 - (130 * i) / (count - 1);
    return hslToHex(hue, 0.6, 0.4);
  });
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export function classColorMap(summary: RoundSummary): Map<string, string> {
  const colors = bandColors(summary.bands.length);
  return new Map(summary.bands.map((b, i) => [b.name, colors[i]!]));
}

export function appendixUnitCount(input: PacketInput): number {
  const limit = input.appendixUnits ?? DEFAULT_APPENDIX_UNITS;
  const withAppendices = input.summary.ranking.filter((r) => input.summary.appendices.has(r.unitId)).length;
  return Math.max(0, Math.min(Math.floor(limit), withAppendices));
}

/**
 * Units with appendices, up to the packet's limit, in ranking order. With several blocks the limit is
 * shared: the leaders of every block first (first of each block, then second …), listed block by block.
 */
export function appendixUnits(input: PacketInput): UnitResult[] {
  const n = appendixUnitCount(input);
  const { summary } = input;
  const lists = blocksOf(summary).map((b) => b.results.filter((r) => summary.appendices.has(r.unitId)));
  const chosen = new Set<string>();
  for (let depth = 0; chosen.size < n; depth++) {
    let any = false;
    for (const list of lists) {
      const r = list[depth];
      if (!r) continue;
      any = true;
      if (chosen.size < n) chosen.add(r.unitId);
    }
    if (!any) break;
  }
  return summary.ranking.filter((r) => chosen.has(r.unitId));
}

/** The summary's blocks; one unnamed block of the whole ranking when the summary has none. */
export function blocksOf(summary: RoundSummary): BlockResult[] {
  if (summary.blocks?.length) return summary.blocks;
  return [{ name: null, results: summary.ranking, statistics: summary.statistics }];
}

/** True when the units are ranked in named blocks (departments, wards, communes …). */
export function hasBlocks(summary: RoundSummary): boolean {
  return blocksOf(summary).some((b) => b.name !== null);
}

/** "Khối Sở, ban, ngành" (a name already starting with "Khối" is kept). */
export function blockTitle(name: string | null): string {
  if (name === null) return "Toàn vòng";
  return /^khối\s/iu.test(name) ? name : `Khối ${name}`;
}

export const PART_LABEL: Record<NodeSource, string> = { APPRAISAL: "Thẩm định", SURVEY: "Điều tra XHH" };
/** As written inside a sentence: "điểm thẩm định", "điểm điều tra XHH". */
export const PART_NAME: Record<NodeSource, string> = { APPRAISAL: "thẩm định", SURVEY: "điều tra XHH" };
export const PART_COLOR: Record<NodeSource, string> = { APPRAISAL: "#3d85c6", SURVEY: "#e69138" };
export const PART_SOURCES: NodeSource[] = ["APPRAISAL", "SURVEY"];

/** True when some unit's total is split into appraisal and survey points. */
export function hasParts(summary: RoundSummary): boolean {
  return summary.ranking.some((r) => r.parts.some((p) => p.source === "SURVEY"));
}

export function partOf(r: UnitResult, source: NodeSource): SourcePart | null {
  return r.parts.find((p) => p.source === source) ?? null;
}

/** A unit with no result of its own or of a predecessor last year (only said when there was a last year). */
export function isNewUnit(input: PacketInput, r: UnitResult): boolean {
  return input.round.previousTitle !== null && r.previousBasis === "none";
}

export const NEW_UNIT = "Đơn vị mới, không có kết quả năm trước";

/**
 * Biggest gainers and losers by change of the index (percentage points), as
 * roundStatistics orders them, `count` of each.
 */
export function movers(summary: RoundSummary, count = MOVERS): { gainers: UnitResult[]; losers: UnitResult[] } {
  const stats = summary.statistics;
  if (count <= stats.gainers.length && count <= stats.losers.length) {
    return { gainers: stats.gainers.slice(0, count), losers: stats.losers.slice(0, count) };
  }
  const compared = summary.ranking.filter((r) => r.indexChange !== null);
  const byChange = [...compared].sort((a, b) => b.indexChange! - a.indexChange!);
  return {
    gainers: byChange.filter((r) => r.indexChange! > 1e-9).slice(0, count),
    losers: byChange
      .filter((r) => r.indexChange! < -1e-9)
      .reverse()
      .slice(0, count),
  };
}

export interface CriterionTally {
  code: string;
  title: string;
  /** Area (lĩnh vực) the criterion belongs to. */
  areaTitle: string;
  maxPoints: number;
  /** Units that lost points on it. */
  unitsLost: number;
  /** Units with full marks on it. */
  unitsFull: number;
  totalLost: number;
}

/** Every sub-criterion over all units' appendices: how many units lost points on it, and how many. */
export function criterionTallies(summary: RoundSummary): CriterionTally[] {
  const byCode = new Map<string, CriterionTally>();
  const get = (item: { code: string; title: string; maxPoints: number; path: Array<{ title: string }> }) => {
    let t = byCode.get(item.code);
    if (!t) {
      t = {
        code: item.code,
        title: item.title,
        areaTitle: item.path[0]?.title ?? "",
        maxPoints: item.maxPoints,
        unitsLost: 0,
        unitsFull: 0,
        totalLost: 0,
      };
      byCode.set(item.code, t);
    }
    return t;
  };
  for (const a of summary.appendices.values()) {
    for (const item of a.lostPoints) {
      const t = get(item);
      t.unitsLost++;
      t.totalLost += item.pointsLost;
    }
    for (const item of a.fullMarks) get(item).unitsFull++;
  }
  return [...byCode.values()];
}

export function mostLost(tallies: CriterionTally[], count = TOP_CRITERIA): CriterionTally[] {
  return tallies
    .filter((t) => t.unitsLost > 0)
    .sort(
      (a, b) =>
        b.unitsLost - a.unitsLost || b.totalLost - a.totalLost || a.code.localeCompare(b.code, "en", { numeric: true }),
    )
    .slice(0, count);
}

/** Units at full marks in each area (by area code). */
export function areaFullCounts(summary: RoundSummary): Map<string, number> {
  const counts = new Map<string, number>();
  for (const areas of summary.areas.values()) {
    for (const a of areas) {
      if (a.maxPoints > 0 && a.points >= a.maxPoints - 1e-9) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
    }
  }
  return counts;
}

/** Units with a score for each area (maximum above 0), by area code. */
export function areaUnitCounts(summary: RoundSummary): Map<string, number> {
  const counts = new Map<string, number>();
  for (const areas of summary.areas.values()) {
    for (const a of areas) if (a.maxPoints > 0) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
  }
  return counts;
}
