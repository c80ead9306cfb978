// The presentation packet (issue 5, §5): one PDF and one xlsx built from a
// conference, a scoring round's summary (app/scoring/summary.ts) and the
// conference's programme, award list and speeches. Plain data, no Remix or
// Prisma types: the route maps its records onto this shape.
import type { RoundSummary } from "#app/scoring/summary.ts";
import type { AnalysisInput, RemediationOutcome, RemediationTally } from "#app/scoring/analysis/types.ts";
import type { MappingSource } from "#app/scoring/analysis-labels.ts";

export interface PacketConference {
  /** "Hội nghị công bố Chỉ số CCHC năm 2023 …". */
  title: string;
  /** "UBND tỉnh Quảng Nam". */
  organizerName: string;
  /** "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" (printed uppercase on the cover). */
  issuingBody: string;
  /** "Quảng Nam, ngày 04 tháng 01 năm 2024" as the plan prints it (blanks kept). */
  placeAndDate: string;
  /** Start of the conference; null while the time is "to be announced". */
  startsAt: Date | null;
}

export interface PacketRound {
  /** "Chỉ số CCHC năm 2023 của UBND các huyện". */
  title: string;
  year: number;
  frameworkName: string | null;
  /** Title of the previous round the changes are measured against; null when there is none. */
  previousTitle: string | null;
}

export interface PacketProgrammeItem {
  /** "08 giờ 00 - 08 giờ 15" (already formatted by the caller). */
  time: string;
  title: string;
  presenter: string;
}

export interface PacketAward {
  recipient: string;
  organization: string;
  /** "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen …". */
  form: string;
  achievement: string;
}

export interface PacketSpeech {
  order: number;
  title: string;
  speaker: string;
  organization: string;
}

export interface PacketInput {
  conference: PacketConference;
  round: PacketRound;
  summary: RoundSummary;
  /** May be empty until the agenda exists: the section is then left out. */
  programme: PacketProgrammeItem[];
  /** May be empty: the section is then left out. */
  awards: PacketAward[];
  /** May be empty: the section is then left out. */
  speeches: PacketSpeech[];
  /**
   * How many units (in ranking order) get their own appendix highlights in the
   * PDF; default: every unit, at most 50. The xlsx always holds every unit.
   */
  appendixUnits?: number;
  /**
   * The criterion analysis against the previous round (issue 16): absent or null when the round has no
   * previous round (the sections are then left out); `refused` when it cannot be made (one line says why).
   */
  analysis?: PacketAnalysis | null;
}

/** The criterion analysis' basis, or why there is none. */
export type PacketAnalysis = { state: "refused"; message: string } | PacketCriteria;

export interface PacketCriteria {
  state: "ok";
  year: number;
  previousYear: number;
  previousTitle: string;
  /** Which mapping between the two frameworks the comparison follows. */
  mappingSource: MappingSource;
  /** What analyseCriteria reads: both rounds' detailed scores and the mapping. */
  input: AnalysisInput;
  /** The remediation plans made after the previous round, followed into this one; null: none. */
  remediation: PacketRemediation | null;
}

export interface PacketRemediationAction {
  planId: string;
  unitName: string;
  code: string;
  title: string;
  pointsLost: number;
  outcome: RemediationOutcome;
}

export interface PacketRemediationPlan {
  planId: string;
  title: string;
  unitName: string;
  tally: RemediationTally;
}

export interface PacketRemediation {
  actions: PacketRemediationAction[];
  plans: PacketRemediationPlan[];
  tally: RemediationTally;
}

/** Called while the PDF is built: `done` of `total` steps, in the stage named (Vietnamese). */
export type PacketProgress = (done: number, total: number, stage: string) => void;
