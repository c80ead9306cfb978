import { notFound } from "#app/auth/guard.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { insertRows, type Cell } from "#app/database/bulk-insert.server.ts";
import { sortableRowIds } from "#app/database/row-id.server.ts";
import { listSnapshot, personKey } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { AttendeeValues } from "#app/invitations/attendee-form.ts";
import { newToken } from "#app/invitations/signing.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";

/** The conference fields the invitation screens need, by id: the access guard has already let the user in. */
export async function invitationConference(id: string) {
  const c = await prisma.conference.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      tentativeMonth: true,
      tentativeYear: true,
      venue: true,
      calendarSequence: true,
      reminderRound: true,
      organizationId: true,
      attendeeGroups: {
        orderBy: { position: "asc" },
        select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
      },
      bridgePoints: { orderBy: { position: "asc" }, select: { id: true, name: true, address: true } },
    },
  });
  if (!c) notFound("Không tìm thấy hội nghị hoặc kế hoạch này.");
  return c;
}

/** Where new attendees came from: the form (one person), a file, or an organisation's members. */
export type AttendeeSource =
  { kind: "form" } | { kind: "file"; fileName: string } | { kind: "members"; organizationName: string };

/** The fields of an attendee the audit trail shows (never the token). */
export function attendeeAuditFields(
  v: { name: string; position: string; organizationName: string; email: string; phone: string },
  group: string,
  bridge: string,
) {
  return {
    name: v.name,
    position: v.position,
    organizationName: v.organizationName,
    email: v.email,
    phone: v.phone,
    group,
    bridgePoint: bridge,
  };
}

// Tokens signed between two turns of the event loop (Ed25519, about 50 µs each): a list of 20,000 would
// otherwise hold every other request of this process, the door's scans among them, for a second.
const SIGN_CHUNK = 200;

const ATTENDEE_COLUMNS = [
  "id",
  "conferenceId",
  "name",
  "position",
  "organizationName",
  "groupId",
  "email",
  "phone",
  "bridgePointId",
  "token",
  "invitationKey",
  "createdAt",
] as const;

/** Each new attendee's row, in ATTENDEE_COLUMNS order: signed before the transaction, which then only writes. */
async function attendeeRows(conferenceId: string, values: AttendeeValues[]): Promise<Cell[][]> {
  const ids = sortableRowIds(values.length);
  const createdAt = new Date();
  const rows: Cell[][] = [];
  for (let at = 0; at < values.length; at += SIGN_CHUNK) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const [i, v] of values.slice(at, at + SIGN_CHUNK).entries()) {
      const { token, invitationKey } = newToken(conferenceId);
      rows.push([
        ids[at + i]!,
        conferenceId,
        v.name,
        v.position,
        v.organizationName,
        v.groupId || null,
        v.email,
        v.phone,
        v.bridgePointId || null,
        token,
        invitationKey,
        createdAt,
      ]);
    }
  }
  return rows;
}

export async function createAttendees(
  actor: AuditActor,
  conferenceId: string,
  values: AttendeeValues[],
  source: AttendeeSource,
): Promise<number> {
  // A list of 20,000 used to be 20,000 single-row statements in one transaction (about 16 s, during which
  // the door's scans waited for the write lock): the rows are now signed first, then written in a few
  // multi-row statements, still in one transaction with the audit record.
  const rows = await attendeeRows(conferenceId, values);
  const started = performance.now();
  await prisma.$transaction(async (tx) => {
    const names = await referenceNames(tx, conferenceId);
    await insertRows(tx, "Attendee", ATTENDEE_COLUMNS, rows);
    const describe = (v: AttendeeValues) =>
      attendeeAuditFields(v, names.group(v.groupId), names.bridge(v.bridgePointId));
    if (source.kind === "form") {
      for (const [i, v] of values.entries()) {
        await recordAudit(tx, actor, {
          action: "attendee.create",
          entity: "Attendee",
          entityId: String(rows[i]![0]),
          summary: `Thêm đại biểu ${v.name}${v.position ? `, ${v.position}` : ""}`,
          after: describe(v),
          conferenceId,
        });
      }
    } else if (values.length) {
      // A list is one action: one record with the count and who was added.
      const from =
        source.kind === "file" ? `từ tệp “${source.fileName}”` : `là thành viên của ${source.organizationName}`;
      await recordAudit(tx, actor, {
        action: "attendee.import",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Thêm ${values.length} đại biểu ${from}`,
        after: listSnapshot(
          values.map((v) => [
            personKey(v),
            [v.position, v.organizationName, names.group(v.groupId), names.bridge(v.bridgePointId)]
              .filter(Boolean)
              .join(" · "),
          ]),
        ),
        conferenceId,
      });
    }
  });
  if (source.kind !== "form")
    logger.info(
      {
        event: "attendees.imported",
        conferenceId,
        count: values.length,
        writeMs: Math.round(performance.now() - started),
      },
      `${values.length} attendees written`,
    );
  return values.length;
}

/** Names of the conference's groups and bridge points, for audit records. */
async function referenceNames(tx: Prisma.TransactionClient, conferenceId: string) {
  // One after the other: a transaction is one connection, which runs one query at a time (pg deprecates
  // queueing a second query on a busy client).
  const groups = await tx.attendeeGroup.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
  });
  const bridges = await tx.bridgePoint.findMany({ where: { conferenceId }, select: { id: true, name: true } });
  const groupName = new Map(groups.map((g, i) => [g.id, groupLabel(g, i)]));
  const bridgeName = new Map(bridges.map((b) => [b.id, b.name]));
  return {
    group: (id: string | null | undefined) => (id ? (groupName.get(id) ?? "") : ""),
    bridge: (id: string | null | undefined) => (id ? (bridgeName.get(id) ?? "") : "Hội trường"),
  };
}
