import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { documentPdf } from "#app/attendance/document-jobs.server.ts";
import { rollCallSheetPdf } from "#app/attendance/roll-call-sheet.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";

/**
 * The printable roll-call list with a "□ Có mặt □ Vắng" box per attendee. ?job=<id>: a build made as a job
 * (attendance/document-jobs.server.ts, a large conference's page); otherwise drawn now.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  const job = new URL(request.url).searchParams.get("job");
  const pdf = job ? await documentPdf("sheet", c.id, job) : await rollCallSheetPdf(c.id);
  if (!pdf && job)
    throw new Response("Không tìm thấy bản danh sách này (đã có bản mới hơn?). Hãy tạo lại.", { status: 404 });
  if (!pdf) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="danh-sach-diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
