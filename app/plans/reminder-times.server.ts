import { reschedule } from "#app/conferences/reminder-schedule.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

// When the plan's start time changes, the reminders still scheduled follow it (inside the plan's
// transaction): each rule gives its new time; one that would fall in the past or at/after the new start
// is skipped with the reason. One audit record lists what moved.

export async function rescheduleRemindersIn(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  conferenceId: string,
  now = new Date(),
): Promise<number> {
  const rows = await tx.scheduledReminder.findMany({
    where: { conferenceId, status: "SCHEDULED" },
    select: { id: true, rule: true, sendAt: true, subject: true },
  });
  if (!rows.length) return 0;
  const { startsAt } = await tx.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { startsAt: true },
  });
  const changes = reschedule(rows, startsAt, now);
  const lines: string[] = [];
  for (const ch of changes) {
    const subject = rows.find((r) => r.id === ch.id)!.subject;
    const where = { id: ch.id, status: "SCHEDULED" as const };
    if (ch.skip) {
      await tx.scheduledReminder.updateMany({ where, data: { status: "SKIPPED", statusNote: ch.skip } });
      lines.push(`“${subject}”: bỏ qua (${ch.skip})`);
    } else {
      await tx.scheduledReminder.updateMany({ where, data: { sendAt: ch.sendAt } });
      lines.push(`“${subject}”: ${formatDateTime(ch.sendAt)}`);
    }
  }
  if (lines.length)
    await recordAudit(tx, actor, {
      action: "reminder.reschedule",
      entity: "Conference",
      entityId: conferenceId,
      summary: `Giờ khai mạc thay đổi: dời ${lines.length} thư nhắc đã hẹn giờ`,
      after: { reminders: lines },
      conferenceId,
    });
  return lines.length;
}
