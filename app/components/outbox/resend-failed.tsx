import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field } from "#app/ui/field.tsx";

/**
 * The outbox's trouble at a glance: messages that failed for good (after eight attempts, about an hour) and
 * messages stuck when their sender stopped, with "Gửi lại các thư lỗi" for all of them at once.
 */
export function ResendFailed({
  failed,
  stuck,
  maxAttempts,
  lastResult,
}: {
  failed: number;
  stuck: number;
  maxAttempts: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<{ confirm: boolean }>({ id: "resend-failed", lastResult });
  const total = failed + stuck;
  if (total === 0)
    return (
      <p className="muted" role="status">
        Không có thư lỗi.
      </p>
    );
  return (
    <section className="card" aria-labelledby="resend-failed-title">
      <h2 id="resend-failed-title">Thư lỗi: {total}</h2>
      <p>
        {failed > 0 ? `${failed} thư không gửi được sau ${maxAttempts} lần thử. ` : ""}
        {stuck > 0 ? `${stuck} thư bị treo khi đang gửi (tiến trình gửi đã dừng). ` : ""}
        Gửi lại sẽ đưa các thư này vào hàng đợi và bắt đầu lại số lần thử.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="resend-failed" />
        <Field label={`Tôi xác nhận gửi lại ${total} thư lỗi`} meta={fields.confirm} className="checkbox">
          <input {...getInputProps(fields.confirm, { type: "checkbox" })} />
        </Field>
        <button type="submit" className="primary">
          Gửi lại các thư lỗi
        </button>
      </Form>
    </section>
  );
}
