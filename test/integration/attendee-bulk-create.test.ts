// createAttendees writes a list in multi-row statements (issue 15, goal 6): every row is there with its
// own valid token, one audit record describes the list, and a failure anywhere leaves nothing behind.
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";
import { signingKeys } from "#app/invitations/signing.server.ts";
import { conferenceKeyFor, conferenceKeyString, verifyToken } from "#app/invitations/tokens.server.ts";

let conferenceId: string;
let groupId: string;
let bridgeId: string;

const person = (i: number, over: Partial<AttendeeValues> = {}): AttendeeValues => ({
  name: `Nguyễn Thị Thử ${i}`,
  position: i % 2 ? "Chủ tịch UBND" : "",
  organizationName: `UBND xã Thử Nghiệm ${i % 7}`,
  email: `thu${String(i).padStart(5, "0")}@quangnam.hoinghi.local`,
  phone: i % 3 ? `0235 38${String(i).padStart(4, "0")}` : "",
  groupId: i % 4 === 0 ? groupId : undefined,
  bridgePointId: i % 5 === 0 ? bridgeId : undefined,
  ...over,
});

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND tỉnh Quảng Nam" },
    select: { id: true },
  });
  const c = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Tổ chức Hội nghị thử nhập danh sách lớn",
      issuePlace: "Quảng Nam",
      issueYear: 2026,
      attendeeGroups: { create: [{ position: 0, heading: "Cấp xã" }] },
      bridgePoints: { create: [{ position: 0, name: "Điểm cầu UBND xã Tam Thăng" }] },
    },
    select: { id: true, attendeeGroups: { select: { id: true } }, bridgePoints: { select: { id: true } } },
  });
  conferenceId = c.id;
  groupId = c.attendeeGroups[0]!.id;
  bridgeId = c.bridgePoints[0]!.id;
});

describe("createAttendees with a list", () => {
  it("writes 2,500 people (three statements) with their fields, distinct valid tokens and one audit record", async () => {
    const values = Array.from({ length: 2_500 }, (_, i) => person(i));
    expect(await createAttendees(SYSTEM_ACTOR, conferenceId, values, { kind: "file", fileName: "dai-bieu.xlsx" })).toBe(
      2_500,
    );
    const rows = await prisma.attendee.findMany({
      where: { conferenceId },
      orderBy: { email: "asc" },
      select: {
        name: true,
        position: true,
        organizationName: true,
        email: true,
        phone: true,
        groupId: true,
        bridgePointId: true,
        token: true,
        invitationKey: true,
        rsvp: true,
      },
    });
    expect(rows).toHaveLength(2_500);
    expect(rows[7]).toMatchObject({
      name: "Nguyễn Thị Thử 7",
      position: "Chủ tịch UBND",
      organizationName: "UBND xã Thử Nghiệm 0",
      email: "thu00007@quangnam.hoinghi.local",
      phone: "0235 380007",
      groupId: null,
      bridgePointId: null,
      rsvp: "NO_ANSWER",
    });
    expect(rows[20]).toMatchObject({ groupId, bridgePointId: bridgeId, phone: "0235 380020", position: "" });
    expect(new Set(rows.map((r) => r.token)).size).toBe(2_500);
    const key = conferenceKeyString(conferenceKeyFor(conferenceId));
    for (const r of rows) {
      const verified = verifyToken(signingKeys().publicKey, r.token);
      expect(verified.ok && conferenceKeyString(verified.conferenceKey) === key && verified.invitationKey === r.invitationKey).toBe(true);
    }
    // The attendee list's order (createdAt, then id) is the file's order, and the stored time reads back.
    const listed = await prisma.attendee.findMany({
      where: { conferenceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { email: true, createdAt: true },
    });
    expect(listed.map((r) => r.email)).toEqual(values.map((v) => v.email));
    expect(Math.abs(listed[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const audit = await prisma.auditEvent.findMany({
      where: { conferenceId, action: "attendee.import" },
      select: { summary: true },
    });
    expect(audit).toEqual([{ summary: "Thêm 2500 đại biểu từ tệp “dai-bieu.xlsx”" }]);
  });

  it("writes nothing, not even the rows before the failing one, when a later row cannot be stored", async () => {
    const before = await prisma.attendee.count({ where: { conferenceId } });
    const audits = await prisma.auditEvent.count({ where: { conferenceId } });
    // Row 1,800 (in the second statement) repeats an e-mail already invited: the unique index refuses it.
    const values = Array.from({ length: 2_000 }, (_, i) =>
      person(10_000 + i, i === 1_800 ? { email: "thu00003@quangnam.hoinghi.local" } : {}),
    );
    await expect(
      createAttendees(SYSTEM_ACTOR, conferenceId, values, { kind: "file", fileName: "lan-hai.xlsx" }),
    ).rejects.toThrow();
    expect(await prisma.attendee.count({ where: { conferenceId } })).toBe(before);
    expect(await prisma.auditEvent.count({ where: { conferenceId } })).toBe(audits);
  });
});
