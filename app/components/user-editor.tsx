import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { Field } from "#app/ui/field.tsx";
import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";
import { OrganizationTreeOptions } from "#app/ui/organization-tree-options.tsx";
import { ROLE_LABEL, ROLES } from "#app/auth/roles.ts";
import { editUserSchema, newUserSchema } from "#app/users/user-form.ts";

export function UserEditor({
  mode,
  lastResult,
  defaultValue,
  organizations,
}: {
  mode: "new" | "edit";
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Record<string, unknown>;
  organizations: Array<{ id: string; name: string; depth: number }>;
}) {
  const schema = mode === "new" ? newUserSchema : editUserSchema;
  const [form, fields] = useForm<z.input<typeof newUserSchema> & z.input<typeof editUserSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    // One form serves both schemas; the field set is their union.
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const f = fields;
  return (
    <Form method="post" {...getFormProps(form)} className="card narrow-form">
      {form.errors ? (
        <p className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </p>
      ) : null}
      {mode === "new" ? (
        <Field label="Thư điện tử" meta={f.email}>
          <input {...getInputProps(f.email, { type: "email" })} autoComplete="off" />
        </Field>
      ) : null}
      <div className="grid-2">
        <Field label="Họ và tên" meta={fields.name}>
          <input {...getInputProps(fields.name, { type: "text" })} />
        </Field>
        <Field label="Chức vụ" meta={fields.position}>
          <input {...getInputProps(fields.position, { type: "text" })} />
        </Field>
      </div>
      <Field label="Cơ quan" meta={fields.organizationId}>
        <select {...getSelectProps(fields.organizationId)}>
          <OrganizationTreeOptions organizations={organizations} />
        </select>
      </Field>
      <fieldset className="subfieldset" aria-describedby={fields.roles.errorId}>
        <legend>Vai trò</legend>
        <div className="checkbox-grid">
          {getCollectionProps(fields.roles, { type: "checkbox", options: [...ROLES] }).map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} key={props.key} />
              {ROLE_LABEL[props.value as (typeof ROLES)[number]]}
            </label>
          ))}
        </div>
        <FieldsetErrors meta={fields.roles} />
      </fieldset>
      <Field
        label={mode === "new" ? "Mật khẩu ban đầu" : "Đặt mật khẩu mới (để trống nếu giữ nguyên)"}
        meta={fields.password}
      >
        <input {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
      </Field>
      {mode === "edit" ? (
        <label className="checkbox">
          <input {...getInputProps(f.active, { type: "checkbox" })} />
          Đang hoạt động (bỏ chọn để khóa tài khoản)
        </label>
      ) : null}
      <button type="submit" className="primary">
        {mode === "new" ? "Tạo người dùng" : "Lưu thay đổi"}
      </button>
    </Form>
  );
}
