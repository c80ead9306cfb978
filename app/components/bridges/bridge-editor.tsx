import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { Field } from "#app/ui/field.tsx";
import { bridgeSchema } from "#app/bridges/bridge-form.ts";

export interface HostOption {
  id: string;
  name: string;
  depth: number;
  dissolved: boolean;
}

/** Add or edit one bridge point (one Zod schema, validated in the browser and again on the server). */
export function BridgeEditor({
  id,
  intent,
  lastResult,
  defaultValue,
  hosts,
  submitLabel,
  bridgeId,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<z.input<typeof bridgeSchema>>;
  hosts: HostOption[];
  submitLabel: string;
  bridgeId?: string;
}) {
  const [form, fields] = useForm<z.input<typeof bridgeSchema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(bridgeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bridgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {bridgeId ? <input type="hidden" name="bridgeId" value={bridgeId} /> : null}
      {form.errors ? (
        <p className="form-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </p>
      ) : null}
      <div className="grid-2">
        <Field label="Tên điểm cầu" meta={fields.name} hint="Ví dụ: Điểm cầu UBND xã Tam Nghĩa">
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
        </Field>
        <Field
          label="Đơn vị chủ trì điểm cầu"
          meta={fields.hostOrganizationId}
          hint="Người vận hành điểm cầu thuộc đơn vị này thấy được trang kiểm tra."
        >
          <select {...getSelectProps(fields.hostOrganizationId)} key={fields.hostOrganizationId.key}>
            <option value="">— Không gắn đơn vị —</option>
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {"\u00a0\u00a0".repeat(h.depth)}
                {h.name}
                {h.dissolved ? " (đã giải thể, sáp nhập)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Địa chỉ" meta={fields.address}>
          <input {...getInputProps(fields.address, { type: "text" })} key={fields.address.key} />
        </Field>
        <Field label="Phòng họp" meta={fields.room} hint="Ví dụ: Phòng họp tầng 2, trụ sở UBND">
          <input {...getInputProps(fields.room, { type: "text" })} key={fields.room.key} />
        </Field>
        <Field label="Đường dẫn họp trực tuyến" meta={fields.videoLink}>
          <input {...getInputProps(fields.videoLink, { type: "url" })} key={fields.videoLink.key} />
        </Field>
        <Field
          label="Mật khẩu phòng họp"
          meta={fields.videoPasscode}
          hint="Chỉ cơ quan tổ chức và người vận hành điểm cầu này thấy; không gửi qua e-mail."
        >
          <input
            {...getInputProps(fields.videoPasscode, { type: "text" })}
            key={fields.videoPasscode.key}
            autoComplete="off"
          />
        </Field>
        <Field label="Người phụ trách kỹ thuật" meta={fields.contactName}>
          <input {...getInputProps(fields.contactName, { type: "text" })} key={fields.contactName.key} />
        </Field>
        <Field label="Số điện thoại liên hệ" meta={fields.contactPhone}>
          <input {...getInputProps(fields.contactPhone, { type: "tel" })} key={fields.contactPhone.key} />
        </Field>
        <Field label="Thư điện tử liên hệ" meta={fields.contactEmail} hint="Nhận thư đề nghị kiểm tra kết nối.">
          <input {...getInputProps(fields.contactEmail, { type: "email" })} key={fields.contactEmail.key} />
        </Field>
        <div className="field checkbox-field">
          <label className="checkbox" htmlFor={fields.isMain.id}>
            <input {...getInputProps(fields.isMain, { type: "checkbox" })} key={fields.isMain.key} />
            Điểm cầu chính (hội trường chính)
          </label>
        </div>
      </div>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </Form>
  );
}
