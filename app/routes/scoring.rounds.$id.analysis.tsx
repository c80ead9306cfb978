import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, roundFor } from "#app/auth/guard.server.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { AnalysisView } from "#app/components/scoring/analysis/analysis-view.tsx";
import { NO_BLOCK, parseAnalysisFilters } from "#app/components/scoring/analysis/filters.ts";
import { AnalysisRefusal } from "#app/components/scoring/analysis/refusal.tsx";
import {
  briefOf,
  criteriaTable,
  heatMap,
  type AnalysisPageView,
  type RefusalView,
  type RoundHead,
} from "#app/components/scoring/analysis/view-model.ts";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import analysisCss from "#app/components/scoring/analysis/analysis.css?url";
import scoringCss from "#app/components/scoring/scoring.css?url";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { analyseCriteria, type CriterionRow } from "#app/scoring/analysis/index.ts";
import { MAPPING_SOURCE_LABEL, remediationTallyText } from "#app/scoring/analysis-labels.ts";
import { remediationLoopInto } from "#app/scoring/remediation-loop.server.ts";
import {
  analysisBasisOf,
  basisForUnits,
  withAnalysis,
  type AnalysisBasisLoad,
} from "#app/scoring/round-analysis.server.ts";
import { loadRound } from "#app/scoring/rounds.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

// "Phân tích theo tiêu chí": a detailed round against the previous one, criterion by criterion (issue 16).
// GET filters only (app/components/scoring/analysis/filters.ts); the criteria table and the heat map are
// paged so that a national round stays a page of a few hundred rows. An assessed unit gets 404 (whatever
// its role): the page compares it with its peers, whose details it may not see; its own change is on its
// unit page.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Phân tích theo tiêu chí · ${data?.round.title ?? "Đợt đánh giá"} · Hội nghị CCHC` },
];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: scoringCss },
  { rel: "stylesheet", href: analysisCss },
];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [...roundCrumbs(data?.round), { label: "Phân tích theo tiêu chí" }],
};

const MISSING = "Không tìm thấy đợt đánh giá này.";

const mappingUrl = (currentId: string, previousId: string) => `/scoring/frameworks/${currentId}/mapping/${previousId}`;

function refusal(load: Extract<AnalysisBasisLoad, { ok: false }>): RefusalView {
  return {
    message: load.message,
    problems: load.problems.map((p) => p.message),
    mappingUrl: load.frameworks ? mappingUrl(load.frameworks.currentId, load.frameworks.previousId) : null,
  };
}

/**
 * The round's organisation only. An assessed unit is answered as if the round were unrelated (404), the
 * same whether its role could read the round or not (then the guard says 403).
 */
async function requirePeerView(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const access = await roundFor(user, id, "scoring.view").catch(async (thrown: unknown) => {
    if (thrown instanceof Response && thrown.status === 403 && id) {
      const round = await prisma.assessmentRound.findUnique({ where: { id }, select: { organizationId: true } });
      if (round && !user.visibleOrganizationIds.includes(round.organizationId)) notFound(MISSING);
    }
    throw thrown;
  });
  if (access.asAssessedUnit) notFound(MISSING);
  return access;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePeerView(request, params.id);
  const current = await loadRound(access.round.id);
  if (!current) notFound(MISSING);
  const r = current.round;
  const round: RoundHead = { id: r.id, title: r.title, year: r.year, previousRound: r.previousRound };
  const refused = (why: RefusalView) => ({ round, refusal: why, view: null });
  const load = await analysisBasisOf(current);
  if (!load.ok) return refused(refusal(load));
  const { basis } = load;

  const filters = parseAnalysisFilters(new URL(request.url).searchParams);
  const blockOf = new Map(current.units.map((u) => [u.organizationId, u.block ?? NO_BLOCK]));
  const blocks = current.blocks.length
    ? [...current.blocks.map((b) => b.name), ...(current.units.some((u) => !u.block) ? [NO_BLOCK] : [])]
    : [];
  if (!blocks.includes(filters.khoi)) filters.khoi = "";
  const shown = filters.khoi ? basisForUnits(basis, (id) => blockOf.get(id) === filters.khoi) : basis;
  const analysis = withAnalysis(shown, (input) => analyseCriteria(input, { top: 10 }));
  if ("ok" in analysis)
    return refused(analysis.ok ? { message: "", problems: [], mappingUrl: null } : refusal(analysis));

  const unitLink = new Map(current.units.map((u) => [u.organizationId, u.roundUnitId]));
  const q = foldVietnamese(filters.q);
  // A code finds itself and what lies under it ("1.1" → 1.1, 1.1.1 …, not 2.1.1); words search the title.
  const matchesText = (row: CriterionRow) =>
    [...row.codes, ...row.previousCodes].some((c) => c.toLowerCase().startsWith(q)) ||
    foldVietnamese(row.title).includes(q);
  const loop = await remediationLoopInto(basis);
  const differ = basis.currentFrameworkId !== basis.previousFrameworkId;
  const view: AnalysisPageView = {
    filters,
    blocks,
    previous: { id: basis.previous.round.id, title: basis.previous.round.title, year: basis.previous.round.year },
    units: analysis.units,
    comparedUnits: analysis.comparedUnits,
    mapping: {
      label: MAPPING_SOURCE_LABEL[basis.mapping.source],
      source: basis.mapping.source,
      url: differ ? mappingUrl(basis.currentFrameworkId, basis.previousFrameworkId) : null,
    },
    strongest: analysis.strongest.slice(0, 3).map(briefOf),
    weakest: analysis.weakest.slice(0, 3).map(briefOf),
    drops: analysis.largestDrops.map(briefOf),
    areas: analysis.rows.filter((row) => row.depth === 0).map((row) => ({ code: row.code, title: row.title })),
    table: criteriaTable(analysis, filters, matchesText, unitLink),
    heat: heatMap(shown.input, filters, unitLink),
    unmatched: analysis.unmatched,
    remediation:
      loop.state === "ok" && loop.actions.length
        ? {
            text: remediationTallyText(loop.tally),
            plans: loop.plans.map((p) => ({
              planId: p.planId,
              title: p.title,
              unitName: p.unitName,
              text: remediationTallyText(p.tally),
            })),
          }
        : null,
  };
  return { round, refusal: null, view };
}

export default function RoundAnalysisPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page analysis-page">
      <h1>Phân tích theo tiêu chí</h1>
      {data.view ? (
        <AnalysisView round={data.round} view={data.view} />
      ) : (
        <AnalysisRefusal round={data.round} refusal={data.refusal} />
      )}
    </div>
  );
}
