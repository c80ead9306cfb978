import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { simpleParser } from "mailparser";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import { ResendFailed } from "#app/components/outbox/resend-failed.tsx";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { MESSAGE_KIND_LABEL } from "#app/conferences/vocabulary.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { MAX_ATTEMPTS } from "#app/mailing/backoff.ts";
import { isStuck } from "#app/mailing/claims.server.ts";
import { requeueFailed, resendableCounts } from "#app/mailing/resend.server.ts";
import { sentMessageCopy } from "#app/mailing/transport.server.ts";
import { mailTransportKind, outboxFolder, outboxWorker } from "#app/mailing/worker.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { confirmed } from "#app/lib/form-text.ts";

export const meta: MetaFunction = () => [{ title: "Hộp thư gửi đi · Hội nghị CCHC" }];

const STATUS = { QUEUED: "Đang chờ", SENDING: "Đang gửi", SENT: "Đã gửi", FAILED: "Lỗi" } as const;

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, match) => [
    { label: "Đại biểu, giấy mời", to: `/conferences/${match.params.id}/attendees` },
    { label: "Hộp thư gửi đi" },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const url = new URL(request.url);
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .catch(1)
    .parse(url.searchParams.get("page") ?? 1);
  const now = new Date();
  const [total, resendable, messages] = await Promise.all([
    prisma.outboxMessage.count({ where: { conferenceId: c.id } }),
    resendableCounts(c.id, now),
    prisma.outboxMessage.findMany({
      where: { conferenceId: c.id },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * 100,
      take: 100,
      select: {
        id: true,
        messageId: true,
        kind: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        sentAt: true,
        lastError: true,
        claimedAt: true,
        leaseUntil: true,
        attendee: { select: { name: true } },
        bridgePoint: { select: { name: true, contactName: true } },
        noticeRecipient: { select: { text: true } },
      },
    }),
  ]);
  // With no SMTP server the messages are files: show the chosen one as the recipient would see it.
  const view = url.searchParams.get("view");
  let preview: { subject: string; to: string; html: string; attachments: string[] } | null = null;
  const chosen = view ? messages.find((m) => m.id === view) : null;
  if (chosen && chosen.status === "SENT" && mailTransportKind() === "folder") {
    const raw = await sentMessageCopy(outboxFolder(), chosen.messageId);
    if (raw) {
      const parsed = await simpleParser(raw);
      let html = typeof parsed.html === "string" ? parsed.html : `<pre>${parsed.text ?? ""}</pre>`;
      for (const att of parsed.attachments) {
        if (att.cid)
          html = html.replaceAll(`cid:${att.cid}`, `data:${att.contentType};base64,${att.content.toString("base64")}`);
      }
      preview = {
        subject: parsed.subject ?? "",
        to: chosen.toAddress,
        html,
        attachments: parsed.attachments.map((a) => `${a.filename ?? "(không tên)"} (${a.contentType})`),
      };
    }
  }
  return {
    conference: { id: c.id, title: c.title },
    mode: mailTransportKind(),
    total,
    ...resendable,
    maxAttempts: MAX_ATTEMPTS,
    page,
    preview,
    messages: messages.map((m) => ({
      id: m.id,
      kind: MESSAGE_KIND_LABEL[m.kind],
      to: `${m.attendee?.name ?? (m.bridgePoint?.contactName || m.bridgePoint?.name || m.noticeRecipient?.text || "")} <${m.toAddress}>`,
      subject: m.subject,
      status: isStuck(m, now) ? "STUCK" : m.status,
      statusLabel: isStuck(m, now) ? "Bị treo khi đang gửi" : STATUS[m.status],
      attempts: m.attempts,
      sentAt: m.sentAt ? formatDateTime(m.sentAt) : "",
      error: m.lastError,
    })),
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("resend-failed"),
    confirm: confirmed("Đánh dấu xác nhận gửi lại"),
  }),
]);

/** "Gửi lại các thư lỗi": every failed or stuck message of the conference back in the queue. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return formReply(String(form.get("intent") ?? ""), submission);
  const count = await requeueFailed(userActor(access.user), c.id);
  if (count === 0)
    return formReply(submission.value.intent, submission, {
      formErrors: ["Không có thư lỗi hoặc bị treo nào để gửi lại."],
    });
  outboxWorker().kick();
  return formReply(submission.value.intent, submission, {
    message: `Đã đưa ${count} thư lỗi vào hàng đợi gửi lại.`,
    resetForm: true,
  });
}

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formErrors = actionData?.result.error?.[""] ?? [];
  return (
    <div className="page">
      <h1>Hộp thư gửi đi</h1>
      <p className="muted">
        {data.mode === "folder"
          ? "Chưa cấu hình máy chủ thư: thư được lưu thành tệp .eml trong thư mục dữ liệu. "
          : "Thư được gửi qua máy chủ SMTP. "}
        {data.total} thư.
      </p>
      {actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : null}
      {formErrors.length ? (
        <div className="form-error" role="alert">
          {formErrors.join(" ")}
        </div>
      ) : null}
      <ResendFailed
        failed={data.failed}
        stuck={data.stuck}
        maxAttempts={data.maxAttempts}
        lastResult={actionData?.result}
      />
      {data.preview ? (
        <section className="card">
          <h2>{data.preview.subject}</h2>
          <p className="muted small">
            Tới: {data.preview.to} · Đính kèm: {data.preview.attachments.join(", ")}
          </p>
          <iframe title="Nội dung thư" sandbox="" srcDoc={data.preview.html} className="mail-preview" />
        </section>
      ) : null}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Loại</th>
              <th scope="col">Người nhận</th>
              <th scope="col">Tiêu đề</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Gửi lúc</th>
            </tr>
          </thead>
          <tbody>
            {data.messages.map((m) => (
              <tr key={m.id}>
                <td>{m.kind}</td>
                <td>{m.to}</td>
                <td>
                  {m.status === "SENT" && data.mode === "folder" ? (
                    <Link to={`?view=${m.id}&page=${data.page}`}>{m.subject}</Link>
                  ) : (
                    m.subject
                  )}
                </td>
                <td>
                  <span className={`badge delivery-${m.status.toLowerCase()}`}>{m.statusLabel}</span>
                  {m.attempts > 1 ? <span className="muted small"> ({m.attempts} lần)</span> : null}
                  {m.error ? <div className="muted small">{m.error}</div> : null}
                </td>
                <td>{m.sentAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.total > 100 ? (
        <nav className="pager" aria-label="Phân trang">
          {data.page > 1 ? <Link to={`?page=${data.page - 1}`}>‹ Trang trước</Link> : <span />}
          <span>Trang {data.page}</span>
          {data.page * 100 < data.total ? <Link to={`?page=${data.page + 1}`}>Trang sau ›</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
