// The remediation loop: did an action on a criterion that lost points in year N recover them in N+1?
import { leafHundredths, prepare } from "#app/scoring/analysis/prepare.ts";
import type {
  AnalysisInput,
  RemediationAction,
  RemediationOutcome,
  RemediationTally,
} from "#app/scoring/analysis/types.ts";

const SAME_PCT = 1e-9;

/**
 * The result in year N+1 (input.current) of actions planned after year N (input.previous): per action,
 * the criterion followed through the mapping (its group: a merged or split criterion is compared as a
 * whole) and the unit followed through the unit correspondence (itself, or the unit of N+1 that lists it
 * among its predecessors). recovered: full marks in N+1; partly: a higher % than in N but not full;
 * not-recovered: no higher; not-assessed: the criterion has no counterpart (criterion-gone), does not
 * apply to the unit in N+1 (not-applicable), the unit is not in N+1 (unit-not-assessed), or the code is
 * not in year N's framework (unknown-code). Throws AnalysisInputError for a summary round or a bad mapping.
 */
export function remediationOutcomes(input: AnalysisInput, actions: RemediationAction[]): RemediationOutcome[] {
  const p = prepare(input);
  const nc = p.current.nodes.length;
  const np = p.previous.nodes.length;
  const curMax = p.currentMax100;
  const prevMax = p.previousMax100;
  // The unit of N+1 each unit of N is followed to: the first current unit compared with it.
  const successor = new Map<string, number>();
  p.predecessorsOf.forEach((preds, u) => {
    for (const pu of preds) {
      const id = p.previousUnits[pu]!.unitId;
      if (!successor.has(id)) successor.set(id, u);
    }
  });
  const curLeaves = new Map<number, { points: Int32Array; max: Int32Array }>();
  const prevLeaves = new Map<number, { points: Int32Array; max: Int32Array }>();
  const leavesOf = (current: boolean, u: number) => {
    const cache = current ? curLeaves : prevLeaves;
    let hit = cache.get(u);
    if (!hit) {
      const n = current ? nc : np;
      hit = { points: new Int32Array(n), max: new Int32Array(n) };
      if (current) leafHundredths(p.current, curMax, p.currentUnits[u]!, hit.points, hit.max);
      else leafHundredths(p.previous, prevMax, p.previousUnits[u]!, hit.points, hit.max);
      cache.set(u, hit);
    }
    return hit;
  };
  const figure = (leaves: { points: Int32Array; max: Int32Array }, indices: Int32Array) => {
    let points = 0;
    let max = 0;
    for (let k = 0; k < indices.length; k++) {
      points += leaves.points[indices[k]!]!;
      max += leaves.max[indices[k]!]!;
    }
    return max > 0 ? { points: points / 100, maxPoints: max / 100, pct: (points / max) * 100 } : null;
  };

  return actions.map((action) => {
    const base = { unitId: action.unitId, code: action.code };
    const node = p.previous.indexByCode.get(action.code.trim());
    if (node === undefined)
      return { ...base, status: "not-assessed", reason: "unknown-code", currentCodes: [], before: null, after: null };
    const pu = p.previousIndex.get(action.unitId);
    const g = p.groupOfPrevious[node]!;
    const group = g === -1 ? null : p.groups[g]!;
    const previousLeaves = group ? group.previousLeaves : leavesUnderOne(p.previous, node);
    const before = pu === undefined ? null : figure(leavesOf(false, pu), previousLeaves);
    const currentCodes = group ? group.current.map((i) => p.current.nodes[i]!.code) : [];
    if (!group) return { ...base, status: "not-assessed", reason: "criterion-gone", currentCodes, before, after: null };
    const u = successor.get(action.unitId) ?? p.currentIndex.get(action.unitId);
    if (u === undefined)
      return { ...base, status: "not-assessed", reason: "unit-not-assessed", currentCodes, before, after: null };
    const after = figure(leavesOf(true, u), group.currentLeaves);
    if (!after) return { ...base, status: "not-assessed", reason: "not-applicable", currentCodes, before, after: null };
    const status =
      after.points >= after.maxPoints
        ? "recovered"
        : before && after.pct > before.pct + SAME_PCT
          ? "partly"
          : "not-recovered";
    return { ...base, status, reason: null, currentCodes, before, after };
  });
}

function leavesUnderOne(compiled: AnalysisInput["previous"]["compiled"], node: number): Int32Array {
  const out: number[] = [];
  for (let i = node; i < compiled.subtreeEnd[node]!; i++) if (compiled.isLeaf[i]) out.push(i);
  return Int32Array.from(out);
}

/** One action's result (see remediationOutcomes). */
export function remediationOutcome(input: AnalysisInput, action: RemediationAction): RemediationOutcome {
  return remediationOutcomes(input, [action])[0]!;
}

/** Counts of each result: "31/46 hành động đã lấy lại điểm" is recovered (+ partly, as the caller says) / total. */
export function tallyRemediation(outcomes: RemediationOutcome[]): RemediationTally {
  const tally: RemediationTally = { total: outcomes.length, recovered: 0, partly: 0, notRecovered: 0, notAssessed: 0 };
  for (const o of outcomes) {
    if (o.status === "recovered") tally.recovered++;
    else if (o.status === "partly") tally.partly++;
    else if (o.status === "not-recovered") tally.notRecovered++;
    else tally.notAssessed++;
  }
  return tally;
}
