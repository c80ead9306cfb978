import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { PlanEditor } from "#app/components/plan-editor.tsx";
import { prisma } from "#app/database/db.server.ts";
import { planFormSchema } from "#app/plans/plan-form.ts";
import { createConference, foreignOrganizationIds, selectableOrganizations } from "#app/plans/plans.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";

export const meta: MetaFunction = () => [{ title: "Lập kế hoạch mới · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => [{ label: "Hội nghị, kế hoạch", to: "/conferences" }, { label: "Lập kế hoạch mới" }],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "conference.edit");
  const [organizations, own] = await Promise.all([
    selectableOrganizations(user),
    prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { placeName: true } }),
  ]);
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    defaultValue: {
      kind: "CONFERENCE",
      organizationId: user.organizationId,
      documentSymbol: "KH-UBND",
      issuePlace: own.placeName,
      issueYear: new Date().getFullYear(),
      format: "IN_PERSON",
      scheduleKind: "NONE",
      signAuthority: "TM. ỦY BAN NHÂN DÂN",
      signerTitle: "CHỦ TỊCH",
      recipients: "Lưu: VT.",
      attendeeGroups: [{ heading: "", lines: [{ text: "" }] }],
      tasks: [],
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "conference.edit");
  const submission = parseWithZod(await readForm(request), { schema: planFormSchema });
  if (submission.status !== "success") return formReply("save", submission);
  if (foreignOrganizationIds(user, submission.value).length)
    return formReply("save", submission, { formErrors: ["Có cơ quan không thuộc phạm vi của bạn; hãy chọn lại."] });
  const id = await createConference(user, submission.value);
  return redirect(`/conferences/${id}`);
}

export default function NewConference() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Lập kế hoạch mới</h1>
      <PlanEditor
        lastResult={actionData?.result}
        defaultValue={data.defaultValue}
        organizations={data.organizations}
        customLayout={false}
        submitLabel="Lưu kế hoạch"
      />
    </div>
  );
}
