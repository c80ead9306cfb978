import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { ensurePosters, posterInput, readPostersPdf } from "#app/attendance/poster-jobs.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";

/**
 * Self check-in posters: one A4 page per bridge point with the QR code of /d/<posterKey>. Organisers only.
 * Built as a job (attendance/poster-jobs.server.ts); a download waits for a build in progress on any
 * instance, and a finished build of the same posters is served at once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "bridges.manage"));
  const input = await posterInput(c.id);
  if (!input) throw new Response("Hội nghị chưa có điểm cầu.", { status: 409 });
  const job = await ensurePosters(c.id, input);
  const pdf = await readPostersPdf(c.id, job.fingerprint, 120_000);
  if (!pdf) throw new Response("Không tạo được áp phích; vui lòng thử lại.", { status: 503 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="ap-phich-diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
