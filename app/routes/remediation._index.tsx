import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { Link, useLoaderData } from "@remix-run/react";
import { listRemediationPlans } from "#app/remediation/read.server.ts";
import { requireCapability } from "#app/auth/guard.server.ts";
import { HorizontalBarChart } from "#app/ui/charts.tsx";

export const meta: MetaFunction = () => [{ title: "Kế hoạch khắc phục · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: () => [SCORING_CRUMB, { label: "Kế hoạch khắc phục" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  // The list holds only plans the user could open (draft rounds' plans are hidden from the units).
  const user = await requireCapability(request, "remediation.view");
  return { plans: await listRemediationPlans(user) };
}

export default function RemediationSummary() {
  const { plans } = useLoaderData<typeof loader>();
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
                </tr>
              ))}
            </tbody>
          </table>
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
