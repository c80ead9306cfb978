import { beforeAll, describe, expect, it } from "vitest";
import { searchAttendees } from "#app/checkin/search.server.ts";
import { prisma } from "#app/database/db.server.ts";

// The scanner's search by name (issue 17: matched, ranked and limited in SQL, never the whole list):
// diacritics and case ignored, organisation searched too, names starting with the first word first,
// revoked invitations and other bridge points left out. On SQLite and on PostgreSQL (npm run test:pg).

let conferenceId: string;
let bridgeA: string;
let bridgeB: string;
let n = 0;

async function attendee(name: string, data: Record<string, unknown> = {}) {
  n += 1;
  return prisma.attendee.create({
    data: {
      conferenceId,
      name,
      email: `timkiem${n}@checkin-search.test`,
      token: `checkin-search-token-${n}`,
      invitationKey: `checkin-search-key-${n}`,
      ...data,
    },
    select: { id: true },
  });
}

const names = async (q: string, bridges: string[] | null = null) =>
  (await searchAttendees(conferenceId, q, bridges)).map((h) => h.name);

beforeAll(async () => {
  // A demo conference nobody is invited to yet: only this file's attendees.
  const c = await prisma.conference.findFirstOrThrow({
    where: { attendees: { none: {} }, bridgePoints: { none: {} } },
    select: { id: true },
  });
  conferenceId = c.id;
  const bridge = (name: string, position: number) =>
    prisma.bridgePoint.create({
      data: { conferenceId, name, position, accessKey: `tim-kiem-${position}`, posterKey: `tim-kiem-p-${position}` },
      select: { id: true },
    });
  bridgeA = (await bridge("Điểm cầu A", 0)).id;
  bridgeB = (await bridge("Điểm cầu B", 1)).id;
  const lan = await attendee("Trần Thị Lan", { organizationName: "UBND xã Hòa Vang", bridgePointId: bridgeA });
  await attendee("Lê Văn Trần", { organizationName: "Sở Nội vụ", bridgePointId: bridgeB });
  await attendee("TRẦN QUỐC TUẤN", { organizationName: "Văn phòng UBND" });
  await attendee("Nguyễn Thị Tràng", { organizationName: "Sở Tài chính" });
  await attendee("Trần Văn Thu Hồi", { revokedAt: new Date() });
  await prisma.attendance.create({
    data: { attendeeId: lan.id, conferenceId, status: "IN_PERSON", method: "SCAN", updatedAt: new Date() },
  });
  for (let i = 0; i < 30; i++) await attendee(`Phạm Văn Đông ${String(i).padStart(2, "0")}`);
});

describe("the scanner's search by name", () => {
  it("ignores diacritics and case, names starting with the word first, then a word of the name", async () => {
    expect(await names("tran")).toEqual(["TRẦN QUỐC TUẤN", "Trần Thị Lan", "Lê Văn Trần", "Nguyễn Thị Tràng"]);
    // Every word anywhere ("tràng" holds "tran"): the name that starts with it first.
    expect(await names("TRẦN thi")).toEqual(["Trần Thị Lan", "Nguyễn Thị Tràng"]);
  });

  it("finds by organisation, says who is present, and leaves revoked invitations out", async () => {
    const hits = await searchAttendees(conferenceId, "hoa vang", null);
    expect(hits).toEqual([expect.objectContaining({ name: "Trần Thị Lan", present: true, walkIn: false })]);
    expect(await names("thu hoi")).toEqual([]);
  });

  it("keeps to the operator's bridge points, and needs two letters", async () => {
    expect(await names("tran", [bridgeB])).toEqual(["Lê Văn Trần"]);
    expect(await names("tran", [])).toEqual([]);
    expect(await names("t")).toEqual([]);
  });

  it("answers at most twenty, in order", async () => {
    const found = await names("dong");
    expect(found).toHaveLength(20);
    expect(found[0]).toBe("Phạm Văn Đông 00");
    expect(found[19]).toBe("Phạm Văn Đông 19");
  });
});
