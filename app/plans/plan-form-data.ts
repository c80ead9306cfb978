// The plan form's values to and from the columns and child rows of a conference.

import {
  fromLocalDateValue,
  fromLocalInputValue,
  toLocalDateValue,
  toLocalInputValue,
} from "#app/lib/vietnamese-date.ts";
import { splitLines, type PlanFormValues } from "#app/plans/plan-form.ts";

/** The form's values as the columns and child rows of a conference. */
export function planFormToData(v: PlanFormValues) {
  const exact = v.scheduleKind === "EXACT";
  const tentative = v.scheduleKind === "TENTATIVE";
  return {
    kind: v.kind,
    organizationId: v.organizationId,
    title: v.title,
    documentNumber: v.documentNumber?.trim() || null,
    documentSymbol: v.documentSymbol,
    issuePlace: v.issuePlace,
    issueDay: v.issueDay ?? null,
    issueMonth: v.issueMonth ?? null,
    issueYear: v.issueYear,
    legalBasis: v.legalBasis,
    purposes: v.purposes,
    requirements: v.requirements,
    content: v.content,
    closing: v.closing,
    format: v.format,
    formatNote: v.formatNote,
    startsAt: exact && v.startsAt ? fromLocalInputValue(v.startsAt) : null,
    endsAt: exact && v.endsAt ? fromLocalInputValue(v.endsAt) : null,
    tentativeMonth: tentative ? (v.tentativeMonth ?? null) : null,
    tentativeYear: tentative ? (v.tentativeYear ?? null) : null,
    scheduleNote: v.scheduleNote,
    scheduleText: v.scheduleText,
    venue: v.venue,
    budgetSource: v.budgetSource,
    chair: v.chair,
    signAuthority: v.signAuthority,
    signDelegation: v.signDelegation,
    signerTitle: v.signerTitle,
    signerName: v.signerName,
    invitationNumber: v.invitationNumber?.trim() || null,
    preparationNote: v.preparationNote,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
    attendeeGroups: v.attendeeGroups.map((g, position) => ({
      position,
      heading: g.heading,
      lines: g.lines.map((l, i) => ({ position: i, text: l.text, organizationId: l.organizationId || null })),
    })),
    tasks: v.tasks.map((t, position) => ({
      position,
      assignee: t.assignee,
      organizationId: t.organizationId || null,
      duties: t.duties,
      inlineDuties: t.inlineDuties,
      dueDate: t.dueDate ? fromLocalDateValue(t.dueDate) : null,
      status: t.status,
    })),
    recipients: splitLines(v.recipients).map((text, position) => ({ position, text })),
  };
}

/** Form values for an existing plan (dates in Vietnam's local time). */
export function planToFormValues(c: {
  kind: string;
  organizationId: string;
  title: string;
  documentNumber: string | null;
  documentSymbol: string;
  issuePlace: string;
  issueDay: number | null;
  issueMonth: number | null;
  issueYear: number;
  legalBasis: string;
  purposes: string;
  requirements: string;
  content: string;
  closing: string;
  format: string;
  formatNote: string;
  startsAt: Date | null;
  endsAt: Date | null;
  tentativeMonth: number | null;
  tentativeYear: number | null;
  scheduleNote: string;
  scheduleText: string;
  venue: string;
  budgetSource: string;
  chair: string;
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  invitationNumber: string | null;
  preparationNote: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  attendeeGroups: Array<{ heading: string; lines: Array<{ text: string; organizationId: string | null }> }>;
  taskAssignments: Array<{
    assignee: string;
    organizationId: string | null;
    duties: string;
    inlineDuties: boolean;
    dueDate: Date | null;
    status: string;
  }>;
  recipients: Array<{ text: string }>;
}) {
  return {
    kind: c.kind,
    organizationId: c.organizationId,
    title: c.title,
    documentNumber: c.documentNumber ?? "",
    documentSymbol: c.documentSymbol,
    issuePlace: c.issuePlace,
    issueDay: c.issueDay ?? undefined,
    issueMonth: c.issueMonth ?? undefined,
    issueYear: c.issueYear,
    legalBasis: c.legalBasis,
    purposes: c.purposes,
    requirements: c.requirements,
    content: c.content,
    closing: c.closing,
    format: c.format,
    formatNote: c.formatNote,
    scheduleKind: c.startsAt ? "EXACT" : c.tentativeMonth ? "TENTATIVE" : "NONE",
    startsAt: toLocalInputValue(c.startsAt),
    endsAt: toLocalInputValue(c.endsAt),
    tentativeMonth: c.tentativeMonth ?? undefined,
    tentativeYear: c.tentativeYear ?? undefined,
    scheduleNote: c.scheduleNote,
    scheduleText: c.scheduleText,
    venue: c.venue,
    budgetSource: c.budgetSource,
    chair: c.chair,
    signAuthority: c.signAuthority,
    signDelegation: c.signDelegation,
    signerTitle: c.signerTitle,
    signerName: c.signerName,
    invitationNumber: c.invitationNumber ?? "",
    preparationNote: c.preparationNote,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    attendeeGroups: c.attendeeGroups.map((g) => ({
      heading: g.heading,
      lines: g.lines.map((l) => ({ text: l.text, organizationId: l.organizationId ?? "" })),
    })),
    tasks: c.taskAssignments.map((t) => ({
      assignee: t.assignee,
      organizationId: t.organizationId ?? "",
      duties: t.duties,
      inlineDuties: t.inlineDuties ? "on" : undefined,
      dueDate: toLocalDateValue(t.dueDate),
      status: t.status,
    })),
    recipients: c.recipients.map((r) => r.text).join("\n"),
  };
}
