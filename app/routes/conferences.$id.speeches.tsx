import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { Field } from "#app/ui/field.tsx";
import { formReply } from "#app/http/reply.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ACCEPTED_EVIDENCE } from "#app/files/accepted-files.ts";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import {
  registerSpeechSchema,
  SPEECH_KIND_LABEL,
  SPEECH_STATUS_LABEL,
  speechIntentSchema,
} from "#app/speeches/speech-form.ts";
import {
  listSpeeches,
  moveSpeech,
  registerSpeechWithFile,
  saveDraft,
  setSpeechStatus,
} from "#app/speeches/speeches.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Tham luận, phát biểu · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Tham luận, phát biểu" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = await invitationConference(access.conference.id);
  const speeches = await listSpeeches(c.id);
  return {
    conference: { id: c.id, title: c.title },
    canEdit: access.can("conference.edit"),
    speeches: speeches.map((s) => ({
      ...s,
      versions: s.versions.map((v) => ({
        version: v.version,
        content: v.content,
        savedAt: formatDateTime(v.createdAt),
      })),
    })),
  };
}

/** The forms of the page, told apart by `intent`: registering, then the buttons and the draft. */
const intentSchema = z.discriminatedUnion("intent", [registerSpeechSchema, ...speechIntentSchema.options]);

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const user = access.user;
  const conferenceId = access.conference.id;
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return answer(String(form.get("intent") ?? ""), submission, null);
  const v = submission.value;
  let found = true;
  switch (v.intent) {
    case "register": {
      const { intent: _intent, ...values } = v;
      const done = await registerSpeechWithFile(
        userActor(user),
        conferenceId,
        values,
        await fileBytes(form.get("file")),
      );
      if (!done.ok) return answer(v.intent, submission, null, { file: [done.fileError] });
      return answer(v.intent, submission, `Đã đăng ký “${v.title}”.`);
    }
    case "status":
      found = await setSpeechStatus(userActor(user), conferenceId, v.speechId, v.status);
      break;
    case "move":
      found = await moveSpeech(userActor(user), conferenceId, v.speechId, v.direction);
      break;
    case "draft":
      found = await saveDraft(userActor(user), conferenceId, v.speechId, v.content, user.id);
      break;
  }
  if (!found) throw new Response("Không tìm thấy bài tham luận, phát biểu này.", { status: 404 });
  return answer(v.intent, submission, v.intent === "draft" ? "Đã lưu bản thảo." : "Đã cập nhật.");
}

/** Conform's reply kept whole, with the message of a success (null when refused: a 400). */
function answer(
  intent: string,
  submission: Parameters<typeof formReply>[1],
  message: string | null,
  fieldErrors?: Record<string, string[]>,
) {
  return formReply(
    intent,
    submission,
    message ? { message, resetForm: intent === "register" } : { fieldErrors, refused: true },
  );
}

/** The registration form as typed (strings until the schema reads them). */
type RegisterFields = Record<
  "kind" | "title" | "speakerName" | "speakerPosition" | "organizationName" | "durationMinutes",
  string
> & { file: File };

const NEXT: Record<string, Array<["REGISTERED" | "APPROVED" | "REJECTED" | "DELIVERED", string]>> = {
  REGISTERED: [
    ["APPROVED", "Chọn trình bày"],
    ["REJECTED", "Không chọn"],
  ],
  APPROVED: [
    ["DELIVERED", "Đã trình bày"],
    ["REGISTERED", "Bỏ chọn"],
  ],
  REJECTED: [["APPROVED", "Chọn trình bày"]],
  DELIVERED: [["APPROVED", "Chưa trình bày"]],
};

export default function SpeechesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<RegisterFields>({
    id: "register",
    lastResult: actionData?.intent === "register" ? actionData.result : undefined,
    defaultValue: { kind: "DISCUSSION", durationMinutes: "10" },
  });
  // The buttons and the draft have no field of their own to show an error by.
  const formErrors =
    actionData && actionData.intent !== "register"
      ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? [])
      : [];
  const ordered = data.speeches.filter((s) => s.speakingOrder !== null);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Tham luận, phát biểu</h1>
        <Link to="/speeches/history" className="button">
          Đã đăng ký mà chưa trình bày
        </Link>
      </div>
      {actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : formErrors.length ? (
        <p className="form-error" role="alert">
          {formErrors.join(" ")}
        </p>
      ) : null}
      {data.speeches.length === 0 ? <p className="empty">Chưa có bài đăng ký.</p> : null}
      <ol className="agenda">
        {data.speeches.map((s) => (
          <li key={s.id}>
            <div className="agenda-row">
              <span className="agenda-time">{s.speakingOrder ? `Thứ tự ${s.speakingOrder}` : "—"}</span>
              <span className="badge">{SPEECH_KIND_LABEL[s.kind]}</span>
              <span className="strong grow">{s.title}</span>
              <span className="muted">
                {s.speakerName}
                {s.speakerPosition ? `, ${s.speakerPosition}` : ""}
                {s.organizationName ? ` – ${s.organizationName}` : ""} · {s.durationMinutes} phút
              </span>
              <span
                className={`badge ${s.status === "APPROVED" || s.status === "DELIVERED" ? "status-held" : s.status === "REJECTED" ? "status-cancelled" : "status-draft"}`}
              >
                {SPEECH_STATUS_LABEL[s.status]}
              </span>
            </div>
            {s.fileName ? <p className="small">Tệp: {s.fileName}</p> : null}
            {data.canEdit ? (
              <div className="filters">
                {NEXT[s.status]!.map(([status, label]) => (
                  <Form method="post" key={status}>
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="speechId" value={s.id} />
                    <button type="submit" name="status" value={status} className="small-button">
                      {label}
                    </button>
                  </Form>
                ))}
                {s.speakingOrder ? (
                  <Form method="post" className="agenda-move">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="speechId" value={s.id} />
                    <button
                      type="submit"
                      name="direction"
                      value="up"
                      disabled={s.speakingOrder === 1}
                      aria-label={`Đưa “${s.title}” lên trước`}
                    >
                      ▲
                    </button>
                    <button
                      type="submit"
                      name="direction"
                      value="down"
                      disabled={s.speakingOrder === ordered.length}
                      aria-label={`Đưa “${s.title}” xuống sau`}
                    >
                      ▼
                    </button>
                  </Form>
                ) : null}
              </div>
            ) : null}
            {s.kind === "LEADER" ? (
              <details>
                <summary>Bản thảo ({s.versions.length} phiên bản)</summary>
                {data.canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="draft" />
                    <input type="hidden" name="speechId" value={s.id} />
                    <div className="field">
                      <label htmlFor={`draft-${s.id}`}>Nội dung bản thảo</label>
                      <textarea
                        id={`draft-${s.id}`}
                        name="content"
                        rows={8}
                        defaultValue={s.versions[0]?.content ?? ""}
                      />
                    </div>
                    <button type="submit">Lưu phiên bản mới</button>
                  </Form>
                ) : null}
                <ul>
                  {s.versions.map((v) => (
                    <li key={v.version}>
                      Phiên bản {v.version} – {v.savedAt}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {data.canEdit ? (
        <section className="card">
          <h2>Đăng ký tham luận, phát biểu</h2>
          <Form method="post" encType="multipart/form-data" className="grid-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="register" />
            <Field label="Loại" meta={fields.kind}>
              <select {...getSelectProps(fields.kind)}>
                <option value="DISCUSSION">Tham luận</option>
                <option value="LEADER">Phát biểu của lãnh đạo</option>
              </select>
            </Field>
            {(
              [
                ["title", "Tên bài", "text"],
                ["speakerName", "Người trình bày", "text"],
                ["speakerPosition", "Chức vụ", "text"],
                ["organizationName", "Cơ quan, đơn vị", "text"],
                ["durationMinutes", "Thời lượng (phút)", "number"],
              ] as const
            ).map(([name, label, type]) => (
              <Field key={name} label={label} meta={fields[name]}>
                <input
                  {...getInputProps(fields[name], { type })}
                  {...(type === "number" ? { min: 1, max: 120 } : {})}
                />
              </Field>
            ))}
            <Field label="Tệp bài (PDF, Word; tùy chọn)" meta={fields.file}>
              <input {...getInputProps(fields.file, { type: "file" })} accept={ACCEPTED_EVIDENCE} />
            </Field>
            <div className="field">
              <button type="submit" className="primary">
                Đăng ký
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
