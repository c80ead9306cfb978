import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AcceptForm, DeclineForm, PaperForm, SubstituteForm } from "#app/components/public/rsvp-forms.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import {
  acceptSchema,
  declineSchema,
  isRsvpIntent,
  paperSchema,
  rsvpStatusText,
  substituteSchema,
  type RsvpIntent,
} from "#app/invitations/rsvp-form.ts";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { invitationPage } from "#app/invitations/invitation-page.server.ts";
import { answer, registerPaper, substitute } from "#app/invitations/rsvp.server.ts";
import { inviteeActor } from "#app/audit/actors.server.ts";
import { PublicDocuments } from "#app/components/meeting-documents/public-documents.tsx";
import documentsCss from "#app/meeting-documents/meeting-documents.css?url";

export const meta: MetaFunction = () => [{ title: "Giấy mời · Hội nghị CCHC" }, { name: "robots", content: "noindex" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: documentsCss }];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await invitationPage(params.token ?? "");
  if (!page) invitationLinkNotFound();
  return page;
}

type Answerable = {
  reply: (options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    resetForm?: boolean;
  }) => SubmissionResult<string[]>;
};

/** A refused answer: Conform's reply kept whole, so each message stays on its form and field. */
const refused = (
  intent: RsvpIntent,
  s: Answerable,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
) => reply({ intent, result: s.reply(errors), done: null }, 400);

/** A recorded answer: the form starts over and the page says what was recorded. */
const recorded = (intent: RsvpIntent, s: Answerable, done: string) =>
  reply({ intent, result: s.reply({ resetForm: true }), done });

export async function action({ request, params }: ActionFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (!isRsvpIntent(intent)) throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
  const closed = a.revokedAt
    ? "Giấy mời này đã được chuyển cho người dự thay."
    : a.conference.status === "CANCELLED"
      ? "Hội nghị đã hủy."
      : null;
  const actor = inviteeActor(a, request);
  switch (intent) {
    case "paper": {
      const s = parseWithZod(form, { schema: paperSchema });
      if (s.status !== "success" || closed) return refused(intent, s, { formErrors: closed ? [closed] : undefined });
      await registerPaper(actor, a, s.value);
      return recorded(
        intent,
        s,
        `Đã đăng ký tham luận “${s.value.title}”. Ban tổ chức sẽ thông báo nếu bài được chọn trình bày.`,
      );
    }
    case "substitute": {
      const s = parseWithZod(form, { schema: substituteSchema });
      if (s.status !== "success" || closed) return refused(intent, s, { formErrors: closed ? [closed] : undefined });
      const error = await substitute(actor, a, s.value);
      if (error) return refused(intent, s, { fieldErrors: { email: [error] } });
      return recorded(
        intent,
        s,
        `Đã ghi nhận: ${s.value.name} dự thay. Giấy mời và mã QR mới đã được gửi tới ${s.value.email}.`,
      );
    }
    case "decline": {
      const s = parseWithZod(form, { schema: declineSchema });
      if (s.status !== "success" || closed) return refused(intent, s, { formErrors: closed ? [closed] : undefined });
      await answer(actor, a, "DECLINED", s.value.reason);
      return recorded(intent, s, "Đã ghi nhận Đồng chí vắng mặt.");
    }
    case "accept": {
      const s = parseWithZod(form, { schema: acceptSchema });
      if (s.status !== "success" || closed) return refused(intent, s, { formErrors: closed ? [closed] : undefined });
      await answer(actor, a, "ACCEPTED");
      return recorded(intent, s, "Cảm ơn Đồng chí đã xác nhận tham dự.");
    }
  }
}

export default function RsvpPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const idle = navigation.state === "idle";
  const lastResult = (intent: RsvpIntent) => (idle && result?.intent === intent ? result.result : undefined);
  const c = data.conference;
  const status = rsvpStatusText(data.rsvp, data.declineReason);
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
      <PublicDocuments base={`/i/${data.token}`} documents={data.documents} />
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
          <div className="rsvp-actions">
            <AcceptForm lastResult={lastResult("accept")} busy={!idle} />
            <DeclineForm lastResult={lastResult("decline")} />
            <PaperForm lastResult={lastResult("paper")} />
            <SubstituteForm lastResult={lastResult("substitute")} />
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
        <a href={`/i/${data.token}/letter.pdf`}>Tải giấy mời (PDF)</a>
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
