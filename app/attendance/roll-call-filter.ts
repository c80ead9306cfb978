// The roll-call page's status filter: its choices (shown in the filter form) and what each one keeps.

import type { AttendanceStatus } from "#app/checkin/types.ts";

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

const PRESENT: AttendanceStatus[] = ["IN_PERSON", "ONLINE", "SUBSTITUTE"];

/** The filter as a condition on the attendee's mark (a Prisma `where` fragment; plain data, no Prisma import). */
export function statusWhere(f: StatusFilter): {
  attendance?: { is: null } | { status: AttendanceStatus | { in: AttendanceStatus[] } };
} {
  if (!f) return {};
  if (f === "NONE") return { attendance: { is: null } };
  if (f === "PRESENT") return { attendance: { status: { in: PRESENT } } };
  return { attendance: { status: f } };
}
