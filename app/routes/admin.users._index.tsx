import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { ROLE_LABEL } from "#app/auth/roles.ts";
import { listUsers } from "#app/users/users.server.ts";

export const meta: MetaFunction = () => [{ title: "Người dùng · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "admin");
  const users = await listUsers(admin);
  return {
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      position: u.position,
      active: u.active,
      organization: u.organization.name,
      roles: u.roles.map((r) => ROLE_LABEL[r.role]).join(", "),
    })),
  };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Người dùng</h1>
        <Link to="/admin/users/new" className="button primary">
          + Thêm người dùng
        </Link>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Thư điện tử</th>
            <th scope="col">Cơ quan</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                {u.position ? <div className="muted small">{u.position}</div> : null}
              </td>
              <td>{u.email}</td>
              <td>{u.organization}</td>
              <td>{u.roles}</td>
              <td>{u.active ? "Hoạt động" : <span className="badge status-cancelled">Đã khóa</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
