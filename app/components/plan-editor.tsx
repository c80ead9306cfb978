import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Field } from "#app/ui/field.tsx";
import type { OrganizationOption, PlanInput } from "#app/components/plan-editor/types.ts";
import { AttendeeGroupsFieldset } from "#app/components/plan-editor/attendee-groups.tsx";
import { OrganizationSelect } from "#app/components/plan-editor/organization-select.tsx";
import { TasksFieldset } from "#app/components/plan-editor/tasks.tsx";
import { planFormSchema } from "#app/plans/plan-form.ts";
import { CONFERENCE_FORMATS, FORMAT_LABEL, PLAN_KIND_LABEL, PLAN_KINDS } from "#app/conferences/vocabulary.ts";

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
  const [form, fields] = useForm<PlanInput>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(planFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
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
          <FieldsetErrors meta={fields.scheduleKind} />
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

      <AttendeeGroupsFieldset form={form} meta={fields.attendeeGroups} organizations={organizations} />

      <TasksFieldset form={form} meta={fields.tasks} organizations={organizations} />

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
