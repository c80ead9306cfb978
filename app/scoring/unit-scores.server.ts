// Saving one unit's score sheet (the scoring form), with its audit record.

import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { LoadedRound } from "#app/scoring/rounds.server.ts";
import type { GridValues } from "#app/scoring/score-grid.ts";
import type { CompiledFramework } from "#app/scoring/index.ts";
import { detailedScoreFields, publishedNote } from "#app/scoring/score-audit.server.ts";

export interface ScoreRow {
  roundUnitId: string;
  nodeId: string;
  finalPoints: number | null;
  selfPoints: number | null;
  notApplicable: boolean;
}

/** Replaces the unit's scores with `rows`; the record lists each score that changed. */
export async function saveUnitScores(
  actor: AuditActor,
  loaded: LoadedRound,
  unit: { roundUnitId: string; organizationId: string; name: string },
  rows: ScoreRow[],
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = (await detailedScoreFields(tx, loaded, [unit.roundUnitId])).get(unit.roundUnitId);
    await tx.nodeScore.deleteMany({ where: { roundUnitId: unit.roundUnitId } });
    await tx.nodeScore.createMany({ data: rows });
    const after = (await detailedScoreFields(tx, loaded, [unit.roundUnitId])).get(unit.roundUnitId);
    await recordAudit(tx, actor, {
      action: "score.update",
      entity: "RoundUnit",
      entityId: unit.roundUnitId,
      summary: `Sửa điểm của ${unit.name} trong “${loaded.round.title}”${await publishedNote(tx, loaded.round.id)}`,
      before,
      after,
      roundId: loaded.round.id,
      organizationId: unit.organizationId,
    });
  });
}

/** The score form's checked values as the unit's score rows (criteria left empty are left out), saved. */
export async function saveScoreGrid(
  actor: AuditActor,
  loaded: LoadedRound,
  compiled: CompiledFramework,
  nodeIds: ReadonlyMap<string, string>,
  unit: { roundUnitId: string; organizationId: string; name: string },
  values: GridValues,
): Promise<void> {
  const rows: ScoreRow[] = [];
  for (let i = 0; i < compiled.nodes.length; i++) {
    const f = values.final[i]!;
    const s = values.self[i]!;
    const na = values.notApplicable[i] === 1;
    if (Number.isNaN(f) && Number.isNaN(s) && !na) continue;
    rows.push({
      roundUnitId: unit.roundUnitId,
      nodeId: nodeIds.get(compiled.nodes[i]!.code)!,
      finalPoints: Number.isNaN(f) ? null : f,
      selfPoints: Number.isNaN(s) ? null : s,
      notApplicable: na,
    });
  }
  await saveUnitScores(actor, loaded, unit, rows);
}
