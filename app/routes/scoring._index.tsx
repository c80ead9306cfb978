import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import { listFrameworks } from "#app/scoring/frameworks.server.ts";
import { listRounds } from "#app/scoring/rounds.server.ts";
import { formatPoints } from "#app/scoring/format.ts";

export const meta: MetaFunction = () => [{ title: "Chỉ số CCHC · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "scoring.view");
  const [rounds, frameworks] = await Promise.all([listRounds(user), listFrameworks(user)]);
  const manager = can(user.roles, "scoring.manage");
  return {
    manager,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      published: r.status === "PUBLISHED",
      summaryOnly: r.shape === "SUMMARY",
      organization: r.organization.name,
      framework: r.framework?.name ?? "Chỉ có điểm tổng",
      units: r._count.units,
    })),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      year: f.year,
      version: f.version,
      organization: f.organization.name,
      level: f.unitLevel.name,
      nodes: f._count.nodes,
      rounds: f._count.rounds,
    })),
  };
}

export default function ScoringHome() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Chỉ số cải cách hành chính</h1>
        {data.manager ? (
          <div className="actions">
            <Link to="/scoring/rounds/new" className="button primary">
              + Đợt đánh giá mới
            </Link>{" "}
            <Link to="/scoring/frameworks/new" className="button">
              + Nhập bộ chỉ số
            </Link>{" "}
            <Link to="/remediation" className="button">
              Kế hoạch khắc phục
            </Link>
          </div>
        ) : null}
      </div>
      <section>
        <h2>Đợt đánh giá, xếp hạng</h2>
        {data.rounds.length === 0 ? (
          <p className="empty">Chưa có đợt đánh giá nào.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Đợt đánh giá</th>
                <th scope="col">Năm</th>
                <th scope="col">Cơ quan đánh giá</th>
                <th scope="col">Bộ chỉ số</th>
                <th scope="col" className="num">
                  Số đơn vị
                </th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {data.rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/scoring/rounds/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{r.year}</td>
                  <td>{r.organization}</td>
                  <td>{r.framework}</td>
                  <td className="num">{r.units}</td>
                  <td>
                    {r.published ? (
                      <span className="badge status-held">Đã công bố</span>
                    ) : (
                      <span className="badge status-draft">Dự thảo</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Bộ chỉ số</h2>
        {data.frameworks.length === 0 ? (
          <p className="empty">Chưa có bộ chỉ số nào.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Bộ chỉ số</th>
                <th scope="col">Năm</th>
                <th scope="col">Đơn vị được đánh giá</th>
                <th scope="col">Cơ quan ban hành</th>
                <th scope="col" className="num">
                  Tiêu chí
                </th>
                <th scope="col" className="num">
                  Đợt đã dùng
                </th>
              </tr>
            </thead>
            <tbody>
              {data.frameworks.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/scoring/frameworks/${f.id}`}>{f.name}</Link>
                    <div className="muted small">Phiên bản {f.version}</div>
                  </td>
                  <td>{f.year}</td>
                  <td>{f.level}</td>
                  <td>{f.organization}</td>
                  <td className="num">{formatPoints(f.nodes)}</td>
                  <td className="num">{f.rounds}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
