import { areaResults, rankBlocks, roundStatistics, unitAppendices } from "#app/scoring/compute.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { rankSipas, type SipasInput, type SipasRow } from "#app/scoring/sipas.ts";
import {
  isDetailed,
  type AreaResult,
  type BlockResult,
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
  /** Block names in display order (the round's blocks). */
  blockOrder?: string[];
  /** Block and ranked flag are taken from the unit's scores when the SIPAS row does not carry them. */
  sipas?: SipasInput[];
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
  /** Every unit, block after block (see rankUnits). */
  ranking: UnitResult[];
  /** The blocks; one block named null when the round has none. */
  blocks: BlockResult[];
  /** Over the whole round (averages over ranked units of every block). */
  statistics: RoundStatistics;
  /** Per unit (detailed rounds only). */
  areas: Map<string, AreaResult[]>;
  appendices: Map<string, UnitAppendices>;
  /** Average of each area over the units (detailed rounds only). */
  areaAverages: AreaAverage[];
  sipas: SipasRow[];
}

export function summarizeRound(input: RoundInput): RoundSummary {
  const blocks = rankBlocks(input.units, {
    bands: input.bands,
    compiled: input.compiled,
    previous: input.previous,
    blockOrder: input.blockOrder,
  });
  const ranking = blocks.flatMap((b) => b.results);
  const placement = new Map(input.units.map((u) => [u.unitId, u]));
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
    blocks,
    statistics: roundStatistics(ranking, input.bands),
    areas,
    appendices,
    areaAverages,
    sipas: rankSipas(
      (input.sipas ?? []).map((s) => ({
        ...s,
        block: s.block !== undefined ? s.block : (placement.get(s.unitId)?.block ?? null),
        ranked: s.ranked ?? placement.get(s.unitId)?.ranked ?? true,
      })),
      blocks.flatMap((b) => (b.name === null ? [] : [b.name])),
    ),
  };
}
