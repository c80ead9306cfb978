import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentUserByEmail, type CurrentUser } from "#app/auth/session.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { createPrismaClient } from "#app/database/client.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import "#app/mail-composers.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { sendCancellation } from "#app/invitations/bulk-send.server.ts";
import { scheduleReminderFor } from "#app/invitations/scheduled-reminders.server.ts";
import { queueDueReminders } from "#app/invitations/scheduled-reminders-send.server.ts";
import type { ReminderValues } from "#app/invitations/scheduled-reminders-form.ts";
import { toLocalInputValue } from "#app/lib/vietnamese-date.ts";
import { startOutboxWorker } from "#app/mailing/outbox.server.ts";
import { smtpTransport } from "#app/mailing/transport.server.ts";
import { planToFormValues } from "#app/plans/plan-form-data.ts";
import { getConference, updateConference } from "#app/plans/plans.server.ts";
import { action, loader } from "#app/routes/conferences.$id.reminders.tsx";
import { call, get, post, signIn, type Person } from "#tests/helpers/route-call.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

const MINUTE = 60_000;
let office: CurrentUser;
let person: Person;
let orgId = "";

async function conference(startsAt: Date | null, people = 6) {
  const c = await prisma.conference.create({
    data: {
      organizationId: orgId,
      title: "Hội nghị thử thư nhắc hẹn giờ",
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt,
      endsAt: startsAt ? new Date(startsAt.getTime() + 180 * MINUTE) : null,
      venue: "Hội trường Trung tâm Hành chính thành phố",
      content: "Nhắc lịch họp",
    },
    select: { id: true, title: true },
  });
  await createAttendees(
    userActor(office),
    c.id,
    Array.from({ length: people }, (_, i) => ({
      name: `Đại biểu Nhắc ${i + 1}`,
      position: "Chuyên viên",
      organizationName: "Sở Nội vụ",
      email: `nhac${i + 1}.${c.id}@danang.hoinghi.local`,
      phone: "",
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
  const attendees = await prisma.attendee.findMany({
    where: { conferenceId: c.id },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  return { ...c, attendees };
}

const values = (v: Partial<ReminderValues>): ReminderValues => ({
  preset: "DAY_BEFORE",
  dayBeforeTime: "16:00",
  beforeUnit: "HOURS",
  subject: "Nhắc lịch hội nghị",
  body: "Kính mời đồng chí dự hội nghị đúng giờ.",
  audience: "ACCEPTED",
  ...v,
});

const messagesOf = (conferenceId: string) =>
  prisma.outboxMessage.findMany({
    where: { conferenceId, kind: "SCHEDULED_REMINDER" },
    select: { attendeeId: true, version: true, status: true, messageId: true },
  });

beforeAll(async () => {
  office = (await currentUserByEmail("vanphong.danang@hoinghi.local"))!;
  orgId = office.organizationId;
  person = await signIn("vanphong.danang@hoinghi.local");
});

describe("timed reminders", () => {
  it("go out through SMTP at their time, once, across a worker restart and two instances", async () => {
    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url);
    // Starts in 63 s; "1 minute before" is 3 s from now.
    const c = await conference(new Date(Date.now() + 63_000), 4);
    await prisma.attendee.updateMany({ where: { conferenceId: c.id }, data: { rsvp: "ACCEPTED" } });
    const done = await scheduleReminderFor(
      office,
      c.id,
      values({ preset: "MINUTES_BEFORE", before: 1, beforeUnit: "MINUTES" }),
    );
    expect(done.ok).toBe(true);
    const { sendAt } = await prisma.scheduledReminder.findFirstOrThrow({ where: { conferenceId: c.id } });
    expect(sendAt.getTime() - Date.now()).toBeGreaterThan(1500);

    let worker = startOutboxWorker({ transport });
    await sleep(1000);
    await worker.stop();
    expect(await messagesOf(c.id)).toHaveLength(0);
    worker = startOutboxWorker({ transport });
    const mine = () => smtp.received.filter((m) => m.raw.toString("utf8").includes(`X-Hoinghi-Conference: ${c.id}`));
    const deadline = sendAt.getTime() + 5000;
    while (mine().length < 4 && Date.now() < deadline + 2000) await sleep(100);
    const arrived = Date.now();
    // Two more instances try at once: nothing more is queued.
    const other = createPrismaClient(env().DATABASE_URL);
    try {
      expect(await Promise.all([queueDueReminders(new Date(), prisma), queueDueReminders(new Date(), other)])).toEqual([
        0, 0,
      ]);
    } finally {
      await other.$disconnect();
    }
    await sleep(2500);
    await worker.stop();
    transport.close();
    await smtp.close();
    expect(arrived).toBeLessThanOrEqual(deadline);
    expect(arrived).toBeGreaterThanOrEqual(sendAt.getTime());
    expect(mine()).toHaveLength(4);
    expect(new Set(mine().map((m) => m.messageId)).size).toBe(4);
    const mail = await simpleParser(mine()[0]!.raw);
    expect(mail.subject).toBe("Nhắc lịch hội nghị");
    expect(mail.text).toContain("Kính mời đồng chí dự hội nghị đúng giờ.");
    expect(mail.text).toMatch(/\/i\/[^\s]+/);
    const r = await prisma.scheduledReminder.findFirstOrThrow({ where: { conferenceId: c.id } });
    expect(r).toMatchObject({ status: "QUEUED", queuedCount: 4 });
    expect(await prisma.auditEvent.count({ where: { entityId: r.id, action: "reminder.queue" } })).toBe(1);
  }, 30_000);

  it("queued exactly once when two Prisma clients run queueDueReminders together", async () => {
    const start = new Date(Date.now() + 2 * 24 * 60 * MINUTE);
    const c = await conference(start, 30);
    await prisma.attendee.updateMany({ where: { conferenceId: c.id }, data: { rsvp: "ACCEPTED" } });
    const at = toLocalInputValue(new Date(start.getTime() - 120 * MINUTE));
    expect((await scheduleReminderFor(office, c.id, values({ preset: "AT", at }))).ok).toBe(true);
    const later = new Date(start.getTime() - 60 * MINUTE);
    const other = createPrismaClient(env().DATABASE_URL);
    try {
      const counts = await Promise.all([queueDueReminders(later, prisma), queueDueReminders(later, other)]);
      expect(counts.reduce((a, b) => a + b)).toBe(30);
    } finally {
      await other.$disconnect();
    }
    expect(await messagesOf(c.id)).toHaveLength(30);
    const r = await prisma.scheduledReminder.findFirstOrThrow({ where: { conferenceId: c.id } });
    expect(await prisma.auditEvent.count({ where: { entityId: r.id, action: "reminder.queue" } })).toBe(1);
  });

  it("decides the audience at send time, never a revoked attendee; CHOSEN through the page", async () => {
    const start = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
    const c = await conference(start, 5);
    const [a1, a2, a3, a4] = c.attendees;
    await prisma.attendee.updateMany({ where: { id: { in: [a1!.id, a2!.id] } }, data: { rsvp: "ACCEPTED" } });
    expect((await scheduleReminderFor(office, c.id, values({}))).ok).toBe(true);
    const answer = await call(
      action,
      post(`/conferences/${c.id}/reminders`, person, {
        intent: "schedule",
        preset: "MINUTES_BEFORE",
        before: "2",
        beforeUnit: "HOURS",
        subject: "Nhắc riêng",
        body: "Mời đồng chí đến sớm.",
        audience: "CHOSEN",
        attendeeIds: a4!.id,
      }),
      { id: c.id },
    );
    expect(answer.status).toBe(200);
    // After scheduling: a3 accepts, a2 is revoked.
    await prisma.attendee.update({ where: { id: a3!.id }, data: { rsvp: "ACCEPTED" } });
    await prisma.attendee.update({ where: { id: a2!.id }, data: { revokedAt: new Date() } });
    await queueDueReminders(new Date(start.getTime() - 30 * MINUTE));
    const byVersion = (v: number) => new Set(msgs.filter((m) => m.version === v).map((m) => m.attendeeId));
    const msgs = await messagesOf(c.id);
    expect(byVersion(1)).toEqual(new Set([a1!.id, a3!.id]));
    expect(byVersion(2)).toEqual(new Set([a4!.id]));
    const page = await call(loader, get(`/conferences/${c.id}/reminders`, person), { id: c.id });
    expect(page.status).toBe(200);
    expect(page.body.reminders.map((r: { queuedCount: number }) => r.queuedCount)).toEqual([2, 1]);
  });

  it("refuses a past time, one at or after the start, no start, nobody chosen, an empty subject (400, nothing saved)", async () => {
    const start = new Date(Date.now() + 24 * 60 * MINUTE);
    const c = await conference(start, 2);
    const none = await conference(null, 1);
    const base = { intent: "schedule", subject: "Nhắc", body: "Nội dung", audience: "ACCEPTED" };
    const cases: Array<[string, Record<string, string>, string, string]> = [
      [
        c.id,
        { preset: "AT", at: toLocalInputValue(new Date(Date.now() - 60 * MINUTE)) },
        "at",
        "Thời điểm nhắc đã qua.",
      ],
      [
        c.id,
        { preset: "AT", at: toLocalInputValue(new Date(start.getTime() + MINUTE)) },
        "at",
        "Thời điểm nhắc phải trước giờ khai mạc.",
      ],
      [c.id, { preset: "MINUTES_BEFORE", before: "3", beforeUnit: "HOURS", body: "x" }, "before", ""],
      [none.id, { preset: "DAY_BEFORE", dayBeforeTime: "16:00" }, "dayBeforeTime", "Hội nghị chưa có giờ khai mạc."],
      [
        c.id,
        { preset: "DAY_BEFORE", dayBeforeTime: "16:00", audience: "CHOSEN" },
        "attendeeIds",
        "Chưa chọn người nhận.",
      ],
      [c.id, { preset: "DAY_BEFORE", dayBeforeTime: "16:00", subject: "  " }, "subject", "Nhập tiêu đề thư nhắc"],
    ];
    // The third case is fine apart from its start being 24 h away and 3 h before it still ahead: it is saved.
    for (const [id, fields, field, message] of cases) {
      const before = await prisma.scheduledReminder.count();
      const res = await call(action, post(`/conferences/${id}/reminders`, person, { ...base, ...fields }), { id });
      if (!message) {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status, field).toBe(400);
      expect(res.body.result.error[field]).toEqual([message]);
      expect(await prisma.scheduledReminder.count()).toBe(before);
    }
  });

  it("cancelling the conference cancels its pending reminders and removes their unsent messages", async () => {
    const start = new Date(Date.now() + 4 * 24 * 60 * MINUTE);
    const c = await conference(start, 3);
    await prisma.attendee.updateMany({ where: { conferenceId: c.id }, data: { rsvp: "NO_ANSWER" } });
    const at = toLocalInputValue(new Date(start.getTime() - 3 * 24 * 60 * MINUTE));
    expect((await scheduleReminderFor(office, c.id, values({ preset: "AT", at, audience: "NO_ANSWER" }))).ok).toBe(
      true,
    );
    expect((await scheduleReminderFor(office, c.id, values({}))).ok).toBe(true);
    expect(await queueDueReminders(new Date(start.getTime() - 2 * 24 * 60 * MINUTE))).toBe(3);
    const sent = (await messagesOf(c.id))[0]!;
    await prisma.outboxMessage.updateMany({ where: { messageId: sent.messageId }, data: { status: "SENT" } });
    await sendCancellation(userActor(office), c);
    const reminders = await prisma.scheduledReminder.findMany({
      where: { conferenceId: c.id },
      orderBy: { number: "asc" },
    });
    expect(reminders.map((r) => r.status)).toEqual(["QUEUED", "CANCELLED"]);
    expect(reminders[1]!.statusNote).toBe("Hội nghị đã hủy.");
    expect((await messagesOf(c.id)).map((m) => m.messageId)).toEqual([sent.messageId]);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { conferenceId: c.id, action: "invitation.cancel" },
    });
    expect(audit.summary).toContain("hủy 1 thư nhắc đã hẹn giờ, bỏ 2 thư nhắc chưa gửi");
  });

  it("follows a change of the start time; one that falls after the new start is skipped", async () => {
    const start = new Date(Date.now() + 5 * 24 * 60 * MINUTE);
    const c = await conference(start, 1);
    expect((await scheduleReminderFor(office, c.id, values({}))).ok).toBe(true);
    const fixed = toLocalInputValue(new Date(start.getTime() - 60 * MINUTE));
    expect((await scheduleReminderFor(office, c.id, values({ preset: "AT", at: fixed }))).ok).toBe(true);
    const [day, atRow] = await prisma.scheduledReminder.findMany({
      where: { conferenceId: c.id },
      orderBy: { number: "asc" },
    });
    const form = planToFormValues(await getConference(c.id));
    const earlier = new Date(start.getTime() - 24 * 60 * MINUTE);
    await updateConference(office, c.id, {
      ...form,
      startsAt: toLocalInputValue(earlier),
      endsAt: toLocalInputValue(new Date(earlier.getTime() + 120 * MINUTE)),
    } as unknown as Parameters<typeof updateConference>[2]);
    const after = await prisma.scheduledReminder.findMany({
      where: { conferenceId: c.id },
      orderBy: { number: "asc" },
    });
    expect(after[0]!.sendAt.getTime()).toBe(day!.sendAt.getTime() - 24 * 60 * MINUTE);
    expect(after[0]!.status).toBe("SCHEDULED");
    expect(after[1]).toMatchObject({ status: "SKIPPED", sendAt: atRow!.sendAt });
    expect(after[1]!.statusNote).toContain("Thời điểm nhắc phải trước giờ khai mạc.");
    expect(await prisma.auditEvent.count({ where: { conferenceId: c.id, action: "reminder.reschedule" } })).toBe(1);
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});
