import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { noticeDraftSchema } from "#app/conclusions/notice-form.ts";
import { Field } from "#app/ui/field.tsx";
import type { NoticeData, Option } from "#app/components/conclusions/types.ts";

type Input = z.input<typeof noticeDraftSchema>;

function defaults(n: NoticeData) {
  return {
    title: n.title,
    documentSymbol: n.documentSymbol,
    issuePlace: n.issuePlace,
    chairText: n.chairText,
    opening: n.opening,
    closingText: n.closingText,
    signAuthority: n.signAuthority,
    signDelegation: n.signDelegation,
    signerTitle: n.signerTitle,
    signerName: n.signerName,
    items: n.items.map((i) => ({ agendaItemId: i.agendaItemId ?? "", heading: i.heading, text: i.text })),
    tasks: n.tasks.map((t) => ({
      assignee: t.assignee,
      organizationId: t.organizationId ?? "",
      duties: t.duties,
      dueDate: t.dueDate,
      planTaskId: t.planTaskId ?? "",
    })),
    recipients: n.recipients.map((r) => ({ text: r.text, email: r.email ?? "" })),
  };
}

const TEXT_FIELDS = [
  ["title", "Trích yếu (tên thông báo)"],
  ["documentSymbol", "Ký hiệu văn bản"],
  ["issuePlace", "Địa danh ban hành"],
  ["chairText", "Người chủ trì (như viết trong thông báo)"],
] as const;

const SIGN_FIELDS = [
  ["signAuthority", "Thẩm quyền ký (TL., TM., KT.)"],
  ["signDelegation", "Dòng ký thay (nếu có)"],
  ["signerTitle", "Chức vụ người ký"],
  ["signerName", "Họ tên người ký"],
] as const;

/** The draft: wording, one conclusion per programme item, tasks, recipients and signature. */
export function NoticeEditor({
  notice,
  lastResult,
  agendaItems,
  planTasks,
  organizations,
}: {
  notice: NoticeData;
  lastResult?: SubmissionResult<string[]>;
  agendaItems: Option[];
  planTasks: Array<{ id: string; assignee: string }>;
  organizations: Option[];
}) {
  const [form, fields] = useForm<Input>({
    id: "notice-draft",
    lastResult,
    defaultValue: defaults(notice),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeDraftSchema }),
    shouldRevalidate: "onBlur",
  });
  const items = fields.items.getFieldList();
  const tasks = fields.tasks.getFieldList();
  const recipients = fields.recipients.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="notice-editor">
      <input type="hidden" name="intent" value="save" />
      {form.errors ? (
        <div className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </div>
      ) : null}
      <fieldset className="card">
        <legend>Văn bản</legend>
        <div className="grid-2">
          {TEXT_FIELDS.map(([name, label]) => (
            <Field key={name} label={label} meta={fields[name]}>
              <input {...getInputProps(fields[name], { type: "text" })} />
            </Field>
          ))}
        </div>
        <Field label="Đoạn mở đầu (thời gian, địa điểm, người chủ trì)" meta={fields.opening}>
          <textarea {...getTextareaProps(fields.opening)} rows={3} />
        </Field>
      </fieldset>
      <fieldset className="card">
        <legend>Kết luận theo từng nội dung</legend>
        {items.map((item, i) => {
          const f = item.getFieldset();
          return (
            <div key={item.key} className="repeat-block">
              <input {...getInputProps(f.agendaItemId, { type: "hidden" })} />
              <Field label={`Mục ${i + 1}: tiêu đề`} meta={f.heading}>
                <input {...getInputProps(f.heading, { type: "text" })} />
              </Field>
              <Field label={`Mục ${i + 1}: nội dung kết luận`} meta={f.text} hint="Mỗi dòng một đoạn.">
                <textarea {...getTextareaProps(f.text)} rows={4} />
              </Field>
              {f.agendaItemId.value ? (
                <p className="hint">
                  Theo chương trình: {agendaItems.find((a) => a.id === f.agendaItemId.value)?.name ?? "—"}
                </p>
              ) : null}
              <button
                {...form.remove.getButtonProps({ name: fields.items.name, index: i })}
                className="danger small-button"
              >
                Xóa mục {i + 1}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { heading: "", text: "" } })}>
          + Thêm mục kết luận
        </button>
      </fieldset>
      <fieldset className="card">
        <legend>Nhiệm vụ giao (tổ chức thực hiện)</legend>
        {tasks.map((task, i) => {
          const t = task.getFieldset();
          return (
            <div key={task.key} className="repeat-block">
              <div className="grid-2">
                <Field label={`Nhiệm vụ ${i + 1}: cơ quan, đơn vị`} meta={t.assignee}>
                  <input {...getInputProps(t.assignee, { type: "text" })} />
                </Field>
                <Field label="Gắn với cơ quan trong hệ thống" meta={t.organizationId}>
                  <select {...getSelectProps(t.organizationId)}>
                    <option value="">— Không gắn —</option>
                    {organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <Field label="Nội dung nhiệm vụ" meta={t.duties}>
                <textarea {...getTextareaProps(t.duties)} rows={3} />
              </Field>
              <div className="grid-2">
                <Field label="Thời hạn" meta={t.dueDate}>
                  <input {...getInputProps(t.dueDate, { type: "date" })} />
                </Field>
                <Field label="Tiếp nối nhiệm vụ của kế hoạch" meta={t.planTaskId}>
                  <select {...getSelectProps(t.planTaskId)}>
                    <option value="">— Nhiệm vụ mới —</option>
                    {planTasks.map((p, pi) => (
                      <option key={p.id} value={p.id}>
                        {pi + 1}. {p.assignee}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <button
                {...form.remove.getButtonProps({ name: fields.tasks.name, index: i })}
                className="danger small-button"
              >
                Xóa nhiệm vụ {i + 1}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.tasks.name })}>+ Thêm nhiệm vụ</button>
      </fieldset>
      <fieldset className="card">
        <legend>Nơi nhận</legend>
        <p className="hint">Dòng có địa chỉ thư điện tử sẽ nhận thông báo qua e-mail khi ban hành.</p>
        {recipients.map((r, i) => {
          const f = r.getFieldset();
          return (
            <div key={r.key} className="grid-2 recipient-row">
              <Field label={`Nơi nhận ${i + 1}`} meta={f.text}>
                <input {...getInputProps(f.text, { type: "text" })} />
              </Field>
              <Field label={`Thư điện tử của nơi nhận ${i + 1} (không bắt buộc)`} meta={f.email}>
                <input {...getInputProps(f.email, { type: "email" })} />
              </Field>
              <button
                {...form.remove.getButtonProps({ name: fields.recipients.name, index: i })}
                className="danger small-button"
              >
                Xóa nơi nhận {i + 1}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.recipients.name })}>+ Thêm nơi nhận</button>
      </fieldset>
      <fieldset className="card">
        <legend>Đoạn kết và chữ ký</legend>
        <Field label="Đoạn kết" meta={fields.closingText}>
          <textarea {...getTextareaProps(fields.closingText)} rows={2} />
        </Field>
        <div className="grid-4">
          {SIGN_FIELDS.map(([name, label]) => (
            <Field key={name} label={label} meta={fields[name]}>
              <input {...getInputProps(fields[name], { type: "text" })} />
            </Field>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="primary">
        Lưu dự thảo
      </button>
    </Form>
  );
}
