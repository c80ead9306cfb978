// "Thông báo kết luận": the conclusion notice of a conference. Intents: create (the draft from the
// conference), save (the draft), issue (number, date: PDF, e-mails), task-status (following a task).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { conferenceHeld, deadlineWarning } from "#app/conclusions/document.ts";
import { issueNotice } from "#app/conclusions/issue.server.ts";
import { noticeDraftSchema, noticeIssueSchema, noticeTaskStatusSchema } from "#app/conclusions/notice-form.ts";
import { createNoticeDraft, noticePageData, saveNoticeDraft } from "#app/conclusions/notice.server.ts";
import { setNoticeTaskStatus } from "#app/conclusions/tasks.server.ts";
import { NoticePage } from "#app/components/conclusions/notice-page.tsx";
import { toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { selectableOrganizations } from "#app/plans/plans.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Thông báo kết luận · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = { breadcrumb: () => ({ label: "Thông báo kết luận" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const canEdit = access.can("conference.edit");
  const [{ conference: c, notice: n, attendance }, organizations] = await Promise.all([
    noticePageData(access.conference.id),
    canEdit ? selectableOrganizations(access.user) : [],
  ]);
  const now = new Date();
  return {
    conference: { id: c.id, title: c.title, held: conferenceHeld(c, now) },
    canEdit,
    attendance,
    warning: deadlineWarning(c.endsAt ?? c.startsAt, n?.status === "ISSUED" ? n.issuedOn : null, now),
    agendaItems: c.agendaItems.map((a) => ({ id: a.id, name: a.title })),
    planTasks: c.taskAssignments,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    today: toLocalDateValue(now),
    notice: n && {
      ...n,
      issuedOn: n.issuedOn ? toLocalDateValue(n.issuedOn) : "",
      tasks: n.tasks.map((t) => ({ ...t, dueDate: t.dueDate ? toLocalDateValue(t.dueDate) : "" })),
    },
  };
}

const intentSchema = z.object({ intent: z.enum(["create", "save", "issue", "task-status"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const actor = userActor(access.user);
  const conferenceId = access.conference.id;
  const form = await readForm(request);
  const intent = intentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
  switch (intent.data.intent) {
    case "create": {
      const submission = parseWithZod(form, { schema: z.object({}) });
      await createNoticeDraft(actor, conferenceId);
      return formReply("create", submission, { message: "Đã lập dự thảo thông báo kết luận từ hội nghị." });
    }
    case "save": {
      const submission = parseWithZod(form, { schema: noticeDraftSchema });
      if (submission.status !== "success") return formReply("save", submission);
      const outcome = await saveNoticeDraft(actor, conferenceId, submission.value, access.user.visibleOrganizationIds);
      if (outcome.ok) return formReply("save", submission, { message: "Đã lưu dự thảo." });
      const formErrors = outcome.formError ? [outcome.formError] : undefined;
      return formReply("save", submission, { formErrors, fieldErrors: outcome.fieldErrors, refused: true });
    }
    case "issue": {
      const submission = parseWithZod(form, { schema: noticeIssueSchema });
      if (submission.status !== "success") return formReply("issue", submission);
      const outcome = await issueNotice(actor, conferenceId, submission.value);
      if (!outcome.ok) {
        const formErrors = outcome.formError ? [outcome.formError] : undefined;
        return formReply("issue", submission, { formErrors, fieldErrors: outcome.fieldErrors, refused: true });
      }
      return formReply("issue", submission, { message: [outcome.message, outcome.warning].filter(Boolean).join(" ") });
    }
    case "task-status": {
      const submission = parseWithZod(form, { schema: noticeTaskStatusSchema });
      if (submission.status !== "success") return formReply("task-status", submission);
      const v = submission.value;
      if (!(await setNoticeTaskStatus(actor, conferenceId, v.taskId, v.status)))
        throw new Response("Không tìm thấy nhiệm vụ này trong thông báo đã ban hành.", { status: 404 });
      return formReply("task-status", submission, { message: "Đã cập nhật tình trạng nhiệm vụ." });
    }
  }
}

export default function ConclusionRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <NoticePage data={data} actionData={actionData} />;
}
