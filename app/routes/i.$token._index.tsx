import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";
import { emailSchema } from "#app/invitations/attendee-form.ts";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { invitationParts } from "#app/invitations/invitation-message.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { answer, registerPaper, substitute } from "#app/invitations/rsvp.server.ts";
import { inviteeActor } from "#app/audit/actors.server.ts";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";

export const meta: MetaFunction = () => [{ title: "Giấy mời · Hội nghị CCHC" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  const c = a.conference;
  const ready = !!c.startsAt && !!c.endsAt;
  const parts = ready ? invitationParts(a) : null;
  return {
    token: a.token,
    name: a.name,
    position: a.position,
    revoked: !!a.revokedAt,
    checkinCode: a.revokedAt ? null : formatCheckinCode(checkinCode(a.invitationKey)),
    cancelled: c.status === "CANCELLED",
    rsvp: a.rsvp,
    declineReason: a.declineReason,
    conference: {
      title: meetingName(c.title),
      organizer: c.organization.name,
      when:
        c.startsAt && c.endsAt
          ? `${formatDateTime(c.startsAt)} – ${formatTime(c.endsAt)}`
          : "Thời gian sẽ được thông báo sau",
      chair: c.chair,
      site: parts ? `${parts.site.name}${parts.site.address ? `, ${parts.site.address}` : ""}` : c.venue,
      videoLink: parts?.videoLink ?? null,
      contact: [c.contactName, c.contactPhone, c.contactEmail].filter(Boolean).join(" · "),
      preparation: c.preparationNote,
    },
    hasCalendar: ready,
  };
}

const rsvpSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("paper"),
    title: z
      .string({ error: "Nhập tên bài tham luận" })
      .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
      .pipe(z.string().min(1, "Nhập tên bài tham luận").max(300, "Tên bài dài quá 300 ký tự")),
    durationMinutes: z
      .number({ error: "Nhập thời lượng (phút)" })
      .int("Thời lượng là số phút nguyên")
      .min(1, "Thời lượng ít nhất 1 phút")
      .max(60, "Thời lượng tối đa 60 phút"),
  }),
  z.object({ intent: z.literal("accept") }),
  z.object({
    intent: z.literal("decline"),
    reason: z
      .string({ error: "Nêu lý do vắng mặt" })
      .trim()
      .min(1, "Nêu lý do vắng mặt")
      .max(500, "Lý do dài quá 500 ký tự"),
  }),
  z.object({
    intent: z.literal("substitute"),
    name: z
      .string({ error: "Nhập họ tên người dự thay" })
      .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
      .pipe(z.string().min(1, "Nhập họ tên người dự thay").max(100)),
    position: z
      .string()
      .max(200)
      .optional()
      .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim()),
    email: emailSchema,
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  if (a.revokedAt)
    return Response.json({ errors: { "": ["Giấy mời này đã được chuyển cho người dự thay."] } }, { status: 400 });
  if (a.conference.status === "CANCELLED")
    return Response.json({ errors: { "": ["Hội nghị đã hủy."] } }, { status: 400 });
  const submission = parseWithZod(await request.formData(), { schema: rsvpSchema });
  if (submission.status !== "success")
    return Response.json({ errors: submission.reply().error ?? {} }, { status: 400 });
  const v = submission.value;
  if (v.intent === "paper") {
    await registerPaper(inviteeActor(a, request), a, v);
    return { done: `Đã đăng ký tham luận “${v.title}”. Ban tổ chức sẽ thông báo nếu bài được chọn trình bày.` };
  }
  if (v.intent === "substitute") {
    const error = await substitute(inviteeActor(a, request), a, v);
    if (error) return Response.json({ errors: { email: [error] } }, { status: 400 });
    return { done: `Đã ghi nhận: ${v.name} dự thay. Giấy mời và mã QR mới đã được gửi tới ${v.email}.` };
  }
  await answer(
    inviteeActor(a, request),
    a,
    v.intent === "accept" ? "ACCEPTED" : "DECLINED",
    v.intent === "decline" ? v.reason : "",
  );
  return { done: v.intent === "accept" ? "Cảm ơn Đồng chí đã xác nhận tham dự." : "Đã ghi nhận Đồng chí vắng mặt." };
}

export default function RsvpPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<{ done?: string; errors?: Record<string, string[] | null> }>();
  const navigation = useNavigation();
  const err = (k: string) => result?.errors?.[k]?.join(" ");
  const c = data.conference;
  const status =
    data.rsvp === "ACCEPTED"
      ? "Đồng chí đã xác nhận tham dự."
      : data.rsvp === "DECLINED"
        ? `Đồng chí đã báo vắng${data.declineReason ? `: ${data.declineReason}` : "."}`
        : null;
  return (
    <div className="rsvp">
      <p className="muted">{c.organizer} trân trọng kính mời</p>
      <h1>
        Đồng chí {data.name}
        {data.position ? <span className="muted small">, {data.position}</span> : null}
      </h1>
      <p className="strong">tham dự {c.title}</p>
      <dl className="facts">
        <dt>Thời gian</dt>
        <dd>{c.when}</dd>
        <dt>Địa điểm</dt>
        <dd>{c.site}</dd>
        {c.videoLink ? (
          <>
            <dt>Đường truyền</dt>
            <dd>
              <a href={c.videoLink}>{c.videoLink}</a>
            </dd>
          </>
        ) : null}
        {c.chair ? (
          <>
            <dt>Chủ trì</dt>
            <dd>{c.chair}</dd>
          </>
        ) : null}
        {c.preparation ? (
          <>
            <dt>Đề nghị chuẩn bị</dt>
            <dd>{c.preparation}</dd>
          </>
        ) : null}
        {c.contact ? (
          <>
            <dt>Liên hệ</dt>
            <dd>{c.contact}</dd>
          </>
        ) : null}
      </dl>
      {result?.done && data.revoked ? (
        <p role="status" className="rsvp-done">
          {result.done}
        </p>
      ) : null}
      {data.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã hủy.
        </p>
      ) : data.revoked ? (
        <p className="problems">
          Giấy mời này đã được chuyển cho người dự thay; mã QR này không còn dùng để điểm danh.
        </p>
      ) : (
        <>
          {result?.done ? (
            <p role="status" className="rsvp-done">
              {result.done}
            </p>
          ) : status ? (
            <p role="status">{status} Đồng chí có thể thay đổi câu trả lời bên dưới.</p>
          ) : null}
          {err("") ? (
            <p className="form-error" role="alert">
              {err("")}
            </p>
          ) : null}
          <div className="rsvp-actions">
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="primary big" disabled={navigation.state !== "idle"}>
                Xác nhận tham dự
              </button>
            </Form>
            <details open={!!err("reason")}>
              <summary>Báo vắng mặt</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="decline" />
                <div className="field">
                  <label htmlFor="reason">Lý do vắng mặt</label>
                  <textarea id="reason" name="reason" rows={2} aria-invalid={err("reason") ? true : undefined} />
                  {err("reason") ? <p className="field-error">{err("reason")}</p> : null}
                </div>
                <button type="submit">Gửi báo vắng</button>
              </Form>
            </details>
            <details open={!!(err("title") || err("durationMinutes"))}>
              <summary>Đăng ký tham luận</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="paper" />
                <div className="field">
                  <label htmlFor="paper-title">Tên bài tham luận</label>
                  <input id="paper-title" name="title" type="text" />
                  {err("title") ? <p className="field-error">{err("title")}</p> : null}
                </div>
                <div className="field">
                  <label htmlFor="paper-duration">Thời lượng (phút)</label>
                  <input id="paper-duration" name="durationMinutes" type="number" min={1} max={60} defaultValue={10} />
                  {err("durationMinutes") ? <p className="field-error">{err("durationMinutes")}</p> : null}
                </div>
                <button type="submit">Đăng ký tham luận</button>
              </Form>
            </details>
            <details open={!!(err("name") || err("email"))}>
              <summary>Cử người dự thay</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="substitute" />
                <div className="field">
                  <label htmlFor="sub-name">Họ và tên người dự thay</label>
                  <input id="sub-name" name="name" type="text" autoComplete="name" />
                  {err("name") ? <p className="field-error">{err("name")}</p> : null}
                </div>
                <div className="field">
                  <label htmlFor="sub-position">Chức vụ</label>
                  <input id="sub-position" name="position" type="text" />
                </div>
                <div className="field">
                  <label htmlFor="sub-email">Thư điện tử</label>
                  <input id="sub-email" name="email" type="email" autoComplete="email" />
                  {err("email") ? <p className="field-error">{err("email")}</p> : null}
                </div>
                <button type="submit">Cử người dự thay</button>
              </Form>
            </details>
          </div>
          <div className="rsvp-qr">
            <img src={`/i/${data.token}/qr.png`} alt="Mã QR điểm danh cá nhân" width={220} height={220} />
            <p className="hint">Xuất trình mã QR này khi điểm danh tại hội trường hoặc điểm cầu.</p>
            {data.checkinCode ? (
              <p data-testid="checkin-code">
                Mã điểm danh: <strong className="checkin-code">{data.checkinCode}</strong>
                <br />
                <span className="hint">Nhập mã này tại trang tự điểm danh của điểm cầu khi không quét được mã QR.</span>
              </p>
            ) : null}
          </div>
        </>
      )}
      <p>
        <a href={`/i/${data.token}/giay-moi.pdf`}>Tải giấy mời (PDF)</a>
        {data.hasCalendar ? (
          <>
            {" · "}
            <a href={`/i/${data.token}/invite.ics`}>Thêm vào lịch (.ics)</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
