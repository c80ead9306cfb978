import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import { ReminderForm } from "#app/components/reminders/reminder-form.tsx";
import { ReminderList } from "#app/components/reminders/reminder-list.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { reminderSchema } from "#app/invitations/scheduled-reminders-form.ts";
import { pickAttendees } from "#app/database/attendee-search.server.ts";
import {
  remindersPage,
  scheduleReminderFor,
  withdrawReminder,
  type ReminderOutcome,
} from "#app/invitations/scheduled-reminders.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Lịch nhắc họp · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Lịch nhắc họp" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  // ?q=: the "chosen people" search (the conference may have thousands of attendees).
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  // The first 20 by name from one letter on, as the picker asks while the organiser types.
  const [page, found] = await Promise.all([
    remindersPage(access.conference.id),
    pickAttendees(access.conference.id, q, { limit: 20, minChars: 1 }),
  ]);
  const matches = found.rows.map(({ bridgePoint: _b, ...a }) => a);
  return { ...page, matches };
}

const intentSchema = z.discriminatedUnion("intent", [
  reminderSchema.safeExtend({ intent: z.literal("schedule") }),
  z.object({ intent: z.literal("cancel"), reminderId: z.string().min(1) }),
  z.object({ intent: z.literal("delete"), reminderId: z.string().min(1) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: intentSchema });
  const intent = String(form.get("intent") ?? "");
  if (submission.status !== "success") return formReply(intent, submission);
  const v = submission.value;
  const id = access.conference.id;
  let outcome: ReminderOutcome;
  switch (v.intent) {
    case "schedule": {
      const { intent: _i, ...values } = v;
      outcome = await scheduleReminderFor(access.user, id, values);
      break;
    }
    case "cancel":
    case "delete":
      outcome = await withdrawReminder(access.user, id, v.reminderId, v.intent);
      break;
  }
  return formReply(
    v.intent,
    submission,
    outcome.ok
      ? { message: outcome.message, resetForm: true }
      : { formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors, refused: true },
  );
}

export default function RemindersPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const c = data.conference;
  const formErrors = actionData && actionData.intent !== "schedule" ? (actionData.result.error?.[""] ?? []) : [];
  return (
    <div className="page">
      <h1>Lịch nhắc họp</h1>
      <p className="muted">
        {c.title} · {c.startsAt ? `khai mạc ${c.startsAt}` : "chưa có giờ khai mạc"} · {data.counts.ACCEPTED} đại biểu
        đã xác nhận, {data.counts.NO_ANSWER} chưa trả lời
      </p>
      {actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : null}
      {formErrors.length ? (
        <div className="form-error" role="alert">
          {formErrors.join(" ")}
        </div>
      ) : null}
      <ReminderList reminders={data.reminders} busy={busy} />
      {c.cancelled ? (
        <p className="hint">Hội nghị đã hủy: không hẹn giờ nhắc được nữa.</p>
      ) : (
        <ReminderForm
          conferenceId={c.id}
          counts={data.counts}
          busy={busy}
          lastResult={actionData?.intent === "schedule" ? actionData.result : undefined}
        />
      )}
    </div>
  );
}
