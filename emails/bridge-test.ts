// The "please test your bridge point's link" e-mail to a bridge point's technical contact.
// HTML and plain text carry the same facts; every value is escaped in the HTML. It never carries the
// meeting passcode: the operator reads it on the bridge's own page.

import { escapeHtml, escapeHtmlLines, headerText, safeHref } from "#app/mailing/escape.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";
import { formatMeetingStart } from "#emails/invitation.ts";

export interface BridgeTestMailData {
  conference: {
    title: string;
    organizerName: string;
    startsAt: Date | null;
    endsAt: Date | null;
    contact: { name: string; phone: string; email: string };
  };
  bridge: { name: string; address: string; room: string; contactName: string };
  test: { at: Date | null; note: string };
  operatorLink: string;
}

export function bridgeTestSubjectLine(title: string): string {
  return headerText(`[Kiểm tra điểm cầu] ${title}`);
}

function when(c: BridgeTestMailData["conference"]): string {
  if (!c.startsAt) return "Thời gian sẽ được thông báo sau";
  return c.endsAt ? `${formatMeetingStart(c.startsAt)} – ${formatTime(c.endsAt)}` : formatMeetingStart(c.startsAt);
}

export function renderBridgeTestEmail(d: BridgeTestMailData): { subject: string; html: string; text: string } {
  const c = d.conference;
  const place = [d.bridge.room, d.bridge.address]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(", ");
  const greeting = d.bridge.contactName.trim()
    ? `Kính gửi: Đồng chí ${d.bridge.contactName.trim()}, phụ trách kỹ thuật ${d.bridge.name.trim()}`
    : `Kính gửi: Bộ phận kỹ thuật ${d.bridge.name.trim()}`;
  const intro = `${c.organizerName.trim()} đề nghị ${d.bridge.name.trim()} kiểm tra đường truyền và thiết bị trước ${c.title.trim()}, rồi xác nhận kết quả trên trang của điểm cầu.`;
  const session = d.test.at ? `Buổi kiểm tra kết nối chung: ${formatDateTime(d.test.at)}.` : "";
  const contact = [c.contact.name, c.contact.phone, c.contact.email]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" · ");
  const steps = [
    "Mở đường dẫn bên dưới trên máy tính dùng cho hội nghị, tại phòng họp của điểm cầu.",
    "Bấm “Bắt đầu kiểm tra” để đo độ trễ, độ dao động, tỷ lệ mất gói và tốc độ tải xuống, tải lên.",
    "Kiểm tra camera, micro, màn hình hoặc máy chiếu, âm thanh và đường truyền dự phòng; đánh dấu từng mục.",
    "Chọn kết luận (đạt hoặc lỗi), ghi chú nếu có và bấm “Lưu kết quả”.",
  ];
  const text = [
    greeting,
    "",
    intro,
    "",
    `Hội nghị: ${c.title.trim()}`,
    `Thời gian: ${when(c)}`,
    `Điểm cầu: ${d.bridge.name.trim()}${place ? ` (${place})` : ""}`,
    session,
    d.test.note.trim() ? `Ghi chú: ${d.test.note.trim()}` : "",
    "",
    "Cách xác nhận:",
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    "",
    `Trang kiểm tra của điểm cầu: ${d.operatorLink}`,
    "Đường dẫn và mật khẩu phòng họp trực tuyến hiển thị trên trang này; xin không chuyển tiếp thư cho người ngoài.",
    "",
    contact ? `Liên hệ cơ quan tổ chức: ${contact}` : "",
  ]
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n");
  const href = escapeHtml(safeHref(d.operatorLink));
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(bridgeTestSubjectLine(c.title))}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1d2433; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<table role="presentation" style="border-collapse: collapse; margin: 12px 0;">
<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">Hội nghị</td><td style="padding: 4px 0;"><strong>${escapeHtml(c.title.trim())}</strong></td></tr>
<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">Thời gian</td><td style="padding: 4px 0;">${escapeHtml(when(c))}</td></tr>
<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">Điểm cầu</td><td style="padding: 4px 0;">${escapeHtml(d.bridge.name.trim())}${place ? `<br>${escapeHtml(place)}` : ""}</td></tr>
${d.test.at ? `<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">Buổi kiểm tra kết nối</td><td style="padding: 4px 0;"><strong>${escapeHtml(formatDateTime(d.test.at))}</strong>${d.test.note.trim() ? `<br>${escapeHtmlLines(d.test.note.trim())}` : ""}</td></tr>` : d.test.note.trim() ? `<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">Ghi chú</td><td style="padding: 4px 0;">${escapeHtmlLines(d.test.note.trim())}</td></tr>` : ""}
</table>
<p><strong>Cách xác nhận:</strong></p>
<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ol>
<p style="margin: 20px 0;"><a href="${href}" style="display: inline-block; background: #a3161a; color: #fff; padding: 10px 18px; border-radius: 6px; text-decoration: none; font-weight: bold;">Mở trang kiểm tra điểm cầu</a></p>
<p style="font-size: 13px; color: #5b6475;">Hoặc sao chép đường dẫn: <a href="${href}">${escapeHtml(d.operatorLink)}</a><br>Đường dẫn và mật khẩu phòng họp trực tuyến hiển thị trên trang này; xin không chuyển tiếp thư cho người ngoài.</p>
${contact ? `<p style="font-size: 13px; color: #5b6475;">Liên hệ cơ quan tổ chức: ${escapeHtml(contact)}</p>` : ""}
</body></html>`;
  return { subject: bridgeTestSubjectLine(c.title), html, text };
}
