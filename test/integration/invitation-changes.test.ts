import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { sendCancellation, sendInvitations, sendReminders, sendUpdate } from "#app/invitations/bulk-send.server.ts";
import "#app/mail-composers.server.ts";
import { emlFileName } from "#app/mailing/transport.server.ts";
import { outboxFolder, outboxWorker } from "#app/mailing/worker.server.ts";

// The default set-up with no SMTP server: the server's worker writes .eml files.
let conference: { id: string; title: string; calendarSequence: number };

beforeAll(async () => {
  await prisma.outboxMessage.deleteMany({});
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND thành phố Đà Nẵng" },
    select: { id: true },
  });
  conference = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Tổ chức Hội nghị thử thay đổi lịch",
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt: new Date("2026-12-18T09:00:00+07:00"),
      endsAt: new Date("2026-12-18T11:00:00+07:00"),
      venue: "Hội trường A",
    },
    select: { id: true, title: true, calendarSequence: true },
  });
  await createAttendees(
    SYSTEM_ACTOR,
    conference.id,
    ["Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"].map((name, i) => ({
      name,
      position: "",
      organizationName: "",
      email: `nguoi${i}@danang.hoinghi.local`,
      phone: "",
      groupId: undefined,
      bridgePointId: undefined,
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
});

afterAll(() => outboxWorker().stop());

async function delivered(kind: string, version: number, count: number) {
  await expect
    .poll(
      () =>
        prisma.outboxMessage.count({
          where: { conferenceId: conference.id, kind: kind as never, version, status: "SENT" },
        }),
      { timeout: 15_000 },
    )
    .toBe(count);
  const rows = await prisma.outboxMessage.findMany({
    where: { conferenceId: conference.id, kind: kind as never, version },
    select: { messageId: true },
  });
  return Promise.all(
    rows.map(async (r) => simpleParser(fs.readFileSync(path.join(outboxFolder(), emlFileName(r.messageId))))),
  );
}

function calendar(mail: Awaited<ReturnType<typeof simpleParser>>) {
  const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
  const cal = new ICAL.Component(ICAL.parse(ics.content.toString("utf8")));
  const event = cal.getFirstSubcomponent("vevent")!;
  return {
    method: cal.getFirstPropertyValue("method"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
  };
}

describe("updates, reminders and cancellation", () => {
  it("invites, then sends the change with SEQUENCE 1, reminders only to those who have not answered, and METHOD:CANCEL", async () => {
    expect(await sendInvitations(SYSTEM_ACTOR, conference, false)).toBe(3);
    expect(await sendInvitations(SYSTEM_ACTOR, conference, false)).toBe(0); // pressing twice sends nothing twice
    const invitations = await delivered("INVITATION", 0, 3);
    expect(invitations.map((m) => calendar(m))).toEqual(
      Array(3).fill({ method: "REQUEST", sequence: 0, status: "CONFIRMED" }),
    );
    expect(invitations[0]!.subject).toBe("Giấy mời: Hội nghị thử thay đổi lịch");

    await prisma.conference.update({
      where: { id: conference.id },
      data: { startsAt: new Date("2026-12-18T14:00:00+07:00"), endsAt: new Date("2026-12-18T16:00:00+07:00") },
    });
    expect(await sendUpdate(SYSTEM_ACTOR, conference, "Hội nghị chuyển sang 14 giờ 00 cùng ngày")).toBe(3);
    const updates = await delivered("UPDATE", 1, 3);
    expect(updates[0]!.subject).toBe("[Thay đổi] Giấy mời: Hội nghị thử thay đổi lịch");
    expect(updates[0]!.html).toContain("Hội nghị chuyển sang 14 giờ 00 cùng ngày");
    expect(calendar(updates[0]!)).toEqual({ method: "REQUEST", sequence: 1, status: "CONFIRMED" });

    await prisma.attendee.updateMany({
      where: { conferenceId: conference.id, name: "Trần Thị Hai" },
      data: { rsvp: "ACCEPTED" },
    });
    expect(await sendReminders(SYSTEM_ACTOR, conference, null)).toBe(2);
    const reminders = await delivered("REMINDER", 1, 2);
    expect(reminders.every((m) => m.subject!.startsWith("[Cần phản hồi]"))).toBe(true);

    expect(await sendCancellation(SYSTEM_ACTOR, conference)).toBe(3);
    const cancellations = await delivered("CANCELLATION", 2, 3);
    expect(cancellations[0]!.subject).toBe("[Hủy] Hội nghị thử thay đổi lịch");
    expect(calendar(cancellations[0]!)).toEqual({ method: "CANCEL", sequence: 2, status: "CANCELLED" });
    expect(
      (await prisma.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { status: true } })).status,
    ).toBe("CANCELLED");
  });
});
