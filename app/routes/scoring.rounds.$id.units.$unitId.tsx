import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { planCreationAccess } from "#app/remediation/access.server.ts";
import { createRemediationPlan } from "#app/remediation/plans.server.ts";
import { roundSummaryFor, type LoadedRound } from "#app/scoring/rounds.server.ts";
import { notFound, requireRound, type RoundAccess } from "#app/auth/guard.server.ts";
import { bandClass, HorizontalBarChart } from "#app/ui/charts.tsx";
import analysisPanelsCss from "#app/components/scoring/analysis-panels.css?url";
import { UnitAppendices } from "#app/components/scoring/unit-change/appendix-table.tsx";
import { UnitChangePanel } from "#app/components/scoring/unit-change/unit-change-panel.tsx";
import { refusedPanel, unitChangePanel } from "#app/components/scoring/unit-change/unit-change-view.ts";
import { explainUnitChange } from "#app/scoring/analysis/index.ts";
import { analysisBasisOf, withAnalysis } from "#app/scoring/round-analysis.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { blockPhrase, floorExplanation, formatPct, formatPoints, formatRankChange } from "#app/scoring/format.ts";
import { hasFloors } from "#app/scoring/classes.ts";
import { SIPAS_COMPONENTS, SIPAS_LABEL, sipasIndex } from "#app/scoring/sipas.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unit.name ?? "Đơn vị"} · Chỉ số CCHC` },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: analysisPanelsCss }];

/** Why the unit moved since the previous round (null: the round has no previous round). */
async function whyItMoved(
  loaded: LoadedRound,
  previousLoaded: LoadedRound | null,
  organizationId: string,
  canManage: boolean,
) {
  if (!loaded.round.previousRound) return null;
  const load = await analysisBasisOf(loaded, previousLoaded);
  if (!load.ok) return refusedPanel(load, canManage);
  const outcome = withAnalysis(load.basis, (input) => explainUnitChange(input, organizationId));
  if (outcome && "ok" in outcome) return refusedPanel(outcome, canManage);
  const { previous, mapping, currentFrameworkId: id, previousFrameworkId: prevId } = load.basis;
  const names = new Map(previous.units.map((u) => [u.organizationId, u.name]));
  const link = canManage ? `/scoring/frameworks/${id}/mapping/${prevId}` : null;
  return unitChangePanel(outcome, names, previous.round.year, { source: mapping.source, link });
}

/** One unit of a round. An assessed unit (published rounds only) sees its own units, not its peers' details. */
async function unitData(access: RoundAccess, roundUnitId: string | undefined) {
  const { loaded, summary, previousLoaded } = await roundSummaryFor(access.round.id);
  const unit = loaded.units.find((u) => u.roundUnitId === roundUnitId);
  if (!unit || (access.asAssessedUnit && !access.user.visibleOrganizationIds.includes(unit.organizationId)))
    notFound("Không tìm thấy đơn vị này trong đợt đánh giá.");
  return { loaded, summary, previousLoaded, unit };
}

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [...roundCrumbs(data?.round), { label: data?.unit.name ?? "Đơn vị" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "scoring.view");
  const { loaded, summary, previousLoaded, unit } = await unitData(access, params.unitId);
  const result = summary.ranking.find((r) => r.unitId === unit.organizationId) ?? null;
  const appendices = summary.appendices.get(unit.organizationId) ?? null;
  const sipas = summary.sipas.find((s) => s.unitId === unit.organizationId) ?? null;
  const plans = await prisma.remediationPlan.findMany({
    where: { roundUnitId: unit.roundUnitId },
    select: { id: true, title: true },
  });
  const bandIdx = result ? summary.bands.findIndex((b) => b.name === result.className) : -1;
  const block = result ? summary.blocks.find((b) => b.results.includes(result)) : undefined;
  const areas = summary.areas.get(unit.organizationId) ?? [];
  return {
    round: { id: loaded.round.id, title: loaded.round.title, year: loaded.round.year, shape: loaded.round.shape },
    unit: { name: unit.name, roundUnitId: unit.roundUnitId },
    canManage: access.capabilities.has("scoring.manage"),
    canPlan: access.capabilities.has("remediation.manage"),
    result: result && {
      points: result.points,
      maxPoints: result.maxPoints,
      indexPct: result.indexPct,
      className: result.className,
      css: bandClass(bandIdx, summary.bands.length),
      rank: result.rank,
      of: block?.statistics.ranked ?? summary.statistics.ranked,
      block: result.block,
      ranked: result.ranked,
      notRankedReason: result.notRankedReason,
      floor: result.classFloor ? floorExplanation(result.classFloor) : null,
      // Floors need area %: a unit with totals only is classed by its total alone.
      totalOnly: areas.length === 0 && hasFloors(summary.bands),
      parts: result.parts.map((p) => ({ source: p.source, points: p.points, maxPoints: p.maxPoints })),
      rankChange: result.rankChange,
      previousRank: result.previous?.rank ?? null,
      previousClass: result.previous?.className || null,
      previousIndexPct: result.previous?.indexPct ?? null,
      previousBasis: result.previousBasis,
      predecessors: result.predecessors.map((p) => ({
        name: p.unitName ?? p.unitId,
        rank: p.rank,
        indexPct: p.indexPct,
        className: p.className,
      })),
    },
    hasPrevious: Boolean(loaded.round.previousRound),
    areas,
    appendices,
    sipas: sipas && {
      index: sipasIndex(sipas.components),
      rank: sipas.rank,
      block: sipas.block,
      components: SIPAS_COMPONENTS.map((c) => ({ label: SIPAS_LABEL[c], value: sipas.components[c] })),
    },
    plans,
    change: await whyItMoved(loaded, previousLoaded, unit.organizationId, access.capabilities.has("scoring.manage")),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Nội vụ of the round's organisation, or of the assessed unit once the round is published.
  const access = await requireRound(request, params.id, "remediation.manage");
  const { loaded, summary, unit } = await unitData(access, params.unitId);
  const creation = await planCreationAccess(access.user, unit.roundUnitId);
  const appendices = summary.appendices.get(unit.organizationId);
  if (!appendices || !loaded.stored)
    throw new Response("Đợt đánh giá này không có điểm chi tiết theo tiêu chí.", { status: 400 });
  const planId = await createRemediationPlan(creation, {
    title: `Khắc phục những tồn tại, hạn chế Chỉ số CCHC năm ${loaded.round.year} của ${unit.name}`,
    appendices,
    nodeIds: loaded.stored.nodeIds,
  });
  return redirect(`/remediation/${planId}`);
}

export default function UnitPage() {
  const data = useLoaderData<typeof loader>();
  const r = data.result;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{data.unit.name}</h1>
        {data.canManage && data.round.shape === "DETAILED" ? (
          <Link to={`/scoring/rounds/${data.round.id}/units/${data.unit.roundUnitId}/scores`} className="button">
            Chấm điểm theo tiêu chí
          </Link>
        ) : null}
      </div>
      {r ? (
        <div className="kpis">
          <div className="kpi">
            <div className="kpi-value">
              {formatPoints(r.points)}/{formatPoints(r.maxPoints)}
            </div>
            <div className="kpi-label">điểm</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">{formatPct(r.indexPct)}%</div>
            <div className="kpi-label">chỉ số</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">
              <span className={`class-pill ${r.css}`}>{r.className}</span>
            </div>
            <div className="kpi-label">xếp loại{r.previousClass ? ` (năm trước: ${r.previousClass})` : ""}</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">{r.rank === null ? "Không xếp hạng" : `${r.rank}/${r.of}`}</div>
            <div className="kpi-label">
              {r.rank === null ? (r.notRankedReason ?? "") : `xếp hạng${r.block ? ` ${blockPhrase(r.block)}` : ""}`}{" "}
              {r.rankChange !== null ? (
                <span className={r.rankChange > 0 ? "up" : r.rankChange < 0 ? "down" : ""}>
                  {formatRankChange(r.rankChange)}
                </span>
              ) : null}
              {r.previousRank ? ` (năm trước: ${r.previousRank})` : ""}
            </div>
          </div>
        </div>
      ) : null}
      {r ? (
        <section className="card">
          <h2>Xếp hạng và xếp loại</h2>
          <ul>
            {r.block ? <li>Khối: {r.block}</li> : null}
            {r.ranked ? (
              <li>
                {r.rank === null
                  ? "Chưa có hạng"
                  : `Hạng ${r.rank}/${r.of}${r.block ? ` ${blockPhrase(r.block)}` : ""}`}
              </li>
            ) : (
              <li>
                <strong>Không xếp hạng</strong>
                {r.notRankedReason ? `: ${r.notRankedReason}` : ""} (vẫn có chỉ số và xếp loại, không chiếm thứ hạng của
                đơn vị nào)
              </li>
            )}
            <li>
              Xếp loại {r.className}
              {r.floor ? `: ${r.floor}` : ""}
              {r.totalOnly
                ? " (chỉ có điểm tổng nên xếp loại theo tổng điểm; không xét mức tối thiểu mỗi lĩnh vực)"
                : ""}
            </li>
            {r.parts.length ? (
              <li>
                {r.parts
                  .map(
                    (p) =>
                      `${p.source === "SURVEY" ? "Điều tra xã hội học" : "Thẩm định"}: ${formatPoints(p.points)}/${formatPoints(p.maxPoints)}`,
                  )
                  .join("; ")}
              </li>
            ) : null}
            {data.hasPrevious ? (
              <li>
                {r.previousBasis === "none"
                  ? "Đơn vị mới (không có kết quả năm trước)"
                  : r.previousBasis === "mapped"
                    ? `So với năm trước qua đơn vị được thay thế: ${r.predecessors
                        .map(
                          (p) =>
                            `${p.name} (${p.rank === null ? "không xếp hạng" : `hạng ${p.rank}`}, ${formatPct(p.indexPct)} %${p.className ? `, ${p.className}` : ""})`,
                        )
                        .join(
                          "; ",
                        )}${r.predecessors.length > 1 ? `; chỉ số bình quân ${formatPct(r.previousIndexPct)} %` : ""}`
                    : `So với kết quả năm trước của chính đơn vị: ${r.previousRank === null ? "không xếp hạng" : `hạng ${r.previousRank}`}, ${formatPct(r.previousIndexPct)} %`}
              </li>
            ) : null}
          </ul>
        </section>
      ) : (
        <p className="empty">Đơn vị chưa có điểm trong đợt này.</p>
      )}
      {data.change ? (
        <UnitChangePanel
          data={data.change}
          rank={r && { rank: r.rank, previousRank: r.previousRank, rankChange: r.rankChange }}
        />
      ) : null}
      {data.areas.length ? (
        <section className="card">
          <HorizontalBarChart
            title="Tỷ lệ điểm đạt theo lĩnh vực (%)"
            bars={data.areas.map((a) => ({
              label: `${a.code}. ${a.title}`,
              value: a.pct ?? 0,
              display:
                a.pct === null
                  ? "không áp dụng"
                  : `${formatPct(a.pct)} (${formatPoints(a.points)}/${formatPoints(a.maxPoints)})`,
            }))}
          />
        </section>
      ) : null}
      {data.sipas ? (
        <section className="card">
          <h2>
            Chỉ số hài lòng SIPAS: {formatPct(data.sipas.index)}% (
            {data.sipas.rank === null
              ? "không xếp hạng"
              : `hạng ${data.sipas.rank}${data.sipas.block ? ` ${blockPhrase(data.sipas.block)}` : ""}`}
            )
          </h2>
          <HorizontalBarChart
            title="Các yếu tố của SIPAS (%)"
            bars={data.sipas.components.map((c) => ({ label: c.label, value: c.value, display: formatPct(c.value) }))}
          />
        </section>
      ) : null}
      {data.appendices ? (
        <UnitAppendices appendices={data.appendices} plans={data.plans} canPlan={data.canPlan} />
      ) : null}
    </div>
  );
}
