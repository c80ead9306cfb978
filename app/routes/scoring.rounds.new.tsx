import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { createRoundAs } from "#app/scoring/round-writes.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { SCORING_CRUMB } from "#app/components/scoring/crumbs.ts";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { canManageScoring } from "#app/scoring/access.ts";
import { newRoundSchema } from "#app/scoring/round-forms.ts";
import { requireCapability } from "#app/auth/guard.server.ts";
import { Field } from "#app/ui/field.tsx";
import { prisma } from "#app/database/db.server.ts";
import { organizationTree } from "#app/organizations/organizations.server.ts";

export const meta: MetaFunction = () => [{ title: "Đợt đánh giá mới · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: () => [SCORING_CRUMB, { label: "Đợt đánh giá mới" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "scoring.manage");
  const [tree, frameworks, rounds] = await Promise.all([
    organizationTree(user),
    prisma.indexFramework.findMany({
      where: { organizationId: { in: user.visibleOrganizationIds } },
      orderBy: [{ year: "desc" }, { name: "asc" }],
      select: { id: true, name: true, year: true, version: true, unitLevel: { select: { code: true, name: true } } },
    }),
    prisma.assessmentRound.findMany({
      where: { organizationId: { in: user.visibleOrganizationIds } },
      orderBy: [{ year: "desc" }, { title: "asc" }],
      select: { id: true, title: true, year: true },
    }),
  ]);
  return {
    organizations: tree.map((o) => ({
      id: o.id,
      name: o.name,
      depth: o.depth,
      parentId: o.parentId,
      levelCode: o.level.code,
      manageable: canManageScoring(user, o.id),
    })),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      year: f.year,
      version: f.version,
      unitLevelCode: f.unitLevel.code,
      unitLevelName: f.unitLevel.name,
    })),
    rounds,
    defaultOrganizationId: user.organizationId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "scoring.manage");
  const submission = parseWithZod(await request.formData(), { schema: newRoundSchema });
  if (submission.status !== "success") return formReply("create", submission);
  const created = await createRoundAs(user, submission.value);
  if (!created.ok) return formReply("create", submission, { fieldErrors: created.fieldErrors });
  return redirect(`/scoring/rounds/${created.roundId}`);
}

export default function NewRound() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { organizationId: data.defaultOrganizationId, year: new Date().getFullYear() },
    constraint: getZodConstraint(newRoundSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newRoundSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [parent, setParent] = useState(data.defaultOrganizationId);
  // With a framework chosen, offer only units of the level it assesses (communes, districts…).
  const framework = data.frameworks.find((f) => f.id === fields.frameworkId.value);
  const candidates = data.organizations.filter(
    (o) => o.parentId === parent && (!framework || o.levelCode === framework.unitLevelCode),
  );
  return (
    <div className="page">
      <h1>Đợt đánh giá mới</h1>
      <Form method="post" {...getFormProps(form)} className="card narrow-form">
        <Field label="Tên đợt đánh giá" meta={fields.title} hint="Ví dụ: Chỉ số CCHC các xã, thị trấn năm 2024">
          <input {...getInputProps(fields.title, { type: "text" })} />
        </Field>
        <div className="grid-2">
          <Field label="Năm đánh giá" meta={fields.year}>
            <input {...getInputProps(fields.year, { type: "number" })} />
          </Field>
          <Field label="Cơ quan tổ chức đánh giá" meta={fields.organizationId}>
            <select {...getSelectProps(fields.organizationId)}>
              {data.organizations
                .filter((o) => o.manageable)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </Field>
        </div>
        <div className="grid-2">
          <Field label="Bộ chỉ số" meta={fields.frameworkId} hint="Để trống nếu chỉ nhập điểm tổng đã công bố">
            <select {...getSelectProps(fields.frameworkId)}>
              <option value="">— Chỉ có điểm tổng —</option>
              {data.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({f.year}, phiên bản {f.version})
                </option>
              ))}
            </select>
          </Field>
          <Field label="So sánh với đợt năm trước" meta={fields.previousRoundId}>
            <select {...getSelectProps(fields.previousRoundId)}>
              <option value="">— Không —</option>
              {data.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title} ({r.year})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="subfieldset" aria-describedby={fields.unitIds.errorId}>
          <legend>Đơn vị được đánh giá</legend>
          <div className="field">
            <label htmlFor="unit-parent">Chọn các đơn vị trực thuộc</label>
            <select id="unit-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
              {data.organizations
                .filter((o) => data.organizations.some((c) => c.parentId === o.id))
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {"\u00a0\u00a0".repeat(o.depth)}
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
          {framework ? <p className="hint">Bộ chỉ số này dùng cho: {framework.unitLevelName}.</p> : null}
          {candidates.length === 0 ? (
            <p className="muted">Không có đơn vị phù hợp trực thuộc cơ quan đã chọn.</p>
          ) : null}
          <div className="checkbox-grid">
            {candidates.map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" name={fields.unitIds.name} value={o.id} defaultChecked />
                {o.name}
              </label>
            ))}
          </div>
          <FieldsetErrors meta={fields.unitIds} />
        </fieldset>
        <button type="submit" className="primary">
          Tạo đợt đánh giá
        </button>
      </Form>
    </div>
  );
}
