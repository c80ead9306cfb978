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
import type { DetailedScores } from "#app/scoring/types.ts";

/** Two % closer than this are the same (hundredths of points make exact ratios differ only by rounding). */
const SAME_PCT = 1e-9;

interface RowPlan {
  row: CriterionRow;
  /** The row's nodes with those under another of them left out: disjoint subtrees covering its leaves. */
  currentNodes: Int32Array;
  /** null: no counterpart. */
  previousNodes: Int32Array | null;
}

/** The nodes not under another of the list: their subtrees are disjoint and cover the same leaves. */
function topNodes(compiled: CompiledFramework, nodes: number[]): Int32Array {
  const set = new Set(nodes);
  return Int32Array.from(
    [...set].filter((n) => {
      for (let a = compiled.parent[n]!; a !== -1; a = compiled.parent[a]!) if (set.has(a)) return false;
      return true;
    }),
  );
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
      // Compared as the sum of its parts' counterparts (its sub-criteria are all mapped), or not at all.
      const previousNodes = derived ? derived.flatMap((d) => p.groups[d]!.previous).sort((a, b) => a - b) : [];
      const previousLeaves = derived ? leavesUnder(previous, previousNodes) : null;
      const previousTop = derived ? topNodes(previous, previousNodes) : null;
      out.push({
        row: {
          ...base,
          codes: [node.code],
          maxPoints: node.maxPoints,
          previousCodes: previousNodes.map((i) => previous.nodes[i]!.code),
          previousTitle: previousNodes.length ? previousNodes.map((i) => previous.nodes[i]!.title).join(" + ") : null,
          previousMaxPoints: previousLeaves ? sumMax(previous, previousLeaves) : null,
        },
        currentNodes: Int32Array.of(c),
        previousNodes: previousTop,
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
      currentNodes: topNodes(current, group.current),
      previousNodes: topNodes(previous, group.previous),
    });
  }
  return out;
}

/**
 * Sums of each row for every unit of one round: points and maxima, hundredths, unit-major with `width`
 * columns per unit: one per node (each unit's leaves summed up the tree in place), then one per row made
 * of several nodes. `column[r]` is row r's column (-1: no nodes on this side).
 */
function rowSums(
  compiled: CompiledFramework,
  units: DetailedScores[],
  rows: Array<Int32Array | null>,
): { points: Int32Array; max: Int32Array; column: Int32Array; width: number } {
  const n = compiled.nodes.length;
  const parent = compiled.parent;
  const max100 = maxHundredths(compiled);
  const column = new Int32Array(rows.length);
  const extra: Array<{ column: number; nodes: Int32Array }> = [];
  rows.forEach((nodes, r) => {
    if (!nodes) column[r] = -1;
    else if (nodes.length === 1) column[r] = nodes[0]!;
    else {
      column[r] = n + extra.length;
      extra.push({ column: n + extra.length, nodes });
    }
  });
  const width = n + extra.length;
  const points = new Int32Array(units.length * width);
  const max = new Int32Array(units.length * width);
  for (let ui = 0; ui < units.length; ui++) {
    const o = ui * width;
    leafHundredths(compiled, max100, units[ui]!, points, max, false, o);
    // Pre-order: every node comes after its parent, so a backward pass sums each subtree.
    for (let i = n - 1; i > 0; i--) {
      const pa = parent[i]!;
      if (pa !== -1) {
        points[o + pa] = points[o + pa]! + points[o + i]!;
        max[o + pa] = max[o + pa]! + max[o + i]!;
      }
    }
    for (const e of extra) {
      let s = 0;
      let m = 0;
      for (let k = 0; k < e.nodes.length; k++) {
        s += points[o + e.nodes[k]!]!;
        m += max[o + e.nodes[k]!]!;
      }
      points[o + e.column] = s;
      max[o + e.column] = m;
    }
  }
  return { points, max, column, width };
}

/** Inserts a figure into a list kept sorted by change (most negative first) and cut at `top`. */
function keepLoss(list: UnitCriterionFigure[], figure: UnitCriterionFigure, top: number) {
  let at = list.length;
  while (at > 0 && list[at - 1]!.change > figure.change) at--;
  list.splice(at, 0, figure);
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
    rowPlans.map((r) => r.currentNodes),
  );
  const prev = rowSums(
    p.previous,
    p.previousUnits,
    rowPlans.map((r) => r.previousNodes),
  );

  const cc = cur.column;
  const pc = prev.column;
  const cw = cur.width;
  const pw = prev.width;
  const pctSum = new Float64Array(R);
  const pctCount = new Int32Array(R);
  for (let u = 0; u < p.currentUnits.length; u++) {
    const o = u * cw;
    for (let r = 0; r < R; r++) {
      const m = cur.max[o + cc[r]!]!;
      if (m > 0) {
        pctSum[r] = pctSum[r]! + cur.points[o + cc[r]!]! / m;
        pctCount[r] = pctCount[r]! + 1;
      }
    }
  }
  const prevSum = new Float64Array(R);
  const prevCount = new Int32Array(R);
  for (let u = 0; u < p.previousUnits.length; u++) {
    const o = u * pw;
    for (let r = 0; r < R; r++) {
      if (pc[r] === -1) continue;
      const m = prev.max[o + pc[r]!]!;
      if (m > 0) {
        prevSum[r] = prevSum[r]! + prev.points[o + pc[r]!]! / m;
        prevCount[r] = prevCount[r]! + 1;
      }
    }
  }

  // Counters per row in typed arrays (the loop below runs units × rows times).
  const compared = new Int32Array(R);
  const keptFull = new Int32Array(R);
  const gained = new Int32Array(R);
  const lost = new Int32Array(R);
  const newlyLost = new Int32Array(R);
  // Change of the last of each row's largest losses once the list is full; +∞ until then.
  const cut = new Float64Array(R).fill(Number.POSITIVE_INFINITY);
  let comparedUnits = 0;
  const sumPoints = new Int32Array(pw);
  const sumMax = new Int32Array(pw);
  for (let u = 0; u < p.currentUnits.length; u++) {
    const preds = p.predecessorsOf[u]!;
    if (!preds.length) continue;
    comparedUnits++;
    // One predecessor (nearly always): read its sums in place; several: add them up.
    let predPoints = prev.points;
    let predMax = prev.max;
    let po = preds[0]! * pw;
    if (preds.length > 1) {
      sumPoints.fill(0);
      sumMax.fill(0);
      for (const pu of preds) {
        const o = pu * pw;
        for (let k = 0; k < pw; k++) {
          sumPoints[k] = sumPoints[k]! + prev.points[o + k]!;
          sumMax[k] = sumMax[k]! + prev.max[o + k]!;
        }
      }
      predPoints = sumPoints;
      predMax = sumMax;
      po = 0;
    }
    const o = u * cw;
    for (let r = 0; r < R; r++) {
      const pcol = pc[r]!;
      if (pcol === -1) continue;
      const m = cur.max[o + cc[r]!]!;
      const pm = predMax[po + pcol]!;
      if (m <= 0 || pm <= 0) continue;
      const s = cur.points[o + cc[r]!]!;
      const ps = predPoints[po + pcol]!;
      compared[r] = compared[r]! + 1;
      const full = s >= m;
      const wasFull = ps >= pm;
      if (full && wasFull) keptFull[r] = keptFull[r]! + 1;
      // s/m vs ps/pm compared without division: exact in integers.
      const cross = s * pm - ps * m;
      if (cross > 0) gained[r] = gained[r]! + 1;
      else if (cross < 0) {
        lost[r] = lost[r]! + 1;
        if (wasFull) newlyLost[r] = newlyLost[r]! + 1;
        const pct = (s / m) * 100;
        const previousPct = (ps / pm) * 100;
        const change = pct - previousPct;
        if (top > 0 && change < cut[r]!) {
          const unit = p.currentUnits[u]!;
          const losses = rowPlans[r]!.row.largestLosses;
          keepLoss(
            losses,
            {
              unitId: unit.unitId,
              unitName: unit.unitName,
              points: s / 100,
              maxPoints: m / 100,
              pct,
              previousPoints: ps / 100,
              previousMaxPoints: pm / 100,
              previousPct,
              change,
            },
            top,
          );
          if (losses.length === top) cut[r] = losses[top - 1]!.change;
        }
      }
    }
  }

  const rows = rowPlans.map((plan, r) => {
    const row = plan.row;
    row.compared = compared[r]!;
    row.keptFull = keptFull[r]!;
    row.gained = gained[r]!;
    row.lost = lost[r]!;
    row.newlyLost = newlyLost[r]!;
    row.unchanged = compared[r]! - gained[r]! - lost[r]!;
    row.units = pctCount[r]!;
    row.averagePct = pctCount[r]! ? (pctSum[r]! / pctCount[r]!) * 100 : null;
    if (plan.previousNodes) {
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
