import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import { useLoaderData } from "@remix-run/react";
import { roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { requireRound } from "#app/auth/guard.server.ts";
import { HorizontalBarChart } from "#app/ui/charts.tsx";
import { formatPct } from "#app/scoring/format.ts";
import { SIPAS_COMPONENTS, SIPAS_LABEL } from "#app/scoring/sipas.ts";

export const meta: MetaFunction = () => [{ title: "Chỉ số hài lòng SIPAS · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [...roundCrumbs(data?.round), { label: "SIPAS" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRound(request, params.id, "scoring.view");
  const { loaded, summary } = await roundSummaryFor(round.id);
  const averages = SIPAS_COMPONENTS.map((c) => ({
    label: SIPAS_LABEL[c],
    value: summary.sipas.length ? summary.sipas.reduce((s, r) => s + r.components[c], 0) / summary.sipas.length : 0,
  }));
  return {
    round: { id: loaded.round.id, title: loaded.round.title },
    headers: SIPAS_COMPONENTS.map((c) => SIPAS_LABEL[c]),
    // Each block ranked on its own (rankSipas), in the round's block order.
    blocks: [...new Set(summary.sipas.map((r) => r.block))].map((block) => ({
      name: block,
      rows: summary.sipas
        .filter((r) => r.block === block)
        .map((r) => ({
          name: r.unitName,
          rank: r.rank,
          index: r.index,
          components: SIPAS_COMPONENTS.map((c) => r.components[c]),
        })),
    })),
    hasRows: summary.sipas.length > 0,
    averages,
  };
}

export default function SipasPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)</h1>
      {!data.hasRows ? (
        <p className="empty">Đợt này chưa có kết quả điều tra SIPAS.</p>
      ) : (
        <>
          {data.blocks.map((b) => (
            <section key={b.name ?? ""}>
              {b.name !== null || data.blocks.length > 1 ? <h2>{b.name ?? "Chưa thuộc khối nào"}</h2> : null}
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Hạng
                      </th>
                      <th scope="col">Đơn vị</th>
                      {data.headers.map((h) => (
                        <th key={h} scope="col" className="num">
                          {h} (%)
                        </th>
                      ))}
                      <th scope="col" className="num">
                        SIPAS (%)
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r) => (
                      <tr key={r.name}>
                        <td className="num">{r.rank ?? "Không xếp hạng"}</td>
                        <td>{r.name}</td>
                        {r.components.map((v, i) => (
                          <td key={i} className="num">
                            {formatPct(v)}
                          </td>
                        ))}
                        <td className="num strong">{formatPct(r.index)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <section className="card">
                <HorizontalBarChart
                  title={`Chỉ số SIPAS theo đơn vị (%)${b.name ? ` – ${b.name}` : ""}`}
                  bars={b.rows.map((r) => ({
                    label: r.rank === null ? r.name : `${r.rank}. ${r.name}`,
                    value: r.index,
                    display: formatPct(r.index),
                  }))}
                />
              </section>
            </section>
          ))}
          <section className="card">
            <HorizontalBarChart
              title="Trung bình từng yếu tố (%)"
              bars={data.averages.map((a) => ({ label: a.label, value: a.value, display: formatPct(a.value) }))}
            />
          </section>
        </>
      )}
    </div>
  );
}
