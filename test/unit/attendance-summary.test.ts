import { describe, expect, it } from "vitest";
import { matchByName, summarize, type AttendeeRow } from "#app/attendance/summary.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { checkinCode, formatCheckinCode, normalizeCheckinCode } from "#app/invitations/checkin-code.ts";

const row = (id: string, over: Partial<AttendeeRow> = {}): AttendeeRow => ({
  id,
  name: id,
  position: "",
  organizationName: "",
  groupId: "g1",
  bridgePointId: null,
  rsvp: "NO_ANSWER",
  walkIn: false,
  substituteForName: null,
  attendance: null,
  ...over,
});
const mark = (status: "IN_PERSON" | "ONLINE" | "ABSENT" | "SUBSTITUTE", bridgePointId: string | null = null) => ({
  status,
  bridgePointId,
  checkedInAt: status === "ABSENT" ? null : "2024-01-18T00:45:00.000Z",
  method: "ROLL_CALL" as const,
  absenceReason: status === "ABSENT" ? "Ốm" : "",
  substituteName: "",
});

describe("attendance figures", () => {
  it("counts invited, confirmed, present (in person, online, substitute), absent and not recorded per group and bridge", () => {
    const s = summarize(
      [
        { id: "g1", label: "Cấp tỉnh" },
        { id: "g2", label: "Cấp huyện" },
      ],
      [{ id: "b1", name: "Điểm cầu A" }],
      [
        row("a", { rsvp: "ACCEPTED", attendance: mark("IN_PERSON") }),
        row("b", { groupId: "g2", bridgePointId: "b1", attendance: mark("ONLINE", "b1") }),
        row("c", { groupId: "g2", bridgePointId: "b1", attendance: mark("ABSENT") }),
        row("d", { groupId: null, rsvp: "ACCEPTED", attendance: mark("SUBSTITUTE") }),
        row("e", { groupId: "g2", bridgePointId: "b1" }),
      ],
    );
    expect(s.total).toEqual({
      invited: 5,
      confirmed: 2,
      present: 3,
      inPerson: 1,
      online: 1,
      substitute: 1,
      absent: 1,
      notRecorded: 1,
    });
    expect(s.byGroup.map((l) => [l.label, l.counts.invited, l.counts.present])).toEqual([
      ["Cấp tỉnh", 1, 1],
      ["Cấp huyện", 3, 1],
      ["Đại biểu khác", 1, 1],
    ]);
    expect(s.byBridge.map((l) => [l.label, l.counts.invited, l.counts.present, l.counts.absent])).toEqual([
      ["Hội trường chính", 2, 2, 0],
      ["Điểm cầu A", 3, 1, 1],
    ]);
  });

  it("counts an attendee present online at another bridge there, and one invited online but present in the hall in the hall", () => {
    const s = summarize(
      [],
      [
        { id: "b1", name: "A" },
        { id: "b2", name: "B" },
      ],
      [
        row("x", { bridgePointId: "b1", attendance: mark("ONLINE", "b2") }),
        row("y", { bridgePointId: "b1", attendance: mark("IN_PERSON") }),
      ],
    );
    expect(s.byBridge.map((l) => [l.label, l.counts.present])).toEqual([
      ["Hội trường chính", 1],
      ["A", 0],
      ["B", 1],
    ]);
  });
});

describe("name search for self check-in", () => {
  const people = [
    { name: "Tôn Nữ Thị Ửng" },
    { name: "Trần Ngọc Sơn" },
    { name: "Hồ Thị Bích Ngọc" },
    { name: "Đoàn Thị Quỳnh" },
    { name: "Nguyễn Thị Ngọc Anh" },
    { name: "Ngô Ngọc Hà" },
    { name: "Lê Ngọc Bảo" },
    { name: "Phạm Ngọc Châu" },
  ];
  it("folds Vietnamese diacritics and đ", () => {
    expect(foldVietnamese("  Đoàn   Thị QUỲNH ")).toBe("doan thi quynh");
    expect(foldVietnamese("Tôn Nữ Thị Ửng")).toBe("ton nu thi ung");
  });
  it("shows nothing before 3 letters, ignores diacritics, at most 5 matches", () => {
    expect(matchByName(people, "ng")).toEqual([]);
    expect(matchByName(people, "n g")).toEqual([]);
    expect(matchByName(people, "doan").map((p) => p.name)).toEqual(["Đoàn Thị Quỳnh"]);
    expect(matchByName(people, "UNG").map((p) => p.name)).toEqual(["Tôn Nữ Thị Ửng"]);
    expect(matchByName(people, "ngọc")).toHaveLength(5);
    // Names that start with the text, then given names that do, come first.
    expect(matchByName(people, "ngoc")[0]!.name).toBe("Hồ Thị Bích Ngọc");
  });
});

describe("short check-in code", () => {
  it("is six characters derived from the invitation key, printed XXX-XXX, and read back from sloppy typing", () => {
    const code = checkinCode("q8vN0n3s1Z0mYcY3g3k1xA");
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    const printed = formatCheckinCode(code);
    expect(printed).toMatch(/^.{3}-.{3}$/);
    expect(normalizeCheckinCode(` ${printed.toLowerCase()} `)).toBe(code);
  });
});
