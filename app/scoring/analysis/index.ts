// Criterion analysis (issue 16): a detailed round against the previous one, criterion by criterion; why one
// unit moved; the code mapping between framework versions; the remediation loop. Pure: plain data in and
// out, no Remix or Prisma, Vietnamese only in error messages.
export * from "#app/scoring/analysis/types.ts";
export { AnalysisInputError } from "#app/scoring/analysis/errors.ts";
export {
  checkMapping,
  identityMapping,
  SIMILAR_TITLE,
  suggestMapping,
  titleKey,
  titleSimilarity,
} from "#app/scoring/analysis/mapping.ts";
export { analyseCriteria } from "#app/scoring/analysis/criteria.ts";
export { explainUnitChange, type UnitChangeOptions } from "#app/scoring/analysis/unit-change.ts";
export { remediationOutcome, remediationOutcomes, tallyRemediation } from "#app/scoring/analysis/remediation.ts";
