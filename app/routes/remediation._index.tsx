import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { visiblePlansWhere } from "~/assessments/remediation-access.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { HorizontalBarChart } from "~/components/charts.tsx";
import { prisma } from "~/db.server.ts";

export const meta: MetaFunction = () => [{ title: "Kế hoạch khắc phục · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const plans = await prisma.remediationPlan.findMany({
    where: visiblePlansWhere(user),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      roundUnit: { select: { organization: { select: { name: true } }, round: { select: { title: true, year: true } } } },
      actions: { select: { status: true, deadline: true } },
      _count: { select: { reports: true } },
    },
  });
  return {
    plans: plans.map((p) => {
      const total = p.actions.length;
      const done = p.actions.filter((a) => a.status === "DONE").length;
      return {
        id: p.id,
        title: p.title,
        unit: p.roundUnit.organization.name,
        round: `${p.roundUnit.round.title}`,
        total,
        done,
        inProgress: p.actions.filter((a) => a.status === "IN_PROGRESS").length,
        overdue: p.actions.filter((a) => a.deadline && a.deadline < now && a.status !== "DONE").length,
        pct: total ? (done / total) * 100 : 0,
        reports: p._count.reports,
      };
    }),
  };
}

export default function RemediationSummary() {
  const { plans } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/scoring">Chỉ số CCHC</Link> › <span>Kế hoạch khắc phục</span>
      </nav>
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
            <HorizontalBarChart title="Tỷ lệ nhiệm vụ khắc phục đã hoàn thành (%)" bars={plans.map((p) => ({ label: p.unit, value: p.pct, display: `${Math.round(p.pct)}%` }))} />
          </section>
        </>
      )}
    </div>
  );
}
