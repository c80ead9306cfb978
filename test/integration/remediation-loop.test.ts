import { beforeAll, describe, expect, it } from "vitest";
import { sessionStorage } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { CLIENT_IP_HEADER } from "#app/lib/client-ip.server.ts";
import * as planRoute from "#app/routes/remediation.$planId.tsx";
import * as listRoute from "#app/routes/remediation._index.tsx";
import type { RemediationOutcome } from "#app/scoring/analysis/types.ts";

// The remediation loop on the remediation pages, on the demo data: Tánh Linh's plan (seed 003: the 46
// criteria that lost points in 2023) followed into Bình Thuận's 2024 round, on the 2024 framework version
// through the mapping Nội vụ stored (3.5.1 renumbered 3.6.1, 5.5.1 split into 5.5.1 + 5.5.3, 3.6 dropped).

const BASE = "http://localhost";

async function signIn(email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const session = await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  const cookie = await sessionStorage.getSession();
  cookie.set("sessionId", session.id);
  return (await sessionStorage.commitSession(cookie)).split(";")[0]!;
}

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

async function load<T>(fn: Loader, path: string, cookie: string, params: Record<string, string> = {}) {
  const request = new Request(`${BASE}${path}`, { headers: { Cookie: cookie, [CLIENT_IP_HEADER]: "203.0.113.9" } });
  try {
    return { status: 200, body: (await fn({ request, params, context: {} })) as T };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}

interface PlanBody {
  actions: Array<{ id: string; code: string }>;
  loop:
    | { state: "no-next-round" }
    | {
        state: "ok";
        nextRound: { id: string; year: number; title: string };
        tallyText: string;
        outcomes: Record<string, RemediationOutcome>;
      };
}
interface ListBody {
  plans: Array<{ id: string }>;
  loop: {
    byPlan: Record<string, { state: string; year?: number; tallyText?: string }>;
    overall: { tallyText: string; plans: number } | null;
  };
}

const viewPlan = (planId: string, cookie: string) =>
  load<PlanBody>(planRoute.loader as Loader, `/remediation/${planId}`, cookie, { planId });
const viewList = (cookie: string) => load<ListBody>(listRoute.loader as Loader, "/remediation", cookie);

const TALLY_TEXT = "31/46 hành động đã lấy lại điểm (25 đủ điểm, 6 một phần); 1 không còn đánh giá";

let planId: string;
let round2024: string;
let noiVuTinh: string; // Nội vụ of Bình Thuận, the round's organisation
let tanhLinh: string; // office of UBND huyện Tánh Linh, the assessed unit
let foreign: string; // office of Đông Hà (Quảng Trị)

beforeAll(async () => {
  const plan = await prisma.remediationPlan.findFirstOrThrow({
    where: { roundUnit: { organization: { name: "UBND huyện Tánh Linh" } } },
    select: { id: true, roundUnit: { select: { roundId: true } } },
  });
  planId = plan.id;
  round2024 = (
    await prisma.assessmentRound.findFirstOrThrow({
      where: { previousRoundId: plan.roundUnit.roundId },
      select: { id: true },
    })
  ).id;
  noiVuTinh = await signIn("noivu.binhthuan@hoinghi.local");
  tanhLinh = await signIn("vanphong.tanhlinh@hoinghi.local");
  foreign = await signIn("vanphong.dongha@hoinghi.local");
});

function outcomesByCode(body: PlanBody): Map<string, RemediationOutcome> {
  if (body.loop.state !== "ok") throw new Error(`no loop: ${body.loop.state}`);
  const outcomes = body.loop.outcomes;
  return new Map(body.actions.map((a) => [a.code, outcomes[a.id]!]));
}

describe("the remediation loop of Tánh Linh's 2023 plan in the 2024 round", () => {
  it("follows every action into 2024: 25 recovered, 6 partly, 14 not, 1 no longer assessed", async () => {
    const r = await viewPlan(planId, noiVuTinh);
    expect(r.status).toBe(200);
    const body = r.body!;
    expect(body.loop).toMatchObject({
      state: "ok",
      nextRound: { id: round2024, year: 2024, title: expect.stringMatching(/năm 2024$/) },
      tallyText: TALLY_TEXT,
    });
    const byCode = outcomesByCode(body);
    expect(byCode.size).toBe(46);
    const codes = (status: string) =>
      [...byCode]
        .filter(([, o]) => o.status === status)
        .map(([code]) => code)
        .sort();
    expect(codes("partly")).toEqual(["1.4", "3.4.1", "5.1.2", "5.5.1", "7.3.3", "8.2.1"]);
    expect(codes("not-assessed")).toEqual(["3.6"]);
    expect(codes("not-recovered")).toEqual(
      ["1.7", "2.3", "4.2.2", "5.4.2", "6.1.2", "8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.2.2", "8.2.3"]
        .concat(["8.2.4", "8.3.2"])
        .sort(),
    );
    expect(codes("recovered")).toHaveLength(25);
  });

  it("follows renumbered, renamed and split criteria through the stored mapping; a dropped one is not assessed", async () => {
    const byCode = outcomesByCode((await viewPlan(planId, noiVuTinh)).body!);
    // Renumbered 3.5.1 → 3.6.1 (same title), recovered under its new code.
    expect(byCode.get("3.5.1")).toMatchObject({
      status: "recovered",
      currentCodes: ["3.6.1"],
      before: { points: 0.75, maxPoints: 1 },
      after: { points: 1, maxPoints: 1 },
    });
    // Split in two in 2024: compared as a whole, one half recovered. Only the stored mapping knows the
    // split (the suggestion pairs neither 5.5.1 with the other).
    expect(byCode.get("5.5.1")).toMatchObject({
      status: "partly",
      currentCodes: ["5.5.1", "5.5.3"],
      before: { points: 0, maxPoints: 1.5 },
      after: { points: 0.75, maxPoints: 1.5 },
    });
    expect(byCode.get("1.4")).toMatchObject({ status: "partly", currentCodes: ["1.4"], after: { points: 0.75 } });
    expect(byCode.get("3.6")).toMatchObject({
      status: "not-assessed",
      reason: "criterion-gone",
      currentCodes: [],
      before: { points: 0, maxPoints: 1.5 },
      after: null,
    });
    expect(byCode.get("4.2.2")).toMatchObject({ status: "not-recovered", before: { points: 0 }, after: { points: 0 } });
    const frameworkId = (await prisma.assessmentRound.findUniqueOrThrow({ where: { id: round2024 } })).frameworkId!;
    const stored = await prisma.frameworkMapping.findFirstOrThrow({
      where: { frameworkId },
      select: {
        codes: { where: { code: { in: ["5.5.1", "5.5.3"] } }, select: { side: true, code: true, group: true } },
      },
    });
    expect(new Set(stored.codes.map((c) => c.group)).size).toBe(1);
    expect(stored.codes).toHaveLength(3);
  });

  it("shows the plan's result on the list, with the line across the plans the user sees", async () => {
    const r = await viewList(noiVuTinh);
    expect(r.status).toBe(200);
    expect(r.body!.loop.byPlan[planId]).toMatchObject({ state: "ok", year: 2024, tallyText: TALLY_TEXT });
    expect(r.body!.loop.overall).toMatchObject({ tallyText: TALLY_TEXT, plans: 1 });
  });

  it("shows the assessed unit its result only while the 2024 round is visible to it", async () => {
    const published = await viewPlan(planId, tanhLinh);
    expect(published.status).toBe(200);
    expect(published.body!.loop).toMatchObject({ state: "ok", tallyText: TALLY_TEXT });
    expect((await viewList(tanhLinh)).body!.loop.overall).toMatchObject({ tallyText: TALLY_TEXT });
    await prisma.assessmentRound.update({ where: { id: round2024 }, data: { status: "DRAFT" } });
    try {
      // A draft: still being scored. The unit sees its plan, not the next year's result.
      const draft = await viewPlan(planId, tanhLinh);
      expect(draft.status).toBe(200);
      expect(draft.body!.loop).toEqual({ state: "no-next-round" });
      const list = await viewList(tanhLinh);
      expect(list.body!.loop.byPlan[planId]).toEqual({ state: "no-next-round" });
      expect(list.body!.loop.overall).toBeNull();
      // The province's Nội vụ, who scores it, still follows the loop.
      expect((await viewPlan(planId, noiVuTinh)).body!.loop).toMatchObject({ state: "ok", tallyText: TALLY_TEXT });
    } finally {
      await prisma.assessmentRound.update({ where: { id: round2024 }, data: { status: "PUBLISHED" } });
    }
  });

  it("answers another province's user 404 on the plan and lists nothing of it", async () => {
    expect((await viewPlan(planId, foreign)).status).toBe(404);
    const list = await viewList(foreign);
    expect(list.status).toBe(200);
    expect(list.body!.plans.map((p) => p.id)).not.toContain(planId);
    expect(list.body!.loop.byPlan[planId]).toBeUndefined();
  });
});
