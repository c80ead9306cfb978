import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { scheduleSchema } from "#app/bridges/bridge-form.ts";
import { Field } from "#app/ui/field.tsx";

/** The common connectivity test session: when, and a note for the bridges. */
export function ScheduleForm({
  value,
  note,
  lastResult,
}: {
  value: string;
  note: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "bridge-test-schedule",
    lastResult,
    defaultValue: { bridgeTestAt: value, bridgeTestNote: note },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scheduleSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="schedule" />
      <div className="grid-2">
        <Field label="Thời gian kiểm tra kết nối (giờ Việt Nam)" meta={fields.bridgeTestAt}>
          <input {...getInputProps(fields.bridgeTestAt, { type: "datetime-local" })} key={fields.bridgeTestAt.key} />
        </Field>
        <Field
          label="Ghi chú cho các điểm cầu"
          meta={fields.bridgeTestNote}
          hint="Ví dụ: Sở Thông tin và Truyền thông chủ trì, các điểm cầu vào phòng họp trước 15 phút."
        >
          <textarea {...getTextareaProps(fields.bridgeTestNote)} key={fields.bridgeTestNote.key} rows={2} />
        </Field>
      </div>
      <button type="submit">Lưu lịch kiểm tra</button>
    </Form>
  );
}

/** E-mails the technical contacts of the bridges that have not confirmed. */
export function RequestTests({ pending, round, busy }: { pending: number; round: number; busy: boolean }) {
  return (
    <section className="card">
      <h2>Đề nghị các điểm cầu kiểm tra</h2>
      <p className="small">
        Gửi thư tới người phụ trách kỹ thuật của {pending} điểm cầu chưa xác nhận đạt (có thư điện tử): thời gian hội
        nghị, lịch kiểm tra, đường dẫn trang của điểm cầu. Thư không chứa mật khẩu phòng họp.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="request" />
        <input type="hidden" name="round" value={round} />
        <button type="submit" className="primary" disabled={busy || pending === 0}>
          Gửi e-mail đề nghị kiểm tra
        </button>
      </Form>
      {round ? <p className="hint">Đã gửi {round} lượt đề nghị.</p> : null}
    </section>
  );
}
