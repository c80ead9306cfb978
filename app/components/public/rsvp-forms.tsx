import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Field } from "#app/ui/field.tsx";
import { acceptSchema, declineSchema, paperSchema, substituteSchema } from "#app/invitations/rsvp-form.ts";

type LastResult = SubmissionResult<string[]> | undefined;

const VALIDATE = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

/** A refusal of the whole page (the invitation revoked, the conference cancelled). */
function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  return errors ? (
    <p className="form-error" role="alert" id={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

export function AcceptForm({ lastResult, busy }: { lastResult: LastResult; busy: boolean }) {
  const [form] = useForm({
    id: "rsvp-accept",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptSchema }),
    ...VALIDATE,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="accept" />
      <button type="submit" className="primary big" disabled={busy}>
        Xác nhận tham dự
      </button>
    </Form>
  );
}

export function DeclineForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "rsvp-decline",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declineSchema }),
    ...VALIDATE,
  });
  return (
    <details open={!!(form.errors || fields.reason.errors)}>
      <summary>Báo vắng mặt</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="decline" />
        <Field label="Lý do vắng mặt" meta={fields.reason}>
          <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} />
        </Field>
        <button type="submit">Gửi báo vắng</button>
      </Form>
    </details>
  );
}

export function PaperForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "rsvp-paper",
    lastResult,
    defaultValue: { durationMinutes: "10" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paperSchema }),
    ...VALIDATE,
  });
  return (
    <details open={!!(form.errors || fields.title.errors || fields.durationMinutes.errors)}>
      <summary>Đăng ký tham luận</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="paper" />
        <Field label="Tên bài tham luận" meta={fields.title}>
          <input {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} />
        </Field>
        <Field label="Thời lượng (phút)" meta={fields.durationMinutes}>
          <input
            {...getInputProps(fields.durationMinutes, { type: "number" })}
            key={fields.durationMinutes.key}
            min={1}
            max={60}
          />
        </Field>
        <button type="submit">Đăng ký tham luận</button>
      </Form>
    </details>
  );
}

export function SubstituteForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "rsvp-substitute",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: substituteSchema }),
    ...VALIDATE,
  });
  return (
    <details open={!!(form.errors || fields.name.errors || fields.email.errors)}>
      <summary>Cử người dự thay</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="substitute" />
        <Field label="Họ và tên người dự thay" meta={fields.name}>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} autoComplete="name" />
        </Field>
        <Field label="Chức vụ" meta={fields.position}>
          <input {...getInputProps(fields.position, { type: "text" })} key={fields.position.key} />
        </Field>
        <Field label="Thư điện tử" meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} autoComplete="email" />
        </Field>
        <button type="submit">Cử người dự thay</button>
      </Form>
    </details>
  );
}
