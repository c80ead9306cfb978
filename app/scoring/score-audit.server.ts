// Scores as the audit trail compares them: one field per unit, criterion and kind of points, so that
// an edit or an import shows exactly which score changed from what to what, and whether the round's
// results had already been published.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { LoadedRound } from "#app/scoring/rounds.server.ts";

type Tx = Prisma.TransactionClient;

/** Detailed scores of some units of a round, per unit, keyed "TC 1.2 – thẩm định". Absent scores are left out. */
export async function detailedScoreFields(
  tx: Tx,
  loaded: LoadedRound,
  roundUnitIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const codeByNodeId = new Map(
    [...(loaded.stored?.nodeIds ?? new Map<string, string>())].map(([code, id]) => [id, code]),
  );
  const rows = await tx.nodeScore.findMany({
    where: { roundUnitId: { in: roundUnitIds } },
    select: { roundUnitId: true, nodeId: true, selfPoints: true, finalPoints: true, notApplicable: true },
  });
  const out = new Map<string, Record<string, unknown>>(roundUnitIds.map((id) => [id, {}]));
  for (const r of rows) {
    const fields = out.get(r.roundUnitId)!;
    const prefix = `TC ${codeByNodeId.get(r.nodeId) ?? r.nodeId}`;
    if (r.selfPoints !== null) fields[`${prefix} – tự chấm`] = r.selfPoints;
    if (r.finalPoints !== null) fields[`${prefix} – thẩm định`] = r.finalPoints;
    if (r.notApplicable) fields[`${prefix} – không áp dụng`] = true;
  }
  return out;
}

/** Summary-shape scores (total, maximum, survey points) of some units of a round, per unit. */
export async function summaryScoreFields(
  tx: Tx,
  roundUnitIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await tx.roundUnit.findMany({
    where: { id: { in: roundUnitIds } },
    select: { id: true, summaryPoints: true, summaryMaxPoints: true, surveyPoints: true, surveyMaxPoints: true },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        summaryPoints: r.summaryPoints,
        summaryMaxPoints: r.summaryMaxPoints,
        surveyPoints: r.surveyPoints,
        surveyMaxPoints: r.surveyMaxPoints,
      },
    ]),
  );
}

/** " (đợt đã công bố kết quả)" for a published round: a score changed after publication says so. */
export async function publishedNote(tx: Tx, roundId: string): Promise<string> {
  const round = await tx.assessmentRound.findUniqueOrThrow({ where: { id: roundId }, select: { status: true } });
  return round.status === "PUBLISHED" ? " (đợt đã công bố kết quả)" : "";
}
