import { notFound } from "#app/auth/guard.server.ts";
import { recordAudit, userActor } from "#app/database/audit.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { containsText, prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { issuingBody, type PlanDocumentInput } from "#app/plans/document.ts";
import type { PlanFormValues } from "#app/plans/plan-form.ts";
import { planFormToData } from "#app/plans/plan-form-data.ts";
import { planColumnsSelect, planSnapshot } from "#app/plans/plan-audit.server.ts";
import { rescheduleRemindersIn } from "#app/plans/reminder-times.server.ts";
import { STATUS_LABEL, type ConferenceStatus } from "#app/conferences/vocabulary.ts";

export interface ConferenceFilters {
  year?: number;
  status?: ConferenceStatus;
  organizationId?: string;
  q?: string;
}

export const PAGE_SIZE = 50;

function visibleWhere(user: CurrentUser, f: ConferenceFilters): Prisma.ConferenceWhereInput {
  const orgIds = f.organizationId
    ? user.visibleOrganizationIds.filter((id) => id === f.organizationId)
    : user.visibleOrganizationIds;
  return {
    organizationId: { in: orgIds },
    ...(f.year ? { issueYear: f.year } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { title: containsText(f.q) } : {}),
  };
}

export async function listConferences(user: CurrentUser, filters: ConferenceFilters, page: number) {
  const where = visibleWhere(user, filters);
  const [total, rows, years] = await Promise.all([
    prisma.conference.count({ where }),
    prisma.conference.findMany({
      where,
      // The id breaks ties (rows imported together share updatedAt): without it a page's rows are whatever the
      // database returns first, so pages could repeat or skip rows, and SQLite and PostgreSQL would differ.
      orderBy: [{ issueYear: "desc" }, { updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        format: true,
        documentNumber: true,
        documentSymbol: true,
        issueYear: true,
        startsAt: true,
        tentativeMonth: true,
        tentativeYear: true,
        organization: { select: { name: true } },
      },
    }),
    // groupBy runs in SQL; findMany's `distinct` would fetch every row and dedupe in memory.
    prisma.conference.groupBy({
      by: ["issueYear"],
      where: { organizationId: { in: user.visibleOrganizationIds } },
      orderBy: { issueYear: "desc" },
    }),
  ]);
  return { total, rows, years: years.map((y) => y.issueYear) };
}

const conferenceDetail = {
  ...planColumnsSelect,
  scoringRoundId: true,
  updatedAt: true,
  organization: {
    select: {
      name: true,
      documentName: true,
      level: { select: { code: true } },
      parent: { select: { documentName: true } },
    },
  },
  attendeeGroups: {
    orderBy: { position: "asc" },
    select: {
      heading: true,
      lines: {
        orderBy: { position: "asc" },
        select: { text: true, organizationId: true, organization: { select: { name: true } } },
      },
    },
  },
  taskAssignments: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      assignee: true,
      organizationId: true,
      duties: true,
      inlineDuties: true,
      dueDate: true,
      status: true,
      organization: { select: { name: true } },
    },
  },
  recipients: { orderBy: { position: "asc" }, select: { text: true } },
} satisfies Prisma.ConferenceSelect;

export type ConferenceDetail = Prisma.ConferenceGetPayload<{ select: typeof conferenceDetail }>;

/** A conference's plan, by id: the access guard (app/auth/guard.server.ts) has already let the user in. */
export async function getConference(id: string): Promise<ConferenceDetail> {
  const conference = await prisma.conference.findUnique({ where: { id }, select: conferenceDetail });
  if (!conference) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  return conference;
}

export function toDocumentInput(c: ConferenceDetail): PlanDocumentInput {
  return {
    ...c,
    issuingBody: issuingBody(c.organization),
    attendeeGroups: c.attendeeGroups,
    tasks: c.taskAssignments,
    recipients: c.recipients.map((r) => r.text),
  };
}

type PlanData = ReturnType<typeof planFormToData>;

function childWrites(data: PlanData) {
  return {
    attendeeGroups: {
      create: data.attendeeGroups.map((g) => ({
        position: g.position,
        heading: g.heading,
        lines: { create: g.lines },
      })),
    },
    taskAssignments: { create: data.tasks },
    recipients: { create: data.recipients },
  };
}

function columns(data: PlanData) {
  const { attendeeGroups: _g, tasks: _t, recipients: _r, ...cols } = data;
  return cols;
}

/** Organisation ids referenced by the form that the user may not use. */
export function foreignOrganizationIds(user: CurrentUser, values: PlanFormValues): string[] {
  const allowed = new Set(user.visibleOrganizationIds);
  const used = [
    values.organizationId,
    ...values.attendeeGroups.flatMap((g) => g.lines.map((l) => l.organizationId)),
    ...values.tasks.map((t) => t.organizationId),
  ].filter((v): v is string => !!v);
  return used.filter((id) => !allowed.has(id));
}

export async function createConference(user: CurrentUser, values: PlanFormValues): Promise<string> {
  const data = planFormToData(values);
  return prisma.$transaction(async (tx) => {
    const created = await tx.conference.create({
      data: { ...columns(data), createdById: user.id, ...childWrites(data) },
      select: { id: true },
    });
    const after = (await planSnapshot(tx, created.id))!;
    await recordAudit(tx, userActor(user), {
      action: "plan.create",
      entity: "Conference",
      entityId: created.id,
      summary: `Lập kế hoạch “${after.title}”`,
      after: after.fields,
      conferenceId: created.id,
      organizationId: after.organizationId,
    });
    return created.id;
  });
}

/**
 * Saves a plan's child rows in place, matched by position: existing positions are updated, new ones
 * created, the extra ones deleted. Their ids survive a save, so what points at them keeps its link
 * (attendees and meeting documents at an attendee group, a conclusion's task at the plan's task).
 */
async function saveChildrenInPlace(tx: Prisma.TransactionClient, conferenceId: string, data: PlanData) {
  // One query at a time: a transaction's connection runs them in turn anyway.
  const groups = await tx.attendeeGroup.findMany({ where: { conferenceId }, select: { id: true, position: true } });
  const tasks = await tx.taskAssignment.findMany({ where: { conferenceId }, select: { id: true, position: true } });
  const recipients = await tx.recipient.findMany({ where: { conferenceId }, select: { id: true, position: true } });
  const byPosition = (rows: Array<{ id: string; position: number }>) => new Map(rows.map((r) => [r.position, r.id]));
  const groupIds = byPosition(groups);
  const taskIds = byPosition(tasks);
  const recipientIds = byPosition(recipients);
  // Extra rows go first: positions are unique per conference.
  await tx.attendeeGroup.deleteMany({ where: { conferenceId, position: { gte: data.attendeeGroups.length } } });
  await tx.taskAssignment.deleteMany({ where: { conferenceId, position: { gte: data.tasks.length } } });
  await tx.recipient.deleteMany({ where: { conferenceId, position: { gte: data.recipients.length } } });
  for (const g of data.attendeeGroups) {
    const id = groupIds.get(g.position);
    // Lines have no id anyone points at: they are written afresh.
    const lines = { deleteMany: {}, create: g.lines };
    if (id) await tx.attendeeGroup.update({ where: { id }, data: { heading: g.heading, lines } });
    else await tx.attendeeGroup.create({ data: { conferenceId, position: g.position, heading: g.heading, lines } });
  }
  for (const t of data.tasks) {
    const id = taskIds.get(t.position);
    if (id) await tx.taskAssignment.update({ where: { id }, data: t });
    else await tx.taskAssignment.create({ data: { conferenceId, ...t } });
  }
  for (const r of data.recipients) {
    const id = recipientIds.get(r.position);
    if (id) await tx.recipient.update({ where: { id }, data: r });
    else await tx.recipient.create({ data: { conferenceId, ...r } });
  }
}

export async function updateConference(user: CurrentUser, id: string, values: PlanFormValues): Promise<void> {
  const data = planFormToData(values);
  await prisma.$transaction(async (tx) => {
    const before = (await planSnapshot(tx, id))!;
    await tx.conference.update({
      where: { id },
      data: { ...columns(data), ...(values.useStandardLayout ? { outline: null } : {}) },
    });
    await saveChildrenInPlace(tx, id, data);
    const after = (await planSnapshot(tx, id))!;
    await recordAudit(tx, userActor(user), {
      action: "plan.update",
      entity: "Conference",
      entityId: id,
      summary: `Sửa kế hoạch “${after.title}”`,
      before: before.fields,
      after: after.fields,
      conferenceId: id,
      organizationId: after.organizationId,
    });
    // issue 14: reminders — scheduled reminders follow a changed start time (or are skipped).
    await rescheduleRemindersIn(tx, userActor(user), id);
  });
}

export async function setConferenceStatus(user: CurrentUser, id: string, status: ConferenceStatus): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.conference.findFirst({
      where: { id, organizationId: { in: user.visibleOrganizationIds } },
      select: { status: true, title: true, organizationId: true },
    });
    if (!before) notFound();
    await tx.conference.update({ where: { id }, data: { status } });
    await recordAudit(tx, userActor(user), {
      action: "plan.status",
      entity: "Conference",
      entityId: id,
      summary: `Chuyển kế hoạch “${before.title}” từ “${STATUS_LABEL[before.status]}” sang “${STATUS_LABEL[status]}”`,
      before: { status: before.status },
      after: { status },
      conferenceId: id,
      organizationId: before.organizationId,
    });
  });
}

/** Organisations a user may pick in forms (issuing body, attendee and task links). */
export function selectableOrganizations(user: CurrentUser) {
  return prisma.organization.findMany({
    where: { id: { in: user.visibleOrganizationIds } },
    orderBy: [{ level: { rank: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, placeName: true, level: { select: { name: true } } },
  });
}
