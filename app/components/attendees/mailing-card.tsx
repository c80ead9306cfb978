import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { DeliveryProgress } from "#app/components/attendees/delivery-progress.tsx";
import { SendProgress, type SendJobState } from "#app/components/attendees/send-progress.tsx";
import { Field } from "#app/ui/field.tsx";

/** Sending: invitations, reminders, a change notice, the cancellation; with the delivery progress. */
export function MailingCard({
  conferenceId,
  cancelled,
  cannotInvite,
  lateWarning,
  busy,
  updateResult,
  cancelResult,
  sendJob,
}: {
  conferenceId: string;
  cancelled: boolean;
  cannotInvite: string | null;
  lateWarning: number | null;
  busy: boolean;
  updateResult: SubmissionResult<string[]> | undefined;
  cancelResult: SubmissionResult<string[]> | undefined;
  /** A large conference's invitations being queued by a job, or just queued. */
  sendJob: SendJobState | null;
}) {
  const [updateForm, update] = useForm<{ changeNote: string }>({ id: "update-notice", lastResult: updateResult });
  const [cancelForm, cancel] = useForm<{ confirm: boolean }>({ id: "cancel-conference", lastResult: cancelResult });
  return (
    <section className="card">
      <h2>Gửi giấy mời</h2>
      {cannotInvite ? (
        <p className="problems" role="status">
          {cannotInvite}
        </p>
      ) : (
        <>
          {lateWarning !== null ? (
            <p className="problems" role="status">
              Chỉ còn {lateWarning} ngày làm việc trước hội nghị: giấy mời nên được gửi trước ít nhất 03 ngày làm việc.
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="send" />
            <label className="checkbox">
              <input type="checkbox" name="attachPdf" /> Đính kèm giấy mời (PDF)
            </label>{" "}
            <button type="submit" className="primary" disabled={busy || sendJob?.status === "queuing"}>
              Gửi giấy mời cho đại biểu chưa nhận
            </button>
          </Form>
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="remind" />
            <button type="submit" disabled={busy}>
              Nhắc đại biểu chưa trả lời
            </button>
          </Form>
          <details open={!!update.changeNote.errors}>
            <summary>Gửi thông báo thay đổi thời gian, địa điểm</summary>
            <Form method="post" {...getFormProps(updateForm)}>
              <input type="hidden" name="intent" value="update" />
              <Field label="Nội dung thay đổi (sửa kế hoạch trước, rồi gửi thông báo)" meta={update.changeNote}>
                <textarea
                  {...getTextareaProps(update.changeNote)}
                  rows={2}
                  placeholder="Ví dụ: Hội nghị chuyển sang 14 giờ 00 cùng ngày"
                />
              </Field>
              <button type="submit">Gửi thông báo thay đổi</button>
            </Form>
          </details>
        </>
      )}
      <SendProgress job={sendJob} />
      <DeliveryProgress conferenceId={conferenceId} />
      {!cancelled ? (
        <details open={!!cancel.confirm.errors}>
          <summary>Hủy hội nghị</summary>
          <Form method="post" {...getFormProps(cancelForm)}>
            <input type="hidden" name="intent" value="cancel" />
            <Field
              label="Tôi xác nhận hủy hội nghị và gửi thông báo hủy lịch cho đại biểu đã được mời"
              meta={cancel.confirm}
              className="checkbox"
            >
              <input {...getInputProps(cancel.confirm, { type: "checkbox" })} />
            </Field>
            <button type="submit" className="danger">
              Hủy hội nghị
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
