// The e-mail of a timed reminder (outbox kind SCHEDULED_REMINDER, version = the reminder's number),
// composed at send time: the organiser's subject and text, then the meeting's time and the attendee's
// place, and their personal invitation link. Registered in app/mail-composers.server.ts.

import type { SendMailOptions } from "nodemailer";
import { formatMeetingStart, placeLine } from "#emails/invitation.ts";
import { prisma } from "#app/database/db.server.ts";
import { attendeeForMessage } from "#app/invitations/invitation-record.server.ts";
import { invitationLinks, invitationParts } from "#app/invitations/invitation-message.server.ts";
import { formatTime } from "#app/lib/vietnamese-date.ts";
import type { OutboxRow } from "#app/mailing/composers.server.ts";
import { checkedAddress, escapeHtml, escapeHtmlLines, headerText, safeHref } from "#app/mailing/escape.ts";
import { fromAddress } from "#app/mailing/from-address.server.ts";

export interface ReminderMail {
  subject: string;
  body: string;
  title: string;
  when: string;
  place: string;
  link: string;
  organizer: string;
}

/** HTML and plain text with the same facts; every value escaped in the HTML. */
export function renderReminderEmail(m: ReminderMail): { html: string; text: string } {
  const text = [
    m.body.trim(),
    "",
    `Hội nghị: ${m.title}`,
    `Thời gian: ${m.when}`,
    `Địa điểm: ${m.place}`,
    "",
    `Giấy mời, mã QR điểm danh và xác nhận tham dự: ${m.link}`,
    "",
    m.organizer,
  ].join("\n");
  const row = (label: string, value: string) =>
    `<tr><td style="padding: 4px 12px 4px 0; color: #5b6475; vertical-align: top;">${label}</td><td style="padding: 4px 0;">${value}</td></tr>`;
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1d2433; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>${escapeHtmlLines(m.body.trim())}</p>
<table role="presentation" style="border-collapse: collapse; margin: 12px 0;">
${row("Hội nghị", `<strong>${escapeHtml(m.title)}</strong>`)}
${row("Thời gian", escapeHtml(m.when))}
${row("Địa điểm", escapeHtml(m.place))}
</table>
<p><a href="${escapeHtml(safeHref(m.link))}">Mở giấy mời, mã QR điểm danh và xác nhận tham dự</a></p>
<p style="color: #5b6475;">${escapeHtml(m.organizer)}</p>
</body></html>`;
  return { html, text };
}

/** The outbox composer of SCHEDULED_REMINDER rows. Throws when the attendee or reminder is gone (fails at once). */
export async function composeScheduledReminder(row: OutboxRow): Promise<SendMailOptions> {
  if (row.kind !== "SCHEDULED_REMINDER") throw new Error(`Không phải thư nhắc hẹn giờ: ${row.kind}`);
  if (!row.attendeeId) throw new Error("Thư không gắn với người được mời nào");
  const a = await attendeeForMessage(row.attendeeId);
  if (!a || a.revokedAt) throw new Error("Người được mời không còn trong danh sách");
  const reminder = await prisma.scheduledReminder.findUnique({
    where: { conferenceId_number: { conferenceId: a.conference.id, number: row.version } },
    select: { subject: true, body: true },
  });
  if (!reminder) throw new Error("Thư nhắc đã bị xóa");
  const parts = invitationParts(a);
  const c = parts.conference;
  const from = fromAddress();
  const subject = headerText(reminder.subject);
  const rendered = renderReminderEmail({
    subject,
    body: reminder.body,
    title: c.title.trim(),
    when: `${formatMeetingStart(c.startsAt)} – ${formatTime(c.endsAt)}`,
    place: placeLine(parts) + (parts.site.kind === "BRIDGE" && parts.videoLink ? ` (trực tuyến)` : ""),
    link: invitationLinks(a.token).rsvp,
    organizer: c.organizerName,
  });
  return {
    from: { name: headerText(from.name), address: checkedAddress(from.address) },
    to: { name: headerText(a.name), address: checkedAddress(a.email) },
    subject,
    messageId: row.messageId,
    headers: {
      "X-Hoinghi-Kind": row.kind,
      "X-Hoinghi-Conference": headerText(c.id),
      "X-Hoinghi-Attendee": headerText(a.id),
      "Auto-Submitted": "auto-generated",
    },
    html: rendered.html,
    text: rendered.text,
  };
}
