import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from "@conform-to/react";
import { Field } from "#app/ui/field.tsx";
import type { OrganizationOption, PlanInput } from "#app/components/plan-editor/types.ts";
import { OrganizationSelect } from "#app/components/plan-editor/organization-select.tsx";
import { TASK_STATUS_LABEL, TASK_STATUSES } from "#app/conferences/vocabulary.ts";

/** Who does what, by when: one block per assigned organisation. */
export function TasksFieldset({
  form,
  meta,
  organizations,
}: {
  form: FormMetadata<PlanInput>;
  meta: FieldMetadata<PlanInput["tasks"], PlanInput>;
  organizations: OrganizationOption[];
}) {
  const tasks = meta.getFieldList();
  return (
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
                <OrganizationSelect meta={t.organizationId} organizations={organizations} emptyLabel="— Không gắn —" />
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
            <button {...form.remove.getButtonProps({ name: meta.name, index: ti })} className="danger small-button">
              Xóa nhiệm vụ {ti + 1}
            </button>
          </div>
        );
      })}
      <button {...form.insert.getButtonProps({ name: meta.name, defaultValue: { status: "NOT_STARTED" } })}>
        + Thêm phân công
      </button>
    </fieldset>
  );
}
