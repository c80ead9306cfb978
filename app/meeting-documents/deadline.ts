// The three-working-day rule of Decision 45/2018/QĐ-TTg (Art. 13) worded for the documents page: a
// warning when documents reach attendees later than three working days before the meeting, never a
// refusal. Documents of the AFTER phase (slides, conclusions) are not bound by it. Plain TypeScript.
import { DateTime } from "luxon";
import {
  DOCUMENTS_LEAD_WORKING_DAYS,
  documentsDeadline,
  incompleteCalendarNote,
  localDate,
} from "#app/lib/working-days.ts";
import { TIME_ZONE } from "#app/lib/vietnamese-date.ts";

const dayMonthYear = (iso: string) => DateTime.fromISO(iso, { zone: TIME_ZONE }).toFormat("dd/MM/yyyy");

/**
 * "Tài liệu phải gửi chậm nhất ngày 10/02/2026 (03 ngày làm việc trước ngày họp, Quyết định số
 * 45/2018/QĐ-TTg); công bố hôm nay là muộn 2 ngày làm việc." when publishing on `now` is late; null when
 * in time, when the meeting has no start yet, or after the meeting day (what is sent then is AFTER material).
 */
export function documentsDeadlineWarning(startsAt: Date | null, now: Date): string | null {
  if (!startsAt || localDate(now) > localDate(startsAt)) return null;
  const d = documentsDeadline(startsAt, now);
  if (d.late === 0) return null;
  const lead = String(DOCUMENTS_LEAD_WORKING_DAYS).padStart(2, "0");
  const note = incompleteCalendarNote(d, [Number(localDate(startsAt).slice(0, 4)), Number(d.due.slice(0, 4))]);
  return (
    `Tài liệu phải gửi chậm nhất ngày ${dayMonthYear(d.due)} (${lead} ngày làm việc trước ngày họp, ` +
    `Quyết định số 45/2018/QĐ-TTg); công bố hôm nay là muộn ${d.late} ngày làm việc.${note ? ` ${note}` : ""}`
  );
}
