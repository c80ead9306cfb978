import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { REMINDER_AUDIENCE_LABEL } from "#app/conferences/vocabulary.ts";
import { AttendeePicker, type Picked } from "#app/components/reminders/attendee-picker.tsx";
import { PRESET_LABEL, type ReminderValues } from "#app/invitations/scheduled-reminders-form.ts";
import { ErrorMessage, Field } from "#app/ui/field.tsx";

const AUDIENCES = ["ACCEPTED", "NO_ANSWER", "CHOSEN"] as const;

/** Scheduling one reminder: when (three presets), its subject and text, and who gets it. */
export function ReminderForm({
  conferenceId,
  counts,
  busy,
  lastResult,
}: {
  conferenceId: string;
  counts: { ACCEPTED: number; NO_ANSWER: number };
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<ReminderValues>({
    id: "schedule-reminder",
    lastResult,
    defaultValue: { preset: "DAY_BEFORE", dayBeforeTime: "16:00", beforeUnit: "HOURS", audience: "ACCEPTED" },
    shouldValidate: "onSubmit",
  });
  const [preset, setPreset] = useState<string>("DAY_BEFORE");
  const [audience, setAudience] = useState<string>("ACCEPTED");
  const [picked, setPicked] = useState<Picked[]>([]);
  const search = useFetcher<{ matches: Picked[] }>();
  // A scheduled reminder clears the form: the chosen people and the choices go with it.
  const [seen, setSeen] = useState(lastResult);
  if (lastResult !== seen) {
    setSeen(lastResult);
    if (lastResult?.status === "success") {
      setPicked([]);
      setPreset("DAY_BEFORE");
      setAudience("ACCEPTED");
    }
  }
  const radio = (name: "preset" | "audience", value: string, checked: boolean, onPick: (v: string) => void) => (
    <input type="radio" name={name} value={value} checked={checked} onChange={() => onPick(value)} />
  );
  return (
    <section className="card">
      <h2>Hẹn giờ thư nhắc</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="schedule" />
        <fieldset className="reminder-when">
          <legend>Thời điểm gửi</legend>
          <div className="reminder-preset">
            <label className="checkbox">
              {radio("preset", "DAY_BEFORE", preset === "DAY_BEFORE", setPreset)} {PRESET_LABEL.DAY_BEFORE}
            </label>
            <Field label="Giờ gửi chiều hôm trước" meta={fields.dayBeforeTime}>
              <input {...getInputProps(fields.dayBeforeTime, { type: "time" })} disabled={preset !== "DAY_BEFORE"} />
            </Field>
          </div>
          <div className="reminder-preset">
            <label className="checkbox">
              {radio("preset", "MINUTES_BEFORE", preset === "MINUTES_BEFORE", setPreset)} {PRESET_LABEL.MINUTES_BEFORE}
            </label>
            <Field label="Số phút hoặc giờ trước khai mạc" meta={fields.before}>
              <span className="inline-actions">
                <input
                  {...getInputProps(fields.before, { type: "number" })}
                  min={1}
                  disabled={preset !== "MINUTES_BEFORE"}
                />
                <select
                  name={fields.beforeUnit.name}
                  defaultValue="HOURS"
                  aria-label="Đơn vị"
                  disabled={preset !== "MINUTES_BEFORE"}
                >
                  <option value="HOURS">giờ</option>
                  <option value="MINUTES">phút</option>
                </select>
              </span>
            </Field>
          </div>
          <div className="reminder-preset">
            <label className="checkbox">
              {radio("preset", "AT", preset === "AT", setPreset)} {PRESET_LABEL.AT}
            </label>
            <Field label="Ngày giờ gửi (giờ Việt Nam)" meta={fields.at}>
              <input {...getInputProps(fields.at, { type: "datetime-local" })} disabled={preset !== "AT"} />
            </Field>
          </div>
          {fields.preset.errors ? <ErrorMessage>{fields.preset.errors.join(" ")}</ErrorMessage> : null}
        </fieldset>
        <Field label="Tiêu đề thư" meta={fields.subject}>
          <input
            {...getInputProps(fields.subject, { type: "text" })}
            placeholder="Ví dụ: Nhắc lịch hội nghị sáng mai"
          />
        </Field>
        <Field
          label="Nội dung thư"
          meta={fields.body}
          hint="Thời gian, địa điểm và đường dẫn giấy mời được thêm tự động."
        >
          <textarea {...getTextareaProps(fields.body)} rows={4} />
        </Field>
        <fieldset>
          <legend>Gửi tới</legend>
          {AUDIENCES.map((a) => (
            <label key={a} className="checkbox">
              {radio("audience", a, audience === a, setAudience)} {REMINDER_AUDIENCE_LABEL[a]}
              {a !== "CHOSEN" ? <span className="muted"> (hiện có {counts[a]} người)</span> : null}
            </label>
          ))}
          {audience === "CHOSEN" ? (
            <AttendeePicker
              conferenceId={conferenceId}
              search={search}
              picked={picked}
              onChange={setPicked}
              errors={fields.attendeeIds.errors}
              errorId={fields.attendeeIds.errorId}
            />
          ) : null}
          {audience !== "CHOSEN" && fields.attendeeIds.errors ? (
            <ErrorMessage>{fields.attendeeIds.errors.join(" ")}</ErrorMessage>
          ) : null}
          <p className="hint">Danh sách người nhận được chốt vào lúc gửi (người xác nhận muộn vẫn nhận được thư).</p>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          Hẹn giờ gửi
        </button>
      </Form>
    </section>
  );
}
