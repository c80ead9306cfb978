// The audit trail: one append-only AuditEvent row per write, written with the write's own
// transaction client so that the change and its record land (or roll back) together.

import type { Prisma } from "#app/generated/prisma/client.ts";

/** Who did it. Built from the signed-in user (`userActor`) or from the link a public page was opened with. */
export interface AuditActor {
  kind: "USER" | "INVITEE" | "BRIDGE" | "POSTER" | "SCANNER" | "SYSTEM";
  userId: string | null;
  label: string;
  ip: string | null;
}

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  /** Dotted verb, e.g. "attendee.rsvp", "plan.update". */
  action: string;
  /** The model name of the record, e.g. "Attendee". */
  entity: string;
  entityId: string;
  /** One Vietnamese line for the log. */
  summary: string;
  /** The record's fields before the write (null for a creation). */
  before?: Record<string, unknown> | null;
  /** The record's fields after the write (null for a deletion). */
  after?: Record<string, unknown> | null;
  organizationId?: string | null;
  conferenceId?: string | null;
  roundId?: string | null;
}

export function userActor(user: { id: string; name: string; email: string; ip?: string | null }): AuditActor {
  return { kind: "USER", userId: user.id, label: `${user.name} <${user.email}>`, ip: user.ip ?? null };
}

export const SYSTEM_ACTOR: AuditActor = { kind: "SYSTEM", userId: null, label: "Hệ thống", ip: null };

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
}

/** Field-by-field differences; fields equal on both sides are left out. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const b = normalise(before?.[field]);
    const a = normalise(after?.[field]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

/** The row `recordAudit` writes, for a caller that batches it with its write (`prisma.$transaction([...])`). */
export function auditEventData(actor: AuditActor, entry: AuditEntry) {
  return {
    actorKind: actor.kind,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    summary: entry.summary,
    changes: JSON.stringify(diffFields(entry.before, entry.after)),
    organizationId: entry.organizationId ?? null,
    conferenceId: entry.conferenceId ?? null,
    roundId: entry.roundId ?? null,
  };
}

/**
 * The AuditEvent columns in the order of `auditEventCells`: for writers that insert many records in one
 * bound statement (app/database/bulk-insert.server.ts) instead of Prisma's createMany.
 */
export const AUDIT_EVENT_COLUMNS = [
  "id",
  "at",
  "actorKind",
  "actorUserId",
  "actorLabel",
  "ip",
  "action",
  "entity",
  "entityId",
  "summary",
  "changes",
  "organizationId",
  "conferenceId",
  "roundId",
] as const;

/** One record as the values of AUDIT_EVENT_COLUMNS, with the id and time Prisma's defaults would supply. */
export function auditEventCells(id: string, at: Date, data: ReturnType<typeof auditEventData>) {
  return [
    id,
    at,
    data.actorKind,
    data.actorUserId,
    data.actorLabel,
    data.ip,
    data.action,
    data.entity,
    data.entityId,
    data.summary,
    data.changes,
    data.organizationId,
    data.conferenceId,
    data.roundId,
  ];
}

/** Records one write. Call it with the transaction client of the write itself. */
export async function recordAudit(tx: AuditClient, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditEventData(actor, entry), select: { id: true } });
}
