import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { deleteBridgeSchema } from "#app/bridges/bridge-form.ts";
import { CopyButton } from "#app/components/bridges/test-history.tsx";
import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";

export interface BridgeFactsData {
  name: string;
  hostOrganization: { name: string } | null;
  room: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  attendeeCount: number;
  readinessAt: string | null;
  testRequestedAt: string | null;
  videoPasscode: string;
  operatorLink: string;
}

/** One bridge point's facts; the passcode and the operator's link for organisers only. */
export function BridgeFacts({ b, canManage }: { b: BridgeFactsData; canManage: boolean }) {
  return (
    <section className="card">
      <dl className="facts">
        <dt>Đơn vị chủ trì</dt>
        <dd>{b.hostOrganization?.name ?? "—"}</dd>
        <dt>Phòng họp, địa chỉ</dt>
        <dd>{[b.room, b.address].filter(Boolean).join(", ") || "—"}</dd>
        <dt>Phụ trách kỹ thuật</dt>
        <dd>{[b.contactName, b.contactPhone, b.contactEmail].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>Đại biểu dự tại đây</dt>
        <dd>{b.attendeeCount}</dd>
        <dt>Xác nhận kết nối</dt>
        <dd>{b.readinessAt ?? "Chưa kiểm tra"}</dd>
        {b.testRequestedAt ? (
          <>
            <dt>Đã đề nghị kiểm tra</dt>
            <dd>{b.testRequestedAt}</dd>
          </>
        ) : null}
        {canManage ? (
          <>
            <dt>Mật khẩu phòng họp</dt>
            <dd>{b.videoPasscode ? <span className="passcode">{b.videoPasscode}</span> : "—"}</dd>
            <dt>Trang của điểm cầu</dt>
            <dd className="operator-link">
              <code>{b.operatorLink}</code>{" "}
              <CopyButton text={b.operatorLink} label={`Sao chép đường dẫn trang ${b.name}`} />
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Deleting a bridge point, after ticking what it means. */
export function DeleteBridgeForm({
  name,
  attendeeCount,
  lastResult,
}: {
  name: string;
  attendeeCount: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "delete-bridge",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteBridgeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="card">
      <h2>Xóa điểm cầu</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="delete" />
        <label className="checkbox">
          <input
            {...getInputProps(fields.confirm, { type: "checkbox", value: "yes" })}
            key={fields.confirm.key}
            required
          />
          Tôi muốn xóa {name}: {attendeeCount} đại biểu chuyển về hội trường chính, lịch sử kiểm tra bị xóa.
        </label>
        <FieldsetErrors meta={fields.confirm} />
        <p>
          <button type="submit" className="danger">
            Xóa điểm cầu
          </button>
        </p>
      </Form>
    </section>
  );
}
