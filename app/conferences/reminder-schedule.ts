// When a scheduled reminder goes out, from its rule and the conference's start (pure: no database, no
// clock of its own). Rules are stored as text on ScheduledReminder.rule:
//   "DAY_BEFORE@16:00"    the afternoon before, at that local time (Asia/Ho_Chi_Minh)
//   "MINUTES_BEFORE:120"  that many minutes before the opening
//   "AT"                  a fixed time chosen by the organiser (kept in sendAt; it does not follow the start)
// The plans (a start time that moves) and the invitations (scheduling, sending) both use it.

import { DateTime } from "luxon";

const ZONE = "Asia/Ho_Chi_Minh";

export type ReminderRule =
  { kind: "DAY_BEFORE"; hour: number; minute: number } | { kind: "MINUTES_BEFORE"; minutes: number } | { kind: "AT" };

/** The refusals, worded for the organiser (shown on the time field of the form). */
export const REMINDER_REFUSAL = {
  past: "Thời điểm nhắc đã qua.",
  afterStart: "Thời điểm nhắc phải trước giờ khai mạc.",
  noStart: "Hội nghị chưa có giờ khai mạc.",
  nobody: "Chưa chọn người nhận.",
  badRule: "Cách hẹn giờ nhắc không hợp lệ.",
} as const;

/** The rule's stored text. */
export function ruleText(rule: ReminderRule): string {
  const two = (n: number) => String(n).padStart(2, "0");
  if (rule.kind === "DAY_BEFORE") return `DAY_BEFORE@${two(rule.hour)}:${two(rule.minute)}`;
  if (rule.kind === "MINUTES_BEFORE") return `MINUTES_BEFORE:${rule.minutes}`;
  return "AT";
}

/** The stored text read back; null when it is not a rule. */
export function parseRule(text: string): ReminderRule | null {
  if (text === "AT") return { kind: "AT" };
  const day = /^DAY_BEFORE@([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (day) return { kind: "DAY_BEFORE", hour: Number(day[1]), minute: Number(day[2]) };
  const before = /^MINUTES_BEFORE:(\d{1,6})$/.exec(text);
  if (before && Number(before[1]) > 0) return { kind: "MINUTES_BEFORE", minutes: Number(before[1]) };
  return null;
}

/** "Chiều hôm trước lúc 16:00", "Trước giờ khai mạc 2 giờ", "Trước giờ khai mạc 45 phút", "Vào thời điểm đã chọn". */
export function ruleLabel(text: string): string {
  const rule = parseRule(text);
  if (!rule) return text;
  if (rule.kind === "DAY_BEFORE") {
    const at = ruleText(rule).slice("DAY_BEFORE@".length);
    return rule.hour >= 12 ? `Chiều hôm trước lúc ${at}` : `Hôm trước lúc ${at}`;
  }
  if (rule.kind === "MINUTES_BEFORE") {
    const m = rule.minutes;
    if (m % 1440 === 0) return `Trước giờ khai mạc ${m / 1440} ngày`;
    if (m % 60 === 0) return `Trước giờ khai mạc ${m / 60} giờ`;
    return `Trước giờ khai mạc ${m} phút`;
  }
  return "Vào thời điểm đã chọn";
}

/**
 * The send time the rule gives for this start, in Vietnam's time zone: the day before at HH:MM local
 * (across month and year ends), or N minutes before. "AT" keeps the time it was given (`fixedAt`).
 */
export function ruleSendAt(rule: ReminderRule, startsAt: Date, fixedAt: Date | null = null): Date | null {
  if (rule.kind === "AT") return fixedAt;
  if (rule.kind === "MINUTES_BEFORE") return new Date(startsAt.getTime() - rule.minutes * 60_000);
  const start = DateTime.fromJSDate(startsAt, { zone: ZONE });
  return start.minus({ days: 1 }).set({ hour: rule.hour, minute: rule.minute, second: 0, millisecond: 0 }).toJSDate();
}

export type ScheduleAnswer = { ok: true; sendAt: Date } | { ok: false; message: string };

/** Whether a reminder at `sendAt` may be kept for a conference starting at `startsAt`, seen at `now`. */
export function checkSendAt(sendAt: Date, startsAt: Date | null, now: Date): ScheduleAnswer {
  if (!startsAt) return { ok: false, message: REMINDER_REFUSAL.noStart };
  if (sendAt.getTime() >= startsAt.getTime()) return { ok: false, message: REMINDER_REFUSAL.afterStart };
  if (sendAt.getTime() <= now.getTime()) return { ok: false, message: REMINDER_REFUSAL.past };
  return { ok: true, sendAt };
}

/** A new reminder's send time from its rule (and, for "AT", the chosen time), or the refusal. */
export function scheduleReminder(input: {
  rule: string;
  startsAt: Date | null;
  fixedAt?: Date | null;
  now: Date;
}): ScheduleAnswer {
  const rule = parseRule(input.rule);
  if (!rule) return { ok: false, message: REMINDER_REFUSAL.badRule };
  if (!input.startsAt) return { ok: false, message: REMINDER_REFUSAL.noStart };
  const sendAt = ruleSendAt(rule, input.startsAt, input.fixedAt ?? null);
  if (!sendAt || Number.isNaN(sendAt.getTime())) return { ok: false, message: REMINDER_REFUSAL.badRule };
  return checkSendAt(sendAt, input.startsAt, input.now);
}

/** What happens to one still-scheduled reminder when the start moves. */
export type Rescheduled = { id: string; sendAt: Date; skip: null } | { id: string; sendAt: Date; skip: string };

/**
 * The scheduled reminders after the start moved: each rule gives its new time; one that moves into the
 * past, or falls at/after the new start (or has no start any more), is skipped with the reason. Rows
 * whose time does not change and stays before the start are left out.
 */
export function reschedule(
  rows: ReadonlyArray<{ id: string; rule: string; sendAt: Date }>,
  startsAt: Date | null,
  now: Date,
): Rescheduled[] {
  const out: Rescheduled[] = [];
  for (const row of rows) {
    const rule = parseRule(row.rule);
    const sendAt = (rule && startsAt ? ruleSendAt(rule, startsAt, row.sendAt) : null) ?? row.sendAt;
    const moved = sendAt.getTime() !== row.sendAt.getTime();
    // One that did not move and is merely due is the sender's to queue, not a casualty of the edit.
    const check = checkSendAt(sendAt, startsAt, moved ? now : new Date(0));
    if (!check.ok) out.push({ id: row.id, sendAt, skip: `Giờ khai mạc thay đổi: ${check.message}` });
    else if (moved) out.push({ id: row.id, sendAt, skip: null });
  }
  return out;
}
