import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { formatDate } from "#app/lib/vietnamese-date.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Cơ quan, đơn vị · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const tree = await organizationTree(user);
  return {
    rows: tree.map((o) => ({
      id: o.id,
      name: o.name,
      depth: o.depth,
      level: o.level.name,
      place: o.placeName,
      code: o.code,
      dissolved: o.dissolvedOn ? formatDate(o.dissolvedOn) : null,
      users: o._count.users,
      conferences: o._count.conferences,
    })),
  };
}

export default function Organizations() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Cơ quan, đơn vị</h1>
        <Link to="/admin/organizations/new" className="button primary">
          + Thêm cơ quan, đơn vị
        </Link>
      </div>
      <p className="muted">
        Cấp hành chính là dữ liệu: cây có thể theo mô hình ba cấp (tỉnh, huyện, xã) trước ngày 01/7/2025 hoặc hai cấp
        (tỉnh, xã) từ ngày 01/7/2025.
      </p>
      <table className="table tree-table">
        <thead>
          <tr>
            <th scope="col">Tên</th>
            <th scope="col">Cấp</th>
            <th scope="col">Địa danh</th>
            <th scope="col">Người dùng</th>
            <th scope="col">Kế hoạch</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className={o.dissolved ? "dissolved" : ""}>
              <td style={{ paddingLeft: `${0.75 + o.depth * 1.25}rem` }}>
                <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
                {o.dissolved ? <span className="muted small"> (giải thể {o.dissolved})</span> : null}
              </td>
              <td>{o.level}</td>
              <td>{o.place}</td>
              <td>{o.users}</td>
              <td>{o.conferences}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
