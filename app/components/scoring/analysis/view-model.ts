import {
  explainUnitChange,
  type AnalysisInput,
  type CriterionAnalysis,
  type CriterionRow,
} from "#app/scoring/analysis/index.ts";
import { areaResults, detailedTotals } from "#app/scoring/compute.ts";
import { isDetailed, type DetailedScores } from "#app/scoring/types.ts";
import {
  CRITERIA_PAGE_SIZE,
  HEAT_MAP_PAGE_SIZE,
  LEVEL_DEPTH,
  pageOf,
  type AnalysisFilters,
} from "#app/components/scoring/analysis/filters.ts";

// What the analysis page shows, from the criterion analysis: plain data, only the rows and units of the
// pages asked for, so a round of 3,300 units × 100 criteria still makes a page of a few hundred rows.
// Unit ids are organisation ids; `unitLink` gives each one's round unit (for a link to its page).

/** Units named per row of the criteria table (those that lost most). */
const LOSSES_SHOWN = 3;

export interface CriterionRowView {
  code: string;
  /** The row's current codes joined ("3.2.1 + 3.2.2" for a split). */
  codes: string;
  title: string;
  depth: number;
  areaCode: string;
  maxPoints: number;
  /** Previous codes when they differ from the current ones; "" when the same; null: no counterpart. */
  previousCodes: string | null;
  averagePct: number | null;
  previousAveragePct: number | null;
  change: number | null;
  compared: number;
  keptFull: number;
  gained: number;
  lost: number;
  newlyLost: number;
  losses: Array<{ name: string; roundUnitId: string | null; change: number }>;
}

export function rowView(r: CriterionRow, unitLink: ReadonlyMap<string, string>): CriterionRowView {
  const codes = r.codes.join(" + ");
  const previous = r.previousCodes.join(" + ");
  return {
    code: r.code,
    codes,
    title: r.title,
    depth: r.depth,
    areaCode: r.areaCode,
    maxPoints: r.maxPoints,
    previousCodes: r.previousCodes.length ? (previous === codes ? "" : previous) : null,
    averagePct: r.averagePct,
    previousAveragePct: r.previousAveragePct,
    change: r.change,
    compared: r.compared,
    keptFull: r.keptFull,
    gained: r.gained,
    lost: r.lost,
    newlyLost: r.newlyLost,
    losses: r.largestLosses.slice(0, LOSSES_SHOWN).map((u) => ({
      name: u.unitName,
      roundUnitId: unitLink.get(u.unitId) ?? null,
      change: u.change,
    })),
  };
}

/** The criteria table: the rows kept by the filters, one page of them. */
export function criteriaTable(
  analysis: CriterionAnalysis,
  filters: AnalysisFilters,
  matchesText: (row: CriterionRow) => boolean,
  unitLink: ReadonlyMap<string, string>,
) {
  const depth = filters.cap ? LEVEL_DEPTH[filters.cap] : null;
  const kept = analysis.rows.filter(
    (r) =>
      (depth === null || (depth === 2 ? r.depth >= 2 : r.depth === depth)) &&
      (!filters.linhvuc || r.areaCode === filters.linhvuc) &&
      (filters.loc !== "giam" || (r.change !== null && r.change < 0)) &&
      (filters.loc !== "moi-mat" || r.newlyLost > 0) &&
      (!filters.q || matchesText(r)),
  );
  const { items, page, pages } = pageOf(kept, filters.trang, CRITERIA_PAGE_SIZE);
  return { rows: items.map((r) => rowView(r, unitLink)), total: kept.length, page, pages };
}

export interface HeatCell {
  /** This year's % of the area; null: not applicable to the unit. */
  pct: number | null;
  /** Change of that % against last year, percentage points; null: nothing to compare with. */
  change: number | null;
}

export interface HeatMapUnit {
  name: string;
  roundUnitId: string | null;
  indexPct: number;
  cells: HeatCell[];
}

const VI = new Intl.Collator("vi");

/**
 * The unit × area heat map: one page of the current units (by this year's index, else by name), each
 * area's % this year and its change (through the mapping and the unit's predecessors, as the unit's
 * breakdown compares them).
 */
export function heatMap(input: AnalysisInput, filters: AnalysisFilters, unitLink: ReadonlyMap<string, string>) {
  const compiled = input.current.compiled;
  const areas = compiled.areaIndices.map((a) => ({ code: compiled.nodes[a]!.code, title: compiled.nodes[a]!.title }));
  const units = input.current.units.filter(isDetailed).map((u) => {
    const t = detailedTotals(compiled, u);
    return { unit: u, indexPct: t.maxPoints > 0 ? (t.points / t.maxPoints) * 100 : 0 };
  });
  units.sort((a, b) =>
    filters.xep === "ten"
      ? VI.compare(a.unit.unitName, b.unit.unitName)
      : b.indexPct - a.indexPct || VI.compare(a.unit.unitName, b.unit.unitName),
  );
  const { items, page, pages } = pageOf(units, filters.trang_dv, HEAT_MAP_PAGE_SIZE);
  return {
    areas,
    units: items.map(({ unit, indexPct }) => heatRow(input, unit, indexPct, unitLink)),
    total: units.length,
    page,
    pages,
  };
}

function heatRow(
  input: AnalysisInput,
  unit: DetailedScores,
  indexPct: number,
  unitLink: ReadonlyMap<string, string>,
): HeatMapUnit {
  const change = explainUnitChange(input, unit.unitId);
  const pct = (points: number, max: number) => (max > 0 ? (points / max) * 100 : null);
  const cells = areaResults(input.current.compiled, unit).map((area): HeatCell => {
    const part = change?.areas.find((p) => p.codes.includes(area.code));
    const now = part ? pct(part.points, part.maxPoints) : null;
    const before = part && part.previousApplicable ? pct(part.previousPoints, part.previousMaxPoints) : null;
    return { pct: area.pct, change: now !== null && before !== null ? now - before : null };
  });
  return { name: unit.unitName, roundUnitId: unitLink.get(unit.unitId) ?? null, indexPct, cells };
}

/** A criterion named in the KPI cards and the chart. */
export interface CriterionBrief {
  code: string;
  title: string;
  averagePct: number | null;
  change: number | null;
}

export const briefOf = (row: CriterionRow): CriterionBrief => ({
  code: row.code,
  title: row.title,
  averagePct: row.averagePct,
  change: row.change,
});

export interface RoundHead {
  id: string;
  title: string;
  year: number;
  previousRound: { id: string; title: string; year: number } | null;
}

/** Why there is no analysis, and where the mapping can be fixed. */
export interface RefusalView {
  message: string;
  problems: string[];
  mappingUrl: string | null;
}

/** Everything the analysis page shows once the analysis could be made. */
export interface AnalysisPageView {
  filters: AnalysisFilters;
  /** Block names to filter by (empty: the round has no blocks). */
  blocks: string[];
  previous: { id: string; title: string; year: number };
  /** Units of this round (in the block shown), and those compared with a previous result. */
  units: number;
  comparedUnits: number;
  mapping: { label: string; source: string; url: string | null };
  strongest: CriterionBrief[];
  weakest: CriterionBrief[];
  drops: CriterionBrief[];
  areas: Array<{ code: string; title: string }>;
  table: ReturnType<typeof criteriaTable>;
  heat: ReturnType<typeof heatMap>;
  unmatched: CriterionAnalysis["unmatched"];
  remediation: {
    text: string;
    plans: Array<{ planId: string; title: string; unitName: string; text: string }>;
  } | null;
}
