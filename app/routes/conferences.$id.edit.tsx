import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { PlanEditor } from "#app/components/plan-editor.tsx";
import { planFormSchema } from "#app/plans/plan-form.ts";
import { planToFormValues } from "#app/plans/plan-form-data.ts";
import {
  foreignOrganizationIds,
  getConference,
  selectableOrganizations,
  updateConference,
} from "#app/plans/plans.server.ts";
import { isEditable } from "#app/plans/status.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";

export const meta: MetaFunction = () => [{ title: "Sửa kế hoạch · Hội nghị CCHC" }];

function assertEditable(status: Parameters<typeof isEditable>[0]) {
  if (!isEditable(status)) throw new Response("Kế hoạch đã kết thúc hoặc đã hủy nên không sửa được.", { status: 403 });
}

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Sửa" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, conference } = await requireConference(request, params.id, "conference.edit");
  const c = await getConference(conference.id);
  assertEditable(c.status);
  const organizations = await selectableOrganizations(user);
  return {
    id: c.id,
    title: c.title,
    customLayout: c.outline !== null,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    defaultValue: planToFormValues(c),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, conference: c } = await requireConference(request, params.id, "conference.edit");
  assertEditable(c.status);
  const submission = parseWithZod(await readForm(request), { schema: planFormSchema });
  if (submission.status !== "success") return formReply("save", submission);
  if (foreignOrganizationIds(user, submission.value).length)
    return formReply("save", submission, { formErrors: ["Có cơ quan không thuộc phạm vi của bạn; hãy chọn lại."] });
  await updateConference(user, c.id, submission.value);
  return redirect(`/conferences/${c.id}`);
}

export default function EditConference() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Sửa kế hoạch</h1>
      <PlanEditor
        lastResult={actionData?.result}
        defaultValue={data.defaultValue}
        organizations={data.organizations}
        customLayout={data.customLayout}
        submitLabel="Lưu thay đổi"
      />
    </div>
  );
}
