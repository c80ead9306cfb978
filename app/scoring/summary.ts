import { areaResults, rankUnits, roundStatistics, unitAppendices } from "#app/scoring/compute.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { rankSipas, type SipasRow, type SipasScores } from "#app/scoring/sipas.ts";
import {
  isDetailed,
  type AreaResult,
  type ClassBand,
  type PreviousResult,
  type RoundStatistics,
  type UnitAppendices,
  type UnitResult,
  type UnitScores,
} from "#app/scoring/types.ts";

export interface RoundInput {
  bands: ClassBand[];
  compiled?: CompiledFramework;
  units: UnitScores[];
  previous?: PreviousResult[];
  sipas?: Array<{ unitId: string; unitName: string; sipas: SipasScores }>;
}

export interface AreaAverage {
  code: string;
  title: string;
  maxPoints: number;
  averagePoints: number;
  averagePct: number | null;
}

/** Everything the presentation packet needs about one round, computed once. */
export interface RoundSummary {
  bands: ClassBand[];
  ranking: UnitResult[];
  statistics: RoundStatistics;
  /** Per unit (detailed rounds only). */
  areas: Map<string, AreaResult[]>;
  appendices: Map<string, UnitAppendices>;
  /** Average of each area over the units (detailed rounds only). */
  areaAverages: AreaAverage[];
  sipas: SipasRow[];
}

export function summarizeRound(input: RoundInput): RoundSummary {
  const ranking = rankUnits(input.units, { bands: input.bands, compiled: input.compiled, previous: input.previous });
  const areas = new Map<string, AreaResult[]>();
  const appendices = new Map<string, UnitAppendices>();
  if (input.compiled) {
    for (const u of input.units) {
      if (!isDetailed(u)) continue;
      areas.set(u.unitId, areaResults(input.compiled, u));
      appendices.set(u.unitId, unitAppendices(input.compiled, u));
    }
  }
  const areaAverages: AreaAverage[] = [];
  if (input.compiled && areas.size) {
    const all = [...areas.values()];
    input.compiled.areaIndices.forEach((nodeIndex, i) => {
      const node = input.compiled!.nodes[nodeIndex]!;
      const withMax = all.map((a) => a[i]!).filter((a) => a.maxPoints > 0);
      const averagePoints = withMax.reduce((s, a) => s + a.points, 0) / (withMax.length || 1);
      const pcts = withMax.map((a) => a.pct!);
      areaAverages.push({
        code: node.code,
        title: node.title,
        maxPoints: node.maxPoints,
        averagePoints,
        averagePct: pcts.length ? pcts.reduce((s, p) => s + p, 0) / pcts.length : null,
      });
    });
  }
  return {
    bands: input.bands,
    ranking,
    statistics: roundStatistics(ranking, input.bands),
    areas,
    appendices,
    areaAverages,
    sipas: rankSipas(input.sipas ?? []),
  };
}
