// The conclusion notice of a conference: reading it with what the page needs, creating the draft from the
// conference (plan, programme, roll call), saving the draft, and following its tasks after issue. Issuing
// is in issue.server.ts. Every write records its audit row in the same transaction.
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { TASK_STATUS_LABEL } from "#app/conferences/vocabulary.ts";
import { isPresent } from "#app/attendance/summary.ts";
import { AttendanceStatus } from "#app/generated/prisma/enums.ts";
import { attendanceLine, type NoticeAttendance } from "#app/conclusions/attendance-line.ts";
import { draftWording } from "#app/conclusions/document.ts";
import type { NoticeDraftValues } from "#app/conclusions/notice-form.ts";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { issuingBody } from "#app/plans/document.ts";

/** Programme items that carry no conclusion of their own. */
const NO_CONCLUSION_KINDS = new Set(["OPENING", "BREAK", "CLOSING"]);

export const NOTICE_SELECT = {
  id: true,
  conferenceId: true,
  status: true,
  documentNumber: true,
  documentSymbol: true,
  issuePlace: true,
  issuedOn: true,
  title: true,
  opening: true,
  chairText: true,
  attendanceSummary: true,
  closingText: true,
  signAuthority: true,
  signDelegation: true,
  signerTitle: true,
  signerName: true,
  issuedAt: true,
  pdfFileId: true,
  items: { orderBy: { position: "asc" }, select: { id: true, agendaItemId: true, heading: true, text: true } },
  tasks: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      assignee: true,
      organizationId: true,
      duties: true,
      dueDate: true,
      status: true,
      planTaskId: true,
      planTask: { select: { assignee: true } },
    },
  },
  recipients: { orderBy: { position: "asc" }, select: { id: true, text: true, email: true } },
  conference: {
    select: {
      title: true,
      organization: {
        select: {
          name: true,
          documentName: true,
          level: { select: { code: true } },
          parent: { select: { documentName: true } },
        },
      },
    },
  },
} satisfies Prisma.ConclusionNoticeSelect;

export type NoticeRow = Prisma.ConclusionNoticeGetPayload<{ select: typeof NOTICE_SELECT }>;

/** The notice's fields for the document (conclusionDocumentSpec). */
export function noticeForDocument(n: NoticeRow) {
  return { ...n, issuingBody: issuingBody(n.conference.organization) };
}

export function readNotice(db: Prisma.TransactionClient, conferenceId: string): Promise<NoticeRow | null> {
  return db.conclusionNotice.findUnique({ where: { conferenceId }, select: NOTICE_SELECT });
}

const PRESENT = Object.values(AttendanceStatus).filter(isPresent);

/**
 * The roll call's figures for the notice: present, absent with and without a reason (not recorded = no
 * reason), counted in one pass of SQL over the invitations and their marks (the same statement on both
 * databases; Prisma's relation filters made three slower ones of it). The roll call stores a reason
 * trimmed, and an absence always with one.
 */
export async function noticeAttendance(db: Prisma.TransactionClient, conferenceId: string): Promise<NoticeAttendance> {
  const [row] = await db.$queryRaw<
    Array<{ invited: bigint | number; present: bigint | number; excused: bigint | number }>
  >`
    SELECT COUNT(*) AS "invited",
      COUNT(CASE WHEN a."status" IN (${Prisma.join(PRESENT)}) THEN 1 END) AS "present",
      COUNT(CASE WHEN a."status" = 'ABSENT' AND a."absenceReason" <> '' THEN 1 END) AS "excused"
    FROM "Attendee" t LEFT JOIN "Attendance" a ON a."attendeeId" = t."id"
    WHERE t."conferenceId" = ${conferenceId} AND t."revokedAt" IS NULL`;
  const invited = Number(row?.invited ?? 0);
  const present = Number(row?.present ?? 0);
  const absentExcused = Number(row?.excused ?? 0);
  return { invited, present, absentExcused, absentUnexcused: invited - present - absentExcused };
}

/** The page's data: the conference, its notice (or null) and the live attendance line. */
export async function noticePageData(conferenceId: string) {
  const [conference, notice, attendance] = await Promise.all([
    prisma.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: {
        id: true,
        title: true,
        status: true,
        startsAt: true,
        endsAt: true,
        agendaItems: { orderBy: { position: "asc" }, select: { id: true, title: true } },
        taskAssignments: { orderBy: { position: "asc" }, select: { id: true, assignee: true } },
      },
    }),
    readNotice(prisma, conferenceId),
    noticeAttendance(prisma, conferenceId),
  ]);
  return { conference, notice, attendance: attendanceLine(attendance) };
}

/** Creates the draft from the conference (once: a second call finds it). Returns the notice id. */
export async function createNoticeDraft(actor: AuditActor, conferenceId: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `conclusion:${conferenceId}`);
    const existing = await tx.conclusionNotice.findUnique({ where: { conferenceId }, select: { id: true } });
    if (existing) return existing.id;
    const c = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: {
        title: true,
        chair: true,
        venue: true,
        startsAt: true,
        issuePlace: true,
        organizationId: true,
        signAuthority: true,
        signDelegation: true,
        signerTitle: true,
        signerName: true,
        organization: { select: { name: true } },
        agendaItems: { orderBy: { position: "asc" }, select: { id: true, kind: true, title: true } },
        recipients: { orderBy: { position: "asc" }, select: { text: true } },
      },
    });
    const wording = draftWording({ ...c, organizationName: c.organization.name });
    const items = c.agendaItems.filter((a) => !NO_CONCLUSION_KINDS.has(a.kind));
    const created = await tx.conclusionNotice.create({
      data: {
        conferenceId,
        issuePlace: c.issuePlace,
        ...wording,
        signAuthority: c.signAuthority,
        signDelegation: c.signDelegation,
        signerTitle: c.signerTitle,
        signerName: c.signerName,
        items: { create: items.map((a, position) => ({ position, agendaItemId: a.id, heading: a.title, text: "" })) },
        recipients: { create: c.recipients.map((r, position) => ({ position, text: r.text })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "conclusion.create",
      entity: "ConclusionNotice",
      entityId: created.id,
      summary: `Lập dự thảo thông báo kết luận “${wording.title}”`,
      after: { title: wording.title, items: items.length, recipients: c.recipients.length },
      conferenceId,
      organizationId: c.organizationId,
    });
    return created.id;
  });
}

export type DraftOutcome = { ok: true } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

const ISSUED_REFUSAL = "Thông báo đã ban hành: chỉ cập nhật được tình trạng thực hiện nhiệm vụ.";

/** Saves the draft's text, conclusions, tasks and recipients; refused once issued. */
export async function saveNoticeDraft(
  actor: AuditActor,
  conferenceId: string,
  v: NoticeDraftValues,
  allowedOrganizationIds: readonly string[],
): Promise<DraftOutcome> {
  const fieldErrors: Record<string, string[]> = {};
  v.tasks.forEach((t, i) => {
    if (t.organizationId && !allowedOrganizationIds.includes(t.organizationId))
      fieldErrors[`tasks[${i}].organizationId`] = ["Không được chọn cơ quan này"];
  });
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `conclusion:${conferenceId}`);
    const before = await readNotice(tx, conferenceId);
    if (!before) return { ok: false, formError: "Chưa có dự thảo thông báo kết luận." };
    if (before.status === "ISSUED") return { ok: false, formError: ISSUED_REFUSAL };
    const agenda = await tx.agendaItem.findMany({ where: { conferenceId }, select: { id: true } });
    const planTasks = await tx.taskAssignment.findMany({ where: { conferenceId }, select: { id: true } });
    const agendaIds = new Set(agenda.map((a) => a.id));
    const planTaskIds = new Set(planTasks.map((t) => t.id));
    v.tasks.forEach((t, i) => {
      if (t.planTaskId && !planTaskIds.has(t.planTaskId))
        fieldErrors[`tasks[${i}].planTaskId`] = ["Nhiệm vụ của kế hoạch không còn; chọn lại"];
    });
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const { items, tasks, recipients } = v;
    await tx.conclusionNotice.update({
      where: { id: before.id },
      data: {
        title: v.title,
        documentSymbol: v.documentSymbol,
        issuePlace: v.issuePlace,
        chairText: v.chairText,
        opening: v.opening,
        closingText: v.closingText,
        signAuthority: v.signAuthority,
        signDelegation: v.signDelegation,
        signerTitle: v.signerTitle,
        signerName: v.signerName,
        items: {
          deleteMany: {},
          create: items.map((it, position) => ({
            position,
            heading: it.heading,
            text: it.text,
            agendaItemId: it.agendaItemId && agendaIds.has(it.agendaItemId) ? it.agendaItemId : null,
          })),
        },
        tasks: {
          deleteMany: {},
          create: tasks.map((t, position) => ({
            position,
            assignee: t.assignee,
            organizationId: t.organizationId || null,
            duties: t.duties,
            dueDate: t.dueDate ? fromLocalDateValue(t.dueDate) : null,
            planTaskId: t.planTaskId || null,
          })),
        },
        recipients: {
          deleteMany: {},
          create: recipients.map((r, position) => ({ position, text: r.text, email: r.email || null })),
        },
      },
    });
    await recordAudit(tx, actor, {
      action: "conclusion.update",
      entity: "ConclusionNotice",
      entityId: before.id,
      summary: `Sửa dự thảo thông báo kết luận “${v.title}”`,
      before: auditFields(before),
      after: auditFields((await readNotice(tx, conferenceId))!),
      conferenceId,
    });
    return { ok: true };
  });
}

/** What the audit trail keeps of a notice. */
export function auditFields(n: NoticeRow): Record<string, unknown> {
  const { conference: _c, items, tasks, recipients, id: _id, conferenceId: _cid, ...fields } = n;
  return {
    ...fields,
    items: items.map((i) => `${i.heading}: ${i.text}`),
    tasks: tasks.map((t) => `${t.assignee}: ${t.duties} (${TASK_STATUS_LABEL[t.status]})`),
    recipients: recipients.map((r) => (r.email ? `${r.text} <${r.email}>` : r.text)),
  };
}
