// The remediation loop in the database: the actions of the remediation plans made after round N (plans
// on N's units), each followed into the round that compares itself with N (N+1): recovered, partly, not,
// or no longer assessed. One function for the remediation pages, the round's analysis and the packet.
import { prisma } from "#app/database/db.server.ts";
import { remediationOutcomes, tallyRemediation } from "#app/scoring/analysis/remediation.ts";
import type { RemediationOutcome, RemediationTally } from "#app/scoring/analysis/types.ts";
import { loadAnalysisBasis, withAnalysis, type AnalysisBasis } from "#app/scoring/round-analysis.server.ts";

export interface LoopAction {
  actionId: string;
  planId: string;
  /** The assessed unit of year N (organisation id and name). */
  unitId: string;
  unitName: string;
  code: string;
  title: string;
  pointsLost: number;
  outcome: RemediationOutcome;
}

export interface LoopPlan {
  planId: string;
  title: string;
  unitName: string;
  tally: RemediationTally;
}

export type RemediationLoop =
  /** No later round compares itself with round N yet (or none this viewer may see). */
  | { state: "no-next-round" }
  /** There is one, but the criterion analysis cannot be made (a summary round, a bad mapping): why. */
  | { state: "refused"; nextRound: NextRound; message: string }
  | { state: "ok"; nextRound: NextRound; actions: LoopAction[]; plans: LoopPlan[]; tally: RemediationTally };

export interface NextRound {
  id: string;
  title: string;
  year: number;
}

/** Who is looking: a draft next round counts only for a member of the organisation that runs it. */
export interface LoopViewer {
  visibleOrganizationIds: readonly string[];
}

/** The round that compares itself with `roundId`: the latest one, published first. */
async function nextRoundOf(roundId: string, viewer: LoopViewer | null): Promise<NextRound | null> {
  const rows = await prisma.assessmentRound.findMany({
    where: { previousRoundId: roundId },
    select: { id: true, title: true, year: true, status: true, organizationId: true },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
  });
  const visible = rows.filter(
    (r) => r.status === "PUBLISHED" || !viewer || viewer.visibleOrganizationIds.includes(r.organizationId),
  );
  const next = visible.find((r) => r.status === "PUBLISHED") ?? visible[0];
  return next ? { id: next.id, title: next.title, year: next.year } : null;
}

async function loopOn(basis: AnalysisBasis, nextRound: NextRound, planIds?: string[]): Promise<RemediationLoop> {
  const rows = await prisma.remediationAction.findMany({
    where: {
      plan: { roundUnit: { roundId: basis.previous.round.id }, ...(planIds ? { id: { in: planIds } } : {}) },
    },
    select: {
      id: true,
      code: true,
      title: true,
      pointsLost: true,
      plan: {
        select: {
          id: true,
          title: true,
          roundUnit: { select: { organizationId: true, organization: { select: { name: true } } } },
        },
      },
    },
    orderBy: [{ plan: { createdAt: "asc" } }, { position: "asc" }],
  });
  const outcomes = withAnalysis(basis, (input) =>
    remediationOutcomes(
      input,
      rows.map((r) => ({ unitId: r.plan.roundUnit.organizationId, code: r.code })),
    ),
  );
  if (!Array.isArray(outcomes)) return { state: "refused", nextRound, message: outcomes.ok ? "" : outcomes.message };
  const actions: LoopAction[] = rows.map((r, i) => ({
    actionId: r.id,
    planId: r.plan.id,
    unitId: r.plan.roundUnit.organizationId,
    unitName: r.plan.roundUnit.organization.name,
    code: r.code,
    title: r.title,
    pointsLost: r.pointsLost,
    outcome: outcomes[i]!,
  }));
  const plans = new Map<string, LoopPlan & { outcomes: RemediationOutcome[] }>();
  rows.forEach((r, i) => {
    let p = plans.get(r.plan.id);
    if (!p) {
      p = {
        planId: r.plan.id,
        title: r.plan.title,
        unitName: actions[i]!.unitName,
        tally: tallyRemediation([]),
        outcomes: [],
      };
      plans.set(r.plan.id, p);
    }
    p.outcomes.push(actions[i]!.outcome);
  });
  return {
    state: "ok",
    nextRound,
    actions,
    plans: [...plans.values()].map(({ outcomes: o, ...p }) => ({ ...p, tally: tallyRemediation(o) })),
    tally: tallyRemediation(actions.map((a) => a.outcome)),
  };
}

/**
 * The loop of the plans made after round `roundId` (all of them, or `planIds`), measured in the round
 * that follows it. `viewer` null: every next round counts (the packet, built by the round's organisers).
 */
export async function remediationLoopAfter(
  roundId: string,
  viewer: LoopViewer | null,
  planIds?: string[],
): Promise<RemediationLoop> {
  const nextRound = await nextRoundOf(roundId, viewer);
  if (!nextRound) return { state: "no-next-round" };
  const load = await loadAnalysisBasis(nextRound.id);
  if (!load) return { state: "no-next-round" };
  if (!load.ok) return { state: "refused", nextRound, message: load.message };
  return loopOn(load.basis, nextRound, planIds);
}

/** The loop measured in the round of `basis` (N+1): the plans made after its previous round. */
export async function remediationLoopInto(basis: AnalysisBasis): Promise<RemediationLoop> {
  const r = basis.current.round;
  return loopOn(basis, { id: r.id, title: r.title, year: r.year });
}
