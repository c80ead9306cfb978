// A large conference's change notice, reminder round and cancellation (issue 15, goal 4): the organiser's
// request opens the round (the SEQUENCE or reminder round moves on, the conference is cancelled, with the
// audit record) and a job queues the messages of that version a chunk at a time, with progress on the
// page. Every attendee concerned gets exactly one message of the version, a second run of the same round
// adds nothing, and a small conference still does it all inside the request. No composer is registered
// here, so the outbox worker the job wakes sends nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { sendMailing } from "#app/invitations/attendee-actions.server.ts";
import { createAttendees, invitationConference } from "#app/invitations/attendees.server.ts";
import { sendInvitations } from "#app/invitations/bulk-send.server.ts";
import { INLINE_SEND_LIMIT, invitationSendJob } from "#app/invitations/send-job.server.ts";
import { enqueueJob, waitForJob } from "#app/jobs/jobs.server.ts";

const ATTENDEES = INLINE_SEND_LIMIT + 50;
const user = {
  id: "u-office-round",
  name: "Trần Thị Văn Phòng",
  email: "vanphong.round@quangnam.gov.vn",
} as CurrentUser;
const actor = userActor(user);
let conferenceId = "";

const conference = () => invitationConference(conferenceId);
const messagesOf = (kind: "UPDATE" | "REMINDER" | "CANCELLATION", version: number) =>
  prisma.outboxMessage.groupBy({
    by: ["attendeeId"],
    where: { conferenceId, kind, version },
    _count: { _all: true },
  });
const roundJobs = () =>
  prisma.job.findMany({
    where: { kind: "invitation-send", scope: conferenceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, key: true },
  });

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND tỉnh Quảng Nam" },
    select: { id: true },
  });
  ({ id: conferenceId } = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Tổ chức Hội nghị báo thay đổi lớn",
      issuePlace: "Quảng Nam",
      issueYear: 2026,
      startsAt: new Date("2026-12-16T01:00:00Z"),
      endsAt: new Date("2026-12-16T04:30:00Z"),
    },
    select: { id: true },
  }));
  await createAttendees(
    actor,
    conferenceId,
    Array.from({ length: ATTENDEES }, (_, i) => ({
      name: `Phạm Văn Đổi ${i + 1}`,
      position: "Chuyên viên",
      organizationName: `UBND phường Thử ${i % 5}`,
      email: `doi${i + 1}@quangnam.hoinghi.local`,
      phone: "",
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
  // Everyone invited (by the job for a conference this size, here inline to set the scene), ten answered.
  const c = await conference();
  expect(await sendInvitations(actor, c, false)).toBe(ATTENDEES);
  const some = await prisma.attendee.findMany({ where: { conferenceId }, orderBy: { email: "asc" }, take: 10 });
  await prisma.attendee.updateMany({ where: { id: { in: some.map((a) => a.id) } }, data: { rsvp: "ACCEPTED" } });
});

describe("a large conference's rounds, queued by a job", () => {
  it("a change notice: SEQUENCE moves on in the request, the job queues one message per invited attendee", async () => {
    const before = await conference();
    const outcome = await sendMailing(user, before, { kind: "update", changeNote: "Đổi sang Hội trường tầng 3" });
    expect(outcome).toMatchObject({ ok: true });
    expect(JSON.stringify(outcome)).toContain(
      `Đang đưa thư báo thay đổi vào hàng đợi gửi cho ${ATTENDEES.toLocaleString("vi-VN")} đại biểu; tiến độ hiện bên dưới.`,
    );
    const after = await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(after.calendarSequence).toBe(before.calendarSequence + 1);
    const [job] = await roundJobs();
    expect(job!.key).toBe(`${conferenceId}/UPDATE/${after.calendarSequence}`);
    expect(await waitForJob(job!.id, 60_000)).toMatchObject({ status: "DONE", done: ATTENDEES, total: ATTENDEES });
    expect(await invitationSendJob(conferenceId)).toEqual({
      kind: "UPDATE",
      status: "done",
      done: ATTENDEES,
      total: ATTENDEES,
      queued: ATTENDEES,
      error: null,
    });
    const groups = await messagesOf("UPDATE", after.calendarSequence);
    expect(groups).toHaveLength(ATTENDEES);
    expect(groups.every((g) => g._count._all === 1)).toBe(true);
    const notes = await prisma.outboxMessage.groupBy({
      by: ["changeNote"],
      where: { conferenceId, kind: "UPDATE" },
      _count: { _all: true },
    });
    expect(notes).toEqual([{ changeNote: "Đổi sang Hội trường tầng 3", _count: { _all: ATTENDEES } }]);
    // The request's record (the round), then one per chunk of 1,000 saying what it added.
    const audits = await prisma.auditEvent.findMany({
      where: { conferenceId, action: "invitation.update" },
      orderBy: { at: "asc" },
      select: { summary: true },
    });
    expect(audits[0]!.summary).toBe(
      `Đưa ${ATTENDEES} thư báo thay đổi vào hàng đợi gửi (từng phần, tiến độ trên trang đại biểu)`,
    );
    const parts = audits
      .slice(1)
      .map((a) => /^Đưa (\d+) thư báo thay đổi vào hàng đợi gửi \(phần (\d)\/3\)$/.exec(a.summary));
    expect(parts.every(Boolean)).toBe(true);
    expect(parts.reduce((n, m) => n + Number(m![1]), 0)).toBe(ATTENDEES);
  });

  it("the same round run again (a re-claimed job) adds nothing, and the same round started twice is one job", async () => {
    const done = await prisma.job.findFirstOrThrow({
      where: { kind: "invitation-send", scope: conferenceId },
      orderBy: { createdAt: "desc" },
      select: { key: true, params: true },
    });
    // The same key is the same job: a request retried after the round opened starts nothing new.
    const same = await enqueueJob({ kind: "invitation-send", key: done.key, scope: conferenceId, params: {} });
    expect(same.status).toBe("DONE");
    const again = await enqueueJob({
      kind: "invitation-send",
      key: `${done.key}/again`,
      scope: conferenceId,
      params: JSON.parse(done.params),
    });
    expect(await waitForJob(again.id, 60_000)).toMatchObject({ status: "DONE", done: ATTENDEES });
    expect((await invitationSendJob(conferenceId))?.queued).toBe(0);
    const { calendarSequence } = await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(await messagesOf("UPDATE", calendarSequence)).toHaveLength(ATTENDEES);
    expect(await prisma.outboxMessage.count({ where: { conferenceId, kind: "UPDATE" } })).toBe(ATTENDEES);
  });

  it("a reminder round reaches those who have not answered", async () => {
    const before = await conference();
    await sendMailing(user, before, { kind: "remind", attendeeIds: null });
    const { reminderRound } = await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    const [job] = await roundJobs();
    expect(job!.key).toBe(`${conferenceId}/REMINDER/${reminderRound}`);
    expect(await waitForJob(job!.id, 60_000)).toMatchObject({ status: "DONE" });
    expect(await messagesOf("REMINDER", reminderRound)).toHaveLength(ATTENDEES - 10);
    expect(await invitationSendJob(conferenceId)).toMatchObject({ kind: "REMINDER", queued: ATTENDEES - 10 });
  });

  it("the cancellation: the conference is cancelled in the request, the job queues the cancellation", async () => {
    const before = await conference();
    const outcome = await sendMailing(user, before, { kind: "cancel" });
    expect(JSON.stringify(outcome)).toContain("Đã hủy hội nghị; đang đưa thư báo hủy");
    const after = await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(after.status).toBe("CANCELLED");
    const [job] = await roundJobs();
    expect(job!.key).toBe(`${conferenceId}/CANCELLATION/${after.calendarSequence}`);
    expect(await waitForJob(job!.id, 60_000)).toMatchObject({ status: "DONE" });
    expect(await messagesOf("CANCELLATION", after.calendarSequence)).toHaveLength(ATTENDEES);
    expect(await invitationSendJob(conferenceId)).toMatchObject({ kind: "CANCELLATION", queued: ATTENDEES });
  });
});
