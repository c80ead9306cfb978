import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { queueInvitations } from "#app/invitations/queue.server.ts";

/**
 * A scheduled conference of its own with `count` attendees, each with a queued invitation; the seeded
 * demo messages of other conferences are removed so that a worker sends only these.
 */
export async function conferenceWithInvitations(count: number, tag: string) {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND thành phố Đà Nẵng" },
    select: { id: true },
  });
  const c = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: `Hội nghị thử hộp thư (${tag})`,
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt: new Date("2026-12-18T09:00:00+07:00"),
      endsAt: new Date("2026-12-18T11:30:00+07:00"),
      venue: "Hội trường Trung tâm Hành chính thành phố",
      chair: "Chủ tịch UBND thành phố",
      content: "Tổng kết công tác cải cách hành chính năm 2026",
      signerName: "Lê Trung Chinh",
    },
    select: { id: true },
  });
  await prisma.outboxMessage.deleteMany({ where: { conferenceId: { not: c.id } } });
  await createAttendees(
    SYSTEM_ACTOR,
    c.id,
    Array.from({ length: count }, (_, i) => ({
      name: `Đại biểu ${tag} ${i + 1}`,
      position: "Chuyên viên",
      organizationName: "Sở Nội vụ",
      email: `${tag}${i + 1}@danang.hoinghi.local`,
      phone: "",
      groupId: undefined,
      bridgePointId: undefined,
    })),
    { kind: "file", fileName: `${tag}.xlsx` },
  );
  const attendees = await prisma.attendee.findMany({
    where: { conferenceId: c.id },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  await queueInvitations({
    conferenceId: c.id,
    kind: "INVITATION",
    version: 0,
    attendeeIds: attendees.map((a) => a.id),
    subject: "Giấy mời",
  });
  const messages = await prisma.outboxMessage.findMany({
    where: { conferenceId: c.id },
    orderBy: { toAddress: "asc" },
    select: { id: true, messageId: true, toAddress: true },
  });
  return { conferenceId: c.id, messages };
}
