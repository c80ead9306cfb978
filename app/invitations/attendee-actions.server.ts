// What the organiser does on the attendees page (conferences.$id.attendees): the page's data, adding one
// attendee, importing a file, taking the people of an organisation, resending a message, and sending
// invitations, changes, reminders or the cancellation. Each answers a plain outcome the route turns
// into its reply; nothing here knows of Remix.

import type { ConferenceAccess } from "#app/auth/guard.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";
import { BULK_MESSAGE_NOUN, DELIVERY_LABEL, RSVP_LABEL } from "#app/conferences/vocabulary.ts";
import { userActor } from "#app/database/audit.server.ts";
import { bridgeChoices } from "#app/database/bridge-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { MessageStatus } from "#app/generated/prisma/enums.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";
import { workingDaysBetween } from "#app/invitations/attendee-form.ts";
import { importEmails, parseAttendees } from "#app/invitations/attendee-import.ts";
import { attendeeListPage, invitedAmong, responseCounts } from "#app/invitations/attendee-list.server.ts";
import { listQuery } from "#app/invitations/attendee-list-query.ts";
import { createAttendees, invitationConference } from "#app/invitations/attendees.server.ts";
import {
  audienceSize,
  sendCancellation,
  sendInvitations,
  sendReminders,
  sendUpdate,
  type RoundSend,
} from "#app/invitations/bulk-send.server.ts";
import { cannotInviteReason } from "#app/invitations/can-invite.ts";
import {
  INLINE_SEND_LIMIT,
  invitationSendJob,
  startInvitationSend,
  startRoundSend,
} from "#app/invitations/send-job.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { isStuck } from "#app/mailing/claims.server.ts";
import { requeueMessage, requeueRefusalText } from "#app/mailing/resend.server.ts";
import { mailTransportKind, outboxWorker } from "#app/mailing/worker.server.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import type { ImportError } from "#app/lib/table/table.ts";

type Conference = Awaited<ReturnType<typeof invitationConference>>;

/** What an intent answers: a message for the organiser, or what was refused (on a field, or for the form). */
export type AttendeeOutcome =
  | { ok: true; message: string }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]>; rowErrors?: ImportError[] };

const done = (message: string): AttendeeOutcome => ({ ok: true, message });
const refused = (...formErrors: string[]): AttendeeOutcome => ({ ok: false, formErrors });

/** The attendee page: the list's page asked for, the answers per group, and what may be sent. */
export async function attendeesPage(access: ConferenceAccess, params: URLSearchParams) {
  const c = await invitationConference(access.conference.id);
  const now = new Date();
  const query = listQuery(params);
  const groups = c.attendeeGroups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) }));
  const groupName = new Map(groups.map((g) => [g.id, g.label]));
  const list = await attendeeListPage(c.id, query, now);
  const counts = await responseCounts(c.id, groups);
  const reason = cannotInviteReason(c);
  const workingDays = c.startsAt ? workingDaysBetween(now, c.startsAt) : null;
  return {
    conference: {
      id: c.id,
      title: c.title,
      status: c.status,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      sequence: c.calendarSequence,
    },
    canEdit: access.can("invitations.manage"),
    cannotInvite: reason,
    lateWarning: !reason && workingDays !== null && workingDays < 3 && c.startsAt! > now ? workingDays : null,
    mailMode: mailTransportKind(),
    /** A large conference's invitations being queued by a job, or just queued. */
    invitationSend: await invitationSendJob(c.id, now),
    groups,
    // The add form's choice of bridge point: every one, or for a nation-wide conference those `bq` finds.
    bridgePoints: await bridgeChoices(c.id, params.get("bq") ?? ""),
    counts: counts.perGroup,
    /** Attendees still invited (not revoked), the page's headline. */
    invitedCount: counts.total,
    organizations: await prisma.organization.findMany({
      where: { id: { in: access.user.visibleOrganizationIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    members: await organizationMembers(access.user, c.id, params.get("org")),
    list: {
      q: query.q,
      rsvp: query.rsvp,
      mail: query.mail,
      org: params.get("org") ?? "",
      ...list.paging,
    },
    attendees: list.attendees.map((a) => ({
      id: a.id,
      name: a.name,
      position: a.position,
      organization: a.organizationName,
      email: a.email,
      link: `/i/${a.token}`,
      rsvp: a.rsvp,
      rsvpLabel: RSVP_LABEL[a.rsvp],
      declineReason: a.declineReason,
      revoked: !!a.revokedAt,
      substituteFor: a.substituteFor?.name ?? null,
      group: (a.groupId && groupName.get(a.groupId)) || "",
      site: a.bridgePoint?.name ?? "Hội trường",
      delivery: a.messages[0] ? delivery(a.messages[0], now) : null,
    })),
  };
}

/** An attendee's last message as the page shows it: a "Đang gửi" whose sender died is "Bị treo" and may be resent. */
function delivery(
  m: { id: string; kind: string; status: MessageStatus; lastError: string | null } & Parameters<typeof isStuck>[0],
  now: Date,
) {
  const stuck = isStuck(m, now);
  return {
    id: m.id,
    status: stuck ? "STUCK" : m.status,
    label: stuck ? "Bị treo khi đang gửi" : DELIVERY_LABEL[m.status],
    error: m.lastError,
    kind: m.kind,
    resendable: stuck || m.status === "SENT" || m.status === "FAILED",
  };
}

/** The active accounts of an organisation within the user's scope, those already invited marked; null outside it. */
async function organizationMembers(user: CurrentUser, conferenceId: string, organizationId: string | null) {
  if (!organizationId || !user.visibleOrganizationIds.includes(organizationId)) return null;
  const organization = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      users: {
        where: { active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true, position: true, email: true },
      },
    },
  });
  if (!organization) return null;
  const invited = await invitedAmong(
    conferenceId,
    organization.users.map((u) => u.email),
  );
  return {
    id: organization.id,
    name: organization.name,
    people: organization.users.map((u) => ({ ...u, invited: invited.has(u.email) })),
  };
}

/** One attendee typed on the page. */
export async function addAttendee(user: CurrentUser, c: Conference, values: AttendeeValues): Promise<AttendeeOutcome> {
  const validRefs =
    (!values.groupId || c.attendeeGroups.some((g) => g.id === values.groupId)) &&
    (!values.bridgePointId || c.bridgePoints.some((b) => b.id === values.bridgePointId));
  if (!validRefs) return refused("Nhóm hoặc điểm cầu không thuộc hội nghị này");
  if ((await invitedAmong(c.id, [values.email])).size)
    return { ok: false, fieldErrors: { email: ["Thư điện tử này đã có trong danh sách đại biểu"] } };
  await createAttendees(userActor(user), c.id, [values], { kind: "form" });
  return done(`Đã thêm ${values.name}.`);
}

/** A list of attendees from a .xlsx or .csv file: all rows or none. */
export async function importAttendees(
  user: CurrentUser,
  c: Conference,
  file: { name: string; data: Uint8Array } | null,
): Promise<AttendeeOutcome> {
  if (!file) return refused("Chọn tệp danh sách đại biểu (.xlsx hoặc .csv)");
  let table;
  try {
    table = await readTable({ fileName: file.name, data: file.data });
  } catch (error) {
    return refused(error instanceof Error ? error.message : "Không đọc được tệp");
  }
  const parsed = parseAttendees(table, {
    groups: c.attendeeGroups.map((g, i) => ({
      id: g.id,
      names: [groupLabel(g, i), g.heading, ...g.lines.map((l) => l.text.replace(/[;.]$/, ""))],
    })),
    bridgePoints: c.bridgePoints,
    existingEmails: await invitedAmong(c.id, importEmails(table)),
  });
  if (!parsed.ok)
    return {
      ok: false,
      formErrors: [`Tệp có ${parsed.errors.length} lỗi, chưa thêm đại biểu nào.`],
      rowErrors: parsed.errors,
    };
  await createAttendees(userActor(user), c.id, parsed.attendees, { kind: "file", fileName: file.name });
  return done(`Đã thêm ${parsed.attendees.length} đại biểu từ tệp.`);
}

/** The active people of an organisation within the user's scope, skipping those already invited. */
export async function addOrganizationMembers(
  user: CurrentUser,
  c: Conference,
  organizationId: string,
): Promise<AttendeeOutcome> {
  if (!user.visibleOrganizationIds.includes(organizationId))
    return { ok: false, fieldErrors: { organizationId: ["Cơ quan không thuộc phạm vi của bạn"] } };
  const members = await prisma.user.findMany({
    where: { organizationId, active: true },
    orderBy: { name: "asc" },
    select: { name: true, position: true, email: true, organization: { select: { name: true } } },
  });
  const known = await invitedAmong(
    c.id,
    members.map((m) => m.email),
  );
  const fresh = members.filter((m) => !known.has(m.email));
  await createAttendees(
    userActor(user),
    c.id,
    fresh.map((m) => ({
      name: m.name,
      position: m.position ?? "",
      organizationName: m.organization.name,
      email: m.email,
      phone: "",
      groupId: undefined,
      bridgePointId: undefined,
    })),
    { kind: "members", organizationName: members[0]?.organization.name ?? "" },
  );
  return done(
    `Đã thêm ${fresh.length} người của cơ quan (${members.length - fresh.length} người đã có trong danh sách).`,
  );
}

/** Puts a sent, failed or stuck message back in the queue; refused, with why, while it waits or is being sent. */
export async function resendMessage(user: CurrentUser, c: Conference, messageId: string): Promise<AttendeeOutcome> {
  const outcome = await requeueMessage(userActor(user), messageId, c.id);
  if (!outcome.ok) return refused(requeueRefusalText(outcome));
  outboxWorker().kick();
  return done("Đã đưa thư vào hàng đợi gửi lại.");
}

export type Mailing =
  | { kind: "send"; attachPdf: boolean }
  | { kind: "update"; changeNote: string }
  | { kind: "remind"; attendeeIds: string[] | null }
  | { kind: "cancel" };

/** Queues invitations, a change notice, reminders or the cancellation (the last even when invitations cannot go). */
export async function sendMailing(user: CurrentUser, c: Conference, mailing: Mailing): Promise<AttendeeOutcome> {
  const reason = cannotInviteReason(c);
  if (reason && mailing.kind !== "cancel") return refused(reason);
  const actor = userActor(user);
  switch (mailing.kind) {
    case "send": {
      // A large conference's invitations are queued by a job, with progress on the page (send-job.server.ts).
      const invited = await prisma.attendee.count({ where: { conferenceId: c.id, revokedAt: null } });
      if (invited > INLINE_SEND_LIMIT) {
        await startInvitationSend(actor, c.id, mailing.attachPdf);
        return done(
          `Đang đưa giấy mời vào hàng đợi gửi cho ${invited.toLocaleString("vi-VN")} đại biểu; tiến độ hiện bên dưới.`,
        );
      }
      return done(`Đã đưa ${await sendInvitations(actor, c, mailing.attachPdf)} giấy mời vào hàng đợi gửi.`);
    }
    case "update":
    case "remind":
    case "cancel": {
      const send: RoundSend =
        mailing.kind === "update"
          ? { kind: "UPDATE", changeNote: mailing.changeNote }
          : mailing.kind === "remind"
            ? { kind: "REMINDER", attendeeIds: mailing.attendeeIds }
            : { kind: "CANCELLATION" };
      // A large conference's round opens now and its messages are queued by a job (send-job.server.ts).
      const reach = await audienceSize(c.id, send);
      if (reach > INLINE_SEND_LIMIT) {
        await startRoundSend(actor, c, send, reach);
        const what = `${BULK_MESSAGE_NOUN[send.kind]} vào hàng đợi gửi cho ${reach.toLocaleString("vi-VN")} đại biểu`;
        return done(
          send.kind === "CANCELLATION"
            ? `Đã hủy hội nghị; đang đưa ${what}, tiến độ hiện bên dưới.`
            : `Đang đưa ${what}; tiến độ hiện bên dưới.`,
        );
      }
      if (send.kind === "UPDATE")
        return done(`Đã đưa ${await sendUpdate(actor, c, send.changeNote)} thư báo thay đổi vào hàng đợi gửi.`);
      if (send.kind === "REMINDER")
        return done(`Đã đưa ${await sendReminders(actor, c, send.attendeeIds)} thư nhắc vào hàng đợi gửi.`);
      return done(`Đã hủy hội nghị; ${await sendCancellation(actor, c)} thư báo hủy đang được gửi.`);
    }
  }
}

/** The attendees page's data, as the components of the page receive it. */
export type AttendeesPageData = Awaited<ReturnType<typeof attendeesPage>>;
