import type { CompiledFramework } from "#app/scoring/framework.ts";
import {
  isDetailed,
  type AppendixItem,
  type AreaResult,
  type ClassBand,
  type ClassChange,
  type DetailedScores,
  type PreviousResult,
  type RoundStatistics,
  type UnitAppendices,
  type UnitResult,
  type UnitScores,
} from "#app/scoring/types.ts";

// Ratios are compared with a tolerance so that 48.5/97 and 50/100 tie as the
// same 50 %, while genuinely different indices never do.
const EPSILON = 1e-9;

export function classFor(indexPct: number, bands: ClassBand[]): string {
  for (const band of bands) if (indexPct + EPSILON >= band.minPct) return band.name;
  return bands[bands.length - 1]?.name ?? "";
}

/** Points and maximum of a unit with detailed scores; not-applicable subtrees drop out of both. */
export function detailedTotals(
  compiled: CompiledFramework,
  scores: DetailedScores,
): { points: number; maxPoints: number } {
  const { isLeaf, maxPoints, subtreeEnd } = compiled;
  const n = compiled.nodes.length;
  let points = 0;
  let max = 0;
  for (let i = 0; i < n;) {
    if (scores.notApplicable[i]) {
      i = subtreeEnd[i]!;
      continue;
    }
    if (isLeaf[i]) {
      max += maxPoints[i]!;
      const p = scores.points[i]!;
      if (p === p) points += p; // NaN (not scored) counts as 0
    }
    i++;
  }
  return { points, maxPoints: max };
}

function classChange(current: string, previous: string, bands: ClassBand[]): ClassChange {
  const now = bands.findIndex((b) => b.name === current);
  const before = bands.findIndex((b) => b.name === previous);
  if (now === before || now < 0 || before < 0) return "same";
  return now < before ? "up" : "down";
}

export interface RankOptions {
  bands: ClassBand[];
  /** Needed for units with detailed scores. */
  compiled?: CompiledFramework;
  previous?: PreviousResult[];
}

/**
 * Totals, index, class and rank of every unit of a round, with the change
 * against the previous round. Ties (equal index) share a rank: 1, 2, 2, 4.
 */
export function rankUnits(units: UnitScores[], options: RankOptions): UnitResult[] {
  const previousById = new Map((options.previous ?? []).map((p) => [p.unitId, p]));
  const results: UnitResult[] = units.map((u) => {
    let points: number;
    let maxPoints: number;
    let surveyPoints: number | null = null;
    if (isDetailed(u)) {
      if (!options.compiled) throw new Error("Detailed scores need a compiled framework");
      ({ points, maxPoints } = detailedTotals(options.compiled, u));
    } else {
      points = u.points;
      maxPoints = u.maxPoints;
      surveyPoints = u.surveyPoints ?? null;
    }
    const indexPct = maxPoints > 0 ? (points / maxPoints) * 100 : 0;
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      points,
      maxPoints,
      indexPct,
      className: classFor(indexPct, options.bands),
      rank: 0,
      previous: previousById.get(u.unitId) ?? null,
      rankChange: null,
      indexChange: null,
      classChange: null,
      surveyPoints,
    };
  });

  results.sort((a, b) => b.indexPct - a.indexPct || a.unitName.localeCompare(b.unitName, "vi"));
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const prev = results[i - 1];
    r.rank = prev && prev.indexPct - r.indexPct <= EPSILON ? prev.rank : i + 1;
    if (r.previous) {
      r.rankChange = r.previous.rank - r.rank;
      r.indexChange = r.indexPct - r.previous.indexPct;
      r.classChange = classChange(r.className, r.previous.className, options.bands);
    }
  }
  return results;
}

/** Subtotal, maximum and % of each area for one unit. */
export function areaResults(compiled: CompiledFramework, scores: DetailedScores): AreaResult[] {
  const points = new Float64Array(compiled.nodes.length);
  const max = new Float64Array(compiled.nodes.length);
  const n = compiled.nodes.length;
  for (let i = 0; i < n;) {
    if (scores.notApplicable[i]) {
      i = compiled.subtreeEnd[i]!;
      continue;
    }
    if (compiled.isLeaf[i]) {
      const a = compiled.area[i]!;
      max[a] = max[a]! + compiled.maxPoints[i]!;
      const p = scores.points[i]!;
      if (p === p) points[a] = points[a]! + p;
    }
    i++;
  }
  return compiled.areaIndices.map((a) => {
    const node = compiled.nodes[a]!;
    return {
      code: node.code,
      title: node.title,
      points: points[a]!,
      maxPoints: max[a]!,
      pct: max[a]! > 0 ? (points[a]! / max[a]!) * 100 : null,
    };
  });
}

function pathOf(compiled: CompiledFramework, index: number): Array<{ code: string; title: string }> {
  const path: Array<{ code: string; title: string }> = [];
  for (let p = compiled.parent[index]!; p !== -1; p = compiled.parent[p]!) {
    path.unshift({ code: compiled.nodes[p]!.code, title: compiled.nodes[p]!.title });
  }
  return path;
}

/**
 * Phụ lục 1 (scored criteria at full marks) and Phụ lục 2 (scored criteria
 * that lost points, with the points lost). Not-applicable criteria are in
 * neither; criteria not scored count as having lost all their points.
 */
export function unitAppendices(compiled: CompiledFramework, scores: DetailedScores): UnitAppendices {
  const fullMarks: AppendixItem[] = [];
  const lostPoints: AppendixItem[] = [];
  const n = compiled.nodes.length;
  for (let i = 0; i < n;) {
    if (scores.notApplicable[i]) {
      i = compiled.subtreeEnd[i]!;
      continue;
    }
    if (compiled.isLeaf[i]) {
      const node = compiled.nodes[i]!;
      const raw = scores.points[i]!;
      const points = raw === raw ? raw : 0;
      const lost = Math.max(0, node.maxPoints - points);
      const item: AppendixItem = {
        code: node.code,
        title: node.title,
        path: pathOf(compiled, i),
        maxPoints: node.maxPoints,
        points,
        pointsLost: lost,
      };
      if (lost <= EPSILON) fullMarks.push({ ...item, pointsLost: 0 });
      else lostPoints.push(item);
    }
    i++;
  }
  lostPoints.sort((a, b) => b.pointsLost - a.pointsLost || compareCodes(a.code, b.code));
  return { fullMarks, lostPoints };
}

/** "3.10.1" after "3.2.1": codes compare part by part as numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = Number(x) - Number(y);
    if (d) return d;
    if (x !== y) return x.localeCompare(y);
  }
  return 0;
}

export function roundStatistics(results: UnitResult[], bands: ClassBand[], top = 5): RoundStatistics {
  const count = results.length;
  const compared = results.filter((r) => r.indexChange !== null);
  const byChange = [...compared].sort((a, b) => b.indexChange! - a.indexChange!);
  return {
    units: count,
    averagePoints: count ? results.reduce((s, r) => s + r.points, 0) / count : 0,
    averageIndexPct: count ? results.reduce((s, r) => s + r.indexPct, 0) / count : 0,
    classCounts: bands.map((b) => ({ className: b.name, count: results.filter((r) => r.className === b.name).length })),
    gainers: byChange.filter((r) => r.indexChange! > EPSILON).slice(0, top),
    losers: byChange
      .filter((r) => r.indexChange! < -EPSILON)
      .reverse()
      .slice(0, top),
  };
}
