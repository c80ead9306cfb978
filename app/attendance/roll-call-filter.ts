// The roll-call page's status filter: its choices (shown in the filter form) and what each one keeps.

import { isPresent, type AttendeeRow } from "#app/attendance/summary.ts";

export const STATUS_FILTERS = {
  "": "Tất cả",
  NONE: "Chưa điểm danh",
  PRESENT: "Có mặt (mọi hình thức)",
  IN_PERSON: "Có mặt trực tiếp",
  ONLINE: "Dự trực tuyến",
  SUBSTITUTE: "Người dự thay có mặt",
  ABSENT: "Vắng mặt",
} as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export function matchesStatus(row: AttendeeRow, f: StatusFilter): boolean {
  const s = row.attendance?.status;
  if (!f) return true;
  if (f === "NONE") return !s;
  if (f === "PRESENT") return isPresent(s);
  return s === f;
}
