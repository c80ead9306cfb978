// One invitation e-mail, written as a finished MIME message: HTML + text, inline QR (cid), the ICS
// meeting request (a text/calendar alternative and an invite.ics attachment, as nodemailer's icalEvent
// made it), the PDF when given.
// Pure: no database, no transport. The same options always give the same message apart from the
// Date header and the ICS DTSTAMP.

import type { SendMailOptions } from "nodemailer";
import { invitationSubject, placeLine, renderInvitationEmail } from "#emails/invitation.ts";
import { checkedAddress, headerText } from "#app/mailing/escape.ts";
import { base64Lines, buildMime, filePart, textPart, type MimePart } from "#app/mailing/mime.server.ts";
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

// The QR image depends only on the token, which stays the same across versions: a second message to
// the same attendee (an update, a reminder, the letter sent afterwards) reuses the encoded PNG. Sized to
// hold a national conference's 10,000 attendees (about 1.4 KB each); the oldest entry goes first.
const QR_CACHE_LIMIT = 12_000;
const qrCache = new Map<string, string>();

async function qrBase64(token: string): Promise<string> {
  const hit = qrCache.get(token);
  if (hit !== undefined) return hit;
  const encoded = base64Lines(await qrPng(token));
  if (qrCache.size >= QR_CACHE_LIMIT) qrCache.delete(qrCache.keys().next().value!);
  qrCache.set(token, encoded);
  return encoded;
}

/**
 * The invitation as a finished MIME message (`raw`, written by app/mailing/mime.server.ts) with the
 * addresses nodemailer needs to transport it. The tree is what nodemailer's composer made of the same
 * content: mixed > alternative (text, related (html, inline QR), calendar REQUEST/CANCEL) + the PDF
 * letter + invite.ics. Throws on an invalid address (the outbox marks it failed).
 */
export async function composeInvitation(data: InvitationMailData): Promise<SendMailOptions> {
  const from = { name: headerText(data.from.name), address: checkedAddress(data.from.address) };
  const to = { name: headerText(data.attendee.name), address: checkedAddress(data.attendee.email) };
  const cid = qrContentId(data.attendee.id);
  const withQr = data.kind !== "CANCELLATION";
  const rendered = renderInvitationEmail(data, cid);
  const method = icsMethodFor(data.kind);
  const ics = invitationIcs(data, { method });

  const html = textPart("text/html", rendered.html);
  const htmlWithImages: MimePart = withQr
    ? {
        subtype: "related",
        params: 'type="text/html"',
        parts: [
          html,
          filePart({
            filename: "ma-qr.png",
            contentType: "image/png",
            base64: await qrBase64(data.token),
            cid,
            inline: true,
          }),
        ],
      }
    : html;
  const files: MimePart[] = [];
  if (data.pdf) {
    files.push(filePart({ filename: "giay-moi.pdf", contentType: "application/pdf", base64: base64Lines(data.pdf) }));
  }
  files.push(
    filePart({ filename: "invite.ics", contentType: "application/ics", base64: base64Lines(Buffer.from(ics, "utf8")) }),
  );
  const subject = invitationSubject(data.kind, data.conference.title);
  const raw = buildMime({
    from,
    to,
    subject,
    messageId: data.messageId,
    headers: {
      "X-Hoinghi-Kind": data.kind,
      "X-Hoinghi-Conference": headerText(data.conference.id),
      "X-Hoinghi-Attendee": headerText(data.attendee.id),
      "X-Hoinghi-Sequence": String(data.conference.sequence),
      "Auto-Submitted": "auto-generated",
    },
    body: {
      subtype: "mixed",
      parts: [
        {
          subtype: "alternative",
          parts: [
            textPart("text/plain", rendered.text),
            htmlWithImages,
            textPart(`text/calendar`, ics, `method=${method}`),
          ],
        },
        ...files,
      ],
    },
  });
  return { from, to, subject, messageId: data.messageId, envelope: { from: from.address, to: [to.address] }, raw };
}
