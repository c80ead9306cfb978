// E-mail templates for invitations (giấy mời): INVITATION, UPDATE, CANCELLATION, REMINDER.
// HTML and plain text carry the same facts and links. Every interpolated value is escaped in the
// HTML; the subject is one line whatever the data holds.

import { escapeHtml, escapeHtmlLines, headerText, safeHref } from "#app/mailing/escape.ts";
import type { InvitationMailData, InvitationKind } from "#app/invitations/types.ts";
import { formatDate, formatTime, TIME_ZONE } from "#app/lib/vietnamese-date.ts";
import { DateTime } from "luxon";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const WEEKDAYS = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"] as const;

/** "Thứ Tư" for a date in Vietnam's time zone. */
export function vietnameseWeekday(date: Date): string {
  return WEEKDAYS[DateTime.fromJSDate(date, { zone: TIME_ZONE }).weekday] ?? "";
}

// A bulk send formats the same conference times thousands of times, and luxon's zone arithmetic was
// about 7 % of an invitation's CPU: the texts are pure functions of the instants, so they are kept.
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    text = format();
    if (formatted.size >= 1000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** "09 giờ 00, Thứ Tư, ngày 10 tháng 01 năm 2024" in Vietnam's time zone. */
export function formatMeetingStart(date: Date): string {
  return remembered(`s${date.getTime()}`, () => `${formatTime(date)}, ${vietnameseWeekday(date)}, ${formatDate(date)}`);
}

/** "11 giờ 30" when the meeting ends the same day, else the full end time. */
function formatMeetingEnd(start: Date, end: Date): string {
  return remembered(`e${start.getTime()}-${end.getTime()}`, () => {
    const s = DateTime.fromJSDate(start, { zone: TIME_ZONE });
    const e = DateTime.fromJSDate(end, { zone: TIME_ZONE });
    return s.hasSame(e, "day") ? formatTime(end) : formatMeetingStart(end);
  });
}

export function invitationSubject(kind: InvitationKind, title: string): string {
  const t = headerText(title);
  switch (kind) {
    case "INVITATION":
      return `Giấy mời: ${t}`;
    case "UPDATE":
      return `[Thay đổi] Giấy mời: ${t}`;
    case "CANCELLATION":
      return `[Hủy] ${t}`;
    case "REMINDER":
      return `[Cần phản hồi] Giấy mời: ${t}`;
  }
}

/** "Đồng chí Nguyễn Văn A, Giám đốc – Sở Nội vụ" (parts left out when empty). */
function addressee(data: InvitationMailData): string {
  const a = data.attendee;
  const role = [a.position, a.organization]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" – ");
  return role ? `Đồng chí ${a.name.trim()}, ${role}` : `Đồng chí ${a.name.trim()}`;
}

function join(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? "").trim())
    .filter(Boolean)
    .join(", ");
}

/** Where this attendee attends, as one line. */
export function placeLine(data: Pick<InvitationMailData, "site" | "conference">): string {
  if (data.site.kind === "BRIDGE") return join(data.site.name, data.site.address);
  const venue = data.conference.venue.trim();
  if (!venue) return join(data.site.name, data.site.address);
  const address = data.site.address.trim();
  return address && !venue.includes(address) ? join(venue, address) : venue;
}

function intro(data: InvitationMailData): string {
  const c = data.conference;
  const org = c.organizerName.trim();
  const title = c.title.trim();
  const where = data.site.kind === "BRIDGE" ? ` theo hình thức trực tuyến tại ${data.site.name.trim()}` : "";
  switch (data.kind) {
    case "INVITATION":
    case "REMINDER":
      return `${org} trân trọng kính mời Đồng chí tham dự ${title}${where}.`;
    case "UPDATE":
      return `${org} xin thông báo thay đổi thông tin về ${title} và trân trọng kính mời Đồng chí tham dự${where}. Thông tin cập nhật như sau:`;
    case "CANCELLATION":
      return `${org} trân trọng thông báo: ${title} dự kiến tổ chức vào lúc ${formatMeetingStart(c.startsAt)} đã được hủy. Giấy mời, lịch họp và mã QR điểm danh đã gửi trước đây không còn giá trị. Rất mong Đồng chí thông cảm.`;
  }
}

const REMINDER_NOTE =
  "Đồng chí chưa phản hồi giấy mời này. Kính đề nghị Đồng chí xác nhận tham dự, báo vắng hoặc cử người dự thay qua đường dẫn trong thư.";
const UPDATE_DEFAULT_NOTE = "Thông tin hội nghị đã được cập nhật, xin xem chi tiết dưới đây.";
const QR_SENTENCE = "Vui lòng xuất trình mã QR này tại bàn đón tiếp (hoặc cho cán bộ điểm cầu) khi điểm danh.";
const CODE_SENTENCE = "Nhập mã này tại trang tự điểm danh của điểm cầu khi không quét được mã QR.";
const PRIVATE_NOTE = "Đường dẫn và mã QR trong thư này là của riêng Đồng chí, xin không chuyển tiếp cho người khác.";
const VIDEO_NOTE = "Mật khẩu phòng họp (nếu có) do cán bộ kỹ thuật tại điểm cầu cung cấp.";

interface Row {
  label: string;
  text: string;
  /** HTML for the value; escaped text when absent. */
  html?: string;
}

function rows(data: InvitationMailData): Row[] {
  const c = data.conference;
  const out: Row[] = [];
  const cancelled = data.kind === "CANCELLATION";
  out.push({
    label: cancelled ? "Thời gian dự kiến" : "Thời gian",
    text: `${formatMeetingStart(c.startsAt)} (giờ Việt Nam)`,
  });
  if (!cancelled) out.push({ label: "Dự kiến kết thúc", text: formatMeetingEnd(c.startsAt, c.endsAt) });
  out.push({ label: "Địa điểm", text: placeLine(data) });
  if (data.site.kind === "BRIDGE" && !cancelled) {
    if (c.venue.trim()) out.push({ label: "Điểm cầu chính", text: c.venue.trim() });
    if (data.videoLink) {
      const href = safeHref(data.videoLink);
      out.push({
        label: "Đường dẫn họp trực tuyến",
        text: `${data.videoLink.trim()}\n${VIDEO_NOTE}`,
        html: `<a href="${escapeHtml(href)}" style="color:#0b5394">${escapeHtml(data.videoLink.trim())}</a><br><span style="color:#555555;font-size:13px">${escapeHtml(VIDEO_NOTE)}</span>`,
      });
    }
  }
  if (!cancelled) {
    if (c.chair.trim()) out.push({ label: "Chủ trì", text: c.chair.trim() });
    if (c.content.trim()) out.push({ label: "Nội dung", text: c.content.trim() });
    if (c.preparationNote.trim()) out.push({ label: "Chuẩn bị", text: c.preparationNote.trim() });
  }
  const contact = contactLine(data);
  if (contact) out.push({ label: "Liên hệ", text: contact });
  return out;
}

function contactLine(data: InvitationMailData): string {
  const k = data.conference.contact;
  return join(k.name, k.phone ? `điện thoại ${k.phone.trim()}` : "", k.email ? `e-mail ${k.email.trim()}` : "");
}

/** Subject, HTML and plain text of one invitation e-mail. `qrCid` is the content id of the inline QR image. */
export function renderInvitationEmail(data: InvitationMailData, qrCid: string): RenderedEmail {
  const subject = invitationSubject(data.kind, data.conference.title);
  return { subject, html: renderHtml(data, qrCid, subject), text: renderText(data) };
}

function banner(data: InvitationMailData): { label: string; body: string; colour: string; background: string } | null {
  switch (data.kind) {
    case "UPDATE":
      return {
        label: "THAY ĐỔI: ",
        body: data.changeNote?.trim() || UPDATE_DEFAULT_NOTE,
        colour: "#b45309",
        background: "#fff4e0",
      };
    case "REMINDER":
      return { label: "CẦN PHẢN HỒI: ", body: REMINDER_NOTE, colour: "#1d4ed8", background: "#e8f0fe" };
    case "CANCELLATION":
      return {
        label: "ĐÃ HỦY: ",
        body: data.changeNote?.trim() || "Hội nghị không được tổ chức như kế hoạch.",
        colour: "#b91c1c",
        background: "#fde8e8",
      };
    default:
      return null;
  }
}

function footerNote(data: InvitationMailData): string {
  const to = `Thư gửi tới ${data.attendee.email.trim()}.`;
  return data.kind === "CANCELLATION" ? to : `${PRIVATE_NOTE} ${to}`;
}

function numberLine(data: InvitationMailData): string {
  const n = data.conference.invitationNumber?.trim();
  return n ? `Giấy mời số ${n}` : "";
}

function renderText(data: InvitationMailData): string {
  const c = data.conference;
  const lines: string[] = [];
  const b = banner(data);
  if (b) lines.push(`${b.label}${b.body}`, "");
  lines.push(`Kính gửi ${addressee(data)}`, "");
  if (numberLine(data)) lines.push(numberLine(data), "");
  lines.push(c.title.trim(), "", intro(data), "");
  for (const row of rows(data)) {
    const [first, ...rest] = row.text.split(/\r?\n/);
    lines.push(`${row.label}: ${first ?? ""}`, ...rest.map((l) => `  ${l}`));
  }
  lines.push("");
  if (data.kind !== "CANCELLATION") {
    lines.push(
      `Xác nhận tham dự, báo vắng hoặc cử người dự thay: ${data.links.rsvp}`,
      `Giấy mời (PDF): ${data.links.pdf}`,
      `Tệp lịch (.ics): ${data.links.ics}`,
      "",
      `Mã QR điểm danh: xem hình ma-qr.png kèm theo thư. ${QR_SENTENCE}`,
      ...(data.attendee.checkinCode ? [`Mã điểm danh: ${data.attendee.checkinCode} (${CODE_SENTENCE})`] : []),
      "",
    );
  }
  lines.push("Trân trọng,", c.organizerName.trim(), "", "--", footerNote(data));
  return lines.join("\n") + "\n";
}

function renderHtml(data: InvitationMailData, qrCid: string, subject: string): string {
  const c = data.conference;
  const e = escapeHtml;
  const b = banner(data);
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html>`,
    `<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6">`,
    `<div style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;background:#ffffff">`,
  );
  if (b) {
    parts.push(
      `<div data-note="${e(data.kind.toLowerCase())}" style="border-left:5px solid ${b.colour};background:${b.background};color:${b.colour};padding:12px 16px;margin:0 0 20px"><strong>${e(b.label.trim())}</strong> ${escapeHtmlLines(b.body)}</div>`,
    );
  }
  parts.push(`<p style="margin:0 0 12px">Kính gửi ${e(addressee(data))}</p>`);
  if (numberLine(data)) parts.push(`<p style="margin:0 0 4px;color:#555555">${e(numberLine(data))}</p>`);
  parts.push(
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px;color:#0b3d91">${e(c.title.trim())}</h1>`,
    `<p style="margin:0 0 16px">${e(intro(data))}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:0 0 20px">`,
  );
  for (const row of rows(data)) {
    parts.push(
      `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 12px 6px 0;width:34%;color:#555555;font-weight:normal">${e(row.label)}</th>` +
        `<td style="vertical-align:top;padding:6px 0">${row.html ?? escapeHtmlLines(row.text)}</td></tr>`,
    );
  }
  parts.push(`</table>`);
  if (data.kind !== "CANCELLATION") {
    parts.push(
      `<p style="margin:0 0 20px"><a href="${e(safeHref(data.links.rsvp))}" style="display:inline-block;background:#0b5394;color:#ffffff;text-decoration:none;padding:12px 22px;border-radius:6px;font-weight:bold">Xác nhận tham dự</a></p>`,
      `<p style="margin:0 0 20px;font-size:14px">Báo vắng hoặc cử người dự thay cũng qua đường dẫn trên. ` +
        `<a href="${e(safeHref(data.links.pdf))}" style="color:#0b5394">Giấy mời (PDF)</a> · ` +
        `<a href="${e(safeHref(data.links.ics))}" style="color:#0b5394">Tệp lịch (.ics)</a></p>`,
      `<div style="text-align:center;margin:0 0 20px;padding:16px;border:1px solid #e5e7eb">`,
      `<img src="cid:${e(qrCid)}" alt="Mã QR điểm danh">`,
      `<p style="margin:8px 0 0;font-size:14px">${e(QR_SENTENCE)}</p>`,
      ...(data.attendee.checkinCode
        ? [
            `<p style="margin:12px 0 0;font-size:16px">Mã điểm danh: <strong style="font-family:Consolas,Menlo,monospace;font-size:20px;letter-spacing:2px">${e(data.attendee.checkinCode)}</strong></p>`,
            `<p style="margin:4px 0 0;font-size:13px;color:#555555">${e(CODE_SENTENCE)}</p>`,
          ]
        : []),
      `</div>`,
    );
  }
  parts.push(
    `<p style="margin:0 0 4px">Trân trọng,</p>`,
    `<p style="margin:0 0 20px;font-weight:bold">${e(c.organizerName.trim())}</p>`,
    `<p style="margin:0;padding-top:12px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${e(footerNote(data))}</p>`,
    `</div></body></html>`,
  );
  return parts.join("\n");
}
