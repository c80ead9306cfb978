import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { NOTICE_STATUS_LABEL, TASK_STATUS_LABEL, TASK_STATUSES } from "#app/conferences/vocabulary.ts";
import { noticeIssueSchema } from "#app/conclusions/notice-form.ts";
import { Field } from "#app/ui/field.tsx";
import { NoticeEditor } from "#app/components/conclusions/notice-editor.tsx";
import type { NoticeActionData, NoticeData, NoticePageData } from "#app/components/conclusions/types.ts";

const dmy = (iso: string) => (iso ? iso.split("-").reverse().join("/") : "—");

/** "Thông báo kết luận": create the draft, write it, issue it, follow its tasks. */
export function NoticePage({ data, actionData }: { data: NoticePageData; actionData?: NoticeActionData }) {
  const n = data.notice;
  const base = `/conferences/${data.conference.id}`;
  const formErrors = actionData && actionData.intent !== "save" ? (actionData.result.error?.[""] ?? []) : [];
  return (
    <div className="page conclusion-page">
      <div className="page-head">
        <h1>Thông báo kết luận</h1>
        {n ? (
          <span>
            <a href={`${base}/conclusion.pdf`} className="button">
              {n.status === "ISSUED" ? "Tải thông báo (PDF)" : "Xem dự thảo (PDF)"}
            </a>{" "}
            <a href={`${base}/conclusion.docx`} className="button">
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
        </div>
      ) : null}
      {data.warning ? (
        <p className="problems" role="note">
          {data.warning}
        </p>
      ) : null}
      {!n ? (
        <section className="card">
          <p className="empty">Chưa có thông báo kết luận của hội nghị này.</p>
          {data.canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="create" />
              <button type="submit" className="primary">
                Lập dự thảo từ hội nghị
              </button>
              <p className="hint">
                Dự thảo lấy người chủ trì, thời gian, địa điểm và nơi nhận từ kế hoạch, mỗi nội dung của chương trình
                thành một mục kết luận, và số đại biểu có mặt từ điểm danh.
              </p>
            </Form>
          ) : null}
        </section>
      ) : (
        <>
          <NoticeFacts notice={n} attendance={data.attendance} />
          {n.status === "DRAFT" && data.canEdit ? (
            <>
              <NoticeEditor
                key={`${n.title}-${n.items.length}-${n.tasks.length}-${n.recipients.length}`}
                notice={n}
                lastResult={actionData?.intent === "save" ? actionData.result : undefined}
                agendaItems={data.agendaItems}
                planTasks={data.planTasks}
                organizations={data.organizations}
              />
              <IssueForm data={data} lastResult={actionData?.intent === "issue" ? actionData.result : undefined} />
            </>
          ) : (
            <NoticeText notice={n} />
          )}
          <NoticeTasks notice={n} canEdit={data.canEdit} />
        </>
      )}
    </div>
  );
}

function NoticeFacts({ notice: n, attendance }: { notice: NoticeData; attendance: string }) {
  const issued = n.status === "ISSUED";
  return (
    <section className="card">
      <dl className="facts">
        <dt>Tình trạng</dt>
        <dd>
          <span className={`badge ${issued ? "status-held" : "status-draft"}`}>{NOTICE_STATUS_LABEL[n.status]}</span>
        </dd>
        <dt>Số, ký hiệu</dt>
        <dd>{`Số: ${n.documentNumber ?? "…"}/${n.documentSymbol}`}</dd>
        {issued ? (
          <>
            <dt>Ngày ban hành</dt>
            <dd>{dmy(n.issuedOn)}</dd>
          </>
        ) : null}
        <dt>Đại biểu</dt>
        <dd>{issued ? n.attendanceSummary : `${attendance} (theo điểm danh hiện tại; chốt khi ban hành)`}</dd>
      </dl>
    </section>
  );
}

function IssueForm({ data, lastResult }: { data: NoticePageData; lastResult?: NoticeActionData["result"] }) {
  const [form, fields] = useForm({
    id: "notice-issue",
    lastResult,
    defaultValue: { documentNumber: data.notice?.documentNumber ?? "", issuedOn: data.today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeIssueSchema }),
  });
  return (
    <section className="card">
      <h2>Ban hành</h2>
      {data.conference.held ? null : (
        <p className="problems">Hội nghị chưa diễn ra nên chưa ban hành thông báo kết luận.</p>
      )}
      <Form method="post" {...getFormProps(form)} className="grid-4">
        <input type="hidden" name="intent" value="issue" />
        <Field label="Số văn bản (văn thư cấp)" meta={fields.documentNumber}>
          <input {...getInputProps(fields.documentNumber, { type: "text" })} inputMode="numeric" />
        </Field>
        <Field label="Ngày ban hành" meta={fields.issuedOn}>
          <input {...getInputProps(fields.issuedOn, { type: "date" })} />
        </Field>
        <div className="field">
          <button type="submit" className="primary">
            Ban hành và gửi thông báo
          </button>
        </div>
      </Form>
      <p className="hint">
        Khi ban hành: số đại biểu có mặt được chốt, bản PDF được lưu và gửi qua e-mail tới các đại biểu và các nơi nhận
        có địa chỉ thư điện tử. Hãy lưu dự thảo trước khi ban hành.
      </p>
    </section>
  );
}

function NoticeText({ notice: n }: { notice: NoticeData }) {
  return (
    <section className="card notice-text">
      <h2>{n.title}</h2>
      {n.opening ? <p>{n.opening}</p> : null}
      <ol>
        {n.items.map((i) => (
          <li key={i.id}>
            <span className="strong">{i.heading}</span>
            {i.text.split("\n").map((line, k) => (line.trim() ? <p key={k}>{line}</p> : null))}
          </li>
        ))}
      </ol>
      {n.recipients.length ? (
        <>
          <h3>Nơi nhận</h3>
          <ul>
            {n.recipients.map((r) => (
              <li key={r.id}>
                {r.text}
                {r.email ? <span className="muted small"> ({r.email})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function NoticeTasks({ notice: n, canEdit }: { notice: NoticeData; canEdit: boolean }) {
  if (!n.tasks.length) return null;
  const follow = n.status === "ISSUED";
  return (
    <section className="card">
      <h2>Nhiệm vụ theo Thông báo kết luận</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Cơ quan, đơn vị</th>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Thời hạn</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {n.tasks.map((t) => (
            <tr key={t.id}>
              <td>
                <span className="strong">{t.assignee}</span>
                {t.planTask ? (
                  <div className="muted small">Tiếp nối nhiệm vụ kế hoạch: {t.planTask.assignee}</div>
                ) : null}
              </td>
              <td>{t.duties}</td>
              <td>{dmy(t.dueDate)}</td>
              <td>
                {follow && canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="task-status" />
                    <input type="hidden" name="taskId" value={t.id} />
                    <label className="visually-hidden" htmlFor={`task-status-${t.id}`}>
                      Tình trạng nhiệm vụ của {t.assignee}
                    </label>
                    <select id={`task-status-${t.id}`} name="status" defaultValue={t.status}>
                      {TASK_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {TASK_STATUS_LABEL[s]}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="small-button">
                      Cập nhật
                    </button>
                  </Form>
                ) : follow ? (
                  TASK_STATUS_LABEL[t.status]
                ) : (
                  <span className="muted small">Theo dõi sau khi ban hành</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
