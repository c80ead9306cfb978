// What the invitation page (/i/:token) shows, read in one statement (plus the documents' one or two):
// the page thousands of invitees open within minutes of a bulk send. Both the Remix route's loader and
// the edge's answer (invitation-page-edge.server.ts) take their data from here, so they cannot differ.
import { attendanceSite } from "#app/conferences/invitation.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { instantOf, readRows, timeText } from "#app/database/raw-read.server.ts";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";
import { openedByToken } from "#app/invitations/invitation-record.server.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";
import { documentsForAttendee } from "#app/meeting-documents/audience.server.ts";

interface PageRow extends Record<string, unknown> {
  id: string;
  conferenceId: string;
  groupId: string | null;
  bridgePointId: string | null;
  name: string;
  position: string;
  token: string;
  invitationKey: string;
  revokedAt: unknown;
  rsvp: "NO_ANSWER" | "ACCEPTED" | "DECLINED";
  declineReason: string;
  bridgeName: string | null;
  bridgeAddress: string | null;
  videoLink: string | null;
  title: string;
  status: string;
  chair: string;
  startsAt: unknown;
  endsAt: unknown;
  venue: string;
  preparationNote: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  organizer: string;
}

const pageSql =
  () => `SELECT a."id", a."conferenceId", a."groupId", a."bridgePointId", a."name", a."position", a."token",
    a."invitationKey", ${timeText('a."revokedAt"')} AS "revokedAt", a."rsvp", a."declineReason",
    b."name" AS "bridgeName", b."address" AS "bridgeAddress", b."videoLink",
    c."title", c."status", c."chair", ${timeText('c."startsAt"')} AS "startsAt", ${timeText('c."endsAt"')} AS "endsAt",
    c."venue", c."preparationNote", c."contactName", c."contactPhone", c."contactEmail", o."name" AS "organizer"
  FROM "Attendee" a
  JOIN "Conference" c ON c."id" = a."conferenceId"
  JOIN "Organization" o ON o."id" = c."organizationId"
  LEFT JOIN "BridgePoint" b ON b."id" = a."bridgePointId"
  WHERE a."invitationKey" = ?`;

/** The invitation page's data for a token, or null when the link opens no invitation (forged, replaced). */
export async function invitationPage(token: string) {
  const a = await openedByToken(token, async (key) => (await readRows<PageRow>(pageSql(), [key]))[0]);
  if (!a) return null;
  const revokedAt = instantOf(a.revokedAt);
  const startsAt = instantOf(a.startsAt);
  const endsAt = instantOf(a.endsAt);
  const ready = !!startsAt && !!endsAt;
  // The place as the invitation's e-mail and letter name it: the bridge point, else the hall.
  const where = attendanceSite(
    a.bridgePointId ? { name: a.bridgeName ?? "", address: a.bridgeAddress ?? "" } : null,
    a.venue,
  );
  const site = where.address ? `${where.name}, ${where.address}` : where.name;
  return {
    token: a.token,
    name: a.name,
    position: a.position,
    revoked: !!revokedAt,
    checkinCode: revokedAt ? null : formatCheckinCode(checkinCode(a.invitationKey)),
    cancelled: a.status === "CANCELLED",
    rsvp: a.rsvp,
    declineReason: a.declineReason,
    conference: {
      title: meetingName(a.title),
      organizer: a.organizer,
      when:
        startsAt && endsAt ? `${formatDateTime(startsAt)} – ${formatTime(endsAt)}` : "Thời gian sẽ được thông báo sau",
      chair: a.chair,
      site: ready ? site : a.venue,
      videoLink: ready ? a.videoLink || null : null,
      contact: [a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(" · "),
      preparation: a.preparationNote,
    },
    hasCalendar: ready,
    documents: await documentsForAttendee({
      id: a.id,
      conferenceId: a.conferenceId,
      groupId: a.groupId,
      bridgePointId: a.bridgePointId,
      revokedAt,
    }),
  };
}

export type InvitationPageData = NonNullable<Awaited<ReturnType<typeof invitationPage>>>;
