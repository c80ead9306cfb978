import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import { updateUser } from "#app/users/user-writes.server.ts";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { hashPassword } from "#app/auth/password.server.ts";
import { requireAdministeredUser } from "#app/auth/guard.server.ts";
import { UserEditor } from "#app/components/user-editor.tsx";
import { organizationTree } from "#app/organizations/organizations.server.ts";
import { editUserSchema } from "#app/users/user-form.ts";
import { getUserForAdmin } from "#app/users/users.server.ts";

export const meta: MetaFunction = () => [{ title: "Sửa người dùng · Hội nghị CCHC" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, userId } = await requireAdministeredUser(request, params.id);
  const [user, tree] = await Promise.all([getUserForAdmin(userId), organizationTree(admin)]);
  return {
    email: user.email,
    organizations: tree.map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    defaultValue: {
      name: user.name,
      position: user.position ?? "",
      organizationId: user.organizationId,
      roles: user.roles.map((r) => r.role),
      active: user.active ? "on" : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, userId } = await requireAdministeredUser(request, params.id);
  const user = await getUserForAdmin(userId);
  const submission = parseWithZod(await request.formData(), { schema: editUserSchema });
  if (submission.status !== "success")
    return Response.json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const v = submission.value;
  if (!admin.visibleOrganizationIds.includes(v.organizationId)) {
    return Response.json(
      submission.reply({
        fieldErrors: { organizationId: ["Cơ quan không thuộc phạm vi quản trị của bạn"] },
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  if (user.id === admin.id && (!v.active || !v.roles.includes("ADMIN"))) {
    return Response.json(
      submission.reply({
        formErrors: ["Bạn không thể tự khóa tài khoản hoặc bỏ vai trò quản trị của chính mình"],
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  const hash = v.password ? await hashPassword(v.password) : null;
  await updateUser(userActor(admin), user.id, v, hash);
  return redirect("/admin/users");
}

export default function EditUser() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/admin/users">Người dùng</Link> › <span>{data.email}</span>
      </nav>
      <h1>{data.email}</h1>
      <UserEditor
        mode="edit"
        lastResult={lastResult}
        defaultValue={data.defaultValue}
        organizations={data.organizations}
      />
    </div>
  );
}
