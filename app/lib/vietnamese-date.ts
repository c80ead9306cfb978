import { DateTime } from "luxon";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.
export function ndDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
export function ndMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

const BLANK = "   ";

/** "Quảng Nam, ngày 04 tháng 01 năm 2024"; unknown parts stay blank as on a draft. */
export function formatPlaceAndDate(
  place: string,
  day: number | null,
  month: number | null,
  year: number | null,
): string {
  const d = day ? ndDay(day) : BLANK;
  const m = month ? ndMonth(month) : BLANK;
  const y = year ? String(year) : BLANK;
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "ngày 04 tháng 01 năm 2024" in Vietnam's time zone. */
export function formatDate(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: TIME_ZONE });
  return `ngày ${ndDay(dt.day)} tháng ${ndMonth(dt.month)} năm ${dt.year}`;
}

/** "14 giờ 00, ngày 04 tháng 01 năm 2024" in Vietnam's time zone. */
export function formatDateTime(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: TIME_ZONE });
  return `${dt.toFormat("HH")} giờ ${dt.toFormat("mm")}, ${formatDate(date)}`;
}

export function formatTime(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: TIME_ZONE });
  return `${dt.toFormat("HH")} giờ ${dt.toFormat("mm")}`;
}

/** Value for <input type="datetime-local"> showing Vietnam's local time. */
export function toLocalInputValue(date: Date | null | undefined): string {
  if (!date) return "";
  return DateTime.fromJSDate(date, { zone: TIME_ZONE }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Parses "2024-06-15T08:00" as Vietnam's local time; null when it is not a valid time. */
export function fromLocalInputValue(value: string): Date | null {
  const dt = DateTime.fromISO(value, { zone: TIME_ZONE });
  return dt.isValid ? dt.toJSDate() : null;
}

/** "2024-06-15" as midnight in Vietnam; null when invalid. */
export function fromLocalDateValue(value: string): Date | null {
  const dt = DateTime.fromISO(value, { zone: TIME_ZONE });
  return dt.isValid ? dt.startOf("day").toJSDate() : null;
}

export function toLocalDateValue(date: Date | null | undefined): string {
  if (!date) return "";
  return DateTime.fromJSDate(date, { zone: TIME_ZONE }).toFormat("yyyy-LL-dd");
}

export function daysInMonth(month: number, year: number): number {
  return DateTime.fromObject({ year, month }, { zone: TIME_ZONE }).daysInMonth ?? 31;
}

/** "ngày 04 tháng 01 năm 2024 lúc 09:15" in Vietnam's time zone (the audit trail's times). */
export function formatDateAtTime(date: Date): string {
  const dt = DateTime.fromJSDate(date, { zone: TIME_ZONE });
  return `${formatDate(date)} lúc ${dt.toFormat("HH:mm")}`;
}
