import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference, attendanceData } from "#app/attendance/attendance.server.ts";
import { reportGroups } from "#app/attendance/report.ts";
import { renderRollCallSheet } from "#app/attendance/sheets-pdf.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** The printable roll-call list with a "□ Có mặt □ Vắng" box per attendee. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  const [data, org] = await Promise.all([
    attendanceData(c),
    prisma.organization.findUniqueOrThrow({ where: { id: c.organizationId }, select: { documentName: true } }),
  ]);
  if (!data.rows.length) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  const pdf = await renderRollCallSheet({
    issuingBody: org.documentName,
    meeting: meetingName(c.title),
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    groups: reportGroups(data.groups, data.bridges, data.rows).map((g) => ({
      label: g.label,
      rows: g.rows.map((r) => ({
        name: r.name,
        position: r.position,
        organization: r.organization,
        site: r.invitedAt,
      })),
    })),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="danh-sach-diem-danh.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
