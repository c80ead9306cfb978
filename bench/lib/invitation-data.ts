// Data and an SMTP peer for bench/invitations.ts: a conference with an exact schedule,
// generated Vietnamese attendees, and an in-process smtp-server that accepts every
// message and only counts it (messages, bytes, distinct Message-IDs), so holding
// 10,000 messages in memory does not weigh on the run.
//
// Nothing here imports app modules that read DATABASE_URL at import time; the caller
// passes in the Prisma client and createAttendees once the environment is set.
import { SMTPServer } from "smtp-server";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Tôn Nữ",
  "Lương",
];
const MIDDLE = ["Thị", "Văn", "Hữu", "Đức", "Ngọc", "Quang", "Minh", "Thanh", "Thị Mỹ", "Công"];
const GIVEN = [
  "Ánh Tuyết",
  "Bửu",
  "Kỷ",
  "Dũng",
  "Hằng",
  "Tuấn",
  "Phượng",
  "Nguyệt",
  "Ẩn",
  "Lực",
  "Tiến",
  "Quyết",
  "Ửng",
  "Dạ",
  "Thưởng",
  "Khiết",
  "Đoàn",
  "Yến",
];
const POSITIONS = [
  "Chủ tịch UBND",
  "Phó Chủ tịch UBND",
  "Giám đốc",
  "Phó Giám đốc",
  "Trưởng phòng Nội vụ",
  "Chánh Văn phòng",
  "Chuyên viên",
];
const ORGANISATIONS = [
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Thông tin và Truyền thông",
  "Văn phòng UBND tỉnh",
  "Ban Quản lý các khu kinh tế",
];
const COMMUNES = [
  "Tam Kỳ",
  "Hội An",
  "Điện Bàn",
  "Duy Xuyên",
  "Quế Sơn",
  "Thăng Bình",
  "Tiên Phước",
  "Núi Thành",
  "Phú Ninh",
  "Đại Lộc",
  "Nam Giang",
  "Phước Sơn",
];

/** The i-th attendee's name: every family, middle and given name in turn (1,440+ distinct names with diacritics). */
export function attendeeName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
}

/** Attendee form values for attendees [from, to): unique e-mails, a third at bridge points, spread over the groups. */
export function attendeeValues(
  from: number,
  to: number,
  groupIds: string[],
  bridgePointIds: string[],
): AttendeeValues[] {
  const values: AttendeeValues[] = [];
  for (let i = from; i < to; i++) {
    const atBridge = bridgePointIds.length > 0 && i % 3 === 0;
    const commune = COMMUNES[i % COMMUNES.length]!;
    values.push({
      name: attendeeName(i),
      position: POSITIONS[i % POSITIONS.length]!,
      organizationName: atBridge
        ? `UBND ${i % 2 ? "thị xã" : "huyện"} ${commune}`
        : ORGANISATIONS[i % ORGANISATIONS.length]!,
      groupId: groupIds.length ? groupIds[i % groupIds.length] : undefined,
      email: `daibieu${String(i + 1).padStart(5, "0")}@quangnam.hoinghi.local`,
      phone: `0235 38${String(i % 10_000).padStart(4, "0")}`,
      bridgePointId: atBridge ? bridgePointIds[i % bridgePointIds.length] : undefined,
    });
  }
  return values;
}

/**
 * A conference of UBND tỉnh Quảng Nam at 08:00–11:30 on 15 December 2026 (Vietnam time), with
 * two attendee groups, twelve bridge points with video links and four recipients, so the
 * e-mail, the calendar entry and the letter have every part filled.
 */
export async function createBenchConference(prisma: PrismaClient) {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND tỉnh Quảng Nam" },
    select: { id: true },
  });
  return prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026 và triển khai nhiệm vụ năm 2027",
      issuePlace: "Quảng Nam",
      issueYear: 2026,
      startsAt: new Date("2026-12-15T08:00:00+07:00"),
      endsAt: new Date("2026-12-15T11:30:00+07:00"),
      venue: "Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ",
      chair: "Đồng chí Chủ tịch UBND tỉnh",
      content:
        "Tổng kết công tác cải cách hành chính năm 2026; công bố Chỉ số CCHC, SIPAS; triển khai nhiệm vụ năm 2027",
      invitationNumber: "215",
      preparationNote: "Nghiên cứu tài liệu gửi kèm và chuẩn bị ý kiến tham luận (nếu có)",
      contactName: "Bà Trần Thị Hoa, Sở Nội vụ",
      contactPhone: "0235 3810 123",
      contactEmail: "hoa.tt@quangnam.gov.vn",
      signDelegation: "KT. CHỦ TỊCH",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "Trần Anh Tuấn",
      attendeeGroups: {
        create: [
          {
            position: 0,
            heading: "Cấp tỉnh",
            lines: { create: [{ position: 0, text: "Lãnh đạo các sở, ban, ngành" }] },
          },
          {
            position: 1,
            heading: "Cấp huyện",
            lines: { create: [{ position: 0, text: "Chủ tịch UBND các huyện, thị xã, thành phố" }] },
          },
        ],
      },
      bridgePoints: {
        create: COMMUNES.map((name, position) => ({
          position,
          name: `Điểm cầu UBND ${name}`,
          address: `Trụ sở UBND ${name}`,
          videoLink: `https://hop.quangnam.gov.vn/j/cchc-2026-${position + 1}`,
          videoPasscode: "không gửi",
        })),
      },
      recipients: {
        create: ["Thường trực Tỉnh ủy (b/c)", "CT, các PCT UBND tỉnh", "Sở Nội vụ", "Lưu: VT, NC"].map(
          (text, position) => ({ position, text }),
        ),
      },
    },
    select: {
      id: true,
      title: true,
      calendarSequence: true,
      attendeeGroups: { select: { id: true } },
      bridgePoints: { select: { id: true } },
    },
  });
}

/** What the counting server has accepted since the last reset. */
export interface SmtpCounts {
  messages: number;
  bytes: number;
  /** Distinct Message-IDs; a second message with the same id counts in `duplicates`. */
  ids: Set<string>;
  duplicates: number;
  withoutId: number;
}

const emptyCounts = (): SmtpCounts => ({ messages: 0, bytes: 0, ids: new Set(), duplicates: 0, withoutId: 0 });

/** Header block ends at the first empty line; look no further than this for the Message-ID. */
const HEAD_LIMIT = 64 * 1024;
const MESSAGE_ID = /^Message-ID:\s*(<[^>]+>)/im;

/** smtp-server in this process: accepts every message, counts it and its bytes, keeps only the Message-ID. */
export async function startCountingSmtp() {
  let counts = emptyCounts();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = "";
      let headDone = false;
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (headDone) return;
        head += chunk.toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end >= 0) head = head.slice(0, end);
        if (end >= 0 || head.length > HEAD_LIMIT) headDone = true;
      });
      stream.on("end", () => {
        const id = MESSAGE_ID.exec(head)?.[1];
        counts.messages++;
        counts.bytes += bytes;
        if (!id) counts.withoutId++;
        else if (counts.ids.has(id)) counts.duplicates++;
        else counts.ids.add(id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    /** Starts counting afresh and returns what was counted so far. */
    reset(): SmtpCounts {
      const before = counts;
      counts = emptyCounts();
      return before;
    },
    counts: () => counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Checks the server got exactly the expected Message-IDs, each once; returns the problems found. */
export function checkDelivery(counts: SmtpCounts, expected: Iterable<string>): string[] {
  const problems: string[] = [];
  let missing = 0;
  let want = 0;
  for (const id of expected) {
    want++;
    if (!counts.ids.has(id)) missing++;
  }
  const unexpected = counts.ids.size - (want - missing);
  if (missing) problems.push(`${missing} expected message(s) not received`);
  if (counts.duplicates) problems.push(`${counts.duplicates} message(s) received twice`);
  if (counts.withoutId) problems.push(`${counts.withoutId} message(s) without a Message-ID`);
  if (unexpected) problems.push(`${unexpected} unexpected message(s)`);
  return problems;
}
