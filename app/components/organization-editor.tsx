import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { Field } from "#app/ui/field.tsx";
import { OrganizationTreeOptions } from "#app/ui/organization-tree-options.tsx";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";

export function OrganizationEditor({
  lastResult,
  defaultValue,
  levels,
  parents,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<z.input<typeof organizationFormSchema>>;
  levels: Array<{ id: string; name: string }>;
  parents: Array<{ id: string; name: string; depth: number }>;
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof organizationFormSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(organizationFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card narrow-form">
      {form.errors ? (
        <p className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </p>
      ) : null}
      <Field label="Tên cơ quan, đơn vị" meta={fields.name} hint="Ví dụ: UBND xã Bình Lư">
        <input {...getInputProps(fields.name, { type: "text" })} />
      </Field>
      <Field
        label="Tên ghi trên văn bản"
        meta={fields.documentName}
        hint="Chữ in hoa, ví dụ: ỦY BAN NHÂN DÂN XÃ BÌNH LƯ"
      >
        <input {...getInputProps(fields.documentName, { type: "text" })} />
      </Field>
      <div className="grid-2">
        <Field label="Địa danh ghi ở dòng ngày tháng" meta={fields.placeName}>
          <input {...getInputProps(fields.placeName, { type: "text" })} />
        </Field>
        <Field label="Mã đơn vị hành chính" meta={fields.code}>
          <input {...getInputProps(fields.code, { type: "text" })} />
        </Field>
      </div>
      <div className="grid-2">
        <Field label="Cấp" meta={fields.levelId}>
          <select {...getSelectProps(fields.levelId)}>
            <option value="">— Chọn —</option>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Trực thuộc" meta={fields.parentId}>
          <select {...getSelectProps(fields.parentId)}>
            <OrganizationTreeOptions organizations={parents} />
          </select>
        </Field>
      </div>
      <Field label="Ngày giải thể, sáp nhập (nếu có)" meta={fields.dissolvedOn}>
        <input {...getInputProps(fields.dissolvedOn, { type: "date" })} />
      </Field>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </Form>
  );
}
