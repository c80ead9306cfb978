// Shared groundwork of the analysis: the input checked, the mapping resolved to node and leaf indices,
// and each unit's leaves in integer hundredths of a point (exact sums).
import { AnalysisInputError } from "#app/scoring/analysis/errors.ts";
import { checkMapping, identityMapping } from "#app/scoring/analysis/mapping.ts";
import type { AnalysisInput, AnalysisRound, MappingProblem } from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { isDetailed, type DetailedScores } from "#app/scoring/types.ts";

export interface ResolvedGroup {
  /** Node indices in each framework, in framework order. */
  current: number[];
  previous: number[];
  /** Leaves under those nodes, each once. */
  currentLeaves: Int32Array;
  previousLeaves: Int32Array;
}

export interface Prepared {
  current: CompiledFramework;
  previous: CompiledFramework;
  currentUnits: DetailedScores[];
  previousUnits: DetailedScores[];
  groups: ResolvedGroup[];
  /** Group of each node, -1 when in none. */
  groupOfCurrent: Int32Array;
  groupOfPrevious: Int32Array;
  /**
   * For a current node in no group: the groups of its descendants (wholly inside it) when together they
   * cover every leaf under it, so it is compared as their sum; else null (no counterpart).
   */
  derivedOfCurrent: Array<number[] | null>;
  /** 1 where a previous node is in no group and its descendants' groups do not cover it: no counterpart. */
  unmatchedPrevious: Uint8Array;
  /** 1 where a current node is in no group and has no derived counterpart. */
  unmatchedCurrent: Uint8Array;
  currentDepth: Int32Array;
  previousDepth: Int32Array;
  /** Units' positions by id. */
  previousIndex: Map<string, number>;
  currentIndex: Map<string, number>;
  /** Node maxima in hundredths. */
  currentMax100: Int32Array;
  previousMax100: Int32Array;
  /** For each current unit, the positions of the previous units it is compared with (possibly none). */
  predecessorsOf: number[][];
}

function depths(compiled: CompiledFramework): Int32Array {
  const d = new Int32Array(compiled.nodes.length);
  for (let i = 0; i < d.length; i++) {
    const p = compiled.parent[i]!;
    d[i] = p === -1 ? 0 : d[p]! + 1;
  }
  return d;
}

/** Leaf indices under the given nodes, each once, in framework order. */
export function leavesUnder(compiled: CompiledFramework, nodes: number[]): Int32Array {
  const mark = new Uint8Array(compiled.nodes.length);
  for (const n of nodes) for (let i = n; i < compiled.subtreeEnd[n]!; i++) if (compiled.isLeaf[i]) mark[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i]) out.push(i);
  return Int32Array.from(out);
}

function roundProblems(round: AnalysisRound, label: string): MappingProblem[] {
  const summary = round.units.filter((u) => !isDetailed(u));
  if (!summary.length) return [];
  const names = summary
    .slice(0, 3)
    .map((u) => u.unitName)
    .join(", ");
  return [
    {
      code: "",
      side: label === "năm nay" ? "current" : "previous",
      message: `Vòng đánh giá ${label} không có điểm chi tiết theo tiêu chí (${names}${summary.length > 3 ? "…" : ""} chỉ có tổng điểm): chỉ phân tích được hai vòng có điểm chi tiết`,
    },
  ];
}

const cache = new WeakMap<AnalysisInput, Prepared>();

/** Checks and resolves the input once per input object; throws AnalysisInputError on a bad one. */
export function prepare(input: AnalysisInput): Prepared {
  const hit = cache.get(input);
  if (hit) return hit;
  const current = input.current.compiled;
  const previous = input.previous.compiled;
  const mapping = input.mapping ?? identityMapping(current, previous);
  const problems = [
    ...roundProblems(input.current, "năm nay"),
    ...roundProblems(input.previous, "năm trước"),
    ...checkMapping(mapping, current, previous),
  ];
  if (problems.length) throw new AnalysisInputError(problems);

  const groupOfCurrent = new Int32Array(current.nodes.length).fill(-1);
  const groupOfPrevious = new Int32Array(previous.nodes.length).fill(-1);
  const groups: ResolvedGroup[] = mapping.map((g, gi) => {
    const c = g.current.map((code) => current.indexByCode.get(code.trim())!).sort((a, b) => a - b);
    const p = g.previous.map((code) => previous.indexByCode.get(code.trim())!).sort((a, b) => a - b);
    for (const i of c) groupOfCurrent[i] = gi;
    for (const i of p) groupOfPrevious[i] = gi;
    return {
      current: c,
      previous: p,
      currentLeaves: leavesUnder(current, c),
      previousLeaves: leavesUnder(previous, p),
    };
  });

  const currentUnits = input.current.units as DetailedScores[];
  const previousUnits = input.previous.units as DetailedScores[];
  const previousIndex = new Map(previousUnits.map((u, i) => [u.unitId, i]));
  const predecessorsOf = currentUnits.map((u) => {
    const ids = input.predecessors?.get(u.unitId) ?? (u.predecessorIds?.length ? u.predecessorIds : [u.unitId]);
    const found: number[] = [];
    for (const id of ids) {
      const i = previousIndex.get(id);
      if (i !== undefined && !found.includes(i)) found.push(i);
    }
    return found;
  });

  const covered = new Uint8Array(current.nodes.length);
  for (const g of groups) for (const i of g.currentLeaves) covered[i] = 1;
  const derivedOfCurrent = current.nodes.map((_, c) => {
    if (groupOfCurrent[c] !== -1) return null;
    const end = current.subtreeEnd[c]!;
    const found: number[] = [];
    for (let d = c + 1; d < end; d++) {
      const g = groupOfCurrent[d]!;
      if (g === -1 || found.includes(g)) continue;
      if (groups[g]!.current.every((n) => n > c && n < end)) found.push(g);
    }
    if (!found.length) return null;
    const inside = new Uint8Array(current.nodes.length);
    for (const g of found) for (const i of groups[g]!.currentLeaves) inside[i] = 1;
    for (let i = c; i < end; i++) if (current.isLeaf[i] && !inside[i]) return null;
    return found;
  });
  const unmatchedCurrent = Uint8Array.from(derivedOfCurrent, (d, c) => (groupOfCurrent[c] === -1 && !d ? 1 : 0));
  // A previous node in no group is still compared when its descendants' groups (wholly inside it) cover
  // every leaf under it.
  const unmatchedPrevious = new Uint8Array(previous.nodes.length);
  const inside = new Uint8Array(previous.nodes.length);
  for (let i = 0; i < previous.nodes.length; i++) {
    if (groupOfPrevious[i] !== -1) continue;
    const end = previous.subtreeEnd[i]!;
    inside.fill(0, i, end);
    for (let d = i + 1; d < end; d++) {
      const g = groupOfPrevious[d]!;
      if (g === -1 || !groups[g]!.previous.every((n) => n > i && n < end)) continue;
      for (const l of groups[g]!.previousLeaves) inside[l] = 1;
    }
    for (let l = i; l < end; l++)
      if (previous.isLeaf[l] && !inside[l]) {
        unmatchedPrevious[i] = 1;
        break;
      }
  }

  const prepared: Prepared = {
    current,
    previous,
    currentUnits,
    previousUnits,
    groups,
    groupOfCurrent,
    groupOfPrevious,
    derivedOfCurrent,
    unmatchedCurrent,
    unmatchedPrevious,
    currentDepth: depths(current),
    previousDepth: depths(previous),
    previousIndex,
    currentIndex: new Map(currentUnits.map((u, i) => [u.unitId, i])),
    currentMax100: maxHundredths(current),
    previousMax100: maxHundredths(previous),
    predecessorsOf,
  };
  cache.set(input, prepared);
  return prepared;
}

/** Maxima of the nodes in hundredths of a point. */
export function maxHundredths(compiled: CompiledFramework): Int32Array {
  return Int32Array.from(compiled.maxPoints, (m) => Math.round(m * 100));
}

/**
 * One unit's leaves in hundredths: points (not scored = 0) and maximum, both 0 where the leaf or an
 * ancestor is not applicable. Written into the given arrays from `offset` on (added to them with `add`,
 * for a unit compared with several predecessors).
 */
export function leafHundredths(
  compiled: CompiledFramework,
  max100: Int32Array,
  scores: DetailedScores,
  points: Int32Array,
  max: Int32Array,
  add = false,
  offset = 0,
): void {
  const n = compiled.nodes.length;
  const { isLeaf, subtreeEnd } = compiled;
  if (add) {
    for (let i = 0; i < n;) {
      if (scores.notApplicable[i]) {
        i = subtreeEnd[i]!;
        continue;
      }
      if (isLeaf[i]) {
        const p = scores.points[i]!;
        if (p === p) points[offset + i] = points[offset + i]! + Math.round(p * 100);
        max[offset + i] = max[offset + i]! + max100[i]!;
      }
      i++;
    }
    return;
  }
  points.fill(0, offset, offset + n);
  max.fill(0, offset, offset + n);
  for (let i = 0; i < n;) {
    if (scores.notApplicable[i]) {
      i = subtreeEnd[i]!;
      continue;
    }
    if (isLeaf[i]) {
      const p = scores.points[i]!;
      points[offset + i] = p === p ? Math.round(p * 100) : 0;
      max[offset + i] = max100[i]!;
    }
    i++;
  }
}
