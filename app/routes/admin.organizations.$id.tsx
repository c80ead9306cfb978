import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAdministeredOrganization } from "#app/auth/guard.server.ts";
import { OrganizationEditor } from "#app/components/organization-editor.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { organizationForEdit, saveOrganization } from "#app/organizations/organization-admin.server.ts";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";
import { organizationLevels, organizationTree } from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Sửa cơ quan, đơn vị · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<{ org: { name: string } }> = {
  breadcrumb: (data) => [
    { label: "Cơ quan, đơn vị", to: "/admin/organizations" },
    ...(data ? [{ label: data.org.name }] : []),
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin: user, organizationId: id } = await requireAdministeredOrganization(request, params.id);
  const [edit, levels, tree] = await Promise.all([
    organizationForEdit(id),
    organizationLevels(),
    organizationTree(user),
  ]);
  if (!edit) notFound("Không tìm thấy cơ quan, đơn vị này.");
  return {
    ...edit,
    isRoot: id === user.organizationId,
    levels,
    parents: tree.filter((o) => o.id !== id).map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin: user, organizationId: id } = await requireAdministeredOrganization(request, params.id);
  const submission = parseWithZod(await readForm(request), { schema: organizationFormSchema });
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const fieldErrors = await saveOrganization(user, id, submission.value);
  if (fieldErrors) return reply(submission.reply({ fieldErrors }), 400);
  return redirect("/admin/organizations");
}

export default function EditOrganization() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{data.org.name}</h1>
      <p>
        <Link to={`/admin/organizations/new?parent=${data.org.id}`}>+ Thêm đơn vị trực thuộc</Link>
      </p>
      <OrganizationEditor
        lastResult={lastResult}
        defaultValue={data.defaultValue}
        levels={data.levels}
        parents={data.isRoot ? [] : data.parents}
        submitLabel="Lưu thay đổi"
      />
    </div>
  );
}
