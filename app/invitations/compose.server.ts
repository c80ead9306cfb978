// One invitation e-mail as nodemailer options: HTML + text, inline QR (cid), the ICS meeting request
// (nodemailer's icalEvent: a text/calendar alternative and an invite.ics attachment), the PDF when given.
// Pure: no database, no transport. The same options always give the same message apart from the
// Date header and the ICS DTSTAMP.

import type { SendMailOptions } from "nodemailer";
import { invitationSubject, placeLine, renderInvitationEmail } from "#emails/invitation.ts";
import { checkedAddress, headerText } from "#app/mailing/escape.ts";
import { buildInvitationIcs } from "#app/invitations/ics.ts";
import { qrPng } from "#app/invitations/qr.server.ts";
import type { InvitationMailData } from "#app/invitations/types.ts";

/** Stable calendar UID per attendee (and so per conference): every update and the cancel reuse it. */
export function invitationUid(attendeeId: string): string {
  return `inv-${attendeeId}@hoinghi.local`;
}

/** Content id of the inline QR image. */
export function qrContentId(attendeeId: string): string {
  return `qr-${attendeeId.replace(/[^A-Za-z0-9._-]/g, "_")}@hoinghi.local`;
}

/** ICS method for a message kind: CANCEL for a cancellation, REQUEST otherwise (reminders too). */
export function icsMethodFor(kind: InvitationMailData["kind"]): "REQUEST" | "CANCEL" {
  return kind === "CANCELLATION" ? "CANCEL" : "REQUEST";
}

/** LOCATION: the site's name and address, plus the video link for a bridge point. */
export function icsLocation(data: Pick<InvitationMailData, "site" | "videoLink" | "conference">): string {
  const place = placeLine(data);
  return data.site.kind === "BRIDGE" && data.videoLink ? `${place} – ${data.videoLink.trim()}` : place;
}

/**
 * The attendee's ICS (also what `/i/:token/invite.ics` should serve, so the file and the mail agree).
 * `method` defaults to the kind's method; SEQUENCE is `conference.sequence`.
 */
export function invitationIcs(
  data: Omit<InvitationMailData, "messageId" | "pdf">,
  options: { method?: "REQUEST" | "CANCEL"; stamp?: Date; alarmMinutesBefore?: number } = {},
): string {
  const c = data.conference;
  const description = [
    c.content.trim(),
    data.videoLink && data.site.kind === "BRIDGE" ? `Đường dẫn họp trực tuyến: ${data.videoLink.trim()}` : "",
    `Xác nhận tham dự: ${data.links.rsvp}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return buildInvitationIcs({
    method: options.method ?? icsMethodFor(data.kind),
    uid: invitationUid(data.attendee.id),
    sequence: c.sequence,
    organizer: { name: headerText(data.from.name || c.organizerName), email: checkedAddress(data.from.address) },
    attendee: { name: headerText(data.attendee.name), email: checkedAddress(data.attendee.email) },
    summary: c.title.trim(),
    description,
    location: icsLocation(data),
    url: data.links.rsvp,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    stamp: options.stamp ?? new Date(),
    alarmMinutesBefore: options.alarmMinutesBefore,
  });
}

/** nodemailer options for one invitation message. Throws on an invalid address (the outbox marks it failed). */
export async function composeInvitation(data: InvitationMailData): Promise<SendMailOptions> {
  const from = { name: headerText(data.from.name), address: checkedAddress(data.from.address) };
  const to = { name: headerText(data.attendee.name), address: checkedAddress(data.attendee.email) };
  const cid = qrContentId(data.attendee.id);
  const withQr = data.kind !== "CANCELLATION";
  const rendered = renderInvitationEmail(data, cid);

  const attachments: NonNullable<SendMailOptions["attachments"]> = [];
  if (withQr) {
    attachments.push({
      filename: "ma-qr.png",
      content: await qrPng(data.token),
      contentType: "image/png",
      cid,
      contentDisposition: "inline",
    });
  }
  if (data.pdf) {
    attachments.push({ filename: "giay-moi.pdf", content: data.pdf, contentType: "application/pdf" });
  }

  const method = icsMethodFor(data.kind);
  return {
    from,
    to,
    subject: invitationSubject(data.kind, data.conference.title),
    messageId: data.messageId,
    headers: {
      "X-Hoinghi-Kind": data.kind,
      "X-Hoinghi-Conference": headerText(data.conference.id),
      "X-Hoinghi-Attendee": headerText(data.attendee.id),
      "X-Hoinghi-Sequence": String(data.conference.sequence),
      "Auto-Submitted": "auto-generated",
    },
    html: rendered.html,
    text: rendered.text,
    attachments,
    icalEvent: { method, filename: "invite.ics", content: invitationIcs(data, { method }) },
  };
}
