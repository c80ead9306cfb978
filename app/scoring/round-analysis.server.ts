// What the criterion analysis of a round reads: this round and the previous one (both detailed), with
// the mapping between their frameworks (resolveMapping). One loader for the analysis page, the unit
// page's "why it moved" panel, the packet and the remediation loop, so they all compare the same things.
// When the analysis cannot be made, a Vietnamese reason, never a half-made analysis.
import { AnalysisInputError } from "#app/scoring/analysis/errors.ts";
import { checkMapping } from "#app/scoring/analysis/mapping.ts";
import type { AnalysisInput, MappingProblem } from "#app/scoring/analysis/types.ts";
import { resolveMapping, type ResolvedMapping } from "#app/scoring/framework-mapping.server.ts";
import { loadRound, type LoadedRound } from "#app/scoring/rounds.server.ts";

export interface AnalysisBasis {
  current: LoadedRound;
  previous: LoadedRound;
  /** Units keyed by organisation id (the ids the scores carry); predecessors from the round's placement. */
  input: AnalysisInput;
  mapping: ResolvedMapping;
  currentFrameworkId: string;
  previousFrameworkId: string;
}

export type AnalysisBasisLoad =
  | { ok: true; basis: AnalysisBasis }
  | {
      ok: false;
      /** Vietnamese: why there is no analysis. */
      message: string;
      /** A stored mapping that no longer fits the frameworks (fix it in the editor). */
      problems: MappingProblem[];
      /** The frameworks, when both rounds have one (to link the mapping editor). */
      frameworks: { currentId: string; previousId: string } | null;
    };

const refuse = (
  message: string,
  problems: MappingProblem[] = [],
  frameworks: { currentId: string; previousId: string } | null = null,
): AnalysisBasisLoad => ({ ok: false, message, problems, frameworks });

/**
 * The analysis basis of a round already loaded (e.g. by the round page), or the reason there is none.
 * `previousLoaded`: the previous round if the caller has it already (roundSummaryFor returns it).
 */
export async function analysisBasisOf(
  current: LoadedRound,
  previousLoaded?: LoadedRound | null,
): Promise<AnalysisBasisLoad> {
  const previousRef = current.round.previousRound;
  if (!previousRef)
    return refuse("Đợt đánh giá này chưa gắn với đợt năm trước nên chưa so sánh được theo từng tiêu chí.");
  const previous =
    previousLoaded && previousLoaded.round.id === previousRef.id ? previousLoaded : await loadRound(previousRef.id);
  if (!previous) return refuse("Không tìm thấy đợt đánh giá năm trước.");
  for (const r of [current, previous]) {
    if (r.round.shape !== "DETAILED" || !r.compiled || !r.round.frameworkId)
      return refuse(
        `Phân tích theo tiêu chí cần điểm chi tiết của cả hai năm: đợt “${r.round.title}” chỉ có tổng điểm của từng đơn vị.`,
      );
    if (!r.scores.length) return refuse(`Đợt “${r.round.title}” chưa có điểm của đơn vị nào.`);
  }
  const frameworks = { currentId: current.round.frameworkId!, previousId: previous.round.frameworkId! };
  const mapping = await resolveMapping(
    { id: frameworks.currentId, compiled: current.compiled! },
    { id: frameworks.previousId, compiled: previous.compiled! },
  );
  if (mapping.mapping) {
    const problems = checkMapping(mapping.mapping, current.compiled!, previous.compiled!);
    if (problems.length)
      return refuse(
        "Bảng ánh xạ mã giữa hai bộ chỉ số không còn khớp với bộ chỉ số: sửa bảng ánh xạ trước khi phân tích.",
        problems,
        frameworks,
      );
  }
  const input: AnalysisInput = {
    current: { compiled: current.compiled!, units: current.scores },
    previous: { compiled: previous.compiled!, units: previous.scores },
    mapping: mapping.mapping,
  };
  return {
    ok: true,
    basis: {
      current,
      previous,
      input,
      mapping,
      currentFrameworkId: frameworks.currentId,
      previousFrameworkId: frameworks.previousId,
    },
  };
}

/** The analysis basis of a round by id (null: no such round). */
export async function loadAnalysisBasis(roundId: string): Promise<AnalysisBasisLoad | null> {
  const current = await loadRound(roundId);
  return current ? analysisBasisOf(current) : null;
}

/**
 * Runs an analysis function on a basis and turns an AnalysisInputError (a problem the checks above did
 * not foresee) into the same refusal, so a page shows a message rather than an error.
 */
export function withAnalysis<T>(basis: AnalysisBasis, run: (input: AnalysisInput) => T): T | AnalysisBasisLoad {
  try {
    return run(basis.input);
  } catch (error) {
    if (error instanceof AnalysisInputError)
      return refuse(error.message, error.problems, {
        currentId: basis.currentFrameworkId,
        previousId: basis.previousFrameworkId,
      });
    throw error;
  }
}

/** Restricts the current round's units (e.g. to one block); the previous round keeps all its units. */
export function basisForUnits(basis: AnalysisBasis, keep: (unitId: string) => boolean): AnalysisBasis {
  return {
    ...basis,
    input: {
      ...basis.input,
      current: { ...basis.input.current, units: basis.input.current.units.filter((u) => keep(u.unitId)) },
    },
  };
}
