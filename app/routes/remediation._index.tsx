import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { Link, useLoaderData } from "@remix-run/react";
import { listRemediationPlans } from "#app/remediation/read.server.ts";
import { requireCapability } from "#app/auth/guard.server.ts";
import { HorizontalBarChart } from "#app/ui/charts.tsx";
import { listLoops } from "#app/remediation/loop.server.ts";
import { NO_NEXT_ROUND, TallyChart } from "#app/components/remediation/remediation-loop.tsx";
import loopCss from "#app/components/remediation/remediation-loop.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: loopCss }];

export const meta: MetaFunction = () => [{ title: "Kế hoạch khắc phục · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: () => [SCORING_CRUMB, { label: "Kế hoạch khắc phục" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  // The list holds only plans the user could open (draft rounds' plans are hidden from the units).
  const user = await requireCapability(request, "remediation.view");
  const plans = await listRemediationPlans(user);
  // Each plan's result in the round after its own (a draft next round only for those who may see it).
  return { plans, loop: await listLoops(user, plans) };
}

export default function RemediationSummary() {
  const { plans, loop } = useLoaderData<typeof loader>();
  const withResult = plans.flatMap((p) => {
    const line = loop.byPlan[p.id];
    return line?.state === "ok" ? [{ label: p.unit, tally: line.tally }] : [];
  });
  return (
    <div className="page">
      <h1>Kế hoạch khắc phục</h1>
      <p className="muted">Lập từ Phụ lục 2 (tiêu chí bị mất điểm) trên trang kết quả của từng đơn vị.</p>
      {plans.length === 0 ? (
        <p className="empty">Chưa có kế hoạch khắc phục nào.</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Kế hoạch</th>
                <th scope="col" className="num">
                  Hoàn thành
                </th>
                <th scope="col" className="num">
                  Đang làm
                </th>
                <th scope="col" className="num">
                  Quá hạn
                </th>
                <th scope="col" className="num">
                  Báo cáo
                </th>
                <th scope="col">Kết quả năm sau</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} className={p.overdue ? "overdue" : ""}>
                  <td>{p.unit}</td>
                  <td>
                    <Link to={`/remediation/${p.id}`}>{p.title}</Link>
                    <div className="muted small">{p.round}</div>
                  </td>
                  <td className="num">
                    {p.done}/{p.total}
                  </td>
                  <td className="num">{p.inProgress}</td>
                  <td className={`num ${p.overdue ? "down" : ""}`}>{p.overdue}</td>
                  <td className="num">{p.reports}</td>
                  <td className="loop-cell">
                    <LoopCell line={loop.byPlan[p.id]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <section className="card" aria-labelledby="loop-heading">
            <h2 id="loop-heading">Kết quả khắc phục trong năm đánh giá sau</h2>
            {loop.overall ? (
              <p className="loop-tally">
                {loop.overall.tallyText}
                <span className="muted small">
                  {" "}
                  · {loop.overall.plans}/{plans.length} kế hoạch đã có kết quả năm sau
                </span>
              </p>
            ) : (
              <p className="muted">{NO_NEXT_ROUND}.</p>
            )}
            <TallyChart title="Số nhiệm vụ theo kết quả năm sau, theo kế hoạch" bars={withResult} />
          </section>
          <section className="card">
            <HorizontalBarChart
              title="Tỷ lệ nhiệm vụ khắc phục đã hoàn thành (%)"
              bars={plans.map((p) => ({ label: p.unit, value: p.pct, display: `${Math.round(p.pct)}%` }))}
            />
          </section>
        </>
      )}
    </div>
  );
}

function LoopCell({ line }: { line: SerializeFrom<typeof loader>["loop"]["byPlan"][string] | undefined }) {
  if (!line || line.state === "no-next-round") return <span className="muted small">{NO_NEXT_ROUND}</span>;
  if (line.state === "refused")
    return (
      <span className="muted small">
        Năm {line.year}: {line.message}
      </span>
    );
  return (
    <>
      <strong>{line.tallyText}</strong>
      <div className="muted small">năm {line.year}</div>
    </>
  );
}
