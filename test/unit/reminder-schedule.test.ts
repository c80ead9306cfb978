import { describe, expect, it } from "vitest";
import {
  parseRule,
  REMINDER_REFUSAL,
  reschedule,
  ruleLabel,
  ruleSendAt,
  ruleText,
  scheduleReminder,
} from "#app/conferences/reminder-schedule.ts";
import { reminderRule, reminderSchema } from "#app/invitations/scheduled-reminders-form.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

const vn = (s: string) => new Date(`${s}+07:00`);

describe("reminder send time (Asia/Ho_Chi_Minh)", () => {
  it("DAY_BEFORE@16:00 is 16:00 local the day before, across a month and a year boundary", () => {
    const day = parseRule("DAY_BEFORE@16:00")!;
    expect(ruleSendAt(day, vn("2024-01-18T08:00:00"))).toEqual(vn("2024-01-17T16:00:00"));
    // 1 March 2024 (leap year) → 29 February.
    expect(ruleSendAt(day, vn("2024-03-01T08:00:00"))).toEqual(vn("2024-02-29T16:00:00"));
    expect(ruleSendAt(day, vn("2025-01-01T07:30:00"))).toEqual(vn("2024-12-31T16:00:00"));
    // A start at 06:30 local is still the previous UTC day: the local day decides.
    expect(ruleSendAt(day, vn("2024-06-01T06:30:00"))).toEqual(vn("2024-05-31T16:00:00"));
    expect(formatDateTime(ruleSendAt(day, vn("2024-01-18T08:00:00"))!)).toBe("16 giờ 00, ngày 17 tháng 01 năm 2024");
  });

  it("any HH:MM, and minutes before the opening", () => {
    expect(ruleSendAt(parseRule("DAY_BEFORE@09:05")!, vn("2024-01-18T08:00:00"))).toEqual(vn("2024-01-17T09:05:00"));
    expect(ruleSendAt(parseRule("MINUTES_BEFORE:120")!, vn("2024-01-18T08:00:00"))).toEqual(vn("2024-01-18T06:00:00"));
    expect(ruleSendAt(parseRule("MINUTES_BEFORE:4320")!, vn("2024-01-18T08:00:00"))).toEqual(vn("2024-01-15T08:00:00"));
  });

  it("reads and writes rules, and names them", () => {
    expect(ruleText({ kind: "DAY_BEFORE", hour: 7, minute: 5 })).toBe("DAY_BEFORE@07:05");
    expect(ruleText({ kind: "MINUTES_BEFORE", minutes: 90 })).toBe("MINUTES_BEFORE:90");
    for (const bad of ["DAY_BEFORE@24:00", "DAY_BEFORE@16", "MINUTES_BEFORE:0", "MINUTES_BEFORE:-5", "SOON"])
      expect(parseRule(bad)).toBeNull();
    expect(ruleLabel("DAY_BEFORE@16:00")).toBe("Chiều hôm trước lúc 16:00");
    expect(ruleLabel("MINUTES_BEFORE:120")).toBe("Trước giờ khai mạc 2 giờ");
    expect(ruleLabel("MINUTES_BEFORE:45")).toBe("Trước giờ khai mạc 45 phút");
    expect(ruleLabel("MINUTES_BEFORE:4320")).toBe("Trước giờ khai mạc 3 ngày");
  });

  it("refuses a time in the past, at or after the start, and a conference without a start", () => {
    const startsAt = vn("2024-01-18T08:00:00");
    const at = (now: string, rule: string, fixedAt?: Date) =>
      scheduleReminder({ rule, startsAt, fixedAt, now: vn(now) });
    expect(at("2024-01-17T16:00:00", "DAY_BEFORE@16:00")).toEqual({ ok: false, message: REMINDER_REFUSAL.past });
    expect(at("2024-01-17T15:59:00", "DAY_BEFORE@16:00")).toEqual({ ok: true, sendAt: vn("2024-01-17T16:00:00") });
    expect(at("2024-01-10T00:00:00", "AT", startsAt)).toEqual({ ok: false, message: REMINDER_REFUSAL.afterStart });
    expect(at("2024-01-10T00:00:00", "AT", vn("2024-01-18T09:00:00")).ok).toBe(false);
    expect(at("2024-01-10T00:00:00", "AT", vn("2024-01-18T07:59:00")).ok).toBe(true);
    expect(scheduleReminder({ rule: "MINUTES_BEFORE:30", startsAt: null, now: vn("2024-01-10T00:00:00") })).toEqual({
      ok: false,
      message: "Hội nghị chưa có giờ khai mạc.",
    });
    expect(REMINDER_REFUSAL).toMatchObject({
      past: "Thời điểm nhắc đã qua.",
      afterStart: "Thời điểm nhắc phải trước giờ khai mạc.",
      nobody: "Chưa chọn người nhận.",
    });
  });

  it("follows a moved start: moved rows get their new time, those out of range are skipped", () => {
    const rows = [
      { id: "a", rule: "DAY_BEFORE@16:00", sendAt: vn("2024-01-17T16:00:00") },
      { id: "b", rule: "MINUTES_BEFORE:120", sendAt: vn("2024-01-18T06:00:00") },
      { id: "c", rule: "AT", sendAt: vn("2024-01-18T07:00:00") },
    ];
    const now = vn("2024-01-15T10:00:00");
    // One day later: a and b move, c stays (a fixed time) and is still before the start.
    expect(reschedule(rows, vn("2024-01-19T08:00:00"), now)).toEqual([
      { id: "a", sendAt: vn("2024-01-18T16:00:00"), skip: null },
      { id: "b", sendAt: vn("2024-01-19T06:00:00"), skip: null },
    ]);
    // Earlier to 06:30 on the 18th: c (07:00) is now after the start; a and b move.
    const earlier = reschedule(rows, vn("2024-01-18T06:30:00"), now);
    expect(earlier.find((r) => r.id === "c")?.skip).toBe(
      "Giờ khai mạc thay đổi: Thời điểm nhắc phải trước giờ khai mạc.",
    );
    // Moved into the past.
    const past = reschedule(rows, vn("2024-01-15T11:00:00"), now);
    expect(past.find((r) => r.id === "a")?.skip).toBe("Giờ khai mạc thay đổi: Thời điểm nhắc đã qua.");
    // The start unchanged: nothing to do, even for a row that is merely due.
    expect(reschedule(rows, vn("2024-01-18T08:00:00"), vn("2024-01-18T06:30:00"))).toEqual([]);
  });
});

describe("the scheduling form", () => {
  const base = { subject: "Nhắc lịch", body: "Kính mời", audience: "ACCEPTED" };
  it("turns presets into rules", () => {
    const v = reminderSchema.parse({ ...base, preset: "MINUTES_BEFORE", before: 2, beforeUnit: "HOURS" });
    expect(reminderRule(v)).toEqual({ rule: "MINUTES_BEFORE:120", fixedAt: null });
    const d = reminderSchema.parse({ ...base, preset: "DAY_BEFORE", dayBeforeTime: "16:30" });
    expect(reminderRule(d).rule).toBe("DAY_BEFORE@16:30");
    const a = reminderSchema.parse({ ...base, preset: "AT", at: "2024-01-17T09:00" });
    expect(reminderRule(a).fixedAt).toEqual(vn("2024-01-17T09:00:00"));
  });
  it("refuses on the field: empty subject and text, a bad time, nobody chosen", () => {
    const r = reminderSchema.safeParse({
      preset: "DAY_BEFORE",
      dayBeforeTime: "25:00",
      subject: " ",
      body: "",
      audience: "CHOSEN",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["subject", "body", "dayBeforeTime", "attendeeIds"]));
    expect(r.error!.issues.find((i) => i.path[0] === "attendeeIds")?.message).toBe("Chưa chọn người nhận.");
  });
});
