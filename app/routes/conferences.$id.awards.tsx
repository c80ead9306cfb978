import { parseWithZod } from "@conform-to/zod/v4";
import { formReply } from "#app/http/reply.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { AWARD_STATUS_LABEL, awardSchema, RECIPIENT_KIND_LABEL } from "#app/awards/award-form.ts";
import {
  addAward,
  importAwards,
  listAwards,
  moveAward,
  setAwardStatus,
  type AwardOutcome,
} from "#app/awards/awards.server.ts";
import { ImportErrorsTable } from "#app/ui/import-errors.tsx";
import { pickAttendees, pickerLabel, pickerWords } from "#app/database/attendee-search.server.ts";
import { AddAwardSection } from "#app/components/awards/add-award-form.tsx";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDate } from "#app/lib/vietnamese-date.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Khen thưởng · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Khen thưởng" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = await invitationConference(access.conference.id);
  const canEdit = access.can("conference.edit");
  // ?aq=: the awardee search of the add form (a conference may have 100,000 attendees).
  const aq = (new URL(request.url).searchParams.get("aq") ?? "").trim().slice(0, 100);
  const [awards, found] = await Promise.all([
    listAwards(c.id),
    canEdit ? pickAttendees(c.id, aq) : { rows: [], more: false },
  ]);
  return {
    conference: { id: c.id, title: c.title },
    canEdit,
    awardeeSearch: {
      q: aq,
      searched: canEdit && pickerWords(aq).length > 0,
      more: found.more,
      matches: found.rows.map((a) => ({ id: a.id, label: pickerLabel(a) })),
    },
    awards: awards.map((a) => ({
      ...a,
      decision: [a.decisionNumber && `QĐ số ${a.decisionNumber}`, a.decisionDate && formatDate(a.decisionDate)]
        .filter(Boolean)
        .join(", "),
      invited: a.attendee
        ? `${a.attendee.name} (${a.attendee.rsvp === "ACCEPTED" ? "đã xác nhận dự" : "đã mời"})`
        : null,
    })),
  };
}

/** The forms of the page, told apart by `intent`. */
const intentSchema = z.discriminatedUnion("intent", [
  awardSchema.extend({ intent: z.literal("add") }),
  z.object({ intent: z.literal("import") }),
  z.object({ intent: z.literal("move"), awardId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("status"), awardId: z.string().min(1), status: z.enum(["PROPOSED", "APPROVED"]) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const actor = userActor(access.user);
  const conferenceId = access.conference.id;
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") {
    const intent = String(form.get("intent") ?? "");
    // The add form shows its errors on its fields; the buttons have none.
    return answer(intent, submission, { ok: false, formError: intent === "add" ? "" : "Yêu cầu không hợp lệ." });
  }
  const v = submission.value;
  switch (v.intent) {
    case "add": {
      const { intent: _intent, ...values } = v;
      return answer(v.intent, submission, await addAward(actor, conferenceId, values));
    }
    case "import":
      return answer(v.intent, submission, await importAwards(actor, conferenceId, await fileBytes(form.get("file"))));
    case "move":
    case "status": {
      const found =
        v.intent === "move"
          ? await moveAward(actor, conferenceId, v.awardId, v.direction)
          : await setAwardStatus(actor, conferenceId, v.awardId, v.status);
      if (!found) throw new Response("Không tìm thấy khen thưởng này.", { status: 404 });
      return answer(v.intent, submission, { ok: true, message: "Đã cập nhật." });
    }
  }
}

/** Conform's reply kept whole (errors on their fields), with the message and an import's row errors. */
function answer(intent: string, submission: Parameters<typeof formReply>[1], outcome: AwardOutcome) {
  return formReply(
    intent,
    submission,
    outcome.ok
      ? { message: outcome.message, resetForm: intent === "add" }
      : { formErrors: outcome.formError ? [outcome.formError] : undefined, refused: true },
    { rowErrors: outcome.ok ? null : (outcome.rowErrors ?? null) },
  );
}

export default function AwardsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formErrors = actionData?.result.error?.[""] ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <h1>Danh sách khen thưởng</h1>
        {data.awards.length ? (
          <span>
            <a href={`/conferences/${data.conference.id}/awards.pdf`} className="button">
              Tải danh sách (PDF)
            </a>{" "}
            <a
              href={`/conferences/${data.conference.id}/awards.docx`}
              className="button"
              aria-label="Tải bản Word (.docx) của danh sách khen thưởng"
            >
              Tải bản Word (.docx)
            </a>
          </span>
        ) : null}
      </div>
      {actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : formErrors.length ? (
        <div className="form-error" role="alert">
          {formErrors.join(" ")}
          {actionData?.rowErrors ? <ImportErrorsTable errors={actionData.rowErrors} /> : null}
        </div>
      ) : null}
      {data.awards.length === 0 ? (
        <p className="empty">Chưa có khen thưởng nào.</p>
      ) : (
        <table className="table awards">
          <thead>
            <tr>
              <th scope="col">Thứ tự trao</th>
              <th scope="col">Tập thể, cá nhân</th>
              <th scope="col">Hình thức</th>
              <th scope="col">Thành tích</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {data.awards.map((a, i) => (
              <tr key={a.id}>
                <td>
                  {i + 1}
                  {data.canEdit ? (
                    <Form method="post" className="agenda-move">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="awardId" value={a.id} />
                      <button
                        type="submit"
                        name="direction"
                        value="up"
                        disabled={i === 0}
                        aria-label={`Đưa ${a.recipientName} lên trước`}
                      >
                        ▲
                      </button>
                      <button
                        type="submit"
                        name="direction"
                        value="down"
                        disabled={i === data.awards.length - 1}
                        aria-label={`Đưa ${a.recipientName} xuống sau`}
                      >
                        ▼
                      </button>
                    </Form>
                  ) : null}
                </td>
                <td>
                  <span className="strong">{a.recipientName}</span>{" "}
                  <span className="muted small">({RECIPIENT_KIND_LABEL[a.recipientKind]})</span>
                  <div className="muted small">{a.organizationName}</div>
                  {a.invited ? <div className="small">Đại biểu: {a.invited}</div> : null}
                </td>
                <td>
                  {a.form}
                  {a.decision ? <div className="muted small">{a.decision}</div> : null}
                </td>
                <td>{a.achievement}</td>
                <td>
                  <span className={`badge ${a.status === "APPROVED" ? "status-held" : "status-draft"}`}>
                    {AWARD_STATUS_LABEL[a.status]}
                  </span>
                  {data.canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="awardId" value={a.id} />
                      <button
                        type="submit"
                        name="status"
                        value={a.status === "APPROVED" ? "PROPOSED" : "APPROVED"}
                        className="link-button small"
                      >
                        {a.status === "APPROVED" ? "Chuyển về đề nghị" : "Duyệt"}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.canEdit ? (
        <AddAwardSection
          search={data.awardeeSearch}
          lastResult={actionData?.intent === "add" ? actionData.result : undefined}
        />
      ) : null}
    </div>
  );
}
