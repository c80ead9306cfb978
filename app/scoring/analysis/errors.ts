import type { MappingProblem } from "#app/scoring/analysis/types.ts";

/**
 * Input the analysis refuses, with every problem in Vietnamese (a summary round, a bad mapping). Thrown
 * before any figure is computed: there is no half-made analysis.
 */
export class AnalysisInputError extends Error {
  readonly problems: MappingProblem[];
  constructor(problems: MappingProblem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "AnalysisInputError";
    this.problems = problems;
  }
}
