import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference, attendanceData } from "~/attendance/attendance.server.ts";
import { reportGroups } from "~/attendance/report.ts";
import { attendanceWorkbook } from "~/attendance/report-xlsx.ts";
import { requireUser } from "~/auth/session.server.ts";
import { meetingName } from "~/invitations/context.server.ts";
import { formatDateTime } from "~/lib/vietnamese-date.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await attendanceConference(user, params.id ?? "");
  const data = await attendanceData(c);
  const xlsx = await attendanceWorkbook({
    meeting: meetingName(c.title),
    asOf: formatDateTime(new Date()),
    summary: data.summary,
    groups: reportGroups(data.groups, data.bridges, data.rows),
  });
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="diem-danh.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
