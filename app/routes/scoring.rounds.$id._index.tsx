import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import scoringCss from "#app/components/scoring/scoring.css?url";
import type { RoundStatistics, UnitResult } from "#app/scoring/types.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { setRoundStatus } from "#app/scoring/round-writes.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { loadRound, roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { importScoreUpload } from "#app/scoring/score-import.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { notFound, requireRound } from "#app/auth/guard.server.ts";
import { ImportErrorsTable } from "#app/ui/import-errors.tsx";
import { bandClass } from "#app/ui/charts.tsx";
import { ClassCountKpis } from "#app/components/scoring/class-count-kpis.tsx";
import { RankingTable } from "#app/components/scoring/ranking-table.tsx";
import {
  AreaAveragesChart,
  BlockAveragesChart,
  PartsChart,
  RoundCharts,
} from "#app/components/scoring/round-charts.tsx";
import { floorExplanation, formatPct } from "#app/scoring/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "Đợt đánh giá"} · Hội nghị CCHC` },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringCss }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [SCORING_CRUMB, { label: data?.round.title ?? "Đợt đánh giá" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "scoring.view");
  const { loaded, summary } = await roundSummaryFor(access.round.id);
  const bandIndex = (name: string) => summary.bands.findIndex((b) => b.name === name);
  const roundUnitId = new Map(loaded.units.map((u) => [u.organizationId, u.roundUnitId]));
  const unscored = loaded.units.length - summary.ranking.length;
  const part = (r: UnitResult, source: "APPRAISAL" | "SURVEY") => {
    const p = r.parts.find((x) => x.source === source);
    return p ? { points: p.points, maxPoints: p.maxPoints } : null;
  };
  const row = (r: UnitResult) => ({
    unitId: r.unitId,
    roundUnitId: roundUnitId.get(r.unitId)!,
    name: r.unitName,
    points: r.points,
    maxPoints: r.maxPoints,
    indexPct: r.indexPct,
    className: r.className,
    classFloor: r.classFloor ? floorExplanation(r.classFloor) : null,
    css: bandClass(bandIndex(r.className), summary.bands.length),
    rank: r.rank,
    ranked: r.ranked,
    notRankedReason: r.notRankedReason,
    appraisal: part(r, "APPRAISAL"),
    survey: part(r, "SURVEY"),
    rankChange: r.rankChange,
    indexChange: r.indexChange,
    classChange: r.classChange,
    previousClass: r.previous?.className || null,
    previousRank: r.previous?.rank ?? null,
    previousBasis: r.previousBasis,
    predecessors: r.predecessors.map((p) => p.unitName ?? p.unitId),
  });
  const stats = (s: RoundStatistics) => ({
    units: s.units,
    ranked: s.ranked,
    averageIndexPct: s.averageIndexPct,
    averagePoints: s.averagePoints,
    averageParts: s.averageParts,
    classCounts: s.classCounts,
    gainers: s.gainers.map((r) => ({ name: r.unitName, change: r.indexChange, rankChange: r.rankChange })),
    losers: s.losers.map((r) => ({ name: r.unitName, change: r.indexChange, rankChange: r.rankChange })),
  });
  return {
    round: {
      ...loaded.round,
      framework: loaded.stored?.framework.name ?? null,
      canManage: access.capabilities.has("scoring.manage"),
      canAudit: access.capabilities.has("audit.view"),
      // The criterion analysis compares peers: not for an assessed unit (its own change is on its unit page).
      canAnalyse: !access.asAssessedUnit && loaded.round.shape === "DETAILED" && loaded.round.previousRound !== null,
      unitCount: loaded.units.length,
      unscored,
      hasSipas: summary.sipas.length > 0,
    },
    bands: summary.bands.map((b, i) => ({ ...b, css: bandClass(i, summary.bands.length) })),
    rows: summary.ranking.map(row),
    hasParts: summary.ranking.some((r) => r.parts.length > 0),
    hasBlocks: summary.blocks.some((b) => b.name !== null),
    blocks: summary.blocks.map((b) => ({
      name: b.name,
      rows: b.results.map(row),
      stats: stats(b.statistics),
    })),
    stats: stats(summary.statistics),
    areaAverages: summary.areaAverages,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireRound(request, params.id, "scoring.manage");
  const loaded = await loadRound(round.id);
  if (!loaded) notFound("Không tìm thấy đợt đánh giá này.");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "import") {
    const outcome = await importScoreUpload(userActor(user), loaded, await fileBytes(form.get("file")));
    return reply({ intent: "import" as const, outcome }, outcome.ok ? 200 : 400);
  }
  if (intent === "publish" || intent === "unpublish") {
    await setRoundStatus(userActor(user), loaded.round.id, intent === "publish" ? "PUBLISHED" : "DRAFT");
    return reply({ intent: "status" as const, ok: true as const });
  }
  throw new Response("Thao tác không hợp lệ.", { status: 400 });
}

/** The filter's value for the units without a block. */
const NO_BLOCK = "(chưa thuộc khối)";

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  const { round } = data;
  const [params] = useSearchParams();
  const blockFilter = params.get("khoi") ?? "";
  const shownBlocks = blockFilter
    ? data.blocks.filter((b) => (b.name ?? NO_BLOCK) === blockFilter)
    : data.blocks.length
      ? data.blocks
      : [{ name: null, rows: data.rows, stats: data.stats }];

  return (
    <div className="page">
      <div className="page-head">
        <h1>{round.title}</h1>
        <div>
          <a href={`/scoring/rounds/${round.id}/ranking.xlsx`} className="button">
            Xuất bảng xếp hạng (Excel)
          </a>{" "}
          {round.canAnalyse ? (
            <>
              <Link to={`/scoring/rounds/${round.id}/analysis`} className="button">
                Phân tích theo tiêu chí
              </Link>{" "}
            </>
          ) : null}
          <Link to={`/scoring/rounds/${round.id}/blocks`} className="button">
            Khối và đơn vị
          </Link>{" "}
          {round.hasSipas ? (
            <Link to={`/scoring/rounds/${round.id}/sipas`} className="button">
              Chỉ số SIPAS
            </Link>
          ) : null}{" "}
          {round.canAudit ? (
            <Link to={`/scoring/rounds/${round.id}/audit`} className="button">
              Nhật ký thay đổi
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        Năm {round.year} · {round.organizationName} · {round.framework ?? "chỉ có điểm tổng"}
        {round.previousRound ? ` · so với ${round.previousRound.title}` : ""} ·{" "}
        {round.status === "PUBLISHED" ? (
          <span className="badge status-held">Đã công bố</span>
        ) : (
          <span className="badge status-draft">Dự thảo</span>
        )}
      </p>

      <div className="kpis">
        <div className="kpi">
          <div className="kpi-value">
            {data.rows.length}/{round.unitCount}
          </div>
          <div className="kpi-label">đơn vị có điểm</div>
        </div>
        <div className="kpi">
          <div className="kpi-value">{formatPct(data.stats.averageIndexPct)}%</div>
          <div className="kpi-label">chỉ số trung bình</div>
        </div>
        <ClassCountKpis classCounts={data.stats.classCounts} bands={data.bands} />
      </div>

      {round.canManage ? (
        <section className="card">
          <h2>Nhập điểm từ tệp</h2>
          <Form method="post" encType="multipart/form-data" className="filters">
            <input type="hidden" name="intent" value="import" />
            <div className="field">
              <label htmlFor="score-file">Tệp điểm (.csv hoặc .xlsx)</label>
              <input id="score-file" name="file" type="file" accept=".csv,.xlsx" required />
            </div>
            <button type="submit" className="primary" disabled={importing}>
              {importing ? "Đang nhập…" : "Nhập điểm"}
            </button>
          </Form>
          <p className="hint">
            {round.shape === "DETAILED"
              ? "Cột: đơn vị (don_vi), mã tiêu chí (ma), điểm (diem); tùy chọn: điểm tự chấm (diem_tu_cham), không áp dụng (khong_ap_dung)."
              : "Cột: đơn vị (don_vi), điểm (diem), điểm tối đa (diem_toi_da); tùy chọn: điểm điều tra (diem_dieu_tra), điểm điều tra tối đa (diem_dieu_tra_toi_da)."}{" "}
            Tùy chọn cho mọi tệp: khối (khoi), xếp hạng (xep_hang: có/không), lý do (ly_do), hạng đã công bố (hang), đơn
            vị năm trước (don_vi_truoc, nhiều đơn vị cách nhau bằng “;”); cột không có trong tệp thì giữ nguyên. Tệp có
            dòng lỗi thì không dòng nào được nhập.
          </p>
          {importing ? (
            <progress aria-label="Đang nhập điểm" />
          ) : result?.intent === "import" ? (
            result.outcome.ok ? (
              <p role="status" className="up">
                Đã nhập điểm của {result.outcome.units} đơn vị ({result.outcome.rows} dòng).
              </p>
            ) : (
              <div className="form-error" role="alert">
                <p>Tệp có {result.outcome.errors.length} lỗi, chưa nhập dòng nào:</p>
                <ImportErrorsTable errors={result.outcome.errors} />
              </div>
            )
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value={round.status === "PUBLISHED" ? "unpublish" : "publish"} />
            <button type="submit">{round.status === "PUBLISHED" ? "Chuyển về dự thảo" : "Công bố kết quả"}</button>
          </Form>
        </section>
      ) : null}

      {data.hasBlocks ? (
        <>
          <Form method="get" className="filters" preventScrollReset>
            <div className="field">
              <label htmlFor="block-filter">Khối</label>
              <select id="block-filter" name="khoi" defaultValue={blockFilter}>
                <option value="">Tất cả các khối</option>
                {data.blocks.map((b) => (
                  <option key={b.name ?? ""} value={b.name ?? NO_BLOCK}>
                    {b.name ?? "Chưa thuộc khối nào"}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">Xem</button>
          </Form>
          {data.blocks.length > 1 && data.rows.length ? (
            <BlockAveragesChart
              blocks={data.blocks.map((b) => ({
                name: b.name ?? "Chưa thuộc khối nào",
                averageIndexPct: b.stats.averageIndexPct,
                ranked: b.stats.ranked,
              }))}
            />
          ) : null}
        </>
      ) : null}

      {shownBlocks.map((b) => (
        <section key={b.name ?? ""} className={data.hasBlocks ? "block-section" : undefined}>
          {data.hasBlocks ? (
            <>
              <h2 className="block-heading">{b.name ?? "Chưa thuộc khối nào"}</h2>
              <div className="kpis">
                <div className="kpi">
                  <div className="kpi-value">{b.stats.units}</div>
                  <div className="kpi-label">đơn vị</div>
                </div>
                <div className="kpi">
                  <div className="kpi-value">{b.stats.ranked}</div>
                  <div className="kpi-label">được xếp hạng</div>
                </div>
                <div className="kpi">
                  <div className="kpi-value">{formatPct(b.stats.averageIndexPct)}%</div>
                  <div className="kpi-label">chỉ số trung bình</div>
                </div>
                <ClassCountKpis classCounts={b.stats.classCounts} bands={data.bands} />
              </div>
            </>
          ) : null}
          <RankingTable
            rows={b.rows}
            roundId={round.id}
            hasPrevious={Boolean(round.previousRound)}
            canManage={round.canManage}
            hasParts={data.hasParts}
            title={data.hasBlocks ? `Xếp hạng ${b.name ?? "các đơn vị chưa thuộc khối"}` : "Bảng xếp hạng"}
            headingLevel={data.hasBlocks ? 3 : 2}
          />
          {b.rows.length ? <RoundCharts rows={b.rows} bands={data.bands} stats={b.stats} /> : null}
          {data.hasParts && b.rows.length ? (
            <section className="card">
              <PartsChart
                title={`Điểm thẩm định và điểm điều tra xã hội học${data.hasBlocks ? ` (${b.name ?? "chưa thuộc khối"})` : ""}`}
                rows={b.rows}
              />
            </section>
          ) : null}
        </section>
      ))}

      {data.areaAverages.length ? <AreaAveragesChart areaAverages={data.areaAverages} /> : null}
    </div>
  );
}
