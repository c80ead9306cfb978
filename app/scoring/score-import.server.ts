import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { parseDetailedScores } from "#app/scoring/import-detailed.ts";
import { parseSummaryScores } from "#app/scoring/import-summary.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import type { ImportError } from "#app/lib/table/table.ts";
import type { LoadedRound } from "#app/scoring/rounds.server.ts";
import { detailedScoreFields, publishedNote, summaryScoreFields } from "#app/scoring/score-audit.server.ts";

export type ImportOutcome = { ok: true; units: number; rows: number } | { ok: false; errors: ImportError[] };

/** Names a file may use for a round's unit: its name, its place name, its code. */
export async function unitNames(loaded: LoadedRound) {
  const orgs = await prisma.organization.findMany({
    where: { id: { in: loaded.units.map((u) => u.organizationId) } },
    select: { id: true, name: true, placeName: true, code: true, documentName: true },
  });
  return orgs.map((o) => ({ id: o.id, names: [o.name, o.placeName, o.documentName, ...(o.code ? [o.code] : [])] }));
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
  const roundUnitId = new Map(loaded.units.map((u) => [u.organizationId, u.roundUnitId]));

  if (loaded.round.shape === "SUMMARY" || !loaded.compiled || !loaded.stored) {
    const parsed = parseSummaryScores(table, { units });
    if (!parsed.ok) return parsed;
    const touched = parsed.scores.map((s) => roundUnitId.get(s.unitId)!);
    await prisma.$transaction(async (tx) => {
      const before = await summaryScoreFields(tx, touched);
      for (const s of parsed.scores) {
        await tx.roundUnit.update({
          where: { id: roundUnitId.get(s.unitId)! },
          data: { summaryPoints: s.points, summaryMaxPoints: s.maxPoints, surveyPoints: s.surveyPoints ?? null },
        });
      }
      await recordImport(tx, actor, loaded, file.name, before, await summaryScoreFields(tx, touched));
    });
    return { ok: true, units: parsed.scores.length, rows: table.rows.length };
  }

  const compiled = loaded.compiled;
  const nodeIds = loaded.stored.nodeIds;
  const parsed = parseDetailedScores(table, compiled, { units });
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
    const before = await detailedScoreFields(tx, loaded, touched);
    await tx.nodeScore.deleteMany({ where: { roundUnitId: { in: touched } } });
    await tx.nodeScore.createMany({ data: rows });
    await recordImport(tx, actor, loaded, file.name, before, await detailedScoreFields(tx, loaded, touched));
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
