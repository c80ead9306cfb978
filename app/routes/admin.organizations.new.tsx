import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import { createOrganization } from "#app/organizations/organization-writes.server.ts";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { OrganizationEditor } from "#app/components/organization-editor.tsx";
import { prisma } from "#app/db.server.ts";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";
import {
  organizationData,
  organizationLevels,
  organizationTree,
  parentError,
} from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Thêm cơ quan, đơn vị · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const [levels, tree] = await Promise.all([organizationLevels(), organizationTree(user)]);
  const parentId = new URL(request.url).searchParams.get("parent") ?? user.organizationId;
  return { levels, parents: tree.map((o) => ({ id: o.id, name: o.name, depth: o.depth })), parentId };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: organizationFormSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const error = await parentError(user, submission.value);
  if (error) return Response.json(submission.reply({ fieldErrors: { parentId: [error] } }), { status: 400 });
  if (
    submission.value.code &&
    (await prisma.organization.findUnique({ where: { code: submission.value.code }, select: { id: true } }))
  ) {
    return Response.json(submission.reply({ fieldErrors: { code: ["Mã này đã được dùng cho cơ quan khác"] } }), {
      status: 400,
    });
  }
  await createOrganization(userActor(user), {
    ...organizationData(submission.value),
    parentId: submission.value.parentId,
  });
  return redirect("/admin/organizations");
}

export default function NewOrganization() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/admin/organizations">Cơ quan, đơn vị</Link> › <span>Thêm mới</span>
      </nav>
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
