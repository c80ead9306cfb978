// A large conference's invitations are queued by a job (issue 15, goal 4): the organiser's request only
// starts it, the progress ends at the attendee count, every attendee still invited gets exactly one
// message (those who had it already are skipped), each chunk's audit record says what it added, and a
// second run adds nothing. No composer is registered here, so the outbox worker the job wakes sends nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { sendInvitations } from "#app/invitations/bulk-send.server.ts";
import { INLINE_SEND_LIMIT, invitationSendJob, startInvitationSend } from "#app/invitations/send-job.server.ts";
import { waitForJob } from "#app/jobs/jobs.server.ts";
import { MESSAGE_SUBJECT, queueInvitations } from "#app/invitations/queue.server.ts";

const ATTENDEES = INLINE_SEND_LIMIT + 100;
const actor = userActor({ id: "u-office", name: "Trần Thị Văn Phòng", email: "vanphong@quangnam.gov.vn" });
let conference: { id: string; title: string; calendarSequence: number };

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND tỉnh Quảng Nam" },
    select: { id: true },
  });
  conference = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Tổ chức Hội nghị gửi giấy mời lớn",
      issuePlace: "Quảng Nam",
      issueYear: 2026,
      startsAt: new Date("2026-12-15T01:00:00Z"),
      endsAt: new Date("2026-12-15T04:30:00Z"),
    },
    select: { id: true, title: true, calendarSequence: true },
  });
  await createAttendees(
    actor,
    conference.id,
    Array.from({ length: ATTENDEES + 1 }, (_, i) => ({
      name: `Lê Thị Gửi ${i + 1}`,
      position: "Chuyên viên",
      organizationName: `UBND xã Thử ${i % 7}`,
      email: `gui${i + 1}@quangnam.hoinghi.local`,
      phone: "",
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
  // One attendee revoked: no message. Five already invited: not again.
  const all = await prisma.attendee.findMany({ where: { conferenceId: conference.id }, orderBy: { email: "asc" } });
  await prisma.attendee.update({ where: { id: all[0]!.id }, data: { revokedAt: new Date() } });
  expect(
    await sendInvitations(
      actor,
      conference,
      false,
      all.slice(1, 6).map((a) => a.id),
    ),
  ).toBe(5);
});

const invitations = () =>
  prisma.outboxMessage.groupBy({
    by: ["attendeeId"],
    where: { conferenceId: conference.id, kind: "INVITATION", version: conference.calendarSequence },
    _count: { _all: true },
  });
const sendAudits = () =>
  prisma.auditEvent.findMany({
    where: { conferenceId: conference.id, action: "invitation.send" },
    orderBy: { at: "asc" },
    select: { summary: true, actorLabel: true },
  });

describe("queuing a large conference's invitations as a job", () => {
  it("queues one message per attendee still invited, with progress, audit records per chunk, and the outcome", async () => {
    expect(await invitationSendJob(conference.id)).toBeNull();
    const before = (await sendAudits()).length;
    const started = await startInvitationSend(actor, conference.id, true);
    expect(started.status).toBe("queuing");
    // Pressed again while it waits or runs: the same queuing, not a second one.
    await startInvitationSend(actor, conference.id, true);
    const jobs = await prisma.job.findMany({ where: { kind: "invitation-send", scope: conference.id } });
    expect(jobs).toHaveLength(1);
    const done = await waitForJob(jobs[0]!.id, 60_000);
    expect(done).toMatchObject({ status: "DONE", done: ATTENDEES, total: ATTENDEES });
    expect(await invitationSendJob(conference.id)).toEqual({
      kind: "INVITATION",
      status: "done",
      done: ATTENDEES,
      total: ATTENDEES,
      queued: ATTENDEES - 5,
      error: null,
    });
    const groups = await invitations();
    expect(groups).toHaveLength(ATTENDEES);
    expect(groups.every((g) => g._count._all === 1)).toBe(true);
    const withPdf = await prisma.outboxMessage.count({
      where: { conferenceId: conference.id, kind: "INVITATION", attachPdf: true },
    });
    expect(withPdf).toBe(ATTENDEES - 5);
    const { status } = await prisma.conference.findUniqueOrThrow({ where: { id: conference.id } });
    expect(status).toBe("INVITATIONS_SENT");
    const audits = (await sendAudits()).slice(before);
    // One record per chunk of 1,000 attendees, saying what it added (the five invited before are skipped).
    const parts = audits.map((a) =>
      /^Đưa (\d+) giấy mời vào hàng đợi gửi \(kèm giấy mời PDF\) \(phần (\d)\/3\)$/.exec(a.summary),
    );
    expect(parts.every(Boolean)).toBe(true);
    expect(parts.map((m) => m![2]).sort()).toEqual(["1", "2", "3"]);
    expect(parts.reduce((n, m) => n + Number(m![1]), 0)).toBe(ATTENDEES - 5);
    expect(new Set(audits.map((a) => a.actorLabel))).toEqual(new Set([actor.label]));
  });

  it("adds nothing when run again (a re-claimed job, or the button pressed after it finished)", async () => {
    const audits = (await sendAudits()).length;
    await startInvitationSend(actor, conference.id, false);
    const job = await prisma.job.findFirstOrThrow({
      where: { kind: "invitation-send", scope: conference.id, status: { in: ["QUEUED", "RUNNING"] } },
    });
    expect(await waitForJob(job.id, 60_000)).toMatchObject({ status: "DONE" });
    expect((await invitationSendJob(conference.id))?.queued).toBe(0);
    expect(await invitations()).toHaveLength(ATTENDEES);
    expect(await sendAudits()).toHaveLength(audits);
    // Only the latest queuing of the conference is kept.
    expect(await prisma.job.count({ where: { kind: "invitation-send", scope: conference.id } })).toBe(1);
  });

  it("fails with the reason when the conference was cancelled before the job ran", async () => {
    await prisma.conference.update({ where: { id: conference.id }, data: { status: "CANCELLED" } });
    await startInvitationSend(actor, conference.id, false);
    const job = await prisma.job.findFirstOrThrow({
      where: { kind: "invitation-send", scope: conference.id },
      orderBy: { createdAt: "desc" },
    });
    expect(await waitForJob(job.id, 60_000)).toMatchObject({ status: "FAILED", error: "Hội nghị đã hủy." });
    expect(await invitationSendJob(conference.id)).toMatchObject({ status: "failed", error: "Hội nghị đã hủy." });
  });

  it("two queuings of the same messages at once (two instances) add each message once, and neither fails", async () => {
    const attendeeIds = (
      await prisma.attendee.findMany({ where: { conferenceId: conference.id, revokedAt: null }, select: { id: true } })
    ).map((a) => a.id);
    const req = {
      conferenceId: conference.id,
      kind: "REMINDER" as const,
      version: 7,
      attendeeIds,
      subject: MESSAGE_SUBJECT.REMINDER(conference.title),
    };
    const added = await Promise.all([queueInvitations(req), queueInvitations(req)]);
    expect(added[0] + added[1]).toBe(attendeeIds.length);
    expect(
      await prisma.outboxMessage.count({ where: { conferenceId: conference.id, kind: "REMINDER", version: 7 } }),
    ).toBe(attendeeIds.length);
  });
});
