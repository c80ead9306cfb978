import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Field } from "#app/ui/field.tsx";
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
import { prisma } from "#app/database/db.server.ts";
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
  const [awards, attendees] = await Promise.all([
    listAwards(c.id),
    prisma.attendee.findMany({
      where: { conferenceId: c.id, revokedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, organizationName: true },
    }),
  ]);
  return {
    conference: { id: c.id, title: c.title },
    canEdit: access.can("conference.edit"),
    attendees,
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

const TEXT_FIELDS = [
  ["recipientName", "Tên tập thể, cá nhân"],
  ["organizationName", "Cơ quan, đơn vị"],
  ["form", "Hình thức khen thưởng"],
  ["achievement", "Thành tích"],
  ["decisionNumber", "Số quyết định"],
] as const;

type AwardField = (typeof TEXT_FIELDS)[number][0] | "recipientKind" | "decisionDate" | "attendeeId";

export default function AwardsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<AwardField, string>>({
    id: "add-award",
    lastResult: actionData?.intent === "add" ? actionData.result : undefined,
    defaultValue: { recipientKind: "INDIVIDUAL" },
  });
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
        <section className="card">
          <h2>Thêm khen thưởng</h2>
          <Form method="post" className="grid-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="add" />
            <Field label="Đối tượng" meta={fields.recipientKind}>
              <select {...getSelectProps(fields.recipientKind)}>
                <option value="INDIVIDUAL">Cá nhân</option>
                <option value="COLLECTIVE">Tập thể</option>
              </select>
            </Field>
            {TEXT_FIELDS.map(([name, label]) => (
              <Field key={name} label={label} meta={fields[name]}>
                <input {...getInputProps(fields[name], { type: "text" })} />
              </Field>
            ))}
            <Field label="Ngày quyết định" meta={fields.decisionDate}>
              <input {...getInputProps(fields.decisionDate, { type: "date" })} />
            </Field>
            <Field label="Đại biểu nhận (để mời dự)" meta={fields.attendeeId}>
              <select {...getSelectProps(fields.attendeeId)}>
                <option value="">— Chưa gắn —</option>
                {data.attendees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.organizationName ? ` – ${a.organizationName}` : ""}
                  </option>
                ))}
              </select>
            </Field>
            <div className="field">
              <button type="submit">Thêm</button>
            </div>
          </Form>
          <Form method="post" encType="multipart/form-data" className="filters">
            <input type="hidden" name="intent" value="import" />
            <div className="field">
              <label htmlFor="award-file">Nhập từ tệp (.xlsx hoặc .csv)</label>
              <input id="award-file" name="file" type="file" accept=".xlsx,.csv" required />
              <p className="hint">
                Cột: Loại (Tập thể/Cá nhân), Tên, Cơ quan, Thành tích, Hình thức khen thưởng, Số quyết định, Ngày quyết
                định (dd/mm/yyyy).
              </p>
            </div>
            <button type="submit">Nhập danh sách</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
