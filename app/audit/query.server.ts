// Reading the audit trail: one conference's, one scoring round's, or an admin's subtree's events,
// filtered, newest first, a page at a time (counted in SQL), or all of them for the export.

import { containsText, prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { formatDateAtTime, fromLocalDateValue } from "#app/lib/vietnamese-date.ts";
import type { AuditChange } from "#app/database/audit.server.ts";
import type { AuditFilters } from "#app/audit/filters.ts";
import { fieldLabel } from "#app/audit/field-labels.ts";
import { ACTOR_KIND_LABEL, actionLabel, entityLabel, valueText } from "#app/audit/labels.ts";

export const AUDIT_PAGE_SIZE = 50;
/** Most rows one export holds; a longer list asks for a narrower filter. */
export const AUDIT_EXPORT_LIMIT = 20_000;
/** Most field changes a row of the page shows (the export has them all). */
const PAGE_CHANGES = 40;
/** Longest value the page sends (the export has it whole). */
const PAGE_VALUE_CHARS = 4_000;

export type AuditScope =
  /** A conference's page. */
  | { conferenceId: string }
  /** A round's page; `organizationIds` narrows it to those organisations' records (an assessed unit's view). */
  | { roundId: string; organizationIds?: readonly string[] }
  /** An admin's page: records of these organisations and of the conferences and rounds they own. */
  | { organizationIds: readonly string[] };

async function scopeWhere(scope: AuditScope): Promise<Prisma.AuditEventWhereInput> {
  if ("conferenceId" in scope) return { conferenceId: scope.conferenceId };
  if ("roundId" in scope)
    return {
      roundId: scope.roundId,
      ...(scope.organizationIds ? { organizationId: { in: [...scope.organizationIds] } } : {}),
    };
  const ids = [...scope.organizationIds];
  const [conferences, rounds] = await Promise.all([
    prisma.conference.findMany({ where: { organizationId: { in: ids } }, select: { id: true } }),
    prisma.assessmentRound.findMany({ where: { organizationId: { in: ids } }, select: { id: true } }),
  ]);
  return {
    OR: [
      { organizationId: { in: ids } },
      { conferenceId: { in: conferences.map((c) => c.id) } },
      { roundId: { in: rounds.map((r) => r.id) } },
    ],
  };
}

function filterWhere(f: AuditFilters): Prisma.AuditEventWhereInput[] {
  const and: Prisma.AuditEventWhereInput[] = [];
  const from = f.from ? fromLocalDateValue(f.from) : null;
  const to = f.to ? fromLocalDateValue(f.to) : null;
  if (from) and.push({ at: { gte: from } });
  // "Đến ngày" includes that whole day in Vietnam's time.
  if (to) and.push({ at: { lt: new Date(to.getTime() + 24 * 3600 * 1000) } });
  if (f.actor) and.push({ actorLabel: containsText(f.actor) });
  if (f.kind) and.push({ actorKind: f.kind });
  if (f.entity) and.push({ entity: f.entity });
  if (f.action) and.push({ action: f.action });
  if (f.q) {
    and.push({
      OR: [
        { summary: containsText(f.q) },
        { changes: containsText(f.q) },
        { actorLabel: containsText(f.q) },
        { entityId: f.q },
        { ip: f.q },
      ],
    });
  }
  return and;
}

const rowSelect = {
  id: true,
  at: true,
  actorKind: true,
  actorLabel: true,
  ip: true,
  action: true,
  entity: true,
  entityId: true,
  summary: true,
  changes: true,
} as const;

type StoredRow = Prisma.AuditEventGetPayload<{ select: typeof rowSelect }>;

export interface AuditChangeView {
  field: string;
  before: string;
  after: string;
}

export interface AuditRowView {
  id: string;
  at: string;
  atIso: string;
  actor: string;
  actorKind: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  summary: string;
  changes: AuditChangeView[];
  /** Changes left out of the page (all are in the export). */
  moreChanges: number;
}

function parseChanges(json: string): AuditChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as AuditChange[]) : [];
  } catch {
    return [];
  }
}

/** One stored event in Vietnamese: labels, local time, values as text. */
export function viewRow(
  r: StoredRow,
  limits: { changes: number; chars: number } = { changes: Infinity, chars: Infinity },
): AuditRowView {
  const changes = parseChanges(r.changes);
  const cut = (s: string) => (s.length > limits.chars ? `${s.slice(0, limits.chars)}… (còn nữa, xem tệp Excel)` : s);
  return {
    id: r.id,
    at: formatDateAtTime(r.at),
    atIso: r.at.toISOString(),
    actor: r.actorLabel,
    actorKind: ACTOR_KIND_LABEL[r.actorKind as keyof typeof ACTOR_KIND_LABEL] ?? r.actorKind,
    ip: r.ip,
    action: actionLabel(r.action),
    entity: entityLabel(r.entity),
    entityId: r.entityId,
    summary: r.summary,
    changes: changes.slice(0, limits.changes).map((c) => ({
      field: fieldLabel(r.entity, c.field),
      before: cut(valueText(r.entity, c.field, c.before, formatDateAtTime)),
      after: cut(valueText(r.entity, c.field, c.after, formatDateAtTime)),
    })),
    moreChanges: Math.max(0, changes.length - limits.changes),
  };
}

export interface AuditFacet {
  value: string;
  label: string;
}

export interface AuditPage {
  total: number;
  page: number;
  pages: number;
  rows: AuditRowView[];
  /** What the filter selects offer: the record types and actions present in this log. */
  entities: AuditFacet[];
  actions: Array<AuditFacet & { entity: string }>;
}

export async function auditPage(scope: AuditScope, filters: AuditFilters): Promise<AuditPage> {
  const base = await scopeWhere(scope);
  const where: Prisma.AuditEventWhereInput = { AND: [base, ...filterWhere(filters)] };
  const [total, kinds] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ["entity", "action"], where: base }),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: rowSelect,
  });
  const byLabel = (a: AuditFacet, b: AuditFacet) => a.label.localeCompare(b.label, "vi");
  const entities = [...new Set(kinds.map((k) => k.entity))]
    .map((e) => ({ value: e, label: entityLabel(e) }))
    .sort(byLabel);
  const actions = kinds.map((k) => ({ value: k.action, label: actionLabel(k.action), entity: k.entity })).sort(byLabel);
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => viewRow(r, { changes: PAGE_CHANGES, chars: PAGE_VALUE_CHARS })),
    entities,
    actions: actions.filter((a, i) => actions.findIndex((b) => b.value === a.value) === i),
  };
}

/** Every event the filters select, newest first, up to AUDIT_EXPORT_LIMIT. */
export async function auditExportRows(
  scope: AuditScope,
  filters: AuditFilters,
): Promise<{ rows: AuditRowView[]; truncated: boolean }> {
  const where: Prisma.AuditEventWhereInput = { AND: [await scopeWhere(scope), ...filterWhere(filters)] };
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT + 1,
    select: rowSelect,
  });
  return {
    rows: rows.slice(0, AUDIT_EXPORT_LIMIT).map((r) => viewRow(r)),
    truncated: rows.length > AUDIT_EXPORT_LIMIT,
  };
}
