import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { connectivityTestSchema } from "#app/bridges/bridge-form.ts";
import { CHECKLIST, problems, suggestedResult, type Checklist, type Figures } from "#app/bridges/verdict.ts";
import { Field } from "#app/ui/field.tsx";
import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";

const NOTHING_TICKED: Checklist = {
  camera: false,
  microphone: false,
  screen: false,
  sound: false,
  backupConnection: false,
};
const FIGURES = ["latencyMs", "jitterMs", "lossPercent", "downloadMbps", "uploadMbps"] as const;

/** The conform form of step 2, kept by the page so that a save's reply reaches it. */
export function useTestResultForm(lastResult: SubmissionResult<string[]> | undefined, operatorName: string) {
  return useForm({
    id: "connectivity-test",
    defaultValue: { operatorName },
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: connectivityTestSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

function Suggestion({ reasons }: { reasons: string[] }) {
  return (
    <div className={`suggestion ${reasons.length ? "problems" : "rsvp-done"}`}>
      {reasons.length ? (
        <>
          Đề xuất kết luận <strong>lỗi</strong>:
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          Đề xuất kết luận <strong>đạt</strong>: số liệu trong ngưỡng và đủ thiết bị.
        </>
      )}
    </div>
  );
}

/**
 * Step 2 of the operator page: the checklist, the operator's name and notes, and the verdict, with the
 * measured figures as hidden fields. The page gives it a new key after each save, so it starts over.
 */
export function TestResultForm({
  form: [form, fields],
  figures,
  busy,
}: {
  form: ReturnType<typeof useTestResultForm>;
  figures: Figures | null;
  busy: boolean;
}) {
  const [checklist, setChecklist] = useState<Checklist>(NOTHING_TICKED);
  const [verdict, setVerdict] = useState<"PASSED" | "FAILED" | null>(null);
  const reasons = problems(figures, checklist);
  // Nothing is preselected before the test has run: the verdict follows the figures unless the operator chooses.
  const chosen = verdict ?? (figures ? suggestedResult(figures, checklist) : null);
  return (
    <Form method="post" {...getFormProps(form)}>
      {form.errors ? (
        <p className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </p>
      ) : null}
      {FIGURES.map((k) => (
        <input key={k} type="hidden" name={k} value={figures ? String(Math.round(figures[k] * 100) / 100) : ""} />
      ))}
      {!figures && (fields.latencyMs.errors || fields.downloadMbps.errors) ? (
        <p className="form-error" role="alert">
          Chưa có số liệu đo: hãy bấm “Bắt đầu kiểm tra” ở bước 1 trước khi lưu.
        </p>
      ) : null}
      <fieldset className="checklist">
        <legend>Thiết bị tại điểm cầu (đánh dấu mục đã kiểm tra đạt)</legend>
        {CHECKLIST.map(([k, label]) => (
          <label key={k}>
            <input
              type="checkbox"
              name={k}
              checked={checklist[k]}
              onChange={(e) => setChecklist({ ...checklist, [k]: e.currentTarget.checked })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <Field label="Họ tên người kiểm tra" meta={fields.operatorName}>
        <input
          {...getInputProps(fields.operatorName, { type: "text" })}
          key={fields.operatorName.key}
          autoComplete="name"
        />
      </Field>
      <Field label="Ghi chú (sự cố, việc cần khắc phục)" meta={fields.notes}>
        <textarea {...getTextareaProps(fields.notes)} key={fields.notes.key} rows={3} />
      </Field>
      {figures ? <Suggestion reasons={reasons} /> : null}
      <fieldset className="verdict">
        <legend>Kết luận</legend>
        {(
          [
            ["PASSED", "Đạt: sẵn sàng kết nối"],
            ["FAILED", "Lỗi: cần khắc phục"],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="result"
              value={value}
              checked={chosen === value}
              onChange={() => setVerdict(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <FieldsetErrors meta={fields.result} />
      <button type="submit" className="primary" disabled={busy}>
        Lưu kết quả
      </button>
    </Form>
  );
}
