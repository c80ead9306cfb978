// Scoring domain: index frameworks (bộ chỉ số), scores and results. Plain data,
// no framework or ORM types, so the module runs the same in the app, the CLI
// and the benchmarks.

export const NODE_SOURCES = ["APPRAISAL", "SURVEY"] as const;
/** APPRAISAL: self-assessed then appraised (thẩm định); SURVEY: sociological survey (điều tra xã hội học). */
export type NodeSource = (typeof NODE_SOURCES)[number];

export interface FrameworkNode {
  /** Hierarchical code: "3" area, "3.2" criterion, "3.2.1" sub-criterion. */
  code: string;
  title: string;
  maxPoints: number;
  source: NodeSource;
  children: FrameworkNode[];
}

export interface ClassBand {
  /** "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu" … */
  name: string;
  /** Minimum index in % to reach this class; the lowest band has 0. */
  minPct: number;
  /**
   * Floor on every area: the class also needs each area at this % or more ("Nhóm 1: ≥ 90 % and no area
   * below 80 %"). Absent or null: the total alone decides. Never above minPct.
   */
  minAreaPct?: number | null;
}

export interface Framework {
  name: string;
  /** Year of the assessment the framework applies to. */
  year: number;
  /** Level of the assessed units, as an organisation level code (TINH, SO, HUYEN, XA…). */
  unitLevel: string;
  /** Highest class first. */
  bands: ClassBand[];
  /** Top level: areas (lĩnh vực). */
  areas: FrameworkNode[];
}

/** The bands used when a framework gives none (e.g. the CLI without --framework). */
export const DEFAULT_BANDS: ClassBand[] = [
  { name: "Xuất sắc", minPct: 90 },
  { name: "Tốt", minPct: 80 },
  { name: "Khá", minPct: 70 },
  { name: "Trung bình", minPct: 50 },
  { name: "Yếu", minPct: 0 },
];

/**
 * Where a unit stands in the ranking, beside its scores: its block (departments, wards, communes and
 * special zones are ranked separately), whether it is ranked at all, and the units of the previous
 * round it replaced. All optional: a unit without them is ranked, in the round's one unnamed block,
 * and compared with its own previous result.
 */
export interface UnitPlacement {
  /** Block name as written; blocks are the same when blockKey() of their names is. */
  block?: string | null;
  /** false: assessed and classified but left out of the ranking (no rank place, nobody else moves). */
  ranked?: boolean;
  notRankedReason?: string | null;
  /**
   * Ids of the previous round's units this unit replaced (a merger): the comparison is with them
   * instead of with the unit's own id. Empty or absent: compared by its own id.
   */
  predecessorIds?: string[];
}

/** A unit's detailed scores, aligned with CompiledFramework.nodes. */
export interface DetailedScores extends UnitPlacement {
  unitId: string;
  unitName: string;
  /** Final points per node index (appraised, else self-assessed); NaN = not scored. Only leaves are read. */
  points: Float64Array;
  /** 1 where the node (and its subtree) does not apply to this unit. */
  notApplicable: Uint8Array;
}

/** A unit for which only totals are published. */
export interface SummaryScores extends UnitPlacement {
  unitId: string;
  unitName: string;
  /** The total: appraisal plus survey points, unrounded. */
  points: number;
  maxPoints: number;
  /** Survey part of the total (điều tra xã hội học), when published. */
  surveyPoints?: number | null;
  /** Maximum of the survey part, when published (e.g. 30 of 100, 20 of 60). */
  surveyMaxPoints?: number | null;
  /** The rank as published (a file's rank column), kept for the next year's comparison. */
  publishedRank?: number | null;
}

export type UnitScores = DetailedScores | SummaryScores;

export function isDetailed(u: UnitScores): u is DetailedScores {
  return (u as DetailedScores).points instanceof Float64Array;
}

/** The previous year's result of a unit, matched by unitId (or through a unit's predecessorIds). */
export interface PreviousResult {
  unitId: string;
  /** For display when the unit is a predecessor under another name. */
  unitName?: string;
  /**
   * The rank as published last year (a file's rank column wins over a recomputed rank); null when the
   * unit was not ranked then.
   */
  rank: number | null;
  indexPct: number;
  className: string;
  /** The block it was ranked in; null or absent when last year had no blocks. */
  block?: string | null;
}

/** One source's part of a total: appraisal (thẩm định) or survey (điều tra xã hội học). */
export interface SourcePart {
  source: NodeSource;
  /** Unrounded. */
  points: number;
  maxPoints: number;
}

/** The highest class a unit reached by its total but missed by an area below that class's floor. */
export interface ClassFloorMiss {
  /** The class missed. */
  className: string;
  minAreaPct: number;
  /** The areas below the floor, weakest first. */
  areas: Array<{ code: string; title: string; pct: number }>;
}

/** How a unit's result compares with last year: its own, through a mapping, or not at all (new unit). */
export type PreviousBasis = "same-unit" | "mapped" | "none";

export type ClassChange = "up" | "down" | "same";

export interface UnitResult {
  unitId: string;
  unitName: string;
  points: number;
  maxPoints: number;
  /** Exact value; display with 2 decimals. */
  indexPct: number;
  className: string;
  /** Set when a floor kept the unit out of a higher class (explained by floorExplanation). */
  classFloor: ClassFloorMiss | null;
  /** Rank within the block among ranked units, ties sharing a rank; null when not ranked. */
  rank: number | null;
  /** Block name; null when the round has no blocks. */
  block: string | null;
  ranked: boolean;
  notRankedReason: string | null;
  /** Appraisal and survey parts when known (detailed scores, or a summary with survey points). */
  parts: SourcePart[];
  /**
   * The previous result compared with: the unit's own, or its one predecessor's; with several
   * predecessors their average index (rank null: no rank of theirs is this unit's).
   */
  previous: PreviousResult | null;
  /** The predecessors' own results when the unit replaced units of the previous round. */
  predecessors: PreviousResult[];
  previousBasis: PreviousBasis;
  /**
   * Places gained since the previous round: +3 = three places up. Null when there is no previous rank,
   * when either year the unit was not ranked, or when it was ranked in another block then.
   */
  rankChange: number | null;
  /** Change of the index in percentage points. */
  indexChange: number | null;
  classChange: ClassChange | null;
  surveyPoints: number | null;
}

export interface AreaResult {
  code: string;
  title: string;
  points: number;
  maxPoints: number;
  pct: number | null;
}

export interface AppendixItem {
  code: string;
  title: string;
  /** Codes and titles of the ancestors, area first, for context in the appendix. */
  path: Array<{ code: string; title: string }>;
  maxPoints: number;
  points: number;
  /** maxPoints - points; 0 in Phụ lục 1. */
  pointsLost: number;
}

export interface UnitAppendices {
  /** Phụ lục 1: scored criteria at full marks, to be kept. */
  fullMarks: AppendixItem[];
  /** Phụ lục 2: scored criteria that lost points, biggest loss first. */
  lostPoints: AppendixItem[];
}

export interface RoundStatistics {
  units: number;
  /** Units taking a rank place; the averages are over these. */
  ranked: number;
  averagePoints: number;
  averageIndexPct: number;
  /** Average of each source's part over ranked units that have it, in NODE_SOURCES order. */
  averageParts: Array<{ source: NodeSource; averagePoints: number; averageMaxPoints: number; units: number }>;
  /** In band order, including classes with no unit. */
  classCounts: Array<{ className: string; count: number }>;
  /** Largest index gain first (only units with a previous result). */
  gainers: UnitResult[];
  /** Largest index loss first. */
  losers: UnitResult[];
}

/** One block's ranking and figures. The round's ranking is the blocks' rankings one after another. */
export interface BlockResult {
  /** null: the round has no blocks (one ranking of every unit). */
  name: string | null;
  /** Ranked units by rank, then the units not ranked. */
  results: UnitResult[];
  statistics: RoundStatistics;
}
