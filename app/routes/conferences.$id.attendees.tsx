import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import { AddAttendees } from "#app/components/attendees/add-attendees.tsx";
import { AttendeeTable } from "#app/components/attendees/attendee-table.tsx";
import { MailingCard } from "#app/components/attendees/mailing-card.tsx";
import { MembersPicker } from "#app/components/attendees/members-picker.tsx";
import { ResponseCounts } from "#app/components/attendees/response-counts.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { ImportErrorsTable } from "#app/ui/import-errors.tsx";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import {
  addAttendee,
  addOrganizationMembers,
  attendeesPage,
  importAttendees,
  resendMessage,
  sendMailing,
  type AttendeeOutcome,
} from "#app/invitations/attendee-actions.server.ts";
import { attendeeSchema } from "#app/invitations/attendee-form.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { confirmed } from "#app/lib/form-text.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Đại biểu, giấy mời · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Đại biểu, giấy mời" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  // ?q, rsvp, mail, page: the list's search, filters and page; ?org=<id>: the organisation whose people
  // the organiser is looking at before adding them.
  return attendeesPage(access, new URL(request.url).searchParams);
}

/** One schema per form of the page, told apart by the `intent` field. */
const intentSchema = z.discriminatedUnion("intent", [
  attendeeSchema.extend({ intent: z.literal("add") }),
  z.object({ intent: z.literal("import") }),
  z.object({
    intent: z.literal("members"),
    organizationId: z.string({ error: "Chọn cơ quan" }).min(1, "Chọn cơ quan"),
  }),
  z.object({ intent: z.literal("resend"), messageId: z.string().min(1) }),
  z.object({ intent: z.literal("send"), attachPdf: z.boolean().optional().default(false) }),
  z.object({
    intent: z.literal("update"),
    changeNote: z.string({ error: "Nêu nội dung thay đổi" }).trim().min(1, "Nêu nội dung thay đổi").max(1000),
  }),
  z.object({ intent: z.literal("remind") }),
  z.object({
    intent: z.literal("cancel"),
    confirm: confirmed("Đánh dấu xác nhận hủy hội nghị"),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const form = await readForm(request);
  // Reminders to chosen attendees: Conform parses a repeated field in quadratic time (48 s for 33,000
  // ids), so the ids are read from the form directly and the schema sees the rest.
  const attendeeIds = form.getAll("attendeeIds").filter((v): v is string => typeof v === "string" && v !== "");
  form.delete("attendeeIds");
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return answer(String(form.get("intent") ?? ""), submission, { ok: false });
  const v = submission.value;
  const user = access.user;
  let outcome: AttendeeOutcome;
  switch (v.intent) {
    case "add":
      outcome = await addAttendee(user, c, v);
      break;
    case "import":
      outcome = await importAttendees(user, c, await fileBytes(form.get("file")));
      break;
    case "members":
      outcome = await addOrganizationMembers(user, c, v.organizationId);
      break;
    case "resend":
      outcome = await resendMessage(user, c, v.messageId);
      break;
    case "send":
      outcome = await sendMailing(user, c, { kind: "send", attachPdf: v.attachPdf });
      break;
    case "update":
      outcome = await sendMailing(user, c, { kind: "update", changeNote: v.changeNote });
      break;
    case "remind":
      outcome = await sendMailing(user, c, {
        kind: "remind",
        attendeeIds: attendeeIds.length ? attendeeIds : null,
      });
      break;
    case "cancel":
      outcome = await sendMailing(user, c, { kind: "cancel" });
      break;
  }
  return answer(v.intent, submission, outcome);
}

/** Conform's reply kept whole (errors stay on their fields), with the message and an import's row errors. */
function answer(intent: string, submission: Parameters<typeof formReply>[1], outcome: AttendeeOutcome) {
  return formReply(
    intent,
    submission,
    outcome.ok
      ? { message: outcome.message, resetForm: true }
      : { formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors, refused: true },
    { rowErrors: outcome.ok ? null : (outcome.rowErrors ?? null) },
  );
}

export default function AttendeesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state !== "idle";
  // Answers arrive from attendees at any time: refresh the counts every few seconds while the page is
  // visible (one page of the list and the counts, both read in SQL).
  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle" && navigation.state === "idle")
        revalidator.revalidate();
    }, 5000);
    return () => clearInterval(t);
  }, [revalidator, navigation.state]);
  const c = data.conference;
  const resultOf = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const formErrors = actionData?.result.error?.[""] ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <h1>Đại biểu, giấy mời</h1>
        <span>
          <a href={`/conferences/${c.id}/attendance-report.pdf`} className="button">
            Báo cáo thành phần (PDF)
          </a>{" "}
          <a
            href={`/conferences/${c.id}/attendance-report.docx`}
            className="button"
            aria-label="Tải bản Word (.docx) của báo cáo thành phần"
          >
            Tải bản Word (.docx)
          </a>{" "}
          {c.when ? (
            <>
              <a href={`/conferences/${c.id}/letter.pdf`} className="button">
                Giấy mời chung (PDF)
              </a>{" "}
              <a
                href={`/conferences/${c.id}/letter.docx`}
                className="button"
                aria-label="Tải bản Word (.docx) của giấy mời chung"
              >
                Tải bản Word (.docx)
              </a>{" "}
            </>
          ) : null}
          <Link to={`/conferences/${c.id}/outbox`} className="button">
            Hộp thư gửi đi
          </Link>
        </span>
      </div>
      <p className="muted">
        {c.title}
        {c.when ? ` · ${c.when}` : ""} · {data.invitedCount} đại biểu
      </p>
      {data.mailMode === "folder" ? (
        <p className="hint">
          Chưa cấu hình máy chủ thư (SMTP_URL): thư được lưu trong “Hộp thư gửi đi” để xem và tải về.
        </p>
      ) : null}
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
      {actionData?.rowErrors ? (
        <div className="form-error" role="alert">
          <ImportErrorsTable errors={actionData.rowErrors} />
        </div>
      ) : null}

      <div className="grid-2-wide">
        <ResponseCounts counts={data.counts} />
        {data.canEdit ? (
          <MailingCard
            conferenceId={c.id}
            cancelled={c.status === "CANCELLED"}
            cannotInvite={data.cannotInvite}
            lateWarning={data.lateWarning}
            busy={busy}
            updateResult={resultOf("update")}
            cancelResult={resultOf("cancel")}
            sendJob={data.invitationSend}
          />
        ) : null}
      </div>

      {data.canEdit ? (
        <>
          <AddAttendees groups={data.groups} bridgePoints={data.bridgePoints} lastResult={resultOf("add")} />
          <MembersPicker
            organizations={data.organizations}
            members={data.members}
            list={data.list}
            busy={busy}
            lastResult={resultOf("members")}
          />
        </>
      ) : null}

      <AttendeeTable attendees={data.attendees} list={data.list} canEdit={data.canEdit} />
    </div>
  );
}
