import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { UserEditor } from "#app/components/user-editor.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";
import { addUser } from "#app/users/user-admin.server.ts";
import { newUserSchema } from "#app/users/user-form.ts";

export const meta: MetaFunction = () => [{ title: "Thêm người dùng · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [{ label: "Người dùng", to: "/admin/users" }, { label: "Thêm mới" }],
};

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
  const submission = parseWithZod(await readForm(request), { schema: newUserSchema });
  if (submission.status !== "success") return reply(submission.reply({ hideFields: ["password"] }), 400);
  const refused = await addUser(admin, submission.value);
  if (refused) return reply(submission.reply({ ...refused, hideFields: ["password"] }), 400);
  return redirect("/admin/users");
}

export default function NewUser() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
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
