// What the audit trail records of a plan: its columns as the form edits them, the organisation by
// name, and its lists (attendee groups, tasks, distribution list) as one line each.

import type { Prisma } from "#app/generated/prisma/client.ts";
import { toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { TASK_STATUS_LABEL } from "#app/conferences/vocabulary.ts";

/** The plan's own columns, as the plan form edits them (shared by the plan screens and the audit trail). */
export const planColumnsSelect = {
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
  outline: true,
} satisfies Prisma.ConferenceSelect;

const planAuditSelect = {
  ...planColumnsSelect,
  organization: { select: { name: true } },
  attendeeGroups: {
    orderBy: { position: "asc" },
    select: { heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
  },
  taskAssignments: {
    orderBy: { position: "asc" },
    select: { assignee: true, duties: true, dueDate: true, status: true },
  },
  recipients: { orderBy: { position: "asc" }, select: { text: true } },
} satisfies Prisma.ConferenceSelect;

export interface PlanSnapshot {
  id: string;
  organizationId: string;
  title: string;
  status: string;
  fields: Record<string, unknown>;
}

/** The plan as the audit trail compares it before and after a write; null when it does not exist. */
export async function planSnapshot(tx: Prisma.TransactionClient, id: string): Promise<PlanSnapshot | null> {
  const c = await tx.conference.findUnique({ where: { id }, select: planAuditSelect });
  if (!c) return null;
  const { id: _id, organizationId, organization, attendeeGroups, taskAssignments, recipients, ...columns } = c;
  return {
    id,
    organizationId,
    title: c.title,
    status: c.status,
    fields: {
      ...columns,
      organization: organization.name,
      attendeeGroups: attendeeGroups
        .map((g) => [g.heading, ...g.lines.map((l) => l.text)].filter(Boolean).join(" / "))
        .join("\n"),
      tasks: taskAssignments
        .map(
          (t) =>
            `${t.assignee}: ${t.duties}${t.dueDate ? ` (hạn ${toLocalDateValue(t.dueDate)})` : ""} [${TASK_STATUS_LABEL[t.status]}]`,
        )
        .join("\n"),
      recipients: recipients.map((r) => r.text).join("\n"),
    },
  };
}
