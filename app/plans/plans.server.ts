import { notFound } from "../auth/guard.server.ts";
import type { CurrentUser } from "../auth/session.server.ts";
import { prisma } from "../db.server.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { issuingBody, type PlanDocumentInput } from "./document.ts";
import type { PlanFormValues } from "./plan-form.ts";
import { planFormToData } from "./plan-form.ts";
import type { ConferenceStatus } from "./vocabulary.ts";

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
    ...(f.q ? { title: { contains: f.q } } : {}),
  };
}

export async function listConferences(user: CurrentUser, filters: ConferenceFilters, page: number) {
  const where = visibleWhere(user, filters);
  const [total, rows, years] = await Promise.all([
    prisma.conference.count({ where }),
    prisma.conference.findMany({
      where,
      orderBy: [{ issueYear: "desc" }, { updatedAt: "desc" }],
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
  id: true,
  organizationId: true,
  kind: true,
  status: true,
  documentNumber: true,
  documentSymbol: true,
  issuePlace: true,
  issueDay: true,
  issueMonth: true,
  issueYear: true,
  title: true,
  legalBasis: true,
  purposes: true,
  requirements: true,
  content: true,
  closing: true,
  format: true,
  formatNote: true,
  startsAt: true,
  endsAt: true,
  tentativeMonth: true,
  tentativeYear: true,
  scheduleNote: true,
  scheduleText: true,
  venue: true,
  budgetSource: true,
  chair: true,
  signAuthority: true,
  signDelegation: true,
  signerTitle: true,
  signerName: true,
  invitationNumber: true,
  preparationNote: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  scoringRoundId: true,
  outline: true,
  updatedAt: true,
  organization: { select: { name: true, documentName: true, level: { select: { code: true } }, parent: { select: { documentName: true } } } },
  attendeeGroups: {
    orderBy: { position: "asc" },
    select: {
      heading: true,
      lines: { orderBy: { position: "asc" }, select: { text: true, organizationId: true, organization: { select: { name: true } } } },
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

function childWrites(data: ReturnType<typeof planFormToData>) {
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

function columns(data: ReturnType<typeof planFormToData>) {
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
  const created = await prisma.conference.create({
    data: { ...columns(data), createdById: user.id, ...childWrites(data) },
    select: { id: true },
  });
  return created.id;
}

export async function updateConference(user: CurrentUser, id: string, values: PlanFormValues): Promise<void> {
  const data = planFormToData(values);
  const children = childWrites(data);
  // One nested write: Prisma runs it in a single transaction, so a failure leaves the old plan intact.
  await prisma.conference.update({
    where: { id },
    data: {
      ...columns(data),
      ...(values.useStandardLayout ? { outline: null } : {}),
      attendeeGroups: { deleteMany: {}, ...children.attendeeGroups },
      taskAssignments: { deleteMany: {}, ...children.taskAssignments },
      recipients: { deleteMany: {}, ...children.recipients },
    },
  });
}

export async function setConferenceStatus(user: CurrentUser, id: string, status: ConferenceStatus): Promise<void> {
  await prisma.conference.update({ where: { id, organizationId: { in: user.visibleOrganizationIds } }, data: { status } });
}

/** Organisations a user may pick in forms (issuing body, attendee and task links). */
export function selectableOrganizations(user: CurrentUser) {
  return prisma.organization.findMany({
    where: { id: { in: user.visibleOrganizationIds } },
    orderBy: [{ level: { rank: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, placeName: true, level: { select: { name: true } } },
  });
}
