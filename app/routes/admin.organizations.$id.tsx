import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import { updateOrganization } from "#app/organizations/organization-writes.server.ts";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAdministeredOrganization } from "#app/auth/guard.server.ts";
import { OrganizationEditor } from "#app/components/organization-editor.tsx";
import { prisma } from "#app/db.server.ts";
import { toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";
import {
  organizationData,
  organizationLevels,
  organizationTree,
  parentError,
} from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Sửa cơ quan, đơn vị · Hội nghị CCHC" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin: user, organizationId: id } = await requireAdministeredOrganization(request, params.id);
  const [org, levels, tree] = await Promise.all([
    prisma.organization.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        documentName: true,
        placeName: true,
        levelId: true,
        parentId: true,
        code: true,
        dissolvedOn: true,
      },
    }),
    organizationLevels(),
    organizationTree(user),
  ]);
  if (!org) notFound("Không tìm thấy cơ quan, đơn vị này.");
  return {
    org,
    isRoot: id === user.organizationId,
    levels,
    parents: tree.filter((o) => o.id !== id).map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    defaultValue: {
      name: org.name,
      documentName: org.documentName,
      placeName: org.placeName,
      levelId: org.levelId,
      parentId: org.parentId ?? undefined,
      code: org.code ?? undefined,
      dissolvedOn: toLocalDateValue(org.dissolvedOn) || undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin: user, organizationId: id } = await requireAdministeredOrganization(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: organizationFormSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const error = await parentError(user, submission.value, id);
  if (error) return Response.json(submission.reply({ fieldErrors: { parentId: [error] } }), { status: 400 });
  if (submission.value.code) {
    const other = await prisma.organization.findUnique({
      where: { code: submission.value.code },
      select: { id: true },
    });
    if (other && other.id !== id)
      return Response.json(submission.reply({ fieldErrors: { code: ["Mã này đã được dùng cho cơ quan khác"] } }), {
        status: 400,
      });
  }
  await updateOrganization(userActor(user), id, {
    ...organizationData(submission.value),
    ...(id === user.organizationId ? {} : { parentId: submission.value.parentId }),
  });
  return redirect("/admin/organizations");
}

export default function EditOrganization() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/admin/organizations">Cơ quan, đơn vị</Link> › <span>{data.org.name}</span>
      </nav>
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
