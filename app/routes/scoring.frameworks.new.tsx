import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { userActor } from "#app/database/audit.server.ts";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { canManageScoring } from "#app/scoring/access.ts";
import { importFrameworkFile } from "#app/scoring/frameworks.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { fileBytes, readUpload } from "#app/http/form-data.server.ts";
import { requireCapability } from "#app/auth/guard.server.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Nhập bộ chỉ số · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: () => [SCORING_CRUMB, { label: "Nhập bộ chỉ số" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "scoring.manage");
  const tree = await organizationTree(user);
  return {
    organizations: tree
      .filter((o) => canManageScoring(user, o.id))
      .map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    defaultOrganizationId: user.organizationId,
  };
}

const metaSchema = z.object({ organizationId: z.string().min(1, "Chọn cơ quan ban hành") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "scoring.manage");
  const form = await readUpload(request);
  const parsedMeta = metaSchema.safeParse({ organizationId: form.get("organizationId") ?? "" });
  if (!parsedMeta.success || !canManageScoring(user, parsedMeta.data.organizationId)) {
    return reply({ errors: ["Chọn cơ quan ban hành thuộc phạm vi của bạn"] }, 400);
  }
  const file = await fileBytes(form.get("file"));
  if (!file) return reply({ errors: ["Chọn tệp bộ chỉ số (.json hoặc .xlsx)"] }, 400);
  const imported = await importFrameworkFile(userActor(user), parsedMeta.data.organizationId, file);
  if (!imported.ok) return reply({ errors: imported.errors }, 400);
  return redirect(`/scoring/frameworks/${imported.id}`);
}

export default function NewFramework() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="page">
      <h1>Nhập bộ chỉ số</h1>
      <Form method="post" encType="multipart/form-data" className="card narrow-form">
        {result?.errors ? (
          <div className="form-error" role="alert">
            <p>Tệp chưa nhập được:</p>
            <ul>
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="organizationId">Cơ quan ban hành</label>
          <select id="organizationId" name="organizationId" defaultValue={data.defaultOrganizationId}>
            {data.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0".repeat(o.depth)}
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="file">Tệp bộ chỉ số (.json hoặc .xlsx)</label>
          <input id="file" name="file" type="file" accept=".json,.xlsx" required />
          <p className="hint">
            Dùng mẫu tải về từ một bộ chỉ số có sẵn (nút “Tải Excel”): trang “Bo chi so” gồm Mã, Tên tiêu chí, Điểm tối
            đa, Nguồn điểm; trang “Xep loai” gồm các mức xếp loại.
          </p>
        </div>
        <button type="submit" className="primary" disabled={navigation.state !== "idle"}>
          {navigation.state === "submitting" ? "Đang nhập…" : "Nhập bộ chỉ số"}
        </button>
      </Form>
    </div>
  );
}
