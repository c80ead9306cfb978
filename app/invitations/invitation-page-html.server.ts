// The invitation page's body as React renders app/routes/i.$token._index.tsx (with the forms of
// app/components/public/rsvp-forms.tsx in their first state), for the edge's answer to the first open of
// a link. Only the open invitation: a revoked link, a cancelled conference or a form's answer are left to
// Remix. test/integration/invitation-page-edge.test.ts compares this with Remix's render of every variant
// of the data, so an edit to the route that is not made here too fails there.
import { reactEscape as e, reactTexts as t } from "#app/http/remix-document.server.ts";
import { publicDocumentsHtml } from "#app/meeting-documents/public-documents-html.server.ts";
import type { InvitationPageData } from "#app/invitations/invitation-page.server.ts";
import { rsvpStatusText } from "#app/invitations/rsvp-form.ts";

const fact = (term: string, value: string) => `<dt>${term}</dt><dd>${t(value)}</dd>`;

const field = (form: string, name: string, label: string, control: string) =>
  `<div class="field  "><label for="rsvp-${form}-${name}">${label}</label>${control}</div>`;

const input = (form: string, name: string, attributes: string) =>
  `<input id="rsvp-${form}-${name}" name="${name}" form="rsvp-${form}" ${attributes}/>`;

// The four forms of app/components/public/rsvp-forms.tsx before any answer: no value, no error.
function formsHtml(token: string): string {
  const open = (id: string) =>
    `<form method="post" action="${e(`/i/${token}?index`)}" id="rsvp-${id}" novalidate="" data-discover="true"><input type="hidden" name="intent" value="${id}"/>`;
  return (
    `<div class="rsvp-actions">` +
    `${open("accept")}<button type="submit" class="primary big">Xác nhận tham dự</button></form>` +
    `<details><summary>Báo vắng mặt</summary>${open("decline")}` +
    field(
      "decline",
      "reason",
      "Lý do vắng mặt",
      `<textarea id="rsvp-decline-reason" name="reason" form="rsvp-decline" rows="2"></textarea>`,
    ) +
    `<button type="submit">Gửi báo vắng</button></form></details>` +
    `<details><summary>Đăng ký tham luận</summary>${open("paper")}` +
    field("paper", "title", "Tên bài tham luận", input("paper", "title", `type="text"`)) +
    field(
      "paper",
      "durationMinutes",
      "Thời lượng (phút)",
      input("paper", "durationMinutes", `type="number" min="1" max="60" value="10"`),
    ) +
    `<button type="submit">Đăng ký tham luận</button></form></details>` +
    `<details><summary>Cử người dự thay</summary>${open("substitute")}` +
    field(
      "substitute",
      "name",
      "Họ và tên người dự thay",
      input("substitute", "name", `type="text" autoComplete="name"`),
    ) +
    field("substitute", "position", "Chức vụ", input("substitute", "position", `type="text"`)) +
    field("substitute", "email", "Thư điện tử", input("substitute", "email", `type="email" autoComplete="email"`)) +
    `<button type="submit">Cử người dự thay</button></form></details>` +
    `</div>`
  );
}

/** The page of an open invitation (not revoked, conference not cancelled); null for the others. */
export function invitationPageHtml(data: InvitationPageData): string | null {
  if (data.revoked || data.cancelled || !data.checkinCode) return null;
  const c = data.conference;
  const base = `/i/${data.token}`;
  const status = rsvpStatusText(data.rsvp, data.declineReason);
  return (
    `<div class="rsvp"><p class="muted">${t(c.organizer, " trân trọng kính mời")}</p>` +
    `<h1>${t("Đồng chí ", data.name)}${data.position ? `<span class="muted small">${t(", ", data.position)}</span>` : ""}</h1>` +
    `<p class="strong">${t("tham dự ", c.title)}</p>` +
    `<dl class="facts">${fact("Thời gian", c.when)}${fact("Địa điểm", c.site)}` +
    (c.videoLink ? `<dt>Đường truyền</dt><dd><a href="${e(c.videoLink)}">${t(c.videoLink)}</a></dd>` : "") +
    (c.chair ? fact("Chủ trì", c.chair) : "") +
    (c.preparation ? fact("Đề nghị chuẩn bị", c.preparation) : "") +
    (c.contact ? fact("Liên hệ", c.contact) : "") +
    `</dl>` +
    publicDocumentsHtml(base, data.documents) +
    (status ? `<p role="status">${t(status, " Đồng chí có thể thay đổi câu trả lời bên dưới.")}</p>` : "") +
    formsHtml(data.token) +
    `<div class="rsvp-qr"><img src="${e(`${base}/qr.png`)}" alt="Mã QR điểm danh cá nhân" width="220" height="220"/>` +
    `<p class="hint">Xuất trình mã QR này khi điểm danh tại hội trường hoặc điểm cầu.</p>` +
    `<p data-testid="checkin-code">Mã điểm danh: <strong class="checkin-code">${t(data.checkinCode)}</strong><br/><span class="hint">Nhập mã này tại trang tự điểm danh của điểm cầu khi không quét được mã QR.</span></p></div>` +
    `<p><a href="${e(`${base}/letter.pdf`)}">Tải giấy mời (PDF)</a>` +
    (data.hasCalendar ? `${t(" · ")}<a href="${e(`${base}/invite.ics`)}">Thêm vào lịch (.ics)</a>` : "") +
    `</p></div>`
  );
}
