import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { setRoundStatus } from "#app/scoring/round-writes.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { loadRound, roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { importScoreUpload } from "#app/scoring/score-import.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { notFound, requireRound } from "#app/auth/guard.server.ts";
import { ImportErrorsTable } from "#app/ui/import-errors.tsx";
import { bandClass } from "#app/ui/charts.tsx";
import { RankingTable } from "#app/components/scoring/ranking-table.tsx";
import { AreaAveragesChart, RoundCharts } from "#app/components/scoring/round-charts.tsx";
import { formatPct } from "#app/scoring/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "Đợt đánh giá"} · Hội nghị CCHC` },
];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [SCORING_CRUMB, { label: data?.round.title ?? "Đợt đánh giá" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "scoring.view");
  const { loaded, summary } = await roundSummaryFor(access.round.id);
  const bandIndex = (name: string) => summary.bands.findIndex((b) => b.name === name);
  const roundUnitId = new Map(loaded.units.map((u) => [u.organizationId, u.roundUnitId]));
  const unscored = loaded.units.length - summary.ranking.length;
  return {
    round: {
      ...loaded.round,
      framework: loaded.stored?.framework.name ?? null,
      canManage: access.capabilities.has("scoring.manage"),
      canAudit: access.capabilities.has("audit.view"),
      unitCount: loaded.units.length,
      unscored,
      hasSipas: summary.sipas.length > 0,
    },
    bands: summary.bands.map((b, i) => ({ ...b, css: bandClass(i, summary.bands.length) })),
    rows: summary.ranking.map((r) => ({
      unitId: r.unitId,
      roundUnitId: roundUnitId.get(r.unitId)!,
      name: r.unitName,
      points: r.points,
      maxPoints: r.maxPoints,
      indexPct: r.indexPct,
      className: r.className,
      css: bandClass(bandIndex(r.className), summary.bands.length),
      rank: r.rank,
      rankChange: r.rankChange,
      indexChange: r.indexChange,
      classChange: r.classChange,
      previousClass: r.previous?.className ?? null,
      previousRank: r.previous?.rank ?? null,
    })),
    stats: {
      averageIndexPct: summary.statistics.averageIndexPct,
      averagePoints: summary.statistics.averagePoints,
      classCounts: summary.statistics.classCounts,
      gainers: summary.statistics.gainers.map((r) => ({
        name: r.unitName,
        change: r.indexChange,
        rankChange: r.rankChange,
      })),
      losers: summary.statistics.losers.map((r) => ({
        name: r.unitName,
        change: r.indexChange,
        rankChange: r.rankChange,
      })),
    },
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

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  const { round } = data;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{round.title}</h1>
        <div>
          <a href={`/scoring/rounds/${round.id}/ranking.xlsx`} className="button">
            Xuất bảng xếp hạng (Excel)
          </a>{" "}
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
        {data.stats.classCounts.map((c, i) => (
          <div className="kpi" key={c.className}>
            <div className="kpi-value">{c.count}</div>
            <div className="kpi-label">
              <span className={`class-pill ${data.bands[i]!.css}`}>{c.className}</span>
            </div>
          </div>
        ))}
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
              : "Cột: đơn vị (don_vi), điểm (diem), điểm tối đa (diem_toi_da); tùy chọn: điểm điều tra (diem_dieu_tra)."}{" "}
            Tệp có dòng lỗi thì không dòng nào được nhập.
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

      <RankingTable
        rows={data.rows}
        roundId={round.id}
        hasPrevious={Boolean(round.previousRound)}
        canManage={round.canManage}
      />

      {data.rows.length ? <RoundCharts rows={data.rows} bands={data.bands} stats={data.stats} /> : null}

      {data.areaAverages.length ? <AreaAveragesChart areaAverages={data.areaAverages} /> : null}
    </div>
  );
}
