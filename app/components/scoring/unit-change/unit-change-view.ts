// The "why it moved" panel's data: a unit's change since last year (explainUnitChange) made plain for the
// page, or the one line saying why there is none. Points stay integer hundredths (formatCentiPoints).
import { CHANGE_STATUS_LABEL, MAPPING_SOURCE_LABEL, type MappingSource } from "#app/scoring/analysis-labels.ts";
import type { ChangePart, UnitChange } from "#app/scoring/analysis/types.ts";

export interface ChangePartView {
  key: string;
  /** "3.2" or "3.2 ← 3.1" when the code moved, "← 7" for a part gone. */
  codes: string;
  title: string;
  areaCode: string;
  points: number;
  maxPoints: number;
  previousPoints: number;
  previousMaxPoints: number;
  change: number;
  status: string;
  statusLabel: string;
}

export type UnitChangePanelData =
  | { state: "none"; message: string; mappingLink: string | null }
  | {
      state: "ok";
      previousYear: number | null;
      indexPct: number;
      previousIndexPct: number;
      indexChange: number;
      total: number;
      previousTotal: number;
      maxTotal: number;
      previousMaxTotal: number;
      change: number;
      /** Between two framework versions: which code mapping was used, and its editor (for a manager). */
      mapping: { label: string; link: string | null } | null;
      /** Names of the predecessors summed, when more than one. */
      mergedFrom: string[];
      areas: ChangePartView[];
      drivers: ChangePartView[];
      didWell: ChangePartView[];
      didNot: ChangePartView[];
    };

export function partView(p: ChangePart): ChangePartView {
  const current = p.codes.join(" + ");
  const previous = p.previousCodes.join(" + ");
  const codes = !current ? `← ${previous}` : !previous || previous === current ? current : `${current} ← ${previous}`;
  return {
    key: `${p.codes.join("+")}|${p.previousCodes.join("+")}`,
    codes,
    title: p.title,
    areaCode: p.areaCode,
    points: p.points,
    maxPoints: p.maxPoints,
    previousPoints: p.previousPoints,
    previousMaxPoints: p.previousMaxPoints,
    change: p.change,
    status: p.status,
    statusLabel: CHANGE_STATUS_LABEL[p.status],
  };
}

/**
 * The panel: `outcome` is explainUnitChange's answer (null: no previous result to compare with).
 * `names` gives the previous units' names by organisation id.
 */
export function unitChangePanel(
  outcome: UnitChange | null,
  names: Map<string, string>,
  previousYear: number | null,
  mapping: { source: MappingSource; link: string | null } | null = null,
): UnitChangePanelData {
  if (!outcome)
    return {
      state: "none",
      message: "Đơn vị không có kết quả năm trước nên chưa so sánh được theo từng tiêu chí.",
      mappingLink: null,
    };
  return {
    state: "ok",
    previousYear,
    mapping:
      mapping && mapping.source !== "same-framework"
        ? { label: MAPPING_SOURCE_LABEL[mapping.source], link: mapping.link }
        : null,
    indexPct: outcome.indexPct,
    previousIndexPct: outcome.previousIndexPct,
    indexChange: outcome.indexChange,
    total: outcome.total,
    previousTotal: outcome.previousTotal,
    maxTotal: outcome.maxTotal,
    previousMaxTotal: outcome.previousMaxTotal,
    change: outcome.change,
    mergedFrom: outcome.previousUnitIds.length > 1 ? outcome.previousUnitIds.map((id) => names.get(id) ?? id) : [],
    areas: outcome.areas.map(partView),
    drivers: outcome.drivers.map(partView),
    didWell: outcome.didWell.map(partView),
    didNot: outcome.didNot.map(partView),
  };
}

/** A refused analysis ({ok: false} from the analysis basis): its message; the mapping editor for a manager. */
export function refusedPanel(
  refusal: { ok: boolean; message?: string; frameworks?: { currentId: string; previousId: string } | null },
  canManage: boolean,
): UnitChangePanelData {
  const f = refusal.frameworks;
  return {
    state: "none",
    message: refusal.message ?? "Chưa so sánh được theo từng tiêu chí.",
    mappingLink: f && canManage ? `/scoring/frameworks/${f.currentId}/mapping/${f.previousId}` : null,
  };
}
