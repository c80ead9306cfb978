// Attendance (điểm danh) for organisers: who may see it, the rows and figures, roll-call marks.
import crypto from "node:crypto";
import type { AuditActor } from "#app/database/audit.server.ts";
import { forbidden, type ConferenceAccess } from "#app/auth/guard.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";
import { recordMark, type MarkChange } from "#app/checkin/marks.server.ts";
import { ATTENDANCE_LABEL, type CheckinResponse } from "#app/checkin/types.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import type { AttendeeRow } from "#app/attendance/summary.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

/**
 * The conference's attendance pages (roll call, figures, printed lists, reports), for a user the guard
 * let in. These pages cover every attendee: a bridge operator, whose "attendance.take" holds only for
 * their own bridge points, reports at the bridge's page instead (403 here).
 */
export async function attendanceConference(access: ConferenceAccess) {
  if (access.onlyOperatedBridges("attendance.take")) {
    forbidden(
      "Người vận hành điểm cầu điểm danh tại trang của điểm cầu (mục “Điểm cầu” › “Điểm danh”), không tại trang điểm danh của cả hội nghị.",
    );
  }
  return invitationConference(access.conference.id);
}

/** The fields of an attendance mark that lists and reports show. */
export const ATTENDANCE_MARK_SELECT = {
  status: true,
  bridgePointId: true,
  checkedInAt: true,
  method: true,
  absenceReason: true,
  substituteName: true,
} as const;

/** What an attendance row (summary.ts `AttendeeRow`) reads of an attendee. */
export const ATTENDEE_ROW_SELECT = {
  id: true,
  name: true,
  position: true,
  organizationName: true,
  groupId: true,
  bridgePointId: true,
  rsvp: true,
  walkIn: true,
  substituteFor: { select: { name: true } },
  attendance: { select: ATTENDANCE_MARK_SELECT },
} as const;

type SelectedAttendee = Prisma.AttendeeGetPayload<{ select: typeof ATTENDEE_ROW_SELECT }>;

export function toAttendeeRow(a: SelectedAttendee): AttendeeRow {
  return {
    id: a.id,
    name: a.name,
    position: a.position,
    organizationName: a.organizationName,
    groupId: a.groupId,
    bridgePointId: a.bridgePointId,
    rsvp: a.rsvp,
    walkIn: a.walkIn,
    substituteForName: a.substituteFor?.name ?? null,
    attendance: a.attendance
      ? {
          status: a.attendance.status,
          bridgePointId: a.attendance.bridgePointId,
          checkedInAt: a.attendance.checkedInAt?.toISOString() ?? null,
          method: a.attendance.method,
          absenceReason: a.attendance.absenceReason,
          substituteName: a.attendance.substituteName,
        }
      : null,
  };
}

export type RollCallMark =
  | { kind: "IN_PERSON" }
  | { kind: "ONLINE"; bridgePointId: string }
  | { kind: "ABSENT"; reason: string }
  // A bridge point's operator records the substitute at their bridge.
  | { kind: "SUBSTITUTE"; substituteName: string; bridgePointId?: string | null }
  | { kind: "CLEAR" };

export type RollCallResult =
  { ok: true; message: string } | { ok: false; status: 400 | 404 | 409; message: string; field?: string };

const clean = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Reads a roll-call form (status, bridgePointId, absenceReason, substituteName); errors name the field in
 * Vietnamese.
 */
export function parseRollCallForm(
  form: FormData,
): { ok: true; attendeeId: string; mark: RollCallMark } | { ok: false; message: string; field?: string } {
  const attendeeId = String(form.get("attendeeId") ?? "");
  if (!attendeeId) return { ok: false, message: "Thiếu đại biểu cần điểm danh." };
  const status = String(form.get("status") ?? "");
  switch (status) {
    case "IN_PERSON":
      return { ok: true, attendeeId, mark: { kind: "IN_PERSON" } };
    case "ONLINE": {
      const bridgePointId = String(form.get("bridgePointId") ?? "");
      if (!bridgePointId)
        return { ok: false, field: "bridgePointId", message: "Chọn “Điểm cầu” nơi đại biểu dự trực tuyến." };
      return { ok: true, attendeeId, mark: { kind: "ONLINE", bridgePointId } };
    }
    case "ABSENT": {
      const reason = clean(String(form.get("absenceReason") ?? ""));
      if (!reason) return { ok: false, field: "absenceReason", message: "Nhập “Lý do vắng mặt”." };
      if (reason.length > 500)
        return { ok: false, field: "absenceReason", message: "“Lý do vắng mặt” dài quá 500 ký tự." };
      return { ok: true, attendeeId, mark: { kind: "ABSENT", reason } };
    }
    case "SUBSTITUTE": {
      const name = clean(String(form.get("substituteName") ?? ""));
      if (!name) return { ok: false, field: "substituteName", message: "Nhập “Họ tên người dự thay”." };
      if (name.length > 200)
        return { ok: false, field: "substituteName", message: "“Họ tên người dự thay” dài quá 200 ký tự." };
      return { ok: true, attendeeId, mark: { kind: "SUBSTITUTE", substituteName: name } };
    }
    case "CLEAR":
      return { ok: true, attendeeId, mark: { kind: "CLEAR" } };
    default:
      return { ok: false, field: "status", message: "Chọn “Kết quả điểm danh”." };
  }
}

/**
 * Records one roll-call mark, with its audit row in the same transaction. Present marks go through
 * checkIn (method ROLL_CALL), so the scan log and the earliest time stay right; an organiser's correction
 * of someone already present changes the place and keeps the first time. Absent, substitute and CLEAR
 * (which removes the mark; the scan log stays) are written by recordMark.
 *
 * With `bridgePointId` the mark comes from that bridge point reporting its own attendance: present means
 * online there, and it cannot change a record of someone present in the hall or at another bridge point.
 */
export async function recordRollCall(input: {
  conferenceId: string;
  attendeeId: string;
  mark: RollCallMark;
  /** Null for a bridge operator's link without an account. */
  userId: string | null;
  actor: AuditActor;
  /** A bridge point reporting (its link or its operator). */
  bridge?: { id: string; name: string } | null;
  now?: Date;
}): Promise<RollCallResult> {
  const { conferenceId, attendeeId, mark, userId, actor } = input;
  const bridge = input.bridge ?? null;
  const now = input.now ?? new Date();
  const attendee = await prisma.attendee.findFirst({
    where: { id: attendeeId, conferenceId },
    select: { id: true, name: true, revokedAt: true },
  });
  if (!attendee) return { ok: false, status: 404, message: "Không tìm thấy đại biểu trong hội nghị này." };
  if (attendee.revokedAt)
    return { ok: false, status: 400, message: `Giấy mời của ${attendee.name} đã chuyển cho người dự thay.` };
  if (mark.kind === "ONLINE") {
    const found = await prisma.bridgePoint.findFirst({
      where: { id: mark.bridgePointId, conferenceId },
      select: { id: true },
    });
    if (!found)
      return { ok: false, status: 400, message: "Điểm cầu không thuộc hội nghị này.", field: "bridgePointId" };
  }
  const audit = bridge
    ? { actor, action: "attendance.bridge-report", label: `${bridge.name} báo cáo` }
    : { actor, action: "attendance.roll-call" };
  const elsewhere = (name: string, status: keyof typeof ATTENDANCE_LABEL, place: string): RollCallResult => ({
    ok: false,
    status: 409,
    message: `${name} đã được ghi “${ATTENDANCE_LABEL[status]}”${place ? ` (${place})` : ""} ở nơi khác; điểm cầu không sửa được kết quả này, hãy báo ban tổ chức.`,
  });

  if (mark.kind === "ABSENT" || mark.kind === "SUBSTITUTE" || mark.kind === "CLEAR") {
    const change: MarkChange =
      mark.kind === "ABSENT"
        ? { kind: "ABSENT", reason: mark.reason }
        : mark.kind === "SUBSTITUTE"
          ? { kind: "SUBSTITUTE", substituteName: mark.substituteName, bridgePointId: mark.bridgePointId ?? null }
          : { kind: "CLEAR" };
    const r = await recordMark({
      conferenceId,
      attendeeId,
      change,
      userId,
      now,
      audit,
      fromBridgePointId: bridge?.id ?? null,
    });
    if (!r.ok)
      return r.reason === "elsewhere"
        ? elsewhere(r.name, r.status, r.place)
        : { ok: false, status: 404, message: "Không tìm thấy đại biểu trong hội nghị này." };
    return {
      ok: true,
      message:
        mark.kind === "ABSENT"
          ? `Đã ghi ${attendee.name} vắng mặt.`
          : mark.kind === "SUBSTITUTE"
            ? `Đã ghi người dự thay ${mark.substituteName} có mặt thay ${attendee.name}.`
            : `Đã xóa kết quả điểm danh của ${attendee.name}.`,
    };
  }
  const bridgePointId = mark.kind === "ONLINE" ? mark.bridgePointId : null;
  const response = await checkIn({
    conferenceId,
    listId: null,
    bridgePointId,
    attendeeId,
    deviceId: `roll-call:${userId ?? "bridge-link"}`,
    nonce: crypto.randomUUID(),
    scannedAt: now,
    receivedAt: now,
    method: "ROLL_CALL",
    userId,
    credentialKey: "roll-call",
    audit,
  });
  if (response.result === "rejected") return { ok: false, status: 400, message: response.message };
  if (response.result === "duplicate") {
    if (bridge) {
      // Already present: at this bridge nothing to do; elsewhere the bridge does not move them.
      const r = await recordMark({
        conferenceId,
        attendeeId,
        change: { kind: "MOVE", bridgePointId },
        userId,
        now,
        audit,
        fromBridgePointId: bridge.id,
      });
      if (!r.ok)
        return r.reason === "elsewhere"
          ? elsewhere(r.name, r.status, r.place)
          : { ok: false, status: 404, message: "Không tìm thấy đại biểu trong hội nghị này." };
    } else {
      // The organiser corrects where (or how) they attend, keeping the first time.
      await recordMark({ conferenceId, attendeeId, change: { kind: "MOVE", bridgePointId }, userId, now, audit });
    }
  }
  return { ok: true, message: presentMessage(attendee.name, mark, response) };
}

function presentMessage(name: string, mark: RollCallMark, response: CheckinResponse): string {
  if (mark.kind === "ONLINE") return `Đã ghi ${name} dự trực tuyến tại điểm cầu.`;
  return response.result === "accepted" ? `Đã ghi ${name} có mặt trực tiếp.` : `Đã sửa: ${name} có mặt trực tiếp.`;
}

/** A bridge point's self check-in key, made when first needed (old rows have none). */
export async function ensurePosterKey(bridgePointId: string): Promise<string> {
  const row = await prisma.bridgePoint.findUniqueOrThrow({ where: { id: bridgePointId }, select: { posterKey: true } });
  if (row.posterKey) return row.posterKey;
  const key = crypto.randomBytes(16).toString("base64url");
  // Another request may have set it meanwhile: keep whichever was written first.
  await prisma.bridgePoint.updateMany({ where: { id: bridgePointId, posterKey: null }, data: { posterKey: key } });
  return (await prisma.bridgePoint.findUniqueOrThrow({ where: { id: bridgePointId }, select: { posterKey: true } }))
    .posterKey!;
}
