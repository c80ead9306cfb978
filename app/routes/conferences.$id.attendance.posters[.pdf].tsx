import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference, ensurePosterKey } from "#app/attendance/attendance.server.ts";
import { renderPosters } from "#app/attendance/sheets-pdf.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** Self check-in posters: one A4 page per bridge point with the QR code of /d/<posterKey>. Organisers only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "bridges.manage"));
  if (!c.bridgePoints.length) throw new Response("Hội nghị chưa có điểm cầu.", { status: 409 });
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: c.organizationId },
    select: { documentName: true },
  });
  const base = env().APP_URL.replace(/\/$/, "");
  const bridges = [];
  for (const b of c.bridgePoints)
    bridges.push({ name: b.name, address: b.address, url: `${base}/d/${await ensurePosterKey(b.id)}` });
  const pdf = await renderPosters({
    issuingBody: org.documentName,
    meeting: meetingName(c.title),
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    bridges,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="ap-phich-diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
