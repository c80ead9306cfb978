// Timed reminders going out, and stopping when the conference is cancelled. queueDueReminders runs
// before each batch of the outbox worker (registered in app/mail-composers.server.ts) on every instance:
// each due reminder moves SCHEDULED → QUEUED by a conditional update in the transaction that queues its
// messages, so exactly one instance queues it, once, whatever restarts; the outbox's unique key
// (attendee, kind, version = the reminder's number) and its claims do the rest. Who gets it is decided
// at that moment: "those who accepted" are those who have accepted by 16:00 the day before.

import type { ReminderAudience } from "#app/generated/prisma/enums.ts";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { REMINDER_AUDIENCE_LABEL } from "#app/conferences/vocabulary.ts";
import { recordAudit, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { onPostgres } from "#app/database/lease.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { reminderLock } from "#app/invitations/scheduled-reminders.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { queueMessagesIn } from "#app/mailing/queue.server.ts";

/** Who a reminder goes to when it is sent: never a revoked attendee. */
function audienceWhere(reminderId: string, audience: ReminderAudience): Prisma.AttendeeWhereInput {
  if (audience === "CHOSEN") return { reminderRecipients: { some: { reminderId } } };
  return { rsvp: audience };
}

/** Queues one due reminder; returns how many messages it queued (0 when another instance had it, or skipped). */
async function queueOne(db: PrismaClient, id: string, conferenceId: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    await serializeOn(tx, reminderLock(conferenceId));
    // The claim first: a count of 0 means another instance (or an earlier run) has taken it.
    const { count } = await tx.scheduledReminder.updateMany({
      where: { id, status: "SCHEDULED", sendAt: { lte: now } },
      data: { status: "QUEUED", queuedAt: now },
    });
    if (count === 0) return 0;
    const r = await tx.scheduledReminder.findUniqueOrThrow({
      where: { id },
      select: { number: true, subject: true, audience: true, sendAt: true },
    });
    const c = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: { status: true, startsAt: true },
    });
    const skip =
      c.status === "CANCELLED"
        ? "Hội nghị đã hủy."
        : !c.startsAt || c.startsAt.getTime() <= now.getTime()
          ? `Đến ${formatDateTime(now)} mới gửi được, khi hội nghị đã khai mạc (máy chủ ngừng hoạt động lúc hẹn).`
          : null;
    if (skip) {
      await tx.scheduledReminder.update({
        where: { id },
        data: { status: "SKIPPED", statusNote: skip, queuedAt: null },
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "reminder.skip",
        entity: "ScheduledReminder",
        entityId: id,
        summary: `Bỏ qua thư nhắc “${r.subject}” hẹn lúc ${formatDateTime(r.sendAt)}: ${skip}`,
        before: { status: "SCHEDULED" },
        after: { status: "SKIPPED", statusNote: skip },
        conferenceId,
      });
      return 0;
    }
    const attendees = await tx.attendee.findMany({
      where: { conferenceId, revokedAt: null, ...audienceWhere(id, r.audience) },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    });
    const added = await queueMessagesIn(tx, {
      conferenceId,
      kind: "SCHEDULED_REMINDER",
      version: r.number,
      recipients: attendees.map((a) => ({ attendeeId: a.id, toAddress: a.email })),
      subject: r.subject,
    });
    await tx.scheduledReminder.update({ where: { id }, data: { queuedCount: added.length } });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "reminder.queue",
      entity: "ScheduledReminder",
      entityId: id,
      summary: `Đưa ${added.length} thư nhắc “${r.subject}” vào hàng đợi gửi (${REMINDER_AUDIENCE_LABEL[r.audience].toLowerCase()})`,
      before: { status: "SCHEDULED" },
      after: { status: "QUEUED", count: added.length },
      conferenceId,
    });
    return added.length;
  });
}

// SQLite has one writer, and better-sqlite3 waits for a lock synchronously: two clients of one process
// (a test acting as two instances) whose interactive transactions overlap would block each other's event
// loop. The process's own turns are taken one at a time there; other processes wait on the file lock.
let sqliteTurn: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (onPostgres()) return work();
  const run = sqliteTurn.then(work, work);
  sqliteTurn = run.catch(() => undefined);
  return run;
}

/**
 * Queues every reminder whose time has come (oldest first), each in its own transaction. Safe to run
 * on several instances at once and again after a restart. Returns how many messages it queued.
 */
export async function queueDueReminders(now = new Date(), db: PrismaClient = prisma): Promise<number> {
  const due = await db.scheduledReminder.findMany({
    where: { status: "SCHEDULED", sendAt: { lte: now } },
    orderBy: [{ sendAt: "asc" }, { number: "asc" }],
    take: 100,
    select: { id: true, conferenceId: true },
  });
  let queued = 0;
  for (const r of due) queued += await inTurn(() => queueOne(db, r.id, r.conferenceId, now));
  return queued;
}

/**
 * The conference is being cancelled (inside that transaction): its scheduled reminders are cancelled
 * and the reminder messages not yet taken by a sender (QUEUED; never SENDING or SENT) are removed.
 * Returns both counts for the cancellation's audit record.
 */
export async function cancelRemindersIn(tx: Prisma.TransactionClient, conferenceId: string) {
  const { count: reminders } = await tx.scheduledReminder.updateMany({
    where: { conferenceId, status: "SCHEDULED" },
    data: { status: "CANCELLED", statusNote: "Hội nghị đã hủy." },
  });
  const { count: messages } = await tx.outboxMessage.deleteMany({
    where: { conferenceId, kind: "SCHEDULED_REMINDER", status: "QUEUED" },
  });
  return { remindersCancelled: reminders, reminderMessagesRemoved: messages };
}
