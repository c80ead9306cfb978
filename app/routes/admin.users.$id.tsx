import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdministeredUser } from "#app/auth/guard.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { UserEditor } from "#app/components/user-editor.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";
import { saveUser } from "#app/users/user-admin.server.ts";
import { editUserSchema } from "#app/users/user-form.ts";
import { getUserForAdmin } from "#app/users/users.server.ts";

export const meta: MetaFunction = () => [{ title: "Sửa người dùng · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<{ email: string }> = {
  breadcrumb: (data) => [{ label: "Người dùng", to: "/admin/users" }, ...(data ? [{ label: data.email }] : [])],
};

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
  const submission = parseWithZod(await readForm(request), { schema: editUserSchema });
  if (submission.status !== "success") return reply(submission.reply({ hideFields: ["password"] }), 400);
  const refused = await saveUser(admin, user.id, submission.value);
  if (refused) return reply(submission.reply({ ...refused, hideFields: ["password"] }), 400);
  return redirect("/admin/users");
}

export default function EditUser() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
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
