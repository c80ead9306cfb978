import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { setRoundStatus } from "#app/assessments/round-writes.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { loadRound, roundSummaryFor } from "#app/assessments/rounds.server.ts";
import { importScores, type ImportOutcome } from "#app/assessments/score-import.server.ts";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { notFound, requireRound } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import { ImportErrorsTable } from "#app/components/import-errors.tsx";
import { bandClass, ColumnChart, HorizontalBarChart } from "#app/components/charts.tsx";
import { formatPct, formatPoints, formatRankChange, formatSignedPct } from "#app/scoring/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "Đợt đánh giá"} · Hội nghị CCHC` },
];

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

type ActionResult = { intent: "import"; outcome: ImportOutcome } | { intent: "status"; ok: true };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireRound(request, params.id, "scoring.manage");
  const loaded = await loadRound(round.id);
  if (!loaded) notFound("Không tìm thấy đợt đánh giá này.");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "import") {
    const file = await fileBytes(form.get("file"));
    const outcome: ImportOutcome = file
      ? await importScores(userActor(user), loaded, file)
      : { ok: false, errors: [{ row: 0, column: "", message: "Chọn tệp điểm (.csv hoặc .xlsx)" }] };
    return Response.json({ intent: "import", outcome } satisfies ActionResult, { status: outcome.ok ? 200 : 400 });
  }
  if (intent === "publish" || intent === "unpublish") {
    await setRoundStatus(userActor(user), loaded.round.id, intent === "publish" ? "PUBLISHED" : "DRAFT");
    return { intent: "status", ok: true } satisfies ActionResult;
  }
  throw new Response("Thao tác không hợp lệ.", { status: 400 });
}

type SortKey = "rank" | "name" | "points" | "maxPoints" | "indexPct" | "rankChange";

function SortHeader({
  label,
  k,
  sort,
  setSort,
  numeric,
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; dir: 1 | -1 };
  setSort: (s: { key: SortKey; dir: 1 | -1 }) => void;
  numeric?: boolean;
}) {
  const active = sort.key === k;
  return (
    <th
      scope="col"
      className={numeric ? "num" : ""}
      aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ key: k, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
      >
        {label}
        {active ? (sort.dir === 1 ? " ↑" : " ↓") : ""}
      </button>
    </th>
  );
}

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "rank", dir: 1 });
  const rows = useMemo(() => {
    const value = (r: (typeof data.rows)[number]) => (sort.key === "name" ? r.name : (r[sort.key] ?? -Infinity));
    return [...data.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "string" ? x.localeCompare(String(y), "vi") : (x as number) - (y as number);
      return c * sort.dir;
    });
  }, [data.rows, sort]);
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  const { round } = data;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/scoring">Chỉ số CCHC</Link> › <span>{round.title}</span>
      </nav>
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

      <section>
        <h2>Bảng xếp hạng</h2>
        {data.rows.length === 0 ? (
          <p className="empty">
            Chưa có điểm. {round.canManage ? "Nhập tệp điểm ở trên hoặc chấm điểm từng đơn vị." : ""}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table ranking">
              <thead>
                <tr>
                  <SortHeader label="Hạng" k="rank" sort={sort} setSort={setSort} numeric />
                  <SortHeader label="Đơn vị" k="name" sort={sort} setSort={setSort} />
                  <SortHeader label="Điểm" k="points" sort={sort} setSort={setSort} numeric />
                  <SortHeader label="Tối đa" k="maxPoints" sort={sort} setSort={setSort} numeric />
                  <SortHeader label="Chỉ số (%)" k="indexPct" sort={sort} setSort={setSort} numeric />
                  <th scope="col">Xếp loại</th>
                  {round.previousRound ? (
                    <>
                      <SortHeader label="Thay đổi hạng" k="rankChange" sort={sort} setSort={setSort} numeric />
                      <th scope="col" className="num">
                        Chỉ số so năm trước
                      </th>
                      <th scope="col">Xếp loại năm trước</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unitId}>
                    <td className="num">{r.rank}</td>
                    <td>
                      <Link to={`/scoring/rounds/${round.id}/units/${r.roundUnitId}`}>{r.name}</Link>
                    </td>
                    <td className="num">{formatPoints(r.points)}</td>
                    <td className="num">{formatPoints(r.maxPoints)}</td>
                    <td className="num">{formatPct(r.indexPct)}</td>
                    <td>
                      <span className={`class-pill ${r.css}`}>{r.className}</span>
                    </td>
                    {round.previousRound ? (
                      <>
                        <td className={`num ${r.rankChange ? (r.rankChange > 0 ? "up" : "down") : ""}`}>
                          {formatRankChange(r.rankChange)}
                          {r.rankChange ? (
                            <span className="visually-hidden">{r.rankChange > 0 ? " bậc tăng" : " bậc giảm"}</span>
                          ) : null}
                        </td>
                        <td className="num">{formatSignedPct(r.indexChange)}</td>
                        <td>
                          {r.previousClass ?? ""}
                          {r.classChange === "up" ? (
                            <span className="up"> ▲</span>
                          ) : r.classChange === "down" ? (
                            <span className="down"> ▼</span>
                          ) : null}
                        </td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {data.rows.length ? (
        <div className="grid-2-wide">
          <section className="card">
            <HorizontalBarChart
              title="Chỉ số CCHC theo đơn vị (%)"
              bars={data.rows.map((r) => ({
                label: `${r.rank}. ${r.name}`,
                value: r.indexPct,
                display: formatPct(r.indexPct),
                className: r.css,
              }))}
            />
          </section>
          <section className="card">
            <ColumnChart
              title="Số đơn vị theo xếp loại"
              columns={data.stats.classCounts.map((c, i) => ({
                label: c.className,
                value: c.count,
                className: data.bands[i]!.css,
              }))}
            />
            {data.stats.gainers.length || data.stats.losers.length ? (
              <>
                <h3>Tăng, giảm nhiều nhất so với năm trước</h3>
                <ul>
                  {data.stats.gainers.map((g) => (
                    <li key={`g-${g.name}`}>
                      <span className="up">{formatSignedPct(g.change)} điểm %</span> {g.name} (
                      {formatRankChange(g.rankChange)})
                    </li>
                  ))}
                  {data.stats.losers.map((g) => (
                    <li key={`l-${g.name}`}>
                      <span className="down">{formatSignedPct(g.change)} điểm %</span> {g.name} (
                      {formatRankChange(g.rankChange)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>
      ) : null}

      {data.areaAverages.length ? (
        <section className="card">
          <HorizontalBarChart
            title="Tỷ lệ điểm trung bình theo lĩnh vực (%)"
            bars={data.areaAverages.map((a) => ({
              label: `${a.code}. ${a.title}`,
              value: a.averagePct ?? 0,
              display: formatPct(a.averagePct),
            }))}
          />
        </section>
      ) : null}
    </div>
  );
}
