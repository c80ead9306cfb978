// The attendance report as a PDF and a Word file (điểm danh, with absence reasons): every attendee by group with their
// answer and, once the roll call has started, their mark and the figures per group and bridge point. The figures
// are counted in SQL and the lines read a chunk at a time, so the PDF of 100,000 attendees keeps memory flat; the
// Word file (built whole by the docx package) is refused above DOCX_MAX_ATTENDEES.
import { rowCounter, type RowProgress } from "#app/attendance/roll-call-sheet.server.ts";
import { ATTENDANCE_MARK_SELECT } from "#app/attendance/attendance.server.ts";
import { KEYSET_ORDER, keysetChunks, listSections } from "#app/attendance/attendee-chunks.server.ts";
import { attendancePlaces, attendanceSummary } from "#app/attendance/figures.server.ts";
import { countsByGroup } from "#app/attendance/report-rows.server.ts";
import { countsSentence, reportTime } from "#app/attendance/report.ts";
import { describeMark } from "#app/attendance/summary.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import {
  attendanceDocument,
  renderAttendanceStreamPdf,
  type AttendanceLine,
  type AttendanceStreamInput,
} from "#app/documents/attendance-pdf.server.ts";
import { renderOfficialDocx } from "#app/documents/render-docx.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

/** The docx package holds the whole document in memory (about 35 KB a line): beyond this the Word file is refused. */
export const DOCX_MAX_ATTENDEES = 5000;

const LINE_SELECT = {
  id: true,
  createdAt: true,
  name: true,
  position: true,
  organizationName: true,
  rsvp: true,
  declineReason: true,
  revokedAt: true,
  bridgePoint: { select: { name: true } },
  substituteFor: { select: { name: true } },
  attendance: { select: ATTENDANCE_MARK_SELECT },
} as const;
type LineAttendee = Prisma.AttendeeGetPayload<{ select: typeof LINE_SELECT }>;

/**
 * The first substitute named for each of these attendees (one chunk of ids). Read on its own: Prisma's
 * per-parent `take` of a relation load was the slowest part of the report on PostgreSQL.
 */
async function substitutesOf(ids: string[]): Promise<Map<string, string>> {
  const rows = await prisma.attendee.findMany({
    where: { substituteForId: { in: ids } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { substituteForId: true, name: true },
  });
  // Descending, so the first named is written last and kept.
  return new Map(rows.map((r) => [r.substituteForId!, r.name]));
}

/** What the report says, its lines still to be read; a 409 while the conference has no attendees yet. */
export async function attendanceReportInput(conferenceId: string): Promise<AttendanceStreamInput & { total: number }> {
  const c = await getConference(conferenceId);
  const [attendeeGroups, bridgePoints] = await Promise.all([
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
  ]);
  const places = attendancePlaces({ attendeeGroups, bridgePoints });
  const ids = places.groups.map((g) => g.id);
  // The report lists the revoked invitations too ("giấy mời đã chuyển cho người dự thay"), under their group.
  const listed: Prisma.AttendeeWhereInput = { conferenceId: c.id, OR: [{ groupId: null }, { groupId: { in: ids } }] };
  const [counts, answers, marked, summary] = await Promise.all([
    countsByGroup(c.id, true),
    prisma.attendee.groupBy({ by: ["rsvp"], where: listed, _count: { _all: true } }),
    prisma.attendance.findFirst({
      where: { conferenceId: c.id, attendee: { revokedAt: null } },
      select: { attendeeId: true },
    }),
    attendanceSummary({ id: c.id, attendeeGroups, bridgePoints }),
  ]);
  const sections = listSections(places.groups, true)
    .map((s, i) => ({ ...s, count: counts.get(places.groups[i]?.id ?? null) ?? 0 }))
    .filter((s) => s.count > 0);
  const total = sections.reduce((n, s) => n + s.count, 0);
  if (!total) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  const recorded = Boolean(marked);
  const bridgeName = new Map(bridgePoints.map((b) => [b.id, b.name]));
  const attendanceOf = (a: LineAttendee) => {
    if (a.revokedAt) return "giấy mời đã chuyển cho người dự thay";
    if (!a.attendance) return "chưa điểm danh";
    const mark = { ...a.attendance, checkedInAt: a.attendance.checkedInAt?.toISOString() ?? null };
    const at = mark.status !== "ABSENT" && mark.checkedInAt ? ` lúc ${reportTime(mark.checkedInAt)}` : "";
    return `${describeMark(mark, (id) => (id ? (bridgeName.get(id) ?? null) : null))}${at}`;
  };
  const line = (a: LineAttendee, substitute: string | undefined): AttendanceLine => ({
    name: a.name,
    position: a.position,
    organization: a.organizationName,
    site: a.bridgePoint ? `dự tại ${a.bridgePoint.name}` : "dự tại hội trường chính",
    rsvp: a.rsvp,
    note: [
      a.declineReason && `lý do: ${a.declineReason}`,
      substitute && `người dự thay: ${substitute}`,
      a.substituteFor && `dự thay ${a.substituteFor.name}`,
    ]
      .filter(Boolean)
      .join("; "),
    ...(recorded ? { attendance: attendanceOf(a) } : {}),
  });
  const plan = buildPlanDocument(toDocumentInput(c));
  return {
    total,
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    answers: Object.fromEntries(
      (["NO_ANSWER", "ACCEPTED", "DECLINED", "SUBSTITUTED"] as const).map((r) => [
        r,
        answers.find((a) => a.rsvp === r)?._count._all ?? 0,
      ]),
    ) as AttendanceStreamInput["answers"],
    groups: sections.map((s) => ({
      label: s.label,
      count: s.count,
      chunks: (async function* () {
        const chunks = keysetChunks((after, take) =>
          prisma.attendee.findMany({
            where: { AND: [{ conferenceId: c.id }, s.where, after] },
            orderBy: [...KEYSET_ORDER],
            take,
            select: LINE_SELECT,
          }),
        );
        for await (const rows of chunks) {
          const named = await substitutesOf(rows.map((r) => r.id));
          yield rows.map((r) => line(r, named.get(r.id)));
        }
      })(),
    })),
    ...(recorded
      ? {
          checkin: {
            total: countsSentence(summary.total),
            byGroup: summary.byGroup.map((l) => ({ label: l.label, text: countsSentence(l.counts) })),
            byBridge: summary.byBridge.map((l) => ({ label: l.label, text: countsSentence(l.counts) })),
          },
        }
      : {}),
    closing: { recipients: ["Lưu: VT."], signature: plan.signature, signerName: plan.signerName },
  };
}

/** The report's PDF bytes; a 409 while the conference has no attendees yet. */
export async function attendanceReportPdf(conferenceId: string, progress?: RowProgress): Promise<Buffer> {
  const input = await attendanceReportInput(conferenceId);
  const counted = rowCounter(input.total, progress);
  return renderAttendanceStreamPdf({
    ...input,
    groups: input.groups.map((g) => ({ ...g, chunks: counted(g.chunks) })),
  });
}

/** The report as a Word file (.docx), drawn from the same model as the PDF; a 413 above DOCX_MAX_ATTENDEES. */
export async function attendanceReportDocx(conferenceId: string): Promise<Uint8Array> {
  const input = await attendanceReportInput(conferenceId);
  if (input.total > DOCX_MAX_ATTENDEES) {
    throw new Response(
      `Danh sách có ${input.total.toLocaleString("vi-VN")} đại biểu, quá lớn để tạo bản Word (tối đa ${DOCX_MAX_ATTENDEES.toLocaleString("vi-VN")}). Hãy tải “Báo cáo điểm danh (PDF)” hoặc “Báo cáo điểm danh (.xlsx)”: hai bản này có đủ mọi đại biểu.`,
      { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  const groups = [];
  for (const g of input.groups) {
    const attendees: AttendanceLine[] = [];
    for await (const lines of g.chunks) attendees.push(...lines);
    groups.push({ label: g.label, attendees });
  }
  return new Uint8Array(await renderOfficialDocx(attendanceDocument({ ...input, groups })));
}
