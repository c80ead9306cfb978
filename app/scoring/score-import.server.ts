import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { parseDetailedScores } from "#app/scoring/import-detailed.ts";
import { parseSummaryScores } from "#app/scoring/import-summary.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import type { ImportError } from "#app/lib/table/table.ts";
import type { LoadedRound } from "#app/scoring/rounds.server.ts";
import { detailedScoreFields, publishedNote, summaryScoreFields } from "#app/scoring/score-audit.server.ts";
import { ensureBlocks, placementFields } from "#app/scoring/placement.server.ts";
import { blockKey } from "#app/scoring/blocks.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { ImportUnit } from "#app/scoring/unit-match.ts";

type Tx = Prisma.TransactionClient;

/**
 * The optional columns of a score file as the parsers return them (see the import contract): a field
 * left undefined (its column absent from the file) leaves the stored value untouched; null, true or []
 * (the column present, the cell blank) clears it.
 */
interface ParsedPlacement {
  unitId: string;
  block?: string | null;
  ranked?: boolean;
  notRankedReason?: string | null;
  publishedRank?: number | null;
  surveyMaxPoints?: number | null;
  /** Round-unit ids of the previous round (the ids of `previousUnits`). */
  predecessorIds?: string[];
}

export type ImportOutcome = { ok: true; units: number; rows: number } | { ok: false; errors: ImportError[] };

/** Names a file may use for a round's unit: its name, its place name, its code. */
export async function unitNames(loaded: LoadedRound) {
  const orgs = await prisma.organization.findMany({
    where: { id: { in: loaded.units.map((u) => u.organizationId) } },
    select: { id: true, name: true, placeName: true, code: true, documentName: true },
  });
  return orgs.map((o) => ({ id: o.id, names: namesOf(o) }));
}

/** Every name a file may use for an organisation: its name, place name, document name and code. */
function namesOf(o: { name: string; placeName: string; documentName: string; code: string | null }): string[] {
  return [o.name, o.placeName, o.documentName, ...(o.code ? [o.code] : [])];
}

/** The previous round's units, named as unitNames names them, with their round-unit id as id (predecessors). */
export async function previousUnitNames(loaded: LoadedRound): Promise<ImportUnit[]> {
  if (!loaded.round.previousRound) return [];
  const units = await prisma.roundUnit.findMany({
    where: { roundId: loaded.round.previousRound.id },
    select: {
      id: true,
      organization: { select: { name: true, placeName: true, code: true, documentName: true } },
    },
  });
  return units.map(({ id, organization }) => ({ id, names: namesOf(organization) }));
}

/** Writes the placement columns a file carried (block, ranked, reason, published rank, predecessors). */
async function applyPlacement(
  tx: Tx,
  roundId: string,
  roundUnitId: Map<string, string>,
  parsed: ParsedPlacement[],
): Promise<void> {
  const names = parsed.flatMap((p) => (p.block?.trim() ? [p.block] : []));
  const blockIds = names.length ? await ensureBlocks(tx, roundId, names) : new Map<string, string>();
  for (const p of parsed) {
    const id = roundUnitId.get(p.unitId)!;
    const data: Prisma.RoundUnitUncheckedUpdateInput = {};
    if (p.block !== undefined) data.blockId = p.block?.trim() ? blockIds.get(blockKey(p.block))! : null;
    if (p.ranked !== undefined) data.ranked = p.ranked;
    if (p.notRankedReason !== undefined) data.notRankedReason = p.notRankedReason?.trim() || null;
    if (p.ranked === true) data.notRankedReason = null;
    if (p.publishedRank !== undefined) data.publishedRank = p.publishedRank;
    if (p.surveyMaxPoints !== undefined) data.surveyMaxPoints = p.surveyMaxPoints;
    if (Object.keys(data).length) await tx.roundUnit.update({ where: { id }, data });
    if (p.predecessorIds !== undefined) {
      await tx.roundUnitPredecessor.deleteMany({ where: { roundUnitId: id } });
      const ids = [...new Set(p.predecessorIds)];
      if (ids.length)
        await tx.roundUnitPredecessor.createMany({
          data: ids.map((previousRoundUnitId) => ({ roundUnitId: id, previousRoundUnitId })),
        });
    }
  }
}

/** Score fields and placement fields of the units, merged per unit, for the import's audit rows. */
async function withPlacement(
  tx: Tx,
  scores: Map<string, Record<string, unknown>>,
  roundUnitIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const placement = await placementFields(tx, roundUnitIds);
  return new Map(roundUnitIds.map((id) => [id, { ...scores.get(id), ...placement.get(id) }]));
}

/**
 * Reads a score file into the round: all rows valid or nothing written. The
 * units present in the file have their scores replaced; others are untouched.
 */
export async function importScores(
  actor: AuditActor,
  loaded: LoadedRound,
  file: { name: string; data: Uint8Array },
): Promise<ImportOutcome> {
  let table;
  try {
    table = await readTable({ fileName: file.name, data: file.data });
  } catch (error) {
    return {
      ok: false,
      errors: [{ row: 0, column: "", message: error instanceof Error ? error.message : "Không đọc được tệp" }],
    };
  }
  const units = await unitNames(loaded);
  const opts = { units, previousUnits: await previousUnitNames(loaded) };
  const roundUnitId = new Map(loaded.units.map((u) => [u.organizationId, u.roundUnitId]));

  if (loaded.round.shape === "SUMMARY" || !loaded.compiled || !loaded.stored) {
    const parsed = parseSummaryScores(table, opts);
    if (!parsed.ok) return parsed;
    const touched = parsed.scores.map((s) => roundUnitId.get(s.unitId)!);
    await prisma.$transaction(async (tx) => {
      const before = await withPlacement(tx, await summaryScoreFields(tx, touched), touched);
      for (const s of parsed.scores) {
        await tx.roundUnit.update({
          where: { id: roundUnitId.get(s.unitId)! },
          data: { summaryPoints: s.points, summaryMaxPoints: s.maxPoints, surveyPoints: s.surveyPoints ?? null },
        });
      }
      await applyPlacement(tx, loaded.round.id, roundUnitId, parsed.scores);
      const after = await withPlacement(tx, await summaryScoreFields(tx, touched), touched);
      await recordImport(tx, actor, loaded, file.name, before, after);
    });
    return { ok: true, units: parsed.scores.length, rows: table.rows.length };
  }

  const compiled = loaded.compiled;
  const nodeIds = loaded.stored.nodeIds;
  const parsed = parseDetailedScores(table, compiled, opts);
  if (!parsed.ok) return parsed;
  const rows = parsed.scores.flatMap((s) => {
    const self = parsed.self.get(s.unitId);
    const out = [];
    for (let i = 0; i < compiled.nodes.length; i++) {
      const final = s.points[i]!;
      const own = self?.[i] ?? Number.NaN;
      const na = s.notApplicable[i] === 1;
      if (final !== final && own !== own && !na) continue;
      out.push({
        roundUnitId: roundUnitId.get(s.unitId)!,
        nodeId: nodeIds.get(compiled.nodes[i]!.code)!,
        finalPoints: final === final ? final : null,
        selfPoints: own === own ? own : null,
        notApplicable: na,
      });
    }
    return out;
  });
  const touched = parsed.scores.map((s) => roundUnitId.get(s.unitId)!);
  await prisma.$transaction(async (tx) => {
    const before = await withPlacement(tx, await detailedScoreFields(tx, loaded, touched), touched);
    await tx.nodeScore.deleteMany({ where: { roundUnitId: { in: touched } } });
    await tx.nodeScore.createMany({ data: rows });
    await applyPlacement(tx, loaded.round.id, roundUnitId, parsed.scores);
    const after = await withPlacement(tx, await detailedScoreFields(tx, loaded, touched), touched);
    await recordImport(tx, actor, loaded, file.name, before, after);
  });
  return { ok: true, units: parsed.scores.length, rows: table.rows.length };
}

/**
 * One record per unit the file covered (so each unit finds the change to its own scores), with
 * every score that changed.
 */
async function recordImport(
  tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0],
  actor: AuditActor,
  loaded: LoadedRound,
  fileName: string,
  before: Map<string, Record<string, unknown>>,
  after: Map<string, Record<string, unknown>>,
) {
  const published = await publishedNote(tx, loaded.round.id);
  for (const unit of loaded.units) {
    if (!after.has(unit.roundUnitId)) continue;
    await recordAudit(tx, actor, {
      action: "score.import",
      entity: "RoundUnit",
      entityId: unit.roundUnitId,
      summary: `Nhập điểm của ${unit.name} từ tệp “${fileName}” vào “${loaded.round.title}”${published}`,
      before: before.get(unit.roundUnitId),
      after: after.get(unit.roundUnitId),
      roundId: loaded.round.id,
      organizationId: unit.organizationId,
    });
  }
}

/** The round page's "import" intent: the uploaded file (or its absence, reported like a file error) into the round. */
export async function importScoreUpload(
  actor: AuditActor,
  loaded: LoadedRound,
  file: { name: string; data: Uint8Array } | null,
): Promise<ImportOutcome> {
  if (!file) return { ok: false, errors: [{ row: 0, column: "", message: "Chọn tệp điểm (.csv hoặc .xlsx)" }] };
  return importScores(actor, loaded, file);
}
