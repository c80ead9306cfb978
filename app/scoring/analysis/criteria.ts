// The criterion analysis of a round against the previous one: per area, criterion and sub-criterion.
import { leafHundredths, leavesUnder, maxHundredths, prepare, type Prepared } from "#app/scoring/analysis/prepare.ts";
import type {
  AnalysisInput,
  AnalysisOptions,
  CriterionAnalysis,
  CriterionRow,
  NodeRef,
  UnitCriterionFigure,
} from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";

/** Two % closer than this are the same (hundredths of points make exact ratios differ only by rounding). */
const SAME_PCT = 1e-9;

interface RowPlan {
  row: CriterionRow;
  currentLeaves: Int32Array;
  /** null: no counterpart. */
  previousLeaves: Int32Array | null;
}

function nodeRef(compiled: CompiledFramework, depth: Int32Array, i: number): NodeRef {
  const n = compiled.nodes[i]!;
  return { code: n.code, title: n.title, depth: depth[i]!, maxPoints: n.maxPoints };
}

function plans(p: Prepared): RowPlan[] {
  const { current, previous } = p;
  const out: RowPlan[] = [];
  for (let c = 0; c < current.nodes.length; c++) {
    const g = p.groupOfCurrent[c]!;
    const node = current.nodes[c]!;
    const base = {
      code: node.code,
      title: node.title,
      depth: p.currentDepth[c]!,
      areaCode: current.nodes[current.area[c]!]!.code,
      units: 0,
      averagePct: null,
      previousUnits: 0,
      previousAveragePct: null,
      change: null,
      compared: 0,
      keptFull: 0,
      gained: 0,
      lost: 0,
      newlyLost: 0,
      unchanged: 0,
      largestLosses: [],
    };
    const sumMax = (compiled: CompiledFramework, leaves: Int32Array) =>
      Math.round(leaves.reduce((s, i) => s + compiled.maxPoints[i]!, 0) * 100) / 100;
    if (g === -1) {
      const derived = p.derivedOfCurrent[c];
      const currentLeaves = leavesUnder(current, [c]);
      // Compared as the sum of its parts' counterparts (its sub-criteria are all mapped), or not at all.
      const previousNodes = derived ? derived.flatMap((d) => p.groups[d]!.previous).sort((a, b) => a - b) : [];
      const previousLeaves = derived ? leavesUnder(previous, previousNodes) : null;
      out.push({
        row: {
          ...base,
          codes: [node.code],
          maxPoints: node.maxPoints,
          previousCodes: previousNodes.map((i) => previous.nodes[i]!.code),
          previousTitle: previousNodes.length ? previousNodes.map((i) => previous.nodes[i]!.title).join(" + ") : null,
          previousMaxPoints: previousLeaves ? sumMax(previous, previousLeaves) : null,
        },
        currentLeaves,
        previousLeaves,
      });
      continue;
    }
    const group = p.groups[g]!;
    if (group.current[0] !== c) continue; // a split: listed once, at its first current code
    out.push({
      row: {
        ...base,
        codes: group.current.map((i) => current.nodes[i]!.code),
        title: group.current.map((i) => current.nodes[i]!.title).join(" + "),
        maxPoints: sumMax(current, group.currentLeaves),
        previousCodes: group.previous.map((i) => previous.nodes[i]!.code),
        previousTitle: group.previous.map((i) => previous.nodes[i]!.title).join(" + "),
        previousMaxPoints: sumMax(previous, group.previousLeaves),
      },
      currentLeaves: group.currentLeaves,
      previousLeaves: group.previousLeaves,
    });
  }
  return out;
}

/** Sums of each row's leaves for every unit of one round: points and maxima, hundredths, unit-major. */
function rowSums(
  compiled: CompiledFramework,
  units: AnalysisInput["current"]["units"],
  rows: Array<Int32Array | null>,
): { points: Int32Array; max: Int32Array } {
  const R = rows.length;
  const max100 = maxHundredths(compiled);
  const leafPoints = new Int32Array(compiled.nodes.length);
  const leafMax = new Int32Array(compiled.nodes.length);
  const points = new Int32Array(units.length * R);
  const max = new Int32Array(units.length * R);
  units.forEach((u, ui) => {
    leafHundredths(compiled, max100, u as never, leafPoints, leafMax);
    const o = ui * R;
    for (let r = 0; r < R; r++) {
      const leaves = rows[r];
      if (!leaves) continue;
      let s = 0;
      let m = 0;
      for (let k = 0; k < leaves.length; k++) {
        const i = leaves[k]!;
        s += leafPoints[i]!;
        m += leafMax[i]!;
      }
      points[o + r] = s;
      max[o + r] = m;
    }
  });
  return { points, max };
}

/** Keeps the `top` figures with the most negative change, in a small sorted array. */
function keepLosses(list: UnitCriterionFigure[], figure: () => UnitCriterionFigure, change: number, top: number) {
  if (top <= 0) return;
  if (list.length === top && change >= list[top - 1]!.change) return;
  const f = figure();
  let at = list.length;
  while (at > 0 && list[at - 1]!.change > change) at--;
  list.splice(at, 0, f);
  if (list.length > top) list.pop();
}

/**
 * For every area, criterion and sub-criterion of the current framework (a mapping group listed once):
 * this year's and last year's average % over the units where it applies, the change, and over the units
 * compared (a previous result, applicable both years) how many kept full marks, gained, lost and newly
 * lost points, with the units that lost most. A unit's previous figure sums its predecessors' points
 * and maxima. Nodes with no counterpart have this year's figures only and are listed in `unmatched`.
 * Throws AnalysisInputError (Vietnamese) for a summary round or a bad mapping.
 */
export function analyseCriteria(input: AnalysisInput, options: AnalysisOptions = {}): CriterionAnalysis {
  const top = options.top ?? 5;
  const rankDepth = options.rankDepth ?? 1;
  const p = prepare(input);
  const rowPlans = plans(p);
  const R = rowPlans.length;
  const cur = rowSums(
    p.current,
    p.currentUnits,
    rowPlans.map((r) => r.currentLeaves),
  );
  const prev = rowSums(
    p.previous,
    p.previousUnits,
    rowPlans.map((r) => r.previousLeaves),
  );

  const pctSum = new Float64Array(R);
  const pctCount = new Int32Array(R);
  for (let u = 0; u < p.currentUnits.length; u++) {
    const o = u * R;
    for (let r = 0; r < R; r++) {
      const m = cur.max[o + r]!;
      if (m > 0) {
        pctSum[r] = pctSum[r]! + cur.points[o + r]! / m;
        pctCount[r] = pctCount[r]! + 1;
      }
    }
  }
  const prevSum = new Float64Array(R);
  const prevCount = new Int32Array(R);
  for (let u = 0; u < p.previousUnits.length; u++) {
    const o = u * R;
    for (let r = 0; r < R; r++) {
      const m = prev.max[o + r]!;
      if (m > 0 && rowPlans[r]!.previousLeaves) {
        prevSum[r] = prevSum[r]! + prev.points[o + r]! / m;
        prevCount[r] = prevCount[r]! + 1;
      }
    }
  }

  let comparedUnits = 0;
  const predPoints = new Int32Array(R);
  const predMax = new Int32Array(R);
  for (let u = 0; u < p.currentUnits.length; u++) {
    const preds = p.predecessorsOf[u]!;
    if (!preds.length) continue;
    comparedUnits++;
    predPoints.fill(0);
    predMax.fill(0);
    for (const pu of preds) {
      const o = pu * R;
      for (let r = 0; r < R; r++) {
        predPoints[r] = predPoints[r]! + prev.points[o + r]!;
        predMax[r] = predMax[r]! + prev.max[o + r]!;
      }
    }
    const o = u * R;
    const unit = p.currentUnits[u]!;
    for (let r = 0; r < R; r++) {
      const plan = rowPlans[r]!;
      const m = cur.max[o + r]!;
      const pm = predMax[r]!;
      if (!plan.previousLeaves || m <= 0 || pm <= 0) continue;
      const row = plan.row;
      const s = cur.points[o + r]!;
      const ps = predPoints[r]!;
      const pct = (s / m) * 100;
      const previousPct = (ps / pm) * 100;
      const change = pct - previousPct;
      row.compared++;
      const full = s >= m;
      const wasFull = ps >= pm;
      if (full && wasFull) row.keptFull++;
      if (change > SAME_PCT) row.gained++;
      else if (change < -SAME_PCT) {
        row.lost++;
        if (wasFull) row.newlyLost++;
        keepLosses(
          row.largestLosses,
          () => ({
            unitId: unit.unitId,
            unitName: unit.unitName,
            points: s / 100,
            maxPoints: m / 100,
            pct,
            previousPoints: ps / 100,
            previousMaxPoints: pm / 100,
            previousPct,
            change,
          }),
          change,
          top,
        );
      } else row.unchanged++;
    }
  }

  const rows = rowPlans.map((plan, r) => {
    const row = plan.row;
    row.units = pctCount[r]!;
    row.averagePct = pctCount[r]! ? (pctSum[r]! / pctCount[r]!) * 100 : null;
    if (plan.previousLeaves) {
      row.previousUnits = prevCount[r]!;
      row.previousAveragePct = prevCount[r]! ? (prevSum[r]! / prevCount[r]!) * 100 : null;
    }
    row.change =
      row.averagePct !== null && row.previousAveragePct !== null ? row.averagePct - row.previousAveragePct : null;
    return row;
  });

  const ranked = rows.filter((r) => r.depth === rankDepth && r.averagePct !== null);
  const byPct = [...ranked].sort((a, b) => b.averagePct! - a.averagePct! || a.code.localeCompare(b.code));
  const drops = ranked
    .filter((r) => r.change !== null && r.change < -SAME_PCT)
    .sort((a, b) => a.change! - b.change! || a.code.localeCompare(b.code));

  const unmatchedCurrent: NodeRef[] = [];
  for (let i = 0; i < p.current.nodes.length; i++)
    if (p.unmatchedCurrent[i]) unmatchedCurrent.push(nodeRef(p.current, p.currentDepth, i));
  const unmatchedPrevious: NodeRef[] = [];
  for (let i = 0; i < p.previous.nodes.length; i++)
    if (p.unmatchedPrevious[i]) unmatchedPrevious.push(nodeRef(p.previous, p.previousDepth, i));

  return {
    rows,
    strongest: byPct.slice(0, top),
    weakest: byPct.slice(-top).reverse(),
    largestDrops: drops.slice(0, top),
    unmatched: { current: unmatchedCurrent, previous: unmatchedPrevious },
    units: p.currentUnits.length,
    comparedUnits,
  };
}
