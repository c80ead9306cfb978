// Why a unit moved: the change of its total broken down by area, criterion and sub-criterion, exact in
// hundredths of a point.
import { leafHundredths, prepare, type Prepared } from "#app/scoring/analysis/prepare.ts";
import type { AnalysisInput, ChangePart, ChangeStatus, UnitChange } from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";

/** Nodes making one level of the breakdown: those at `depth`, and leaves above it (an area without criteria). */
function atLevel(depth: Int32Array, compiled: CompiledFramework, level: number, i: number): boolean {
  return depth[i] === level || (compiled.isLeaf[i] === 1 && depth[i]! < level);
}

function status(part: Omit<ChangePart, "status">, hasCurrent: boolean, hasPrevious: boolean): ChangeStatus {
  if (!hasCurrent) return "gone";
  if (!hasPrevious) return "new";
  if (!part.applicable || !part.previousApplicable) return "not-applicable";
  const full = part.points >= part.maxPoints;
  const wasFull = part.previousPoints >= part.previousMaxPoints;
  if (full) return wasFull ? "kept-full" : "reached-full";
  return wasFull ? "newly-lost" : "still-losing";
}

interface Leaves {
  points: Int32Array;
  max: Int32Array;
}

/**
 * One level of the breakdown. Every leaf of either year is claimed by exactly one part, so the parts
 * add up to the total change exactly: a current node takes the leaves of its mapping group (or, with no
 * group, its own leaves and those of its descendants' groups); previous leaves left over make "gone"
 * parts under their previous node of that level.
 */
function partition(p: Prepared, level: number, cur: Leaves, prev: Leaves): ChangePart[] {
  const { current, previous } = p;
  const claimedCurrent = new Uint8Array(current.nodes.length);
  const claimedPrevious = new Uint8Array(previous.nodes.length);
  const emitted = new Uint8Array(p.groups.length);
  const parts: ChangePart[] = [];

  const take = (compiled: CompiledFramework, claimed: Uint8Array, leaves: Leaves, from: number, to: number) => {
    let points = 0;
    let max = 0;
    let any = false;
    for (let i = from; i < to; i++) {
      if (!compiled.isLeaf[i] || claimed[i]) continue;
      claimed[i] = 1;
      any = true;
      points += leaves.points[i]!;
      max += leaves.max[i]!;
    }
    return { points, max, any };
  };
  const add = (a: { points: number; max: number; any: boolean }, b: { points: number; max: number; any: boolean }) => ({
    points: a.points + b.points,
    max: a.max + b.max,
    any: a.any || b.any,
  });
  const none = { points: 0, max: 0, any: false };

  const push = (
    codes: string[],
    previousCodes: string[],
    title: string,
    depth: number,
    areaCode: string,
    c: { points: number; max: number; any: boolean },
    q: { points: number; max: number; any: boolean },
  ) => {
    const part = {
      codes,
      previousCodes,
      title,
      depth,
      areaCode,
      points: c.points,
      maxPoints: c.max,
      previousPoints: q.points,
      previousMaxPoints: q.max,
      change: c.points - q.points,
      applicable: c.max > 0,
      previousApplicable: q.max > 0,
    };
    parts.push({ ...part, status: status(part, c.any, q.any) });
  };

  for (let i = 0; i < current.nodes.length; i++) {
    if (!atLevel(p.currentDepth, current, level, i)) continue;
    const g = p.groupOfCurrent[i]!;
    const node = current.nodes[i]!;
    const area = current.nodes[current.area[i]!]!.code;
    if (g !== -1) {
      if (emitted[g]) continue;
      emitted[g] = 1;
      const group = p.groups[g]!;
      let c = none;
      for (const n of group.current) c = add(c, take(current, claimedCurrent, cur, n, current.subtreeEnd[n]!));
      let q = none;
      for (const n of group.previous) q = add(q, take(previous, claimedPrevious, prev, n, previous.subtreeEnd[n]!));
      push(
        group.current.map((n) => current.nodes[n]!.code),
        group.previous.map((n) => previous.nodes[n]!.code),
        group.current.map((n) => current.nodes[n]!.title).join(" + "),
        p.currentDepth[group.current[0]!]!,
        area,
        c,
        q,
      );
      continue;
    }
    // No group of its own: compared with its descendants' groups when they cover it (else new).
    const end = current.subtreeEnd[i]!;
    let q = none;
    const previousCodes: string[] = [];
    for (const dg of p.derivedOfCurrent[i] ?? []) {
      if (emitted[dg]) continue;
      emitted[dg] = 1;
      for (const n of p.groups[dg]!.previous) {
        q = add(q, take(previous, claimedPrevious, prev, n, previous.subtreeEnd[n]!));
        previousCodes.push(previous.nodes[n]!.code);
      }
    }
    const c = take(current, claimedCurrent, cur, i, end);
    push([node.code], previousCodes, node.title, p.currentDepth[i]!, area, c, q);
  }
  for (let i = 0; i < previous.nodes.length; i++) {
    if (!atLevel(p.previousDepth, previous, level, i)) continue;
    const q = take(previous, claimedPrevious, prev, i, previous.subtreeEnd[i]!);
    if (!q.any) continue;
    const node = previous.nodes[i]!;
    push([], [node.code], node.title, p.previousDepth[i]!, previous.nodes[previous.area[i]!]!.code, none, q);
  }
  return parts;
}

export interface UnitChangeOptions {
  /** Length of `drivers`. Default 5. */
  top?: number;
}

/**
 * For one unit of the current round: its total against its previous one (its own, or its predecessors'
 * summed), broken down by area, criterion and sub-criterion in integer hundredths of a point, so that
 * each level's parts add up exactly to the change of the total. Null when the unit is not in the round
 * or has no previous result. Throws AnalysisInputError for a summary round or a bad mapping.
 */
export function explainUnitChange(
  input: AnalysisInput,
  unitId: string,
  options: UnitChangeOptions = {},
): UnitChange | null {
  const p = prepare(input);
  const u = p.currentIndex.get(unitId);
  if (u === undefined) return null;
  const preds = p.predecessorsOf[u]!;
  if (!preds.length) return null;
  const unit = p.currentUnits[u]!;

  const nc = p.current.nodes.length;
  const np = p.previous.nodes.length;
  const cur = { points: new Int32Array(nc), max: new Int32Array(nc) };
  const prev = { points: new Int32Array(np), max: new Int32Array(np) };
  leafHundredths(p.current, p.currentMax100, unit, cur.points, cur.max);
  for (const pu of preds)
    leafHundredths(p.previous, p.previousMax100, p.previousUnits[pu]!, prev.points, prev.max, true);

  let total = 0;
  let maxTotal = 0;
  for (let i = 0; i < nc; i++) {
    total += cur.points[i]!;
    maxTotal += cur.max[i]!;
  }
  let previousTotal = 0;
  let previousMaxTotal = 0;
  for (let i = 0; i < np; i++) {
    previousTotal += prev.points[i]!;
    previousMaxTotal += prev.max[i]!;
  }

  const areas = partition(p, 0, cur, prev);
  const criteria = partition(p, 1, cur, prev);
  const leaves = partition(p, Number.MAX_SAFE_INTEGER, cur, prev);
  const change = total - previousTotal;
  const top = options.top ?? 5;
  const direction = Math.sign(change);
  const drivers = criteria
    .filter((c) => (direction === 0 ? c.change !== 0 : Math.sign(c.change) === direction))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, top);
  const didWell = leaves.filter((l) => l.status === "kept-full" || l.status === "reached-full");
  const didNot = leaves
    .filter((l) => l.status === "newly-lost" || l.status === "still-losing")
    .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points) || a.change - b.change);
  const indexPct = maxTotal > 0 ? (total / maxTotal) * 100 : 0;
  const previousIndexPct = previousMaxTotal > 0 ? (previousTotal / previousMaxTotal) * 100 : 0;
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    previousUnitIds: preds.map((i) => p.previousUnits[i]!.unitId),
    total,
    maxTotal,
    previousTotal,
    previousMaxTotal,
    change,
    indexPct,
    previousIndexPct,
    indexChange: indexPct - previousIndexPct,
    areas,
    criteria,
    subCriteria: leaves,
    drivers,
    didWell,
    didNot,
  };
}
