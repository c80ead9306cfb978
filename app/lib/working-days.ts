// Working days in Vietnam (Monday to Friday, less the days off of vn-public-holidays.ts, plus the
// Saturdays worked in exchange), and the deadlines of Decision 45/2018/QĐ-TTg on the meeting regime:
// documents reach attendees at least three working days before a meeting (Art. 13), the conclusion
// notice is issued within five working days after it (Art. 19). The meeting day itself is not counted.
// Dates are calendar days in Asia/Ho_Chi_Minh as "YYYY-MM-DD".
import { DateTime } from "luxon";
import { TIME_ZONE } from "#app/lib/vietnamese-date.ts";
import { FIXED_SOLAR_HOLIDAYS, VN_HOLIDAYS, type HolidayYear } from "#app/lib/vn-public-holidays.ts";

export const DOCUMENTS_LEAD_WORKING_DAYS = 3;
export const CONCLUSION_WORKING_DAYS = 5;

export interface HolidayCalendar {
  years: readonly HolidayYear[];
}

const DEFAULT_CALENDAR: HolidayCalendar = { years: VN_HOLIDAYS };

function yearOf(calendar: HolidayCalendar, year: number): HolidayYear | undefined {
  return calendar.years.find((y) => y.year === year);
}

/** The calendar day of an instant in Vietnam: "2026-02-10". */
export function localDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE }).toISODate()!;
}

function parse(date: string): DateTime {
  const d = DateTime.fromISO(date, { zone: TIME_ZONE });
  if (!d.isValid) throw new RangeError(`Not a date: ${date}`);
  return d.startOf("day");
}

/** Whether the year's days off are known (listed), rather than weekends and solar holidays only. */
export function calendarComplete(year: number, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  return yearOf(calendar, year) !== undefined;
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  const d = parse(date);
  const iso = d.toISODate()!;
  const listed = yearOf(calendar, d.year);
  if (listed?.workingWeekends.includes(iso)) return true;
  if (d.weekday >= 6) return false;
  if (listed) return !listed.daysOff.includes(iso);
  return !(FIXED_SOLAR_HOLIDAYS as readonly string[]).includes(iso.slice(5));
}

/**
 * The working day `n` working days after `date` (before it when n is negative); `date` itself is not
 * counted. addWorkingDays("2026-02-13", -3) is "2026-02-10": Friday the 13th, Tết from the 16th.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar = DEFAULT_CALENDAR): string {
  let d = parse(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  while (left > 0) {
    d = d.plus({ days: step });
    if (isWorkingDay(d.toISODate()!, calendar)) left--;
  }
  return d.toISODate()!;
}

/** Working days from `deadline` to `date` (0 when `date` is on or before the deadline). */
export function workingDaysLate(date: string, deadline: string, calendar: HolidayCalendar = DEFAULT_CALENDAR): number {
  let d = parse(deadline);
  const end = parse(date);
  let late = 0;
  while (d < end) {
    d = d.plus({ days: 1 });
    if (isWorkingDay(d.toISODate()!, calendar)) late++;
  }
  return late;
}

export interface Deadline {
  /** The last day, "YYYY-MM-DD". */
  due: string;
  /** Working days late on `on` (0 when in time). */
  late: number;
  /** False when a year involved has no listed holidays: only weekends and solar holidays were skipped. */
  complete: boolean;
}

function deadline(from: Date, n: number, on: Date, calendar: HolidayCalendar): Deadline {
  const start = localDate(from);
  const due = addWorkingDays(start, n, calendar);
  const today = localDate(on);
  const years = new Set([start, due, today].map((d) => Number(d.slice(0, 4))));
  return {
    due,
    late: workingDaysLate(today, due, calendar),
    complete: [...years].every((y) => calendarComplete(y, calendar)),
  };
}

/** Documents are due three working days before the meeting starts (Decision 45/2018, Art. 13). */
export function documentsDeadline(startsAt: Date, on: Date, calendar: HolidayCalendar = DEFAULT_CALENDAR): Deadline {
  return deadline(startsAt, -DOCUMENTS_LEAD_WORKING_DAYS, on, calendar);
}

/** The conclusion notice is due five working days after the meeting (Decision 45/2018, Art. 19). */
export function conclusionDeadline(endedAt: Date, on: Date, calendar: HolidayCalendar = DEFAULT_CALENDAR): Deadline {
  return deadline(endedAt, CONCLUSION_WORKING_DAYS, on, calendar);
}

/** "(chưa có lịch nghỉ lễ năm 2028: …)" when the deadline could not skip the lunar holidays. */
export function incompleteCalendarNote(d: Deadline, years: number[]): string {
  if (d.complete) return "";
  const missing = years.filter((y) => !calendarComplete(y));
  return `(chưa có lịch nghỉ lễ năm ${missing.join(", ")}: chỉ trừ thứ Bảy, Chủ nhật và ngày lễ dương lịch)`;
}
