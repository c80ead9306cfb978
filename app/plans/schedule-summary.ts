import { formatDateTime, ndMonth } from "#app/lib/vietnamese-date.ts";

/** Short schedule for lists: the exact start, or "Dự kiến tháng 6/2024". */
export function scheduleSummary(c: {
  kind: string;
  startsAt: Date | null;
  tentativeMonth: number | null;
  tentativeYear: number | null;
}): string {
  if (c.startsAt) return formatDateTime(c.startsAt);
  if (c.tentativeMonth && c.tentativeYear) return `Dự kiến tháng ${ndMonth(c.tentativeMonth)}/${c.tentativeYear}`;
  return c.kind === "REMEDIATION" ? "Thực hiện trong năm" : "Chưa xác định";
}
