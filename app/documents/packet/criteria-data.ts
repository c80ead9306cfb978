// The criterion analysis (issue 16) as the packet's PDF and xlsx read it: computed once per packet input
// from its basis (both rounds' detailed scores and the mapping), with the labels both files share.
import { AnalysisInputError } from "#app/scoring/analysis/errors.ts";
import { analyseCriteria } from "#app/scoring/analysis/criteria.ts";
import type { CriterionAnalysis, CriterionRow } from "#app/scoring/analysis/types.ts";
import type { PacketCriteria, PacketRemediationAction } from "#app/documents/packet/types.ts";

/** Criteria in the "largest average drop" chart. */
export const DROP_BARS = 10;
/** Rows of the remediation tables in the PDF (the xlsx has every row). */
export const REMEDIATION_ROWS = 200;

export const LEVEL_LABEL = ["Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần"];
export const levelLabel = (depth: number): string => LEVEL_LABEL[Math.min(depth, LEVEL_LABEL.length - 1)]!;

const computed = new WeakMap<PacketCriteria, CriterionAnalysis | { refused: string }>();

/**
 * The criterion analysis of the packet's basis (computed once per basis object, shared by the PDF and
 * the xlsx), or the Vietnamese reason it cannot be made.
 */
export function criterionAnalysisOf(basis: PacketCriteria): CriterionAnalysis | { refused: string } {
  let result = computed.get(basis);
  if (!result) {
    try {
      result = analyseCriteria(basis.input, { top: 5, rankDepth: 1 });
    } catch (error) {
      if (!(error instanceof AnalysisInputError)) throw error;
      result = { refused: error.message };
    }
    computed.set(basis, result);
  }
  return result;
}

/** Criteria (depth 1) whose average % fell, most first. */
export function largestDrops(analysis: CriterionAnalysis, n = DROP_BARS): CriterionRow[] {
  return analysis.rows
    .filter((r) => r.depth === 1 && r.change !== null && r.change < -1e-9)
    .sort((a, b) => a.change! - b.change! || a.code.localeCompare(b.code, "vi", { numeric: true }))
    .slice(0, n);
}

/** Each area (depth 0) with its criteria (depth 1), in framework order. */
export function areasWithCriteria(
  analysis: CriterionAnalysis,
): Array<{ area: CriterionRow; criteria: CriterionRow[] }> {
  const out: Array<{ area: CriterionRow; criteria: CriterionRow[] }> = [];
  for (const r of analysis.rows) {
    if (r.depth === 0) out.push({ area: r, criteria: [] });
    else if (r.depth === 1) out[out.length - 1]?.criteria.push(r);
  }
  return out;
}

/** How many criteria the strongest / weakest lists name: 5, fewer for a small framework. */
export function rankedCount(analysis: CriterionAnalysis): number {
  const criteria = analysis.rows.filter((r) => r.depth === 1).length;
  return Math.max(1, Math.min(5, Math.floor(criteria / 2)));
}

/** Actions whose points did not all come back (not recovered, then partly), in plan order. */
export function unrecoveredActions(actions: PacketRemediationAction[]): PacketRemediationAction[] {
  return [
    ...actions.filter((a) => a.outcome.status === "not-recovered"),
    ...actions.filter((a) => a.outcome.status === "partly"),
  ];
}
