// Roll-call marks that are not a check-in: absent, substitute, clearing a mark, and an organiser moving
// someone already present (hall ↔ bridge point). The decision (decideMark) is a pure function of the rows
// read, applied like a scan: on SQLite in the same kind of IMMEDIATE transaction on the core's connection,
// on PostgreSQL in a transaction that first locks the attendee's row (pg-store.server.ts), so the check,
// the write and the audit row cannot interleave with a door scan on any instance.

import type Database from "better-sqlite3";
import type pg from "pg";
import { attendanceChanges, attendanceFields } from "#app/checkin/attendance-audit.server.ts";
import { withBusyRetry } from "#app/checkin/group-commit.server.ts";
import {
  ATTENDEE_JSON,
  BRIDGE_JSON,
  CURRENT_JSON,
  attendanceOf,
  auditParams,
  inTransaction,
  lockAttendee,
  pgStore,
} from "#app/checkin/pg-store.server.ts";
import {
  newId,
  type AttendanceRow,
  type AttendeeRow,
  type AuditWrite,
  type BridgeRow,
} from "#app/checkin/rows.server.ts";
import type { CheckinAudit } from "#app/checkin/scan-input.ts";
import { dbTime, insertAudit, store, type Store } from "#app/checkin/store.server.ts";
import { ATTENDANCE_LABEL, METHOD_LABEL, type AttendanceStatus } from "#app/checkin/types.ts";
import { env, isPostgresUrl } from "#app/env.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";

export type MarkChange =
  | { kind: "ABSENT"; reason: string }
  | { kind: "SUBSTITUTE"; substituteName: string; bridgePointId: string | null }
  | { kind: "CLEAR" }
  /** Someone already present: where they attend changes, the first time stays. */
  | { kind: "MOVE"; bridgePointId: string | null };

export interface MarkInput {
  conferenceId: string;
  attendeeId: string;
  change: MarkChange;
  userId: string | null;
  now: Date;
  audit: CheckinAudit;
  /**
   * A bridge point reporting its own attendance: it may not change a record of someone present in the
   * hall or at another bridge point (an in-person record is never turned into something else by a bridge).
   */
  fromBridgePointId?: string | null;
}

export type MarkOutcome =
  | { ok: true; changed: boolean; name: string }
  | { ok: false; reason: "unknown-attendee" }
  | { ok: false; reason: "elsewhere"; name: string; status: AttendanceStatus; place: string };

export interface MarkFacts {
  attendee: AttendeeRow | undefined;
  current: AttendanceRow | undefined;
  /** The bridge point the change names (MOVE, SUBSTITUTE), when it names one. */
  bridge: BridgeRow | undefined;
}

export type MarkWrite =
  | { kind: "delete"; attendeeId: string }
  | {
      kind: "move";
      attendeeId: string;
      status: AttendanceStatus;
      bridgePointId: string | null;
      recordedById: string | null;
      updatedAt: Date;
    }
  | {
      kind: "mark";
      attendeeId: string;
      conferenceId: string;
      status: AttendanceStatus;
      bridgePointId: string | null;
      checkedInAt: Date | null;
      absenceReason: string;
      substituteName: string;
      recordedById: string | null;
      updatedAt: Date;
    };

/** The change's bridge point, which the store reads with the other facts. */
function changeBridgeId(c: MarkChange): string | null {
  return c.kind === "MOVE" || c.kind === "SUBSTITUTE" ? c.bridgePointId : null;
}

export function decideMark(
  facts: MarkFacts,
  input: MarkInput,
): { outcome: MarkOutcome; write?: MarkWrite; audit?: AuditWrite } {
  const row = facts.attendee;
  if (!row || row.conferenceId !== input.conferenceId) return { outcome: { ok: false, reason: "unknown-attendee" } };
  const current = facts.current;
  const currentPlace = current ? current.listName || current.bridgeName || "" : "";
  if (input.fromBridgePointId && current && current.status !== "ABSENT") {
    const elsewhere = current.status === "IN_PERSON" || current.bridgePointId !== input.fromBridgePointId;
    if (elsewhere)
      return {
        outcome: { ok: false, reason: "elsewhere", name: row.name, status: current.status, place: currentPlace },
      };
  }
  const unchanged = { outcome: { ok: true, changed: false, name: row.name } as MarkOutcome };
  const before = current ? attendanceFields({ ...current, place: currentPlace || null }) : null;
  const c = input.change;
  let after: Parameters<typeof attendanceFields>[0] | null;
  let detail: string;
  let write: MarkWrite;
  if (c.kind === "CLEAR") {
    if (!current) return unchanged;
    write = { kind: "delete", attendeeId: row.id };
    after = null;
    detail = "xóa kết quả điểm danh";
  } else if (c.kind === "MOVE") {
    if (!current || current.status === "ABSENT") return unchanged;
    const status: AttendanceStatus = c.bridgePointId ? "ONLINE" : "IN_PERSON";
    // Back in the hall: the entrance it was scanned at, if it was scanned in the hall.
    const place = c.bridgePointId
      ? (facts.bridge?.name ?? null)
      : current.status === "IN_PERSON"
        ? current.listName
        : null;
    after = { ...current, status, bridgePointId: c.bridgePointId, place, absenceReason: "", substituteName: "" };
    if (JSON.stringify(attendanceFields(after)) === JSON.stringify(before)) return unchanged;
    write = {
      kind: "move",
      attendeeId: row.id,
      status,
      bridgePointId: c.bridgePointId,
      recordedById: input.userId,
      updatedAt: input.now,
    };
    detail = `sửa thành ${ATTENDANCE_LABEL[status]}${place ? ` (${place})` : ""}`;
  } else {
    const bridgePointId = c.kind === "SUBSTITUTE" ? c.bridgePointId : null;
    after = {
      status: c.kind,
      place: bridgePointId ? (facts.bridge?.name ?? null) : null,
      bridgePointId,
      checkinListId: null,
      checkedInAt: c.kind === "SUBSTITUTE" ? input.now.toISOString() : null,
      method: "ROLL_CALL",
      deviceId: "",
      absenceReason: c.kind === "ABSENT" ? c.reason : "",
      substituteName: c.kind === "SUBSTITUTE" ? c.substituteName : "",
    };
    // The same mark again (a double submit) changes nothing and is not logged twice.
    const same =
      current &&
      current.status === c.kind &&
      current.absenceReason === after.absenceReason &&
      current.substituteName === after.substituteName &&
      current.bridgePointId === bridgePointId;
    if (same) return unchanged;
    write = {
      kind: "mark",
      attendeeId: row.id,
      conferenceId: row.conferenceId,
      status: c.kind,
      bridgePointId,
      checkedInAt: c.kind === "SUBSTITUTE" ? input.now : null,
      absenceReason: after.absenceReason,
      substituteName: after.substituteName,
      recordedById: input.userId,
      updatedAt: input.now,
    };
    detail =
      c.kind === "ABSENT"
        ? `${ATTENDANCE_LABEL.ABSENT} (lý do: ${c.reason})`
        : `${ATTENDANCE_LABEL.SUBSTITUTE}: ${c.substituteName}${after.place ? ` (${after.place})` : ""}`;
  }
  const { actor, action, label } = input.audit;
  return {
    outcome: { ok: true, changed: true, name: row.name },
    write,
    audit: {
      id: newId(),
      at: input.now,
      actorKind: actor.kind,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      ip: actor.ip,
      action,
      entity: "Attendance",
      entityId: row.id,
      summary: `${label ?? METHOD_LABEL.ROLL_CALL}: ${row.name} — ${detail}`,
      changes: JSON.stringify(attendanceChanges(before, after ? attendanceFields(after) : null)),
      organizationId: row.organizationId,
      conferenceId: row.conferenceId,
    },
  };
}

function markTx(st: Store, input: MarkInput): MarkOutcome {
  const { s } = st;
  const attendee = s.attendeeById.get(input.attendeeId);
  const bridgeId = changeBridgeId(input.change);
  const facts: MarkFacts = {
    attendee,
    current: attendee ? s.attendance.get(attendee.id) : undefined,
    bridge: attendee && bridgeId ? s.bridge.get(bridgeId) : undefined,
  };
  const { outcome, write: w, audit } = decideMark(facts, input);
  if (!w || !audit) return outcome;
  if (w.kind === "delete") s.deleteAttendance.run(w.attendeeId);
  else if (w.kind === "move")
    s.moveAttendance.run(w.status, w.bridgePointId, w.recordedById, dbTime(w.updatedAt), w.attendeeId);
  else
    s.upsertMark.run(
      w.attendeeId,
      w.conferenceId,
      w.status,
      w.bridgePointId,
      w.checkedInAt ? dbTime(w.checkedInAt) : null,
      w.absenceReason,
      w.substituteName,
      w.recordedById,
      dbTime(w.updatedAt),
    );
  insertAudit(st, audit);
  return outcome;
}

const markTransactions = new WeakMap<Database.Database, (input: MarkInput) => MarkOutcome>();

/** Records one roll-call mark that is not a check-in, with its audit row, in one transaction. */
export async function recordMark(input: MarkInput): Promise<MarkOutcome> {
  const url = env().DATABASE_URL;
  if (isPostgresUrl(url)) return recordMarkPg(url, input);
  const st = store();
  let tx = markTransactions.get(st.db);
  if (!tx) {
    const t = st.db.transaction((i: MarkInput) => markTx(st, i));
    tx = (i) => t.immediate(i);
    markTransactions.set(st.db, tx);
  }
  const run = tx;
  return withBusyRetry(() => run(input));
}

const MARK_FACTS_SQL = `SELECT ${ATTENDEE_JSON} AS "attendee", ${CURRENT_JSON} AS "current", ${BRIDGE_JSON("$2")} AS "bridge"`;

async function applyMarkPg(client: pg.PoolClient, w: MarkWrite, audit: AuditWrite): Promise<void> {
  if (w.kind === "delete") await client.query(`DELETE FROM "Attendance" WHERE "attendeeId" = $1`, [w.attendeeId]);
  else if (w.kind === "move")
    await client.query(
      `UPDATE "Attendance" SET "status" = $1::"AttendanceStatus", "bridgePointId" = $2, "absenceReason" = '', "substituteName" = '', "recordedById" = $3, "updatedAt" = $4::timestamp(3) WHERE "attendeeId" = $5`,
      [w.status, w.bridgePointId, w.recordedById, pgTime(w.updatedAt), w.attendeeId],
    );
  else
    await client.query(
      `INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkinListId", "checkedInAt", "deviceId", "method", "absenceReason", "substituteName", "recordedById", "updatedAt")
       VALUES ($1, $2, $3::"AttendanceStatus", $4, NULL, $5::timestamp(3), '', 'ROLL_CALL', $6, $7, $8, $9::timestamp(3))
       ON CONFLICT ("attendeeId") DO UPDATE SET
         "status" = excluded."status", "bridgePointId" = excluded."bridgePointId", "checkinListId" = NULL, "checkedInAt" = excluded."checkedInAt",
         "deviceId" = '', "method" = 'ROLL_CALL', "absenceReason" = excluded."absenceReason", "substituteName" = excluded."substituteName",
         "recordedById" = excluded."recordedById", "updatedAt" = excluded."updatedAt"`,
      [
        w.attendeeId,
        w.conferenceId,
        w.status,
        w.bridgePointId,
        w.checkedInAt ? pgTime(w.checkedInAt) : null,
        w.absenceReason,
        w.substituteName,
        w.recordedById,
        pgTime(w.updatedAt),
      ],
    );
  await client.query(
    `INSERT INTO "AuditEvent" ("id", "at", "actorKind", "actorUserId", "actorLabel", "ip", "action", "entity", "entityId", "summary", "changes", "organizationId", "conferenceId")
     VALUES ($1, $2::timestamp(3), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    auditParams(audit),
  );
}

async function recordMarkPg(url: string, input: MarkInput): Promise<MarkOutcome> {
  return inTransaction(pgStore(url), async (client) => {
    const id = await lockAttendee(client, { id: input.attendeeId });
    const f = (
      await client.query<{ attendee: AttendeeRow | null; current: AttendanceRow | null; bridge: BridgeRow | null }>({
        name: "checkin-mark-facts",
        text: MARK_FACTS_SQL,
        values: [id, id ? changeBridgeId(input.change) : null],
      })
    ).rows[0]!;
    const { outcome, write, audit } = decideMark(
      { attendee: f.attendee ?? undefined, current: attendanceOf(f.current), bridge: f.bridge ?? undefined },
      input,
    );
    if (!write || !audit) return { commit: false, value: outcome };
    await applyMarkPg(client, write, audit);
    return { commit: true, value: outcome };
  });
}
