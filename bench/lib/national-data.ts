// Data for bench/pages.ts (issue 15, goal 3): one nation-wide conference with 10,000 attendees and 3,300
// bridge points, in the state organisers see it on the day (invitations sent, tests run, check-in lists
// for every bridge point, part of the room checked in). Bulk inserts with createMany: this is setup only.
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { attendeeValues, createBenchConference } from "#bench/lib/invitation-data.ts";

const CHUNK = 1_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface NationalConference {
  id: string;
  bridgeId: string;
  listId: string;
  documentId: string;
}

/** Adds the conference to a seeded database; attendees' tokens are signed with `secret` as the server's are. */
export async function createNationalConference(
  prisma: PrismaClient,
  secret: string,
  sizes: { attendees: number; bridges: number },
): Promise<NationalConference> {
  const conference = await createBenchConference(prisma);
  await prisma.conference.update({
    where: { id: conference.id },
    data: { format: "HYBRID", status: "INVITATIONS_SENT", documentNumber: "215" },
  });
  const firstBridges = conference.bridgePoints.length;
  const readiness = ["UNTESTED", "PASSED", "FAILED"] as const;
  const bridgeRows = Array.from({ length: sizes.bridges - firstBridges }, (_, k) => {
    const i = firstBridges + k;
    return {
      id: `nbridge${i}`,
      conferenceId: conference.id,
      position: i,
      name: `Điểm cầu UBND xã số ${i + 1}`,
      address: `Trụ sở UBND xã số ${i + 1}`,
      videoLink: `https://hop.gov.vn/j/cchc-2026-${i + 1}`,
      contactName: `Cán bộ CNTT xã số ${i + 1}`,
      contactPhone: `0235 39${String(i).padStart(5, "0")}`,
      contactEmail: `cntt.xa${i + 1}@hoinghi.local`,
      accessKey: `nat-op-${String(i).padStart(16, "0")}`,
      posterKey: `nat-po-${String(i).padStart(16, "0")}`,
      readiness: readiness[i % 3]!,
    };
  });
  await inChunks(bridgeRows, (data) => prisma.bridgePoint.createMany({ data }));
  const bridges = await prisma.bridgePoint.findMany({
    where: { conferenceId: conference.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, readiness: true },
  });
  const now = new Date();
  const tests = bridges
    .filter((b) => b.readiness !== "UNTESTED")
    .map((b) => ({
      bridgePointId: b.id,
      createdAt: now,
      operatorName: "Cán bộ CNTT",
      latencyMs: 35,
      jitterMs: 4,
      lossPercent: 0,
      downloadMbps: 40,
      uploadMbps: 20,
      camera: true,
      microphone: true,
      screen: true,
      sound: b.readiness === "PASSED",
      backupConnection: true,
      result: b.readiness,
    }));
  await inChunks(tests, (data) => prisma.connectivityTest.createMany({ data }));

  const keys = deriveSigningKeys(secret);
  const conferenceKey = conferenceKeyFor(conference.id);
  const groupIds = conference.attendeeGroups.map((g) => g.id);
  const values = attendeeValues(
    0,
    sizes.attendees,
    groupIds,
    bridges.map((b) => b.id),
  );
  const attendees = values.map((v, i) => ({
    id: `natt${i}`,
    conferenceId: conference.id,
    name: v.name,
    position: v.position ?? "",
    organizationName: v.organizationName ?? "",
    groupId: v.groupId ?? null,
    email: v.email,
    phone: v.phone ?? "",
    bridgePointId: v.bridgePointId ?? null,
    rsvp: (i % 5 === 0 ? "NO_ANSWER" : i % 7 === 0 ? "DECLINED" : "ACCEPTED") as "NO_ANSWER" | "DECLINED" | "ACCEPTED",
    ...issueToken(keys, conferenceKey),
  }));
  await inChunks(attendees, (data) => prisma.attendee.createMany({ data }));
  await inChunks(attendees, (data) =>
    prisma.outboxMessage.createMany({
      data: data.map((a) => ({
        conferenceId: conference.id,
        attendeeId: a.id,
        kind: "INVITATION" as const,
        version: 1,
        messageId: `<${a.id}.invitation@hoinghi.local>`,
        toAddress: a.email,
        subject: "Giấy mời hội nghị",
        status: "SENT" as const,
        sentAt: now,
      })),
    }),
  );

  // The hall's entrance and one check-in list per bridge point (what "Tạo danh sách cho các điểm cầu" makes).
  const hall = await prisma.checkinList.create({
    data: { conferenceId: conference.id, name: "Cổng chính", position: 0 },
    select: { id: true },
  });
  await inChunks(
    bridges.map((b, i) => ({ conferenceId: conference.id, name: b.name, bridgePointId: b.id, position: i + 1 })),
    (data) => prisma.checkinList.createMany({ data }),
  );
  // Three in five have arrived: in the hall, or online at their bridge point.
  const present = attendees.filter((_, i) => i % 5 < 3);
  await inChunks(present, (data) =>
    prisma.attendance.createMany({
      data: data.map((a) => ({
        attendeeId: a.id,
        conferenceId: conference.id,
        status: a.bridgePointId ? ("ONLINE" as const) : ("IN_PERSON" as const),
        bridgePointId: a.bridgePointId,
        checkinListId: a.bridgePointId ? null : hall.id,
        checkedInAt: now,
        method: a.bridgePointId ? ("ROLL_CALL" as const) : ("SCAN" as const),
        updatedAt: now,
      })),
    }),
  );
  const document = await prisma.meetingDocument.create({
    data: {
      conferenceId: conference.id,
      position: 0,
      title: "Báo cáo tổng kết công tác cải cách hành chính năm 2026",
      classified: true,
      note: "Nhận bản giấy tại Văn phòng UBND tỉnh",
      publishedAt: now,
    },
    select: { id: true },
  });
  return { id: conference.id, bridgeId: bridges[0]!.id, listId: hall.id, documentId: document.id };
}
