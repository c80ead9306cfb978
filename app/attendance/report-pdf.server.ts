// The attendance report as a PDF and a Word file (điểm danh, with absence reasons): every attendee by group with their
// answer and, once the roll call has started, their mark and the figures per group and bridge point.
import { ATTENDANCE_MARK_SELECT, attendanceData } from "#app/attendance/attendance.server.ts";
import { countsSentence, reportTime } from "#app/attendance/report.ts";
import { describeMark } from "#app/attendance/summary.ts";
import { groupLabel, meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { attendanceDocument, renderAttendancePdf, type AttendanceInput } from "#app/documents/attendance-pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

/** What the report says, for its PDF and its Word file; a 409 while the conference has no attendees yet. */
export async function attendanceReportInput(conferenceId: string): Promise<AttendanceInput> {
  const c = await getConference(conferenceId);
  const [groups, bridgePoints, attendees] = await Promise.all([
    prisma.attendeeGroup.findMany({
      where: { conferenceId: c.id },
      orderBy: { position: "asc" },
      select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
    }),
    prisma.bridgePoint.findMany({
      where: { conferenceId: c.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    prisma.attendee.findMany({
      where: { conferenceId: c.id },
      orderBy: { createdAt: "asc" },
      select: {
        name: true,
        position: true,
        organizationName: true,
        rsvp: true,
        declineReason: true,
        groupId: true,
        revokedAt: true,
        bridgePoint: { select: { name: true } },
        substitutes: { select: { name: true } },
        substituteFor: { select: { name: true } },
        attendance: { select: ATTENDANCE_MARK_SELECT },
      },
    }),
  ]);
  const checkin = await attendanceData({ id: c.id, attendeeGroups: groups, bridgePoints });
  const recorded = checkin.rows.some((r) => r.attendance);
  const bridgeName = (id: string | null) => bridgePoints.find((b) => b.id === id)?.name ?? null;
  const attendanceOf = (a: (typeof attendees)[number]) => {
    if (a.revokedAt) return "giấy mời đã chuyển cho người dự thay";
    if (!a.attendance) return "chưa điểm danh";
    const mark = { ...a.attendance, checkedInAt: a.attendance.checkedInAt?.toISOString() ?? null };
    const at = mark.status !== "ABSENT" && mark.checkedInAt ? ` lúc ${reportTime(mark.checkedInAt)}` : "";
    return `${describeMark(mark, bridgeName)}${at}`;
  };
  if (!attendees.length) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  const row = (a: (typeof attendees)[number]) => ({
    name: a.name,
    position: a.position,
    organization: a.organizationName,
    site: a.bridgePoint ? `dự tại ${a.bridgePoint.name}` : "dự tại hội trường chính",
    rsvp: a.rsvp,
    note: [
      a.declineReason && `lý do: ${a.declineReason}`,
      a.substitutes[0] && `người dự thay: ${a.substitutes[0].name}`,
      a.substituteFor && `dự thay ${a.substituteFor.name}`,
    ]
      .filter(Boolean)
      .join("; "),
    ...(recorded ? { attendance: attendanceOf(a) } : {}),
  });
  return {
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    groups: [
      ...groups.map((g, i) => ({
        label: groupLabel(g, i),
        attendees: attendees.filter((a) => a.groupId === g.id).map(row),
      })),
      { label: "Đại biểu khác", attendees: attendees.filter((a) => !a.groupId).map(row) },
    ].filter((g) => g.attendees.length),
    ...(recorded
      ? {
          checkin: {
            total: countsSentence(checkin.summary.total),
            byGroup: checkin.summary.byGroup.map((l) => ({ label: l.label, text: countsSentence(l.counts) })),
            byBridge: checkin.summary.byBridge.map((l) => ({ label: l.label, text: countsSentence(l.counts) })),
          },
        }
      : {}),
    closing: { recipients: ["Lưu: VT."], signature: plan.signature, signerName: plan.signerName },
  };
}

/** The report's PDF bytes; a 409 while the conference has no attendees yet. */
export async function attendanceReportPdf(conferenceId: string): Promise<Uint8Array> {
  return new Uint8Array(await renderAttendancePdf(await attendanceReportInput(conferenceId)));
}

/** The report as a Word file (.docx), drawn from the same model as the PDF. */
export async function attendanceReportDocx(conferenceId: string): Promise<Uint8Array> {
  return new Uint8Array(await renderOfficialDocx(attendanceDocument(await attendanceReportInput(conferenceId))));
}
