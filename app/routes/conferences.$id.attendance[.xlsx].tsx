import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { attendancePlaces, attendanceSummary } from "#app/attendance/figures.server.ts";
import { reportSections } from "#app/attendance/report-rows.server.ts";
import { attendanceWorkbook } from "#app/attendance/report-xlsx.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.report"));
  const { groups, bridges } = attendancePlaces(c);
  const [summary, sections] = await Promise.all([attendanceSummary(c), reportSections(c.id, groups, bridges)]);
  const xlsx = await attendanceWorkbook({
    meeting: meetingName(c.title),
    asOf: formatDateTime(new Date()),
    summary,
    sections,
  });
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="diem-danh.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
