import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import {
  asPreviousResults,
  compileFramework,
  DEFAULT_BANDS,
  emptyScores,
  rankUnits,
  summarizeRound,
  type CompiledFramework,
  type DetailedScores,
  type PreviousResult,
  type RoundSummary,
  type SipasScores,
  type UnitScores,
} from "#app/scoring/index.ts";
import { notFound } from "#app/auth/guard.server.ts";
import { loadFramework, type StoredFramework } from "#app/scoring/frameworks.server.ts";

export function listRounds(user: CurrentUser) {
  return prisma.assessmentRound.findMany({
    where: {
      OR: [
        { organizationId: { in: user.visibleOrganizationIds } },
        { status: "PUBLISHED", units: { some: { organizationId: { in: user.visibleOrganizationIds } } } },
      ],
    },
    orderBy: [{ year: "desc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      year: true,
      status: true,
      shape: true,
      organization: { select: { name: true } },
      framework: { select: { name: true } },
      _count: { select: { units: true } },
    },
  });
}

const roundSelect = {
  id: true,
  title: true,
  year: true,
  status: true,
  shape: true,
  organizationId: true,
  frameworkId: true,
  previousRoundId: true,
  organization: { select: { name: true } },
  previousRound: { select: { id: true, title: true, year: true } },
  blocks: { select: { id: true, name: true, position: true }, orderBy: { position: "asc" } },
  units: {
    select: {
      id: true,
      organizationId: true,
      organization: { select: { name: true } },
      blockId: true,
      ranked: true,
      notRankedReason: true,
      publishedRank: true,
      predecessors: {
        select: {
          previousRoundUnit: { select: { id: true, organizationId: true, organization: { select: { name: true } } } },
        },
      },
      summaryPoints: true,
      summaryMaxPoints: true,
      surveyPoints: true,
      surveyMaxPoints: true,
      sipasAccess: true,
      sipasProcedures: true,
      sipasCivilServants: true,
      sipasResults: true,
      sipasFeedback: true,
    },
    orderBy: { organization: { name: "asc" } },
  },
} as const;

export interface LoadedRound {
  round: {
    id: string;
    title: string;
    year: number;
    status: "DRAFT" | "PUBLISHED";
    shape: "DETAILED" | "SUMMARY";
    organizationId: string;
    organizationName: string;
    frameworkId: string | null;
    previousRound: { id: string; title: string; year: number } | null;
  };
  /** The round's ranking blocks in order; empty when every unit is ranked together. */
  blocks: Array<{ id: string; name: string; position: number }>;
  units: Array<{
    roundUnitId: string;
    organizationId: string;
    name: string;
    blockId: string | null;
    block: string | null;
    ranked: boolean;
    notRankedReason: string | null;
    /** The rank as published, when a file carried one (used when the next round compares). */
    publishedRank: number | null;
    /** Round-unit ids of the previous round's units this one replaced (a merger). */
    predecessorRoundUnitIds: string[];
  }>;
  stored: StoredFramework | null;
  compiled: CompiledFramework | null;
  scores: UnitScores[];
  /** Self-assessed points per unit (detailed rounds), aligned like the final points. */
  selfPoints: Map<string, Float64Array>;
  sipas: Array<{ unitId: string; unitName: string; sipas: SipasScores }>;
}

const VI = new Intl.Collator("vi");

/** A round with its framework and every unit's scores, as the scoring module takes them (unitId = organisation id). */
export async function loadRound(roundId: string): Promise<LoadedRound | null> {
  const r = await prisma.assessmentRound.findUnique({ where: { id: roundId }, select: roundSelect });
  if (!r) return null;
  const stored = r.frameworkId ? await loadFramework(r.frameworkId) : null;
  const compiled = stored ? compileFramework(stored.framework) : null;
  const blockName = new Map(r.blocks.map((b) => [b.id, b.name]));
  // Predecessors by name, so that "từ A, B" reads the same whatever order the database returns them in.
  const predecessorsOf = (u: (typeof r.units)[number]) =>
    u.predecessors.map((p) => p.previousRoundUnit).sort((a, b) => VI.compare(a.organization.name, b.organization.name));
  const units = r.units.map((u) => ({
    roundUnitId: u.id,
    organizationId: u.organizationId,
    name: u.organization.name,
    blockId: u.blockId,
    block: u.blockId ? (blockName.get(u.blockId) ?? null) : null,
    ranked: u.ranked,
    notRankedReason: u.notRankedReason,
    publishedRank: u.publishedRank,
    predecessorRoundUnitIds: predecessorsOf(u).map((p) => p.id),
  }));
  // What rankUnits needs beside the scores: block, ranked flag, and the predecessors (by organisation,
  // the id the previous round's results carry).
  const placement = new Map(
    r.units.map((u) => [
      u.organizationId,
      {
        block: u.blockId ? (blockName.get(u.blockId) ?? null) : null,
        ranked: u.ranked,
        notRankedReason: u.notRankedReason,
        predecessorIds: predecessorsOf(u).map((p) => p.organizationId),
      },
    ]),
  );
  const selfPoints = new Map<string, Float64Array>();
  let scores: UnitScores[];
  if (r.shape === "DETAILED" && compiled && stored) {
    const indexByNodeId = new Map<string, number>();
    for (const [code, id] of stored.nodeIds) indexByNodeId.set(id, compiled.indexByCode.get(code)!);
    const byUnit = new Map<string, DetailedScores>();
    for (const u of units) {
      byUnit.set(u.roundUnitId, {
        ...emptyScores(compiled, u.organizationId, u.name),
        ...placement.get(u.organizationId),
      });
      selfPoints.set(u.organizationId, new Float64Array(compiled.nodes.length).fill(Number.NaN));
    }
    const rows = await prisma.nodeScore.findMany({
      where: { roundUnit: { roundId } },
      select: { roundUnitId: true, nodeId: true, selfPoints: true, finalPoints: true, notApplicable: true },
    });
    for (const row of rows) {
      const s = byUnit.get(row.roundUnitId);
      const i = indexByNodeId.get(row.nodeId);
      if (!s || i === undefined) continue;
      const final = row.finalPoints ?? row.selfPoints;
      if (final !== null) s.points[i] = final;
      if (row.selfPoints !== null) selfPoints.get(s.unitId)![i] = row.selfPoints;
      if (row.notApplicable) s.notApplicable[i] = 1;
    }
    // A unit with no score row at all has not been assessed yet: it is left out of the ranking, not ranked at 0.
    const scored = new Set(rows.map((r) => r.roundUnitId));
    scores = [...byUnit.entries()].filter(([roundUnitId]) => scored.has(roundUnitId)).map(([, s]) => s);
  } else {
    scores = r.units
      .filter((u) => u.summaryPoints !== null && u.summaryMaxPoints !== null)
      .map((u) => ({
        unitId: u.organizationId,
        unitName: u.organization.name,
        points: u.summaryPoints!,
        maxPoints: u.summaryMaxPoints!,
        surveyPoints: u.surveyPoints,
        surveyMaxPoints: u.surveyMaxPoints,
        ...placement.get(u.organizationId),
      }));
  }
  const sipas = r.units
    .filter((u) =>
      [u.sipasAccess, u.sipasProcedures, u.sipasCivilServants, u.sipasResults, u.sipasFeedback].every(
        (v) => v !== null,
      ),
    )
    .map((u) => ({
      unitId: u.organizationId,
      unitName: u.organization.name,
      sipas: {
        access: u.sipasAccess!,
        procedures: u.sipasProcedures!,
        civilServants: u.sipasCivilServants!,
        results: u.sipasResults!,
        feedback: u.sipasFeedback!,
      },
    }));
  return {
    round: {
      id: r.id,
      title: r.title,
      year: r.year,
      status: r.status,
      shape: r.shape,
      organizationId: r.organizationId,
      organizationName: r.organization.name,
      frameworkId: r.frameworkId,
      previousRound: r.previousRound,
    },
    blocks: r.blocks,
    units,
    stored,
    compiled,
    scores,
    selfPoints,
    sipas,
  };
}

export function bandsOf(loaded: LoadedRound) {
  return loaded.stored?.framework.bands.length ? loaded.stored.framework.bands : DEFAULT_BANDS;
}

/**
 * The previous round's results keyed by organisation, with each unit's rank as published: the rank its
 * file carried when there was one, else the rank recomputed within its block.
 */
async function previousResults(
  previousRoundId: string | null,
): Promise<{ loaded: LoadedRound | null; results: PreviousResult[] }> {
  if (!previousRoundId) return { loaded: null, results: [] };
  const prev = await loadRound(previousRoundId);
  if (!prev) return { loaded: null, results: [] };
  const ranked = rankUnits(prev.scores, {
    bands: bandsOf(prev),
    compiled: prev.compiled ?? undefined,
    blockOrder: prev.blocks.map((b) => b.name),
  });
  return {
    loaded: prev,
    results: asPreviousResults(ranked, new Map(prev.units.map((u) => [u.organizationId, u.publishedRank]))),
  };
}

/**
 * The round a user may see, with its summary (ranking, statistics, areas,
 * appendices, SIPAS): the one function the presentation packet also uses.
 */
/** A round and its ranking, by id: the access guard (app/auth/guard.server.ts) has already let the user in. */
export async function roundSummaryFor(
  roundId: string,
): Promise<{ loaded: LoadedRound; summary: RoundSummary; previousLoaded: LoadedRound | null }> {
  const loaded = await loadRound(roundId);
  if (!loaded) notFound("Không tìm thấy đợt đánh giá này.");
  const previous = await previousResults(loaded.round.previousRound?.id ?? null);
  const summary = summarizeRound({
    bands: bandsOf(loaded),
    compiled: loaded.compiled ?? undefined,
    units: loaded.scores,
    previous: previous.results,
    blockOrder: loaded.blocks.map((b) => b.name),
    sipas: loaded.sipas,
  });
  // The previous round as loaded, so a caller that also analyses criteria need not read it again.
  return { loaded, summary, previousLoaded: previous.loaded };
}
