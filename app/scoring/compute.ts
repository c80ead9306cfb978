import { blockKey, blockOrder, cleanBlockName } from "#app/scoring/blocks.ts";
import { classify, EPSILON, hasFloors, type AreaPct } from "#app/scoring/classes.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import {
  isDetailed,
  NODE_SOURCES,
  type AppendixItem,
  type AreaResult,
  type BlockResult,
  type ClassBand,
  type ClassChange,
  type DetailedScores,
  type PreviousBasis,
  type PreviousResult,
  type RoundStatistics,
  type SourcePart,
  type SummaryScores,
  type UnitAppendices,
  type UnitResult,
  type UnitScores,
} from "#app/scoring/types.ts";

/** Points and maximum of a unit with detailed scores; not-applicable subtrees drop out of both. */
export function detailedTotals(
  compiled: CompiledFramework,
  scores: DetailedScores,
): { points: number; maxPoints: number } {
  const parts = detailedParts(compiled, scores);
  return { points: parts.reduce((s, p) => s + p.points, 0), maxPoints: parts.reduce((s, p) => s + p.maxPoints, 0) };
}

/** Appraisal and survey points of a unit, each with its maximum (sources with no applicable leaf left out). */
export function detailedParts(compiled: CompiledFramework, scores: DetailedScores): SourcePart[] {
  const { isLeaf, isSurvey, maxPoints, subtreeEnd } = compiled;
  const n = compiled.nodes.length;
  // Plain locals, not arrays: this runs once per unit of a 10,000-unit ranking.
  let appraisal = 0;
  let appraisalMax = 0;
  let survey = 0;
  let surveyMax = 0;
  for (let i = 0; i < n;) {
    if (scores.notApplicable[i]) {
      i = subtreeEnd[i]!;
      continue;
    }
    if (isLeaf[i]) {
      const p = scores.points[i]!;
      const points = p === p ? p : 0; // NaN (not scored) counts as 0
      if (isSurvey[i]) {
        surveyMax += maxPoints[i]!;
        survey += points;
      } else {
        appraisalMax += maxPoints[i]!;
        appraisal += points;
      }
    }
    i++;
  }
  const parts: SourcePart[] = [];
  if (appraisalMax > 0) parts.push({ source: "APPRAISAL", points: appraisal, maxPoints: appraisalMax });
  if (surveyMax > 0) parts.push({ source: "SURVEY", points: survey, maxPoints: surveyMax });
  return parts;
}

function summaryParts(u: SummaryScores): SourcePart[] {
  const survey = u.surveyPoints;
  if (survey === null || survey === undefined) return [];
  const surveyMax = u.surveyMaxPoints ?? null;
  if (surveyMax === null) return [];
  // The appraisal part is what the total leaves; kept unrounded so the parts add up to the total exactly.
  return [
    { source: "APPRAISAL", points: u.points - survey, maxPoints: u.maxPoints - surveyMax },
    { source: "SURVEY", points: survey, maxPoints: surveyMax },
  ];
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
  /** Block names in display order; blocks not listed follow in order of first appearance. */
  blockOrder?: string[];
}

/** The previous result a unit is compared with, and how it was found. */
function previousFor(
  u: UnitScores,
  previousById: Map<string, PreviousResult>,
): { previous: PreviousResult | null; predecessors: PreviousResult[]; basis: PreviousBasis } {
  const mapped = u.predecessorIds ?? [];
  if (!mapped.length) {
    const own = previousById.get(u.unitId) ?? null;
    return { previous: own, predecessors: [], basis: own ? "same-unit" : "none" };
  }
  const predecessors = mapped.map((id) => previousById.get(id)).filter((p): p is PreviousResult => Boolean(p));
  if (!predecessors.length) return { previous: null, predecessors: [], basis: "none" };
  if (predecessors.length === 1) return { previous: predecessors[0]!, predecessors, basis: "mapped" };
  // Several units merged into one: their average index is the comparison; none of their ranks or
  // classes is this unit's, so neither changes is reported.
  const indexPct = predecessors.reduce((s, p) => s + p.indexPct, 0) / predecessors.length;
  return {
    previous: { unitId: mapped.join("+"), rank: null, indexPct, className: "", block: null },
    predecessors,
    basis: "mapped",
  };
}

/**
 * Totals, index, class and rank of every unit of a round, with the change against the previous round.
 * Each block is ranked on its own; within a block, ranked units sorted by the exact index, ties
 * (equal index) sharing a rank: 1, 2, 2, 4. Units not ranked keep their index and class, take no place
 * and follow the ranked ones of their block. The result lists the blocks one after another.
 */
export function rankUnits(units: UnitScores[], options: RankOptions): UnitResult[] {
  return rankedBlocks(units, options).flatMap((b) => b.results);
}

/** rankUnits, grouped by block, with each block's statistics. */
export function rankBlocks(units: UnitScores[], options: RankOptions): BlockResult[] {
  return rankedBlocks(units, options).map((b) => ({ ...b, statistics: roundStatistics(b.results, options.bands) }));
}

// One collator for every comparison: localeCompare(…, "vi") builds one per call, which dominated a
// 10,000-unit ranking with many equal indices.
const VI = new Intl.Collator("vi");

/** A unit's figures before its place is known; `rank` 0 = none yet, so the field stays a number. */
interface Scored {
  u: UnitScores;
  points: number;
  maxPoints: number;
  indexPct: number;
  className: string;
  floor: UnitResult["classFloor"];
  parts: SourcePart[];
  surveyPoints: number | null;
  ranked: boolean;
  rank: number;
}

function scoreUnit(u: UnitScores, options: RankOptions, floors: boolean): Scored {
  let points: number;
  let maxPoints: number;
  let parts: SourcePart[];
  let surveyPoints: number | null;
  let areas: AreaPct[] | undefined;
  if (isDetailed(u)) {
    if (!options.compiled) throw new Error("Detailed scores need a compiled framework");
    parts = detailedParts(options.compiled, u);
    points = parts.reduce((s, p) => s + p.points, 0);
    maxPoints = parts.reduce((s, p) => s + p.maxPoints, 0);
    surveyPoints = parts.find((p) => p.source === "SURVEY")?.points ?? null;
    // Area % only matter to a band with a floor; skip the pass over the tree otherwise.
    areas = floors ? areaResults(options.compiled, u) : undefined;
  } else {
    points = u.points;
    maxPoints = u.maxPoints;
    surveyPoints = u.surveyPoints ?? null;
    parts = summaryParts(u);
  }
  const indexPct = maxPoints > 0 ? (points / maxPoints) * 100 : 0;
  const { className, floor } = classify(indexPct, options.bands, areas);
  return { u, points, maxPoints, indexPct, className, floor, parts, surveyPoints, ranked: u.ranked ?? true, rank: 0 };
}

// Each UnitResult is built once, with its final rank and changes: objects created with null fields and
// filled in later changed shape after creation, which deoptimised this function on every call.
function rankedBlocks(units: UnitScores[], options: RankOptions): Array<Omit<BlockResult, "statistics">> {
  const previousById = new Map((options.previous ?? []).map((p) => [p.unitId, p]));
  const floors = hasFloors(options.bands);
  const scored = units.map((u) => scoreUnit(u, options, floors));
  const blockOf = (s: Scored) => (s.u.block?.trim() ? cleanBlockName(s.u.block) : null);
  const order = blockOrder(scored.map(blockOf), options.blockOrder);
  const byBlock = new Map<string | null, Scored[]>(order.map((b) => [b === null ? null : blockKey(b), []]));
  for (const s of scored) {
    const block = blockOf(s);
    byBlock.get(block === null ? null : blockKey(block))!.push(s);
  }
  const byIndex = (a: Scored, b: Scored) => b.indexPct - a.indexPct || VI.compare(a.u.unitName, b.u.unitName);

  return order.map((name) => {
    const members = byBlock.get(name === null ? null : blockKey(name))!;
    const rankedUnits = members.filter((s) => s.ranked).sort(byIndex);
    const others = members.filter((s) => !s.ranked).sort(byIndex);
    for (let i = 0; i < rankedUnits.length; i++) {
      const s = rankedUnits[i]!;
      const prev = rankedUnits[i - 1];
      s.rank = prev && prev.indexPct - s.indexPct <= EPSILON ? prev.rank : i + 1;
    }
    const results = [...rankedUnits, ...others].map((s): UnitResult => {
      const { u } = s;
      const { previous, predecessors, basis } = previousFor(u, previousById);
      const rank = s.rank > 0 ? s.rank : null;
      const otherBlock =
        name !== null &&
        previous !== null &&
        previous.block !== null &&
        previous.block !== undefined &&
        blockKey(name) !== blockKey(previous.block);
      return {
        unitId: u.unitId,
        unitName: u.unitName,
        points: s.points,
        maxPoints: s.maxPoints,
        indexPct: s.indexPct,
        className: s.className,
        classFloor: s.floor,
        rank,
        block: name,
        ranked: s.ranked,
        notRankedReason: s.ranked ? null : (u.notRankedReason?.trim() ?? null) || null,
        parts: s.parts,
        previous,
        predecessors,
        previousBasis: basis,
        rankChange: previous && rank !== null && previous.rank !== null && !otherBlock ? previous.rank - rank : null,
        indexChange: previous ? s.indexPct - previous.indexPct : null,
        classChange:
          previous && previous.className ? classChange(s.className, previous.className, options.bands) : null,
        surveyPoints: s.surveyPoints,
      };
    });
    return { name, results };
  });
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

// A criterion's ancestors are the same for every unit: built once per framework and node, and the same
// (frozen) array shared by every unit's appendix item. For a round of 3,300 units × 100 criteria that is
// 100 arrays instead of 330,000, tens of MB of the packet's peak.
const paths = new WeakMap<CompiledFramework, Array<ReadonlyArray<{ code: string; title: string }> | undefined>>();

function pathOf(compiled: CompiledFramework, index: number): Array<{ code: string; title: string }> {
  let known = paths.get(compiled);
  if (!known) paths.set(compiled, (known = []));
  let path = known[index];
  if (!path) {
    const built: Array<{ code: string; title: string }> = [];
    for (let p = compiled.parent[index]!; p !== -1; p = compiled.parent[p]!) {
      built.unshift(Object.freeze({ code: compiled.nodes[p]!.code, title: compiled.nodes[p]!.title }));
    }
    path = known[index] = Object.freeze(built);
  }
  // Typed as the mutable array AppendixItem declares; frozen, so a consumer that tried to change it
  // would throw rather than change every unit's appendix.
  return path as Array<{ code: string; title: string }>;
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
      const full = lost <= EPSILON;
      const item: AppendixItem = {
        code: node.code,
        title: node.title,
        path: pathOf(compiled, i),
        maxPoints: node.maxPoints,
        points,
        pointsLost: full ? 0 : lost,
      };
      (full ? fullMarks : lostPoints).push(item);
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

/**
 * Figures of a set of units (a block or the round). Averages are over ranked units: a unit left out of
 * the ranking does not move anyone's rank and does not move the averages either. Class counts cover
 * every assessed unit (it is classified even when not ranked).
 */
export function roundStatistics(results: UnitResult[], bands: ClassBand[], top = 5): RoundStatistics {
  const ranked = results.filter((r) => r.ranked);
  const count = ranked.length;
  const compared = results.filter((r) => r.indexChange !== null);
  const byChange = [...compared].sort((a, b) => b.indexChange! - a.indexChange!);
  const averageParts = NODE_SOURCES.map((source) => {
    const parts = ranked.flatMap((r) => r.parts.filter((p) => p.source === source));
    const n = parts.length;
    return {
      source,
      averagePoints: n ? parts.reduce((s, p) => s + p.points, 0) / n : 0,
      averageMaxPoints: n ? parts.reduce((s, p) => s + p.maxPoints, 0) / n : 0,
      units: n,
    };
  }).filter((p) => p.units > 0);
  return {
    units: results.length,
    ranked: count,
    averagePoints: count ? ranked.reduce((s, r) => s + r.points, 0) / count : 0,
    averageIndexPct: count ? ranked.reduce((s, r) => s + r.indexPct, 0) / count : 0,
    averageParts,
    classCounts: bands.map((b) => ({ className: b.name, count: results.filter((r) => r.className === b.name).length })),
    gainers: byChange.filter((r) => r.indexChange! > EPSILON).slice(0, top),
    losers: byChange
      .filter((r) => r.indexChange! < -EPSILON)
      .reverse()
      .slice(0, top),
  };
}

/**
 * A round's results as the next round compares with them: each unit's rank as published (a file's rank
 * column, `published`) when there is one, else the rank recomputed within its block (null when the unit
 * was not ranked).
 */
export function asPreviousResults(
  results: UnitResult[],
  published: Map<string, number | null | undefined> = new Map(),
): PreviousResult[] {
  return results.map((r) => ({
    unitId: r.unitId,
    unitName: r.unitName,
    rank: published.get(r.unitId) ?? r.rank,
    indexPct: r.indexPct,
    className: r.className,
    block: r.block,
  }));
}
