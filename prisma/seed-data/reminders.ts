// Demo timed reminders (issue 14). Seed 001 (Quảng Nam, 18/01/2024 08:00, held) had its schedule: three
// days before to those who had not answered, 16:00 the afternoon before and two hours before the opening
// to those who had accepted; all three went out, to the attendees of that moment (read here from the
// seeded answers), and their e-mails are in the outbox as sent. The 2026 Đà Nẵng conference (18/12/2026
// 08:00, still ahead) has its afternoon-before reminder scheduled. Deterministic: no clock, no randomness.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { ReminderAudience } from "#app/generated/prisma/enums.ts";
import { messageIdFor } from "#app/mailing/backoff.ts";

interface SeedReminder {
  number: number;
  rule: string;
  sendAt: string;
  audience: ReminderAudience;
  subject: string;
  body: string;
  /** Gone out at sendAt (the demo's past), or still to go. */
  sent: boolean;
}

const QUANG_NAM: SeedReminder[] = [
  {
    number: 1,
    rule: "MINUTES_BEFORE:4320",
    sendAt: "2024-01-15T08:00:00+07:00",
    audience: "NO_ANSWER",
    subject: "[Nhắc] Đề nghị xác nhận tham dự Hội nghị tổng kết CCHC năm 2023",
    body: "Văn phòng UBND tỉnh chưa nhận được xác nhận tham dự của đồng chí. Đề nghị đồng chí xác nhận trước 17 giờ 00 ngày 16/01/2024 để Ban Tổ chức bố trí chỗ ngồi.",
    sent: true,
  },
  {
    number: 2,
    rule: "DAY_BEFORE@16:00",
    sendAt: "2024-01-17T16:00:00+07:00",
    audience: "ACCEPTED",
    subject: "[Nhắc lịch] Hội nghị tổng kết CCHC năm 2023 – sáng mai 08 giờ 00",
    body: "Kính nhắc đồng chí: Hội nghị tổng kết công tác cải cách hành chính năm 2023 khai mạc lúc 08 giờ 00 sáng mai. Đại biểu có mặt trước 07 giờ 45 và mang theo mã QR trong giấy mời để điểm danh.",
    sent: true,
  },
  {
    number: 3,
    rule: "MINUTES_BEFORE:120",
    sendAt: "2024-01-18T06:00:00+07:00",
    audience: "ACCEPTED",
    subject: "[Nhắc lịch] Hội nghị khai mạc sau 2 giờ nữa",
    body: "Hội nghị khai mạc lúc 08 giờ 00 hôm nay. Đại biểu dự tại điểm cầu đề nghị vào phòng họp trực tuyến trước 07 giờ 45.",
    sent: true,
  },
];

const DA_NANG: SeedReminder[] = [
  {
    number: 1,
    rule: "DAY_BEFORE@16:00",
    sendAt: "2026-12-17T16:00:00+07:00",
    audience: "ACCEPTED",
    subject: "[Nhắc lịch] Hội nghị tổng kết CCHC năm 2026 – sáng mai 08 giờ 00",
    body: "Kính nhắc đồng chí: Hội nghị tổng kết công tác cải cách hành chính năm 2026 khai mạc lúc 08 giờ 00 sáng mai tại Trung tâm Hành chính thành phố. Đề nghị đồng chí có mặt trước 07 giờ 45.",
    sent: false,
  },
];

export async function seedReminders(tx: Prisma.TransactionClient, conferenceIds: Map<string, string>) {
  const plans: Array<[string, SeedReminder[]]> = [
    ["quang-nam-2024-tong-ket-cchc-2023", QUANG_NAM],
    ["da-nang-2026-tong-ket-cchc", DA_NANG],
  ];
  for (const [key, list] of plans) {
    const conferenceId = conferenceIds.get(key);
    if (!conferenceId) throw new Error(`Seed: unknown plan key ${key}`);
    for (const r of list) {
      const sendAt = new Date(r.sendAt);
      const recipients = r.sent
        ? await tx.attendee.findMany({
            where: { conferenceId, revokedAt: null, rsvp: r.audience === "NO_ANSWER" ? "NO_ANSWER" : "ACCEPTED" },
            orderBy: { createdAt: "asc" },
            select: { id: true, email: true },
          })
        : [];
      await tx.scheduledReminder.create({
        data: {
          conferenceId,
          number: r.number,
          subject: r.subject,
          body: r.body,
          audience: r.audience,
          rule: r.rule,
          sendAt,
          status: r.sent ? "QUEUED" : "SCHEDULED",
          queuedAt: r.sent ? sendAt : null,
          queuedCount: recipients.length,
          createdAt: new Date(sendAt.getTime() - 5 * 24 * 3600_000),
        },
      });
      await tx.outboxMessage.createMany({
        data: recipients.map((a, i) => ({
          conferenceId,
          attendeeId: a.id,
          kind: "SCHEDULED_REMINDER" as const,
          version: r.number,
          messageId: messageIdFor("SCHEDULED_REMINDER", r.number, a.id),
          toAddress: a.email,
          subject: r.subject,
          status: "SENT" as const,
          attempts: 1,
          nextAttemptAt: sendAt,
          createdAt: sendAt,
          sentAt: new Date(sendAt.getTime() + 2000 + i * 150),
        })),
      });
    }
  }
}
