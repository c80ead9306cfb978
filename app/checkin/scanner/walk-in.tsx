// Walk-in registration (đăng ký tại chỗ): a guest without an invitation is created at this list's place
// and checked in by the server in one request; the answer goes to the result panel like a scan.

import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { FetcherWithComponents } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { walkInSchema } from "#app/checkin/scanner/walk-in-form.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { Field } from "#app/ui/field.tsx";

/** What this form reads from the page action's answer (the action's own type is inferred by the route). */
type Answer = { result: SubmissionResult<string[]>; checkin?: CheckinResponse };

export function WalkIn({
  fetcher,
  action,
  offline,
  deviceId,
  groups,
  onCheckedIn,
}: {
  fetcher: FetcherWithComponents<Answer>;
  action: string;
  offline: boolean;
  deviceId: string;
  groups: Array<{ id: string; label: string }>;
  onCheckedIn: (response: CheckinResponse) => void;
}) {
  const [form, fields] = useForm({
    id: "walk-in",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: walkInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  // Each answer is shown once, not again when the page re-renders.
  const handled = useRef<unknown>(null);
  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state === "idle" && answer?.checkin && handled.current !== answer) {
      handled.current = answer;
      onCheckedIn(answer.checkin);
    }
  }, [fetcher.state, fetcher.data, onCheckedIn]);
  const busy = fetcher.state !== "idle";
  return (
    <details className="scanner-section">
      <summary>Đăng ký tại chỗ (khách chưa có giấy mời)</summary>
      <fetcher.Form method="post" action={action} {...getFormProps(form)}>
        <input type="hidden" name="deviceId" value={deviceId} />
        {form.errors ? (
          <p className="form-error" role="alert" id={form.errorId}>
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field label="Họ và tên" meta={fields.name}>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} autoComplete="off" />
        </Field>
        <Field label="Chức vụ" meta={fields.position}>
          <input {...getInputProps(fields.position, { type: "text" })} key={fields.position.key} autoComplete="off" />
        </Field>
        <Field label="Cơ quan, đơn vị" meta={fields.organizationName}>
          <input
            {...getInputProps(fields.organizationName, { type: "text" })}
            key={fields.organizationName.key}
            autoComplete="off"
          />
        </Field>
        <Field label="Thư điện tử (không bắt buộc)" meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} autoComplete="off" />
        </Field>
        <Field label="Nhóm đại biểu" meta={fields.groupId}>
          <select {...getSelectProps(fields.groupId)} key={fields.groupId.key}>
            <option value="">Không thuộc nhóm nào</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </Field>
        {offline ? <p className="form-error">Cần có mạng để đăng ký tại chỗ.</p> : null}
        <button type="submit" className="primary" disabled={busy || offline || !deviceId}>
          {busy ? "Đang đăng ký…" : "Đăng ký và điểm danh"}
        </button>
      </fetcher.Form>
    </details>
  );
}
