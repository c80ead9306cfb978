import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { attendanceReportDocx } from "#app/attendance/report-pdf.server.ts";
import { docxResponse } from "#app/lib/file-names.ts";

// The attendance report as a Word file; the same capability as its PDF ("attendance.report").
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "attendance.report");
  return docxResponse(await attendanceReportDocx(conference.id), "bao-cao-thanh-phan-tham-du");
}
