import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import { createUser } from "#app/users/user-writes.server.ts";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { hashPassword } from "#app/auth/password.server.ts";
import { requireCapability } from "#app/auth/guard.server.ts";
import { UserEditor } from "#app/components/user-editor.tsx";
import { prisma } from "#app/db.server.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";
import { newUserSchema } from "#app/users/user-form.ts";

export const meta: MetaFunction = () => [{ title: "Thêm người dùng · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "admin");
  const tree = await organizationTree(admin);
  return {
    organizations: tree.map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    organizationId: admin.organizationId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: newUserSchema });
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
  if (await prisma.user.findUnique({ where: { email: v.email }, select: { id: true } })) {
    return Response.json(
      submission.reply({ fieldErrors: { email: ["Thư điện tử này đã có tài khoản"] }, hideFields: ["password"] }),
      { status: 400 },
    );
  }
  await createUser(userActor(admin), v, await hashPassword(v.password));
  return redirect("/admin/users");
}

export default function NewUser() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/admin/users">Người dùng</Link> › <span>Thêm mới</span>
      </nav>
      <h1>Thêm người dùng</h1>
      <UserEditor
        mode="new"
        lastResult={lastResult}
        defaultValue={{ organizationId: data.organizationId, roles: ["VIEWER"] }}
        organizations={data.organizations}
      />
    </div>
  );
}
