import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { attendancePlaces } from "#app/attendance/figures.server.ts";
import { reportSections } from "#app/attendance/report-rows.server.ts";
import { renderRollCallSheet } from "#app/attendance/sheets-pdf.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** The printable roll-call list with a "□ Có mặt □ Vắng" box per attendee, read and drawn a chunk at a time. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  const { groups, bridges } = attendancePlaces(c);
  const [sections, org] = await Promise.all([
    reportSections(c.id, groups, bridges),
    prisma.organization.findUniqueOrThrow({ where: { id: c.organizationId }, select: { documentName: true } }),
  ]);
  if (!sections.length) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  const pdf = await renderRollCallSheet({
    issuingBody: org.documentName,
    meeting: meetingName(c.title),
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    groups: sections.map((s) => ({
      label: s.label,
      count: s.count,
      chunks: (async function* () {
        for await (const rows of s.chunks)
          yield rows.map((r) => ({
            name: r.name,
            position: r.position,
            organization: r.organization,
            site: r.invitedAt,
          }));
      })(),
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
