import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { BridgeChoiceSearch, BridgeOptions } from "#app/ui/bridge-choice.tsx";
import { Field } from "#app/ui/field.tsx";
import type { attendeeSchema } from "#app/invitations/attendee-form.ts";
import type { AttendeesPageData } from "#app/invitations/attendee-actions.server.ts";

const TEXT_FIELDS = [
  ["name", "Họ và tên", "text"],
  ["position", "Chức vụ", "text"],
  ["organizationName", "Cơ quan", "text"],
  ["email", "Thư điện tử", "email"],
  ["phone", "Điện thoại", "tel"],
] as const;

/** One attendee typed in, or a list from a file. */
export function AddAttendees({
  groups,
  bridgePoints,
  lastResult,
}: {
  groups: AttendeesPageData["groups"];
  bridgePoints: AttendeesPageData["bridgePoints"];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<z.input<typeof attendeeSchema>>({ id: "add", lastResult });
  return (
    <section className="card">
      <h2>Thêm đại biểu</h2>
      <BridgeChoiceSearch choices={bridgePoints} id="add-bq" />
      <Form method="post" className="grid-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add" />
        {TEXT_FIELDS.map(([name, label, type]) => (
          <Field label={label} meta={fields[name]} key={name}>
            <input {...getInputProps(fields[name], { type })} />
          </Field>
        ))}
        <Field label="Nhóm thành phần" meta={fields.groupId}>
          <select {...getSelectProps(fields.groupId)}>
            <option value="">— Chưa phân nhóm —</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Nơi dự" meta={fields.bridgePointId}>
          <select {...getSelectProps(fields.bridgePointId)}>
            <option value="">Hội trường chính</option>
            <BridgeOptions choices={bridgePoints} />
          </select>
        </Field>
        <div className="field">
          <button type="submit">Thêm đại biểu</button>
        </div>
      </Form>
      <Form method="post" encType="multipart/form-data" className="filters">
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor="attendee-file">Nhập danh sách từ tệp (.xlsx hoặc .csv)</label>
          <input id="attendee-file" name="file" type="file" accept=".xlsx,.csv" required />
          <p className="hint">
            Cột: Họ tên, Chức vụ, Cơ quan, Nhóm, Email, Điện thoại, Điểm cầu. Tệp có dòng lỗi thì không dòng nào được
            thêm.
          </p>
        </div>
        <button type="submit">Nhập danh sách</button>
      </Form>
    </section>
  );
}
