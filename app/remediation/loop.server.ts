import type { RemediationAccess } from "#app/auth/guard.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import type { RemediationOutcome, RemediationTally } from "#app/scoring/analysis/types.ts";
import { remediationTallyText } from "#app/scoring/analysis-labels.ts";
import { remediationLoopAfter, type NextRound } from "#app/scoring/remediation-loop.server.ts";

// The remediation loop on the remediation pages: did each action recover its points in the round that
// follows the plan's round? A draft next round counts only for those who may see it (its organisation's
// people): the assessed unit sees its result once the province publishes it.

/** What the plan page shows of the loop; outcomes keyed by action id. */
export type PlanLoopView =
  | { state: "no-next-round" }
  | { state: "refused"; nextRound: NextRound; message: string }
  | {
      state: "ok";
      nextRound: NextRound;
      tally: RemediationTally;
      tallyText: string;
      outcomes: Record<string, RemediationOutcome>;
    };

/** The loop of one plan, as `access.user` may see it. */
export async function planLoop(access: RemediationAccess): Promise<PlanLoopView> {
  const loop = await remediationLoopAfter(access.plan.roundId, access.user, [access.plan.id]);
  if (loop.state !== "ok") return loop;
  return {
    state: "ok",
    nextRound: loop.nextRound,
    tally: loop.tally,
    tallyText: remediationTallyText(loop.tally),
    outcomes: Object.fromEntries(loop.actions.map((a) => [a.actionId, a.outcome])),
  };
}

/** One plan's line in the list: its next round's year and tally, or why there is none. */
export type PlanLoopLine =
  | { state: "no-next-round" }
  | { state: "refused"; year: number; message: string }
  | { state: "ok"; year: number; tally: RemediationTally; tallyText: string };

export interface ListLoopView {
  byPlan: Record<string, PlanLoopLine>;
  /** Across the plans with a result (null: none has one yet). */
  overall: { tally: RemediationTally; tallyText: string; plans: number } | null;
}

const EMPTY: RemediationTally = { total: 0, recovered: 0, partly: 0, notRecovered: 0, notAssessed: 0 };

function addTally(a: RemediationTally, b: RemediationTally): RemediationTally {
  return {
    total: a.total + b.total,
    recovered: a.recovered + b.recovered,
    partly: a.partly + b.partly,
    notRecovered: a.notRecovered + b.notRecovered,
    notAssessed: a.notAssessed + b.notAssessed,
  };
}

/** The loop of the listed plans (those the user may read), one query per round the plans were made on. */
export async function listLoops(
  user: CurrentUser,
  plans: Array<{ id: string; roundId: string }>,
): Promise<ListLoopView> {
  const byRound = new Map<string, string[]>();
  for (const p of plans) byRound.set(p.roundId, [...(byRound.get(p.roundId) ?? []), p.id]);
  const byPlan: Record<string, PlanLoopLine> = {};
  let overall = EMPTY;
  let counted = 0;
  for (const [roundId, planIds] of byRound) {
    const loop = await remediationLoopAfter(roundId, user, planIds);
    for (const planId of planIds) {
      if (loop.state === "no-next-round") byPlan[planId] = { state: "no-next-round" };
      else if (loop.state === "refused")
        byPlan[planId] = { state: "refused", year: loop.nextRound.year, message: loop.message };
      else {
        const tally = loop.plans.find((p) => p.planId === planId)?.tally ?? EMPTY;
        byPlan[planId] = { state: "ok", year: loop.nextRound.year, tally, tallyText: remediationTallyText(tally) };
        overall = addTally(overall, tally);
        counted++;
      }
    }
  }
  return {
    byPlan,
    overall: counted ? { tally: overall, tallyText: remediationTallyText(overall), plans: counted } : null,
  };
}
