// The scan decision as a pure function of the rows read (app/checkin/decision.server.ts): the rules both
// databases apply, without a database.
import { describe, expect, it } from "vitest";
import { decideScan } from "#app/checkin/decision.server.ts";
import type { AttendanceRow, ScanFacts } from "#app/checkin/rows.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";

const attendee = {
  id: "a1",
  conferenceId: "c1",
  organizationId: "o1",
  bridgePointId: null,
  name: "Nguyễn Văn A",
  position: "Chuyên viên",
  organizationName: "UBND xã",
  revokedAt: null,
  groupHeading: null,
  groupPosition: null,
  groupFirstLine: null,
  conferenceStatus: "ISSUED",
};

const facts = (over: Partial<ScanFacts> = {}): ScanFacts => ({
  attendee,
  substituteName: null,
  list: { id: "l1", conferenceId: "c1", name: "Cổng chính", bridgePointId: null, bridgeName: null },
  bridge: undefined,
  current: undefined,
  ...over,
});

const now = new Date("2026-12-05T01:00:00.000Z");
const input = (over: Partial<CheckinInput> = {}): CheckinInput => ({
  conferenceId: "c1",
  listId: "l1",
  attendeeId: "a1",
  deviceId: "door-1",
  nonce: "n1",
  scannedAt: now,
  method: "SCAN",
  userId: "u1",
  credentialKey: "k",
  audit: { actor: SYSTEM_ACTOR, action: "attendance.scan" },
  ...over,
});

const present = (checkedInAt: Date, status: AttendanceRow["status"] = "IN_PERSON"): AttendanceRow => ({
  status,
  bridgePointId: null,
  checkinListId: "l1",
  checkedInAt: checkedInAt.toISOString(),
  deviceId: "door-2",
  method: "SCAN",
  absenceReason: "",
  substituteName: "",
  listName: "Cổng chính",
  bridgeName: null,
});

describe("decideScan", () => {
  it("accepts a first scan with its attendance and audit writes", () => {
    const d = decideScan(facts(), input(), now);
    expect(d.response).toMatchObject({ result: "accepted", status: "IN_PERSON", checkedInAt: now.toISOString() });
    expect(d.attendance).toMatchObject({
      attendeeId: "a1",
      status: "IN_PERSON",
      checkinListId: "l1",
      checkedInAt: now,
    });
    expect(d.audit).toMatchObject({ entity: "Attendance", entityId: "a1", action: "attendance.scan" });
  });

  it("a live scan never replaces another, even one recorded a few milliseconds later (two instances' clocks)", () => {
    const d = decideScan(facts({ current: present(new Date(now.getTime() + 5)) }), input(), now);
    expect(d.response.result).toBe("duplicate");
    expect(d.attendance).toBeUndefined();
    expect(d.audit).toBeUndefined();
  });

  it("an earlier offline scan takes over a later record; a later one is a duplicate", () => {
    const offline = input({ scannedAt: new Date(now.getTime() - 600_000), sentAt: now });
    const later = decideScan(facts({ current: present(new Date(now.getTime() - 60_000)) }), offline, now);
    expect(later.response.result).toBe("accepted");
    expect(later.attendance?.checkedInAt).toEqual(new Date(now.getTime() - 600_000));
    const earlier = decideScan(facts({ current: present(new Date(now.getTime() - 900_000)) }), offline, now);
    expect(earlier.response.result).toBe("duplicate");
  });

  it("refuses revoked (naming the substitute), another conference's and another bridge's attendees, writing nothing", () => {
    const revoked = decideScan(
      facts({ attendee: { ...attendee, revokedAt: "2026-12-01 00:00:00" }, substituteName: "Trần Thị B" }),
      input(),
      now,
    );
    expect(revoked.response).toMatchObject({ result: "rejected", reason: "revoked" });
    expect(revoked.response.message).toContain("Trần Thị B");
    expect(decideScan(facts({ attendee: { ...attendee, conferenceId: "c2" } }), input(), now).response).toMatchObject({
      reason: "other-conference",
    });
    const other = decideScan(facts(), input({ onlyBridgePointId: "b9" }), now);
    expect(other.response).toMatchObject({ reason: "other-bridge" });
    expect(other.response).not.toHaveProperty("attendee");
    expect(decideScan(facts({ attendee: undefined }), input(), now).response).toMatchObject({
      reason: "unknown-attendee",
    });
    for (const d of [revoked, other]) expect(d.attendance ?? d.audit).toBeUndefined();
  });
});
