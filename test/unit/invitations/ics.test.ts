import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildInvitationIcs, PRODID, type InvitationIcsData } from "#app/invitations/ics.ts";

const TRICKY = "Hội nghị; tổng kết, năm 2023\nDòng 2";

function sample(overrides: Partial<InvitationIcsData> = {}): InvitationIcsData {
  return {
    method: "REQUEST",
    uid: "inv-att_01@hoinghi.local",
    sequence: 0,
    organizer: { name: "UBND tỉnh Quảng Nam", email: "vanphong@quangnam.gov.vn" },
    attendee: { name: "Nguyễn Thị Ánh", email: "anh.nt@quangnam.gov.vn" },
    summary: "Hội nghị công bố Chỉ số CCHC năm 2023",
    description: "Công bố kết quả Chỉ số CCHC, SIPAS.\n\nXác nhận tham dự: https://hoinghi.example/i/abc",
    location: "Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ",
    url: "https://hoinghi.example/i/abc",
    // 09:00–11:30 on 10 January 2024 in Vietnam = 02:00Z–04:30Z.
    startsAt: new Date("2024-01-10T02:00:00Z"),
    endsAt: new Date("2024-01-10T04:30:00Z"),
    stamp: new Date("2024-01-04T03:04:05Z"),
    ...overrides,
  };
}

function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const vevent = root.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { root, vevent, event: new ICAL.Event(vevent) };
}

describe("ICS meeting request", () => {
  it("writes a 09:00 meeting as 09:00 local time in Asia/Ho_Chi_Minh with a VTIMEZONE", () => {
    const ics = buildInvitationIcs(sample());
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20240110T090000");
    expect(ics).toContain("DTEND;TZID=Asia/Ho_Chi_Minh:20240110T113000");
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh");
    expect(ics).toMatch(/\r\n$/);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const { root, vevent, event } = parse(ics);
    expect(root.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Ho_Chi_Minh");
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Ho_Chi_Minh");
    expect(event.startDate.zone?.tzid).toBe("Asia/Ho_Chi_Minh");
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 0]);
    expect(event.startDate.toJSDate().toISOString()).toBe("2024-01-10T02:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2024-01-10T04:30:00.000Z");
  });

  it("writes DTSTAMP in UTC", () => {
    const ics = buildInvitationIcs(sample());
    expect(ics).toContain("DTSTAMP:20240104T030405Z");
    const { vevent } = parse(ics);
    const stamp = vevent.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe("2024-01-04T03:04:05.000Z");
  });

  it("carries METHOD, SEQUENCE, UID, ORGANIZER, ATTENDEE with RSVP, STATUS, URL and a VALARM", () => {
    const ics = buildInvitationIcs(sample({ sequence: 3 }));
    const { root, vevent, event } = parse(ics);
    expect(root.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.sequence).toBe(3);
    expect(event.uid).toBe("inv-att_01@hoinghi.local");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://hoinghi.example/i/abc");
    expect(event.location).toBe("Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ");
    expect(event.description).toBe(
      "Công bố kết quả Chỉ số CCHC, SIPAS.\n\nXác nhận tham dự: https://hoinghi.example/i/abc",
    );

    const organizer = vevent.getFirstProperty("organizer")!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe("mailto:vanphong@quangnam.gov.vn");
    expect(organizer.getParameter("cn")).toBe("UBND tỉnh Quảng Nam");

    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0]!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:anh.nt@quangnam.gov.vn");
    expect(attendee.getParameter("cn")).toBe("Nguyễn Thị Ánh");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
    expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");

    const alarms = vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue("action")).toBe("DISPLAY");
    const trigger = alarms[0]!.getFirstPropertyValue("trigger") as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-60 * 60);
  });

  it("takes another alarm time, or none", () => {
    const thirty = parse(buildInvitationIcs(sample({ alarmMinutesBefore: 30 }))).vevent.getFirstSubcomponent("valarm")!;
    expect((thirty.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-30 * 60);
    expect(
      parse(buildInvitationIcs(sample({ alarmMinutesBefore: 0 }))).vevent.getAllSubcomponents("valarm"),
    ).toHaveLength(0);
  });

  it("escapes commas, semicolons and newlines in text and round-trips them", () => {
    const ics = buildInvitationIcs(
      sample({
        summary: TRICKY,
        location: "Phòng họp số 2; tầng 3, nhà A",
        description: "Dòng 1\nDòng 2; còn nữa, hết",
      }),
    );
    expect(ics).toContain("SUMMARY:Hội nghị\\; tổng kết\\, năm 2023\\nDòng 2\r\n");
    expect(ics).not.toMatch(/^Dòng 2/m);
    const { event } = parse(ics);
    expect(event.summary).toBe(TRICKY);
    expect(event.location).toBe("Phòng họp số 2; tầng 3, nhà A");
    expect(event.description).toBe("Dòng 1\nDòng 2; còn nữa, hết");
  });

  it("keeps a display name with line breaks and quotes on its property line", () => {
    const ics = buildInvitationIcs(
      sample({ attendee: { name: 'Trần "Bình"\r\nATTENDEE:mailto:evil@x', email: "binh@x.vn" } }),
    );
    expect(ics).not.toMatch(/^ATTENDEE:mailto:evil/im);
    const { vevent } = parse(ics);
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe("mailto:binh@x.vn");
    expect(attendees[0]!.getParameter("cn")).toBe("Trần 'Bình' ATTENDEE:mailto:evil@x");
  });

  it("gives METHOD:CANCEL and STATUS:CANCELLED for a cancellation, same UID, no alarm", () => {
    const ics = buildInvitationIcs(sample({ method: "CANCEL", sequence: 2 }));
    expect(ics).toContain("METHOD:CANCEL\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    const { root, vevent, event } = parse(ics);
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe("inv-att_01@hoinghi.local");
    expect(event.sequence).toBe(2);
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(0);
  });

  it("does not depend on the server's time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      const ics = buildInvitationIcs(sample());
      expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20240110T090000");
      expect(ics).toContain("DTSTAMP:20240104T030405Z");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

// The calendar used to be written by ical-generator; the writer must say the same thing. Its output is
// the oracle here (unfolded, since the two fold long lines at different points), built as the app
// built it before, for inputs with every character TEXT escapes, long Vietnamese lines, a cancellation,
// other alarm lead times and none.
function icalGeneratorIcs(data: InvitationIcsData): string {
  const calendar = ical({
    prodId: PRODID,
    method: data.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const alarmMinutes = data.alarmMinutesBefore ?? 60;
  const oneLine = (v: string) =>
    v
      .replace(/[\r\n]+/g, " ")
      .replace(/"/g, "'")
      .trim();
  calendar.createEvent({
    id: data.uid,
    sequence: data.sequence,
    stamp: DateTime.fromJSDate(data.stamp, { zone: "utc" }),
    start: DateTime.fromJSDate(data.startsAt, { zone: "Asia/Ho_Chi_Minh" }),
    end: DateTime.fromJSDate(data.endsAt, { zone: "Asia/Ho_Chi_Minh" }),
    timezone: "Asia/Ho_Chi_Minh",
    summary: data.summary,
    description: data.description,
    location: data.location,
    url: data.url,
    status: data.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: oneLine(data.organizer.name), email: data.organizer.email },
    attendees: [
      {
        name: oneLine(data.attendee.name),
        email: data.attendee.email,
        rsvp: true,
        status: ICalAttendeeStatus.NEEDSACTION,
        role: ICalAttendeeRole.REQ,
      },
    ],
    alarms:
      data.method === "CANCEL" || alarmMinutes <= 0
        ? []
        : [{ type: ICalAlarmType.display, triggerBefore: alarmMinutes * 60, description: data.summary }],
  });
  return calendar.toString();
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").replace(/\r\n$/, "");

describe("ICS writer against ical-generator", () => {
  const LONG = "Ủy ban nhân dân tỉnh Quảng Nam; Sở Nội vụ, Văn phòng Ủy ban nhân dân tỉnh ".repeat(6);
  const cases: Array<[string, Partial<InvitationIcsData>]> = [
    ["the sample", {}],
    ["escapes and line breaks", { summary: TRICKY, location: "A; B, C\\D", description: "Dòng 1\r\nDòng 2\rDòng 3" }],
    ["long Vietnamese lines", { summary: LONG, description: LONG, location: LONG }],
    ["quotes and breaks in names", { attendee: { name: 'Lê "Văn"\nTám', email: "tam@x.vn" } }],
    ["an update", { sequence: 3, stamp: new Date("2024-01-05T23:59:59.999Z") }],
    ["a cancellation", { method: "CANCEL", sequence: 2 }],
    ["90 minutes before", { alarmMinutesBefore: 90 }],
    ["a day before", { alarmMinutesBefore: 1440 }],
    ["15 minutes before", { alarmMinutesBefore: 15 }],
    ["no alarm", { alarmMinutesBefore: 0 }],
    ["an emoji", { summary: "Hội nghị 🎉 tổng kết" }],
  ];
  for (const [name, overrides] of cases) {
    it(`says the same for ${name}`, () => {
      const data = sample(overrides);
      const ours = buildInvitationIcs(data);
      expect(unfold(ours)).toBe(unfold(icalGeneratorIcs(data)));
      expect(ours.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      // Folding never cuts a UTF-8 character: every line decodes back to itself.
      for (const line of ours.split("\r\n")) expect(Buffer.from(line).toString("utf8")).toBe(line);
      expect(parse(ours).event.summary).toBe(data.summary);
    });
  }
});
