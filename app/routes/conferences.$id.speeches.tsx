import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ACCEPTED_EVIDENCE, checkEvidence } from "#app/assessments/evidence.ts";
import { storeEvidence } from "#app/assessments/evidence-store.server.ts";
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
import { listSpeeches, moveSpeech, registerSpeech, saveDraft, setSpeechStatus } from "#app/speeches/speeches.server.ts";
import type { BreadcrumbHandle } from "#app/components/breadcrumbs.tsx";

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

type Result = { ok: true; message: string } | { ok: false; errors: string[]; fieldErrors?: Record<string, string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const user = access.user;
  const c = await invitationConference(access.conference.id);
  const form = await readForm(request);
  const fail = (r: Omit<Extract<Result, { ok: false }>, "ok">) =>
    Response.json({ ok: false, ...r } satisfies Result, { status: 400 });
  if (form.get("intent") === "register") {
    const s = parseWithZod(form, { schema: registerSpeechSchema });
    if (s.status !== "success")
      return fail({
        errors: [],
        fieldErrors: Object.fromEntries(Object.entries(s.reply().error ?? {}).map(([k, v]) => [k, v ?? []])),
      });
    const file = await fileBytes(form.get("file"));
    let stored: { fileName: string; fileMime: string; filePath: string } | null = null;
    if (file) {
      const checked = checkEvidence(file.name, file.data);
      if (!checked.ok) return fail({ errors: [], fieldErrors: { file: [checked.error] } });
      stored = {
        fileName: file.name.slice(0, 200),
        fileMime: checked.mime,
        filePath: await storeEvidence(file.data, file.name),
      };
    }
    const { intent: _i, ...v } = s.value;
    await registerSpeech(userActor(user), c.id, v, stored);
    return { ok: true, message: `Đã đăng ký “${v.title}”.` } satisfies Result;
  }
  const s = parseWithZod(form, { schema: speechIntentSchema });
  if (s.status !== "success") return fail({ errors: Object.values(s.reply().error ?? {}).flatMap((e) => e ?? []) });
  const v = s.value;
  const found =
    v.intent === "status"
      ? await setSpeechStatus(userActor(user), c.id, v.speechId, v.status)
      : v.intent === "move"
        ? await moveSpeech(userActor(user), c.id, v.speechId, v.direction)
        : await saveDraft(userActor(user), c.id, v.speechId, v.content, user.id);
  if (!found) throw new Response("Không tìm thấy bài tham luận, phát biểu này.", { status: 404 });
  return { ok: true, message: v.intent === "draft" ? "Đã lưu bản thảo." : "Đã cập nhật." } satisfies Result;
}

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
  const result = useActionData<Result>();
  const failed = result && !result.ok ? result : null;
  const err = (k: string) => failed?.fieldErrors?.[k]?.join(" ");
  const ordered = data.speeches.filter((s) => s.speakingOrder !== null);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Tham luận, phát biểu</h1>
        <Link to="/speeches/history" className="button">
          Đã đăng ký mà chưa trình bày
        </Link>
      </div>
      {result?.ok ? (
        <p role="status" className="up">
          {result.message}
        </p>
      ) : failed?.errors.length ? (
        <p className="form-error" role="alert">
          {failed.errors.join(" ")}
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
          <Form method="post" encType="multipart/form-data" className="grid-4">
            <input type="hidden" name="intent" value="register" />
            <div className="field">
              <label htmlFor="sp-kind">Loại</label>
              <select id="sp-kind" name="kind" defaultValue="DISCUSSION">
                <option value="DISCUSSION">Tham luận</option>
                <option value="LEADER">Phát biểu của lãnh đạo</option>
              </select>
            </div>
            {(
              [
                ["title", "Tên bài", "text"],
                ["speakerName", "Người trình bày", "text"],
                ["speakerPosition", "Chức vụ", "text"],
                ["organizationName", "Cơ quan, đơn vị", "text"],
                ["durationMinutes", "Thời lượng (phút)", "number"],
              ] as const
            ).map(([name, label, type]) => (
              <div key={name} className={`field ${err(name) ? "has-error" : ""}`}>
                <label htmlFor={`sp-${name}`}>{label}</label>
                <input
                  id={`sp-${name}`}
                  name={name}
                  type={type}
                  aria-invalid={err(name) ? true : undefined}
                  {...(type === "number" ? { min: 1, max: 120, defaultValue: 10 } : {})}
                />
                {err(name) ? <p className="field-error">{err(name)}</p> : null}
              </div>
            ))}
            <div className={`field ${err("file") ? "has-error" : ""}`}>
              <label htmlFor="sp-file">Tệp bài (PDF, Word; tùy chọn)</label>
              <input id="sp-file" name="file" type="file" accept={ACCEPTED_EVIDENCE} />
              {err("file") ? <p className="field-error">{err("file")}</p> : null}
            </div>
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
