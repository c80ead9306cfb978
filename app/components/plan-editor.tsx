import {
  getFieldsetProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Field } from "#app/components/field.tsx";
import { planFormSchema } from "#app/plans/plan-form.ts";
import {
  CONFERENCE_FORMATS,
  FORMAT_LABEL,
  PLAN_KIND_LABEL,
  PLAN_KINDS,
  TASK_STATUS_LABEL,
  TASK_STATUSES,
} from "#app/conferences/vocabulary.ts";

export interface OrganizationOption {
  id: string;
  name: string;
}

function OrganizationSelect({
  meta,
  organizations,
  emptyLabel,
}: {
  meta: FieldMetadata<string | undefined>;
  organizations: OrganizationOption[];
  emptyLabel?: string;
}) {
  return (
    <select {...getSelectProps(meta)}>
      <option value="">{emptyLabel ?? "— Chọn —"}</option>
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

export function PlanEditor({
  lastResult,
  defaultValue,
  organizations,
  customLayout,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Record<string, unknown>;
  organizations: OrganizationOption[];
  customLayout: boolean;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof planFormSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(planFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const groups = fields.attendeeGroups.getFieldList();
  const tasks = fields.tasks.getFieldList();
  const scheduleKind = fields.scheduleKind.value ?? "NONE";
  const isConference = (fields.kind.value ?? "CONFERENCE") === "CONFERENCE";
  const busy = navigation.state === "submitting";

  return (
    <Form method="post" {...getFormProps(form)} className="plan-form">
      {form.errors ? (
        <div className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </div>
      ) : null}

      <fieldset className="card">
        <legend>Thông tin văn bản</legend>
        <div className="grid-2">
          <Field label="Loại kế hoạch" meta={fields.kind}>
            <select {...getSelectProps(fields.kind)}>
              {PLAN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PLAN_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Cơ quan ban hành" meta={fields.organizationId}>
            <OrganizationSelect meta={fields.organizationId} organizations={organizations} />
          </Field>
        </div>
        <Field
          label="Tên kế hoạch (trích yếu)"
          meta={fields.title}
          hint="Ví dụ: Tổ chức Hội nghị Công bố chỉ số cải cách hành chính cấp xã năm 2023"
        >
          <textarea {...getTextareaProps(fields.title)} rows={2} />
        </Field>
        <div className="grid-4">
          <Field label="Số" meta={fields.documentNumber} hint="Để trống nếu chưa cấp số">
            <input {...getInputProps(fields.documentNumber, { type: "text" })} inputMode="numeric" />
          </Field>
          <Field label="Ký hiệu" meta={fields.documentSymbol}>
            <input {...getInputProps(fields.documentSymbol, { type: "text" })} />
          </Field>
          <Field label="Địa danh" meta={fields.issuePlace} className="span-2">
            <input {...getInputProps(fields.issuePlace, { type: "text" })} />
          </Field>
        </div>
        <div className="grid-4">
          <Field label="Ngày ban hành" meta={fields.issueDay} hint="Có thể để trống">
            <input {...getInputProps(fields.issueDay, { type: "number" })} />
          </Field>
          <Field label="Tháng" meta={fields.issueMonth}>
            <input {...getInputProps(fields.issueMonth, { type: "number" })} />
          </Field>
          <Field label="Năm" meta={fields.issueYear}>
            <input {...getInputProps(fields.issueYear, { type: "number" })} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>Căn cứ, mục đích, yêu cầu</legend>
        <p className="hint">Mỗi dòng là một đoạn văn; dòng bắt đầu bằng “- ” là một ý gạch đầu dòng.</p>
        <Field label="Căn cứ, đoạn mở đầu" meta={fields.legalBasis}>
          <textarea {...getTextareaProps(fields.legalBasis)} rows={4} />
        </Field>
        <Field label="Mục đích" meta={fields.purposes}>
          <textarea {...getTextareaProps(fields.purposes)} rows={4} />
        </Field>
        <Field label="Yêu cầu" meta={fields.requirements}>
          <textarea {...getTextareaProps(fields.requirements)} rows={4} />
        </Field>
      </fieldset>

      <fieldset className="card">
        <legend>{isConference ? "Nội dung, thời gian, địa điểm" : "Nhiệm vụ, giải pháp"}</legend>
        <Field label={isConference ? "Nội dung hội nghị" : "Nhiệm vụ và giải pháp"} meta={fields.content}>
          <textarea {...getTextareaProps(fields.content)} rows={5} />
        </Field>
        {isConference ? (
          <>
            <div className="grid-2">
              <Field label="Hình thức tổ chức" meta={fields.format}>
                <select {...getSelectProps(fields.format)}>
                  {CONFERENCE_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {FORMAT_LABEL[f]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Chủ trì" meta={fields.chair} hint="Ví dụ: Lãnh đạo Ủy ban nhân dân tỉnh">
                <input {...getInputProps(fields.chair, { type: "text" })} />
              </Field>
            </div>
            <Field
              label="Mô tả hình thức (nếu cần)"
              meta={fields.formatNote}
              hint="Ví dụ: Hội nghị tổ chức trực tuyến tại các điểm cầu UBND tỉnh và UBND cấp xã."
            >
              <textarea {...getTextareaProps(fields.formatNote)} rows={2} />
            </Field>
          </>
        ) : null}
        <fieldset className="subfieldset">
          <legend>Thời gian</legend>
          <div className="radio-row" role="radiogroup" aria-label="Cách ghi thời gian">
            {(
              [
                ["EXACT", "Ngày giờ cụ thể"],
                ["TENTATIVE", "Dự kiến theo tháng"],
                ["NONE", "Chưa xác định"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="radio">
                <input
                  {...getInputProps(fields.scheduleKind, { type: "radio", value })}
                  key={`${fields.scheduleKind.key}-${value}`}
                />
                {label}
              </label>
            ))}
          </div>
          {fields.scheduleKind.errors ? <p className="field-error">{fields.scheduleKind.errors.join(" ")}</p> : null}
          <div className="grid-2" hidden={scheduleKind !== "EXACT"}>
            <Field label="Bắt đầu (giờ Việt Nam)" meta={fields.startsAt}>
              <input {...getInputProps(fields.startsAt, { type: "datetime-local" })} />
            </Field>
            <Field label="Kết thúc" meta={fields.endsAt}>
              <input {...getInputProps(fields.endsAt, { type: "datetime-local" })} />
            </Field>
          </div>
          <div className="grid-4" hidden={scheduleKind !== "TENTATIVE"}>
            <Field label="Tháng dự kiến" meta={fields.tentativeMonth}>
              <input {...getInputProps(fields.tentativeMonth, { type: "number" })} />
            </Field>
            <Field label="Năm dự kiến" meta={fields.tentativeYear}>
              <input {...getInputProps(fields.tentativeYear, { type: "number" })} />
            </Field>
            <Field
              label="Ghi chú"
              meta={fields.scheduleNote}
              className="span-2"
              hint="Ví dụ: Thời gian cụ thể sẽ có thông báo sau"
            >
              <input {...getInputProps(fields.scheduleNote, { type: "text" })} />
            </Field>
          </div>
          <Field label="Thời gian ghi trong văn bản (nếu khác cách ghi tự động)" meta={fields.scheduleText}>
            <input {...getInputProps(fields.scheduleText, { type: "text" })} />
          </Field>
        </fieldset>
        {isConference ? (
          <Field label="Địa điểm" meta={fields.venue}>
            <input {...getInputProps(fields.venue, { type: "text" })} />
          </Field>
        ) : null}
        <Field label="Kinh phí thực hiện" meta={fields.budgetSource}>
          <input {...getInputProps(fields.budgetSource, { type: "text" })} />
        </Field>
      </fieldset>

      <fieldset
        className="card"
        {...getFieldsetProps(fields.attendeeGroups)}
        aria-describedby={fields.attendeeGroups.errorId}
      >
        <legend>Thành phần tham dự</legend>
        <p className="hint">
          Mỗi nhóm có thể có tiêu đề cấp (ví dụ “Cấp tỉnh”) và các dòng thành phần; dòng có thể gắn với một cơ quan.
        </p>
        {fields.attendeeGroups.errors ? (
          <p className="field-error" id={fields.attendeeGroups.errorId} role="alert">
            {fields.attendeeGroups.errors.join(" ")}
          </p>
        ) : null}
        {groups.map((group, gi) => {
          const g = group.getFieldset();
          const lines = g.lines.getFieldList();
          return (
            <div key={group.key} className="repeat-block">
              <div className="repeat-head">
                <Field label={`Tiêu đề nhóm ${gi + 1}`} meta={g.heading} className="grow">
                  <input {...getInputProps(g.heading, { type: "text" })} placeholder="Để trống nếu không chia cấp" />
                </Field>
                <button
                  {...form.remove.getButtonProps({ name: fields.attendeeGroups.name, index: gi })}
                  className="danger small-button"
                >
                  Xóa nhóm {gi + 1}
                </button>
              </div>
              {lines.map((line, li) => {
                const l = line.getFieldset();
                return (
                  <div key={line.key} className="line-row">
                    <Field label={`Nhóm ${gi + 1}, dòng ${li + 1}`} meta={l.text} className="grow">
                      <input {...getInputProps(l.text, { type: "text" })} />
                    </Field>
                    <Field label={`Cơ quan của nhóm ${gi + 1}, dòng ${li + 1}`} meta={l.organizationId}>
                      <OrganizationSelect
                        meta={l.organizationId}
                        organizations={organizations}
                        emptyLabel="— Không gắn —"
                      />
                    </Field>
                    <button
                      {...form.remove.getButtonProps({ name: g.lines.name, index: li })}
                      className="link-button"
                      aria-label={`Xóa nhóm ${gi + 1}, dòng ${li + 1}`}
                    >
                      Xóa
                    </button>
                  </div>
                );
              })}
              <button
                {...form.insert.getButtonProps({ name: g.lines.name, defaultValue: { text: "" } })}
                className="small-button"
              >
                + Thêm dòng
              </button>
            </div>
          );
        })}
        <button
          {...form.insert.getButtonProps({
            name: fields.attendeeGroups.name,
            defaultValue: { heading: "", lines: [{ text: "" }] },
          })}
        >
          + Thêm nhóm thành phần
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>Phân công thực hiện</legend>
        {tasks.map((task, ti) => {
          const t = task.getFieldset();
          return (
            <div key={task.key} className="repeat-block">
              <div className="grid-2">
                <Field label={`Cơ quan, đơn vị ${ti + 1}`} meta={t.assignee}>
                  <input {...getInputProps(t.assignee, { type: "text" })} />
                </Field>
                <Field label="Gắn với cơ quan trong hệ thống" meta={t.organizationId}>
                  <OrganizationSelect
                    meta={t.organizationId}
                    organizations={organizations}
                    emptyLabel="— Không gắn —"
                  />
                </Field>
              </div>
              <Field
                label="Nhiệm vụ"
                meta={t.duties}
                hint="Mỗi dòng một nhiệm vụ; dòng bắt đầu bằng “- ” là gạch đầu dòng."
              >
                <textarea {...getTextareaProps(t.duties)} rows={3} />
              </Field>
              <div className="grid-4">
                <Field label="Hạn hoàn thành" meta={t.dueDate}>
                  <input {...getInputProps(t.dueDate, { type: "date" })} />
                </Field>
                <Field label="Trạng thái" meta={t.status}>
                  <select {...getSelectProps(t.status)}>
                    {TASK_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {TASK_STATUS_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="field span-2 checkbox-field">
                  <label className="checkbox">
                    <input {...getInputProps(t.inlineDuties, { type: "checkbox" })} />
                    In nhiệm vụ cùng dòng với tên cơ quan
                  </label>
                </div>
              </div>
              <button
                {...form.remove.getButtonProps({ name: fields.tasks.name, index: ti })}
                className="danger small-button"
              >
                Xóa nhiệm vụ {ti + 1}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.tasks.name, defaultValue: { status: "NOT_STARTED" } })}>
          + Thêm phân công
        </button>
      </fieldset>

      {isConference ? (
        <fieldset className="card">
          <legend>Giấy mời</legend>
          <div className="grid-4">
            <Field label="Số giấy mời" meta={fields.invitationNumber} hint="…/GM-UBND; để trống nếu chưa cấp số">
              <input {...getInputProps(fields.invitationNumber, { type: "text" })} inputMode="numeric" />
            </Field>
            <Field label="Người liên hệ" meta={fields.contactName}>
              <input {...getInputProps(fields.contactName, { type: "text" })} />
            </Field>
            <Field label="Điện thoại liên hệ" meta={fields.contactPhone}>
              <input {...getInputProps(fields.contactPhone, { type: "tel" })} />
            </Field>
            <Field label="Thư điện tử liên hệ" meta={fields.contactEmail}>
              <input {...getInputProps(fields.contactEmail, { type: "email" })} />
            </Field>
          </div>
          <Field
            label="Đề nghị đại biểu chuẩn bị"
            meta={fields.preparationNote}
            hint="Ví dụ: nghiên cứu tài liệu gửi kèm; chuẩn bị ý kiến tham luận"
          >
            <textarea {...getTextareaProps(fields.preparationNote)} rows={2} />
          </Field>
        </fieldset>
      ) : null}

      <fieldset className="card">
        <legend>Đoạn kết, nơi nhận, chữ ký</legend>
        <Field label="Đoạn kết" meta={fields.closing} hint="Ví dụ: Trên đây là Kế hoạch … ./.">
          <textarea {...getTextareaProps(fields.closing)} rows={3} />
        </Field>
        <Field label="Nơi nhận" meta={fields.recipients} hint="Mỗi dòng một nơi nhận; dòng cuối là “Lưu: VT”.">
          <textarea {...getTextareaProps(fields.recipients)} rows={6} />
        </Field>
        <div className="grid-4">
          <Field label="Thẩm quyền ký" meta={fields.signAuthority} hint="Ví dụ: TM. ỦY BAN NHÂN DÂN">
            <input {...getInputProps(fields.signAuthority, { type: "text" })} />
          </Field>
          <Field label="Ký thay" meta={fields.signDelegation} hint="Ví dụ: KT. CHỦ TỊCH">
            <input {...getInputProps(fields.signDelegation, { type: "text" })} />
          </Field>
          <Field label="Chức vụ người ký" meta={fields.signerTitle}>
            <input {...getInputProps(fields.signerTitle, { type: "text" })} />
          </Field>
          <Field label="Họ tên người ký" meta={fields.signerName}>
            <input {...getInputProps(fields.signerName, { type: "text" })} />
          </Field>
        </div>
        {customLayout ? (
          <label className="checkbox">
            <input {...getInputProps(fields.useStandardLayout, { type: "checkbox" })} />
            Dùng bố cục chuẩn thay cho bố cục của bản gốc (văn bản hiện giữ tiêu đề mục và thứ tự của bản gốc)
          </label>
        ) : null}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Đang lưu…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
