// The organiser's side of timed reminders (conferences.$id.reminders): the page's data, scheduling one
// (its time from the rule, refused in Vietnamese on the field when it cannot be kept), cancelling and
// deleting one still scheduled, and the attendee search of "chosen people". Sending is in
// scheduled-reminders-send.server.ts. Nothing here knows of Remix.

import type { CurrentUser } from "#app/auth/session.server.ts";
import { REMINDER_AUDIENCE_LABEL, REMINDER_STATUS_LABEL } from "#app/conferences/vocabulary.ts";
import { ruleLabel, scheduleReminder } from "#app/conferences/reminder-schedule.ts";
import { recordAudit, userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { reminderRule, TIME_FIELD, type ReminderValues } from "#app/invitations/scheduled-reminders-form.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** What an intent answers: a message for the organiser, or what was refused (on a field, or for the form). */
export type ReminderOutcome =
  { ok: true; message: string } | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** The serializeOn key every write to a conference's reminders takes (scheduling, sending, cancelling). */
export const reminderLock = (conferenceId: string) => `conference:${conferenceId}`;

/** The page: the conference's start, its reminders in send order, and how many each audience has now. */
export async function remindersPage(conferenceId: string) {
  const c = await prisma.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { id: true, title: true, status: true, startsAt: true },
  });
  const rows = await prisma.scheduledReminder.findMany({
    where: { conferenceId },
    orderBy: [{ sendAt: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      subject: true,
      body: true,
      audience: true,
      rule: true,
      sendAt: true,
      status: true,
      queuedAt: true,
      queuedCount: true,
      statusNote: true,
      _count: { select: { recipients: true } },
    },
  });
  const live = { conferenceId, revokedAt: null };
  const [accepted, noAnswer] = await Promise.all([
    prisma.attendee.count({ where: { ...live, rsvp: "ACCEPTED" } }),
    prisma.attendee.count({ where: { ...live, rsvp: "NO_ANSWER" } }),
  ]);
  return {
    conference: {
      id: c.id,
      title: c.title,
      cancelled: c.status === "CANCELLED",
      startsAt: c.startsAt ? formatDateTime(c.startsAt) : null,
    },
    counts: { ACCEPTED: accepted, NO_ANSWER: noAnswer },
    reminders: rows.map((r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      body: r.body,
      when: formatDateTime(r.sendAt),
      rule: ruleLabel(r.rule),
      audience: r.audience,
      audienceLabel:
        r.audience === "CHOSEN"
          ? `${REMINDER_AUDIENCE_LABEL.CHOSEN} (${r._count.recipients} người)`
          : REMINDER_AUDIENCE_LABEL[r.audience],
      status: r.status,
      statusLabel: REMINDER_STATUS_LABEL[r.status],
      statusNote: r.statusNote,
      queuedAt: r.queuedAt ? formatDateTime(r.queuedAt) : null,
      queuedCount: r.queuedCount,
    })),
  };
}

export type RemindersPageData = Awaited<ReturnType<typeof remindersPage>>;

/** Schedules one reminder; refused on its time field, or on the recipients, with nothing saved. */
export async function scheduleReminderFor(
  user: CurrentUser,
  conferenceId: string,
  values: ReminderValues,
  now = new Date(),
): Promise<ReminderOutcome> {
  const { rule, fixedAt } = reminderRule(values);
  const timeField = TIME_FIELD[values.preset];
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, reminderLock(conferenceId));
    const c = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: { status: true, startsAt: true },
    });
    if (c.status === "CANCELLED") return { ok: false, formErrors: ["Hội nghị đã hủy: không hẹn giờ nhắc được."] };
    const when = scheduleReminder({ rule, startsAt: c.startsAt, fixedAt, now });
    if (!when.ok) return { ok: false, fieldErrors: { [timeField]: [when.message] } };
    let chosen: string[] = [];
    if (values.audience === "CHOSEN") {
      const found = await tx.attendee.findMany({
        where: { conferenceId, revokedAt: null, id: { in: values.attendeeIds ?? [] } },
        select: { id: true },
      });
      chosen = found.map((a) => a.id);
      if (!chosen.length) return { ok: false, fieldErrors: { attendeeIds: ["Chưa chọn người nhận."] } };
    }
    const last = await tx.scheduledReminder.aggregate({ where: { conferenceId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const created = await tx.scheduledReminder.create({
      data: {
        conferenceId,
        number,
        subject: values.subject,
        body: values.body,
        audience: values.audience,
        rule,
        sendAt: when.sendAt,
        createdById: user.id,
      },
      select: { id: true },
    });
    if (chosen.length)
      await tx.reminderRecipient.createMany({
        data: chosen.map((attendeeId) => ({ reminderId: created.id, attendeeId })),
      });
    const audience = REMINDER_AUDIENCE_LABEL[values.audience] + (chosen.length ? ` (${chosen.length} người)` : "");
    await recordAudit(tx, userActor(user), {
      action: "reminder.schedule",
      entity: "ScheduledReminder",
      entityId: created.id,
      summary: `Hẹn giờ thư nhắc “${values.subject}” lúc ${formatDateTime(when.sendAt)}, gửi ${audience.toLowerCase()}`,
      after: {
        subject: values.subject,
        body: values.body,
        rule: ruleLabel(rule),
        sendAt: formatDateTime(when.sendAt),
        audience,
        status: "SCHEDULED",
      },
      conferenceId,
    });
    return { ok: true, message: `Đã hẹn giờ gửi thư nhắc lúc ${formatDateTime(when.sendAt)}.` };
  });
}

/** Cancels (keeps, marked cancelled) or deletes a reminder that has not gone out yet. */
export async function withdrawReminder(
  user: CurrentUser,
  conferenceId: string,
  reminderId: string,
  how: "cancel" | "delete",
): Promise<ReminderOutcome> {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, reminderLock(conferenceId));
    const r = await tx.scheduledReminder.findFirst({
      where: { id: reminderId, conferenceId },
      select: { subject: true, status: true, sendAt: true },
    });
    // Gone out (or going) already: its messages are the outbox's now.
    const allowed = how === "cancel" ? r?.status === "SCHEDULED" : r && r.status !== "QUEUED";
    if (!r || !allowed) return { ok: false, formErrors: ["Thư nhắc này không còn ở trạng thái chờ gửi."] };
    const where = { id: reminderId, conferenceId, status: r.status };
    if (how === "cancel") {
      const note = "Người tổ chức hủy lịch nhắc.";
      const { count } = await tx.scheduledReminder.updateMany({
        where,
        data: { status: "CANCELLED", statusNote: note },
      });
      if (count !== 1) return { ok: false, formErrors: ["Thư nhắc này không còn ở trạng thái chờ gửi."] };
    } else {
      const { count } = await tx.scheduledReminder.deleteMany({ where });
      if (count !== 1) return { ok: false, formErrors: ["Thư nhắc này không còn ở trạng thái chờ gửi."] };
    }
    await recordAudit(tx, userActor(user), {
      action: how === "cancel" ? "reminder.cancel" : "reminder.delete",
      entity: "ScheduledReminder",
      entityId: reminderId,
      summary: `${how === "cancel" ? "Hủy" : "Xóa"} thư nhắc “${r.subject}” hẹn lúc ${formatDateTime(r.sendAt)}`,
      before: { status: r.status },
      after: how === "cancel" ? { status: "CANCELLED" } : null,
      conferenceId,
    });
    return { ok: true, message: how === "cancel" ? "Đã hủy thư nhắc." : "Đã xóa thư nhắc." };
  });
}
