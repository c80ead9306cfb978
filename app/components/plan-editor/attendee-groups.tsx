import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";
import { getFieldsetProps, getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Field } from "#app/ui/field.tsx";
import type { OrganizationOption, PlanInput } from "#app/components/plan-editor/types.ts";
import { OrganizationSelect } from "#app/components/plan-editor/organization-select.tsx";

/** The attendee groups of the plan: a heading each and lines, a line possibly tied to an organisation. */
export function AttendeeGroupsFieldset({
  form,
  meta,
  organizations,
}: {
  form: FormMetadata<PlanInput>;
  meta: FieldMetadata<PlanInput["attendeeGroups"], PlanInput>;
  organizations: OrganizationOption[];
}) {
  const groups = meta.getFieldList();
  return (
    <fieldset className="card" {...getFieldsetProps(meta)} aria-describedby={meta.errorId}>
      <legend>Thành phần tham dự</legend>
      <p className="hint">
        Mỗi nhóm có thể có tiêu đề cấp (ví dụ “Cấp tỉnh”) và các dòng thành phần; dòng có thể gắn với một cơ quan.
      </p>
      <FieldsetErrors meta={meta} />
      {groups.map((group, gi) => {
        const g = group.getFieldset();
        const lines = g.lines.getFieldList();
        return (
          <div key={group.key} className="repeat-block">
            <div className="repeat-head">
              <Field label={`Tiêu đề nhóm ${gi + 1}`} meta={g.heading} className="grow">
                <input {...getInputProps(g.heading, { type: "text" })} placeholder="Để trống nếu không chia cấp" />
              </Field>
              <button {...form.remove.getButtonProps({ name: meta.name, index: gi })} className="danger small-button">
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
          name: meta.name,
          defaultValue: { heading: "", lines: [{ text: "" }] },
        })}
      >
        + Thêm nhóm thành phần
      </button>
    </fieldset>
  );
}
