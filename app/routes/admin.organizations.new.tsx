import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { OrganizationEditor } from "#app/components/organization-editor.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { addOrganization } from "#app/organizations/organization-admin.server.ts";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";
import { organizationLevels, organizationTree } from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Thêm cơ quan, đơn vị · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [{ label: "Cơ quan, đơn vị", to: "/admin/organizations" }, { label: "Thêm mới" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const [levels, tree] = await Promise.all([organizationLevels(), organizationTree(user)]);
  const parentId = new URL(request.url).searchParams.get("parent") ?? user.organizationId;
  return { levels, parents: tree.map((o) => ({ id: o.id, name: o.name, depth: o.depth })), parentId };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const submission = parseWithZod(await readForm(request), { schema: organizationFormSchema });
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const fieldErrors = await addOrganization(user, submission.value);
  if (fieldErrors) return reply(submission.reply({ fieldErrors }), 400);
  return redirect("/admin/organizations");
}

export default function NewOrganization() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Thêm cơ quan, đơn vị</h1>
      <OrganizationEditor
        lastResult={lastResult}
        defaultValue={{ parentId: data.parentId }}
        levels={data.levels}
        parents={data.parents}
        submitLabel="Thêm"
      />
    </div>
  );
}
