import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { attendanceReportPdf } from "#app/attendance/report-pdf.server.ts";

// The full attendance with absence reasons: an export like attendance.xlsx ("attendance.report"), not for
// read-only, IT-support or bridge-operator roles.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "attendance.report");
  const pdf = await attendanceReportPdf(conference.id);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
