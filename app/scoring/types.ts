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

/** A unit's detailed scores, aligned with CompiledFramework.nodes. */
export interface DetailedScores {
  unitId: string;
  unitName: string;
  /** Final points per node index (appraised, else self-assessed); NaN = not scored. Only leaves are read. */
  points: Float64Array;
  /** 1 where the node (and its subtree) does not apply to this unit. */
  notApplicable: Uint8Array;
}

/** A unit for which only totals are published. */
export interface SummaryScores {
  unitId: string;
  unitName: string;
  points: number;
  maxPoints: number;
  surveyPoints?: number | null;
}

export type UnitScores = DetailedScores | SummaryScores;

export function isDetailed(u: UnitScores): u is DetailedScores {
  return (u as DetailedScores).points instanceof Float64Array;
}

/** The previous year's result of a unit, matched by unitId. */
export interface PreviousResult {
  unitId: string;
  rank: number;
  indexPct: number;
  className: string;
}

export type ClassChange = "up" | "down" | "same";

export interface UnitResult {
  unitId: string;
  unitName: string;
  points: number;
  maxPoints: number;
  /** Exact value; display with 2 decimals. */
  indexPct: number;
  className: string;
  rank: number;
  previous: PreviousResult | null;
  /** Places gained since the previous round: +3 = three places up. */
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
  averagePoints: number;
  averageIndexPct: number;
  /** In band order, including classes with no unit. */
  classCounts: Array<{ className: string; count: number }>;
  /** Largest index gain first (only units with a previous result). */
  gainers: UnitResult[];
  /** Largest index loss first. */
  losers: UnitResult[];
}
