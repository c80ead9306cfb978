// Criterion analysis: the public shapes. Plain data (codes, ids, numbers); the Vietnamese labels are the
// callers' except the error messages (MappingProblem).
import type { CompiledFramework } from "#app/scoring/framework.ts";
import type { UnitScores } from "#app/scoring/types.ts";

/**
 * One correspondence between the codes of two framework versions: the current codes on one side, the
 * previous codes on the other, compared as one. One code on each side: the same criterion (renamed or
 * renumbered, 2023 "3.2.1" ↔ 2024 "3.3.1"); one current code and several previous ones: criteria merged;
 * several current codes and one previous: a criterion split. A code in no group has no counterpart.
 */
export interface MappingGroup {
  current: string[];
  previous: string[];
}

/** Every group between two framework versions. A code appears in at most one group on its side. */
export type CodeMapping = MappingGroup[];

/** Why suggestMapping paired two codes. */
export type MatchReason = "same-code-same-title" | "same-code-similar-title" | "same-title" | "similar-title";

export interface SuggestedGroup extends MappingGroup {
  reason: MatchReason;
}

export interface MappingSuggestion {
  /** One current code ↔ one previous code each, in current framework order. */
  groups: SuggestedGroup[];
  /** Codes of the current framework left without a counterpart, in framework order. */
  unmatchedCurrent: string[];
  /** Codes of the previous framework left without a counterpart, in framework order. */
  unmatchedPrevious: string[];
}

/** A problem of the analysis' input, in Vietnamese: a bad mapping, or a round without detailed scores. */
export interface MappingProblem {
  /** The code at fault ("" when the problem is not about one code, e.g. a summary round). */
  code: string;
  side: "current" | "previous";
  /** Vietnamese, naming the code. */
  message: string;
}

/** A round as the analysis reads it: its framework and every unit's detailed scores. */
export interface AnalysisRound {
  compiled: CompiledFramework;
  /** Must all be detailed; a summary unit is an AnalysisInputError. */
  units: UnitScores[];
}

export interface AnalysisInput {
  current: AnalysisRound;
  previous: AnalysisRound;
  /** Default: identity by code where the code exists in both frameworks. Checked with checkMapping. */
  mapping?: CodeMapping;
  /**
   * Current unit id → the previous round's unit ids it is compared with. Default: the unit's
   * predecessorIds when it has any, else its own id.
   */
  predecessors?: Map<string, string[]>;
}

/** A node of one framework, for lists of nodes with no counterpart. */
export interface NodeRef {
  code: string;
  title: string;
  /** 0 area, 1 criterion, 2 sub-criterion … */
  depth: number;
  maxPoints: number;
}

/** One unit's figures on one row of the analysis. */
export interface UnitCriterionFigure {
  unitId: string;
  unitName: string;
  points: number;
  maxPoints: number;
  pct: number;
  previousPoints: number;
  previousMaxPoints: number;
  previousPct: number;
  /** pct - previousPct, percentage points. */
  change: number;
}

/**
 * One row of the criterion analysis: a current node (area, criterion or sub-criterion) with its
 * counterpart in the previous framework (a mapping group; several codes for a split or merge).
 * Averages are of each unit's % over the units where the row applies that year: a unit for which the
 * row is not applicable is left out, never counted as zero.
 */
export interface CriterionRow {
  /** First current code of the group (the row's place in the framework). */
  code: string;
  /** Every current code of the group (one, or several for a split). */
  codes: string[];
  title: string;
  depth: number;
  /** Code of the area the row belongs to. */
  areaCode: string;
  maxPoints: number;
  /**
   * Previous codes compared with; empty: no counterpart (previous figures null). A node in no group whose
   * sub-criteria are all mapped is compared with the sum of their counterparts.
   */
  previousCodes: string[];
  previousTitle: string | null;
  previousMaxPoints: number | null;
  /** Units of this round where the row applies. */
  units: number;
  averagePct: number | null;
  /** Units of the previous round where the counterpart applied. */
  previousUnits: number;
  previousAveragePct: number | null;
  /** averagePct - previousAveragePct, percentage points; null without both. */
  change: number | null;
  /** Units compared: a previous result and the row applicable in both years. The counts below are of these. */
  compared: number;
  /** Full marks both years. */
  keptFull: number;
  /** Higher % than last year. */
  gained: number;
  /** Lower % than last year. */
  lost: number;
  /** Full marks last year, not now (also counted in lost). */
  newlyLost: number;
  /** Same % both years (keptFull included). */
  unchanged: number;
  /** Compared units with the largest drop, biggest first (at most `top`). */
  largestLosses: UnitCriterionFigure[];
}

export interface AnalysisOptions {
  /** Length of the lists (units that lost most per row, strongest, weakest, largest drops). Default 5. */
  top?: number;
  /** Depth of the rows ranked for strongest, weakest and largest drops. Default 1 (criteria). */
  rankDepth?: number;
}

export interface CriterionAnalysis {
  /** Current framework order (pre-order), areas, criteria and sub-criteria. */
  rows: CriterionRow[];
  /** Highest averagePct first, rows at rankDepth. */
  strongest: CriterionRow[];
  /** Lowest averagePct first, rows at rankDepth. */
  weakest: CriterionRow[];
  /** Most negative change first, rows at rankDepth with a change below zero. */
  largestDrops: CriterionRow[];
  /**
   * Nodes with no counterpart: new this year (current: in no group, and not made wholly of mapped
   * sub-criteria) and no longer assessed (previous: in no group, and some leaf under it compared with
   * nothing).
   */
  unmatched: { current: NodeRef[]; previous: NodeRef[] };
  /** Units of this round, and those with a previous result to compare with. */
  units: number;
  comparedUnits: number;
}

/**
 * How a row of a unit's breakdown moved. kept-full / reached-full: done well; newly-lost / still-losing:
 * not done; new / gone: present in one year only; not-applicable: in neither year's total.
 */
export type ChangeStatus =
  "kept-full" | "reached-full" | "newly-lost" | "still-losing" | "new" | "gone" | "not-applicable";

/**
 * One part of a unit's change. All points are in integer hundredths of a point (centipoints), so the
 * parts add up exactly: divide by 100 to show them.
 */
export interface ChangePart {
  /** Current codes ([] for a part present only last year). */
  codes: string[];
  /** Previous codes ([] for a part present only this year). */
  previousCodes: string[];
  /** Current title, else the previous one. */
  title: string;
  depth: number;
  /** Current area code, else the previous one. */
  areaCode: string;
  points: number;
  maxPoints: number;
  previousPoints: number;
  previousMaxPoints: number;
  /** points - previousPoints, hundredths. */
  change: number;
  /** Not applicable (or absent) this year / last year: 0 points and 0 maximum that year. */
  applicable: boolean;
  previousApplicable: boolean;
  status: ChangeStatus;
}

export interface UnitChange {
  unitId: string;
  unitName: string;
  /** The previous units compared with (the unit itself, or its predecessors summed). */
  previousUnitIds: string[];
  /** Totals in hundredths of a point: each applicable leaf's points rounded to hundredths, summed. */
  total: number;
  maxTotal: number;
  previousTotal: number;
  previousMaxTotal: number;
  /** total - previousTotal, hundredths; equal to the sum of `areas` and to the sum of `criteria`. */
  change: number;
  indexPct: number;
  previousIndexPct: number;
  /** Percentage points. */
  indexChange: number;
  /** One part per area (or mapping group of areas, or area present in one year only). */
  areas: ChangePart[];
  /** One part per criterion (depth 1; an area without criteria is its own part). */
  criteria: ChangePart[];
  /** One part per sub-criterion (every leaf of either year; a criterion without sub-criteria is its own leaf). */
  subCriteria: ChangePart[];
  /** The criteria moving the total most in its own direction, largest first (at most `top`). */
  drivers: ChangePart[];
  /** Leaves (sub-criteria) kept at or brought to full marks. */
  didWell: ChangePart[];
  /** Leaves that lost points since last year or are still below full marks, biggest shortfall first. */
  didNot: ChangePart[];
}

export type RemediationStatus = "recovered" | "partly" | "not-recovered" | "not-assessed";

export interface RemediationAction {
  /** The unit the action is for (a unit id of year N+1; its predecessors are followed). */
  unitId: string;
  /** The criterion that lost points, as coded in year N's framework. */
  code: string;
}

export interface RemediationOutcome {
  unitId: string;
  code: string;
  status: RemediationStatus;
  /** With status not-assessed: why. */
  reason: "criterion-gone" | "not-applicable" | "unit-not-assessed" | "unknown-code" | null;
  /** The current codes followed (through the mapping). */
  currentCodes: string[];
  /** Year N, in points (not hundredths). */
  before: { points: number; maxPoints: number; pct: number } | null;
  /** Year N+1; null when not assessed. */
  after: { points: number; maxPoints: number; pct: number } | null;
}

export interface RemediationTally {
  total: number;
  recovered: number;
  partly: number;
  notRecovered: number;
  notAssessed: number;
}
