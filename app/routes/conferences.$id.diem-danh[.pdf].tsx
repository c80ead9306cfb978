import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { prisma } from "~/db.server.ts";
import { renderAttendancePdf } from "~/documents/attendance-pdf.ts";
import { groupLabel } from "~/invitations/attendees.server.ts";
import { meetingName } from "~/invitations/context.server.ts";
import { buildPlanDocument } from "~/plans/document.ts";
import { getConference, toDocumentInput } from "~/plans/plans.server.ts";

const ANSWER = { NO_ANSWER: "Chưa trả lời", ACCEPTED: "Tham dự", DECLINED: "Vắng", SUBSTITUTED: "Cử người thay" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await getConference(user, params.id ?? "");
  const [groups, attendees] = await Promise.all([
    prisma.attendeeGroup.findMany({ where: { conferenceId: c.id }, orderBy: { position: "asc" }, select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } } }),
    prisma.attendee.findMany({
      where: { conferenceId: c.id },
      orderBy: { createdAt: "asc" },
      select: { name: true, position: true, organizationName: true, rsvp: true, declineReason: true, groupId: true, bridgePoint: { select: { name: true } }, substitutes: { select: { name: true } }, substituteFor: { select: { name: true } } },
    }),
  ]);
  if (!attendees.length) throw new Response("Hội nghị chưa có danh sách đại biểu.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  const row = (a: (typeof attendees)[number]) => ({
    name: a.name,
    position: a.position,
    organization: a.organizationName,
    site: a.bridgePoint ? `dự tại ${a.bridgePoint.name}` : "dự tại hội trường chính",
    answer: ANSWER[a.rsvp],
    note: [a.declineReason && `lý do: ${a.declineReason}`, a.substitutes[0] && `người dự thay: ${a.substitutes[0].name}`, a.substituteFor && `dự thay ${a.substituteFor.name}`].filter(Boolean).join("; "),
  });
  const pdf = await renderAttendancePdf({
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    groups: [
      ...groups.map((g, i) => ({ label: groupLabel(g, i), attendees: attendees.filter((a) => a.groupId === g.id).map(row) })),
      { label: "Đại biểu khác", attendees: attendees.filter((a) => !a.groupId).map(row) },
    ].filter((g) => g.attendees.length),
    closing: { recipients: ["Lưu: VT."], signature: plan.signature, signerName: plan.signerName },
  });
  return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="diem-danh.pdf"', "Cache-Control": "private, no-store" } });
}
