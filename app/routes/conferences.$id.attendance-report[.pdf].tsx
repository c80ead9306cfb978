import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { documentPdf } from "#app/attendance/document-jobs.server.ts";
import { attendanceReportPdf } from "#app/attendance/report-pdf.server.ts";

// The full attendance with absence reasons: an export like attendance.xlsx ("attendance.report"), not for
// read-only, IT-support or bridge-operator roles. ?job=<id>: a build made as a job
// (attendance/document-jobs.server.ts, a large conference's page); otherwise drawn now.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "attendance.report");
  const job = new URL(request.url).searchParams.get("job");
  const pdf = job ? await documentPdf("report", conference.id, job) : await attendanceReportPdf(conference.id);
  if (!pdf) throw new Response("Không tìm thấy bản báo cáo này (đã có bản mới hơn?). Hãy tạo lại.", { status: 404 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
