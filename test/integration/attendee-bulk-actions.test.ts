import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { invitationSendJob } from "#app/invitations/send-job.server.ts";
import { runJobsOnce } from "#app/jobs/jobs.server.ts";
import { queueMessagesIn } from "#app/mailing/queue.server.ts";
import { action as attendeesAction } from "#app/routes/conferences.$id.attendees.tsx";
import { call, post, signIn, type Person } from "#tests/helpers/route-call.ts";

// Issue 17 part 5: the attendee page's actions bind one parameter per id of a list that grows with the
// attendees, and databases refuse more than 32,766 in a statement (Prisma P2029). With more attendees
// than that, sending invitations, reminders to chosen attendees, adding one person and importing a file
// must still work: the lists are read in chunks, the e-mail checks look up only the e-mails concerned.

// The messages stay queued: nobody sends them during the test.
vi.hoisted(() => {
  process.env.BACKGROUND_WORKERS = "off";
});

const N = 33_000;

let office: Person;
let conferenceId: string;

beforeAll(async () => {
  office = await signIn("vanphong.danang@hoinghi.local");
  const org = await prisma.organization.findFirstOrThrow({ where: { name: "UBND thành phố Đà Nẵng" } });
  const c = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Hội nghị thử gửi thư cho nhiều đại biểu",
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt: new Date("2026-12-18T09:00:00+07:00"),
      endsAt: new Date("2026-12-18T11:30:00+07:00"),
    },
    select: { id: true },
  });
  conferenceId = c.id;
  await prisma.attendee.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      conferenceId,
      name: `Đại biểu ${i}`,
      email: `bulk${i}@danang.hoinghi.local`,
      token: `bulk-token-${i}`,
      invitationKey: `bulk-key-${i}`,
    })),
  });
}, 180_000);

const act = (fields: Record<string, string> | FormData) =>
  call(attendeesAction, post(`/conferences/${conferenceId}/attendees`, office, fields), { id: conferenceId });

const queued = (kind: "INVITATION" | "REMINDER") => prisma.outboxMessage.count({ where: { conferenceId, kind } });

describe(`the attendee page's actions with ${N.toLocaleString("en")} attendees`, () => {
  it("queues an invitation for everyone, once", async () => {
    const sent = await act({ intent: "send" });
    expect(sent.status).toBe(200);
    // A conference this large is queued by a job (no background worker here: the test runs it).
    expect(sent.body.message).toBe(
      `Đang đưa giấy mời vào hàng đợi gửi cho ${N.toLocaleString("vi-VN")} đại biểu; tiến độ hiện bên dưới.`,
    );
    expect(await runJobsOnce()).toBe(1);
    expect(await queued("INVITATION")).toBe(N);
    expect(await invitationSendJob(conferenceId)).toMatchObject({ status: "done", queued: N, done: N, total: N });
    // Pressing it again adds nothing: the check for messages already queued covers every chunk.
    await act({ intent: "send" });
    expect(await runJobsOnce()).toBe(1);
    expect(await queued("INVITATION")).toBe(N);
    expect(await invitationSendJob(conferenceId)).toMatchObject({ status: "done", queued: 0 });
  }, 180_000);

  it("sends reminders to more chosen attendees than one statement may name", async () => {
    const attendees = await prisma.attendee.findMany({ where: { conferenceId }, select: { id: true } });
    const form = new FormData();
    form.set("intent", "remind");
    for (const a of attendees.slice(1)) form.append("attendeeIds", a.id);
    form.append("attendeeIds", "not-an-attendee");
    const reminded = await act(form);
    expect(reminded.status).toBe(200);
    // As many chosen as this: the round opens in the request and a job queues its messages.
    expect(reminded.body.message).toBe(
      `Đang đưa thư nhắc trả lời vào hàng đợi gửi cho ${(N - 1).toLocaleString("vi-VN")} đại biểu; tiến độ hiện bên dưới.`,
    );
    expect(await runJobsOnce()).toBe(1);
    expect(await invitationSendJob(conferenceId)).toMatchObject({ kind: "REMINDER", status: "done", queued: N - 1 });
    const first = await prisma.outboxMessage.count({ where: { attendeeId: attendees[0]!.id, kind: "REMINDER" } });
    expect(first).toBe(0);
    expect(await queued("REMINDER")).toBe(N - 1);
  }, 180_000);

  it("refuses one attendee or a file row already on the list, and adds the new ones", async () => {
    const again = await act({ intent: "add", name: "Đại biểu lặp", email: "BULK32999@danang.hoinghi.local" });
    expect(again.status).toBe(400);
    expect(again.body.result.error.email).toEqual(["Thư điện tử này đã có trong danh sách đại biểu"]);

    const file = (rows: string[]) => {
      const form = new FormData();
      form.set("intent", "import");
      form.set("file", new File([["Họ tên,Email", ...rows].join("\n")], "them.csv", { type: "text/csv" }));
      return form;
    };
    const refused = await act(file(["Người mới,moi1@danang.hoinghi.local", "Người cũ, Bulk17@danang.hoinghi.local "]));
    expect(refused.status).toBe(400);
    expect(refused.body.rowErrors).toEqual([
      { row: 3, column: "Email", message: "Thư điện tử bulk17@danang.hoinghi.local đã có trong danh sách đại biểu" },
    ]);
    const added = await act(file(["Người mới,moi1@danang.hoinghi.local", "Người mới hai,moi2@danang.hoinghi.local"]));
    expect(added.body.message).toBe("Đã thêm 2 đại biểu từ tệp.");
    expect(await prisma.attendee.count({ where: { conferenceId } })).toBe(N + 2);
  }, 180_000);

  it("queues a message for every attendee in one call, as the conclusion notice and document mails do", async () => {
    const everyone = await prisma.attendee.findMany({ where: { conferenceId }, select: { id: true, email: true } });
    const recipients = everyone.map((a) => ({ attendeeId: a.id, toAddress: a.email }));
    const queue = () =>
      prisma.$transaction(
        (tx) => queueMessagesIn(tx, { conferenceId, kind: "CONCLUSION", version: 1, subject: "Thông báo", recipients }),
        { timeout: 120_000 },
      );
    expect(await queue()).toHaveLength(everyone.length);
    expect(await prisma.outboxMessage.count({ where: { conferenceId, kind: "CONCLUSION" } })).toBe(everyone.length);
    expect(await queue()).toHaveLength(0);
  }, 180_000);
});
