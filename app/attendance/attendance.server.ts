// Attendance (điểm danh) for organisers: who may see it, the rows and figures, roll-call marks.
import crypto from "node:crypto";
import { conferenceFor, forbidden } from "../auth/guard.server.ts";
import type { CurrentUser } from "../auth/session.server.ts";
import { hasRole } from "../auth/permissions.ts";
import { checkIn } from "../checkin/checkin.server.ts";
import type { AttendanceStatus, CheckinMethod, CheckinResponse } from "../checkin/types.ts";
import { prisma } from "../db.server.ts";
import { groupLabel, invitationConference } from "../invitations/attendees.server.ts";
import type { Role } from "../plans/vocabulary.ts";
import { summarize, type AttendanceSummary, type AttendeeRow } from "./summary.ts";

/** Who may take the roll, see the figures and print the lists. */
export const ATTENDANCE_ROLES: readonly Role[] = ["ADMIN", "OFFICE", "HOME_AFFAIRS", "CHECKIN_STAFF"];

export function canTakeAttendance(roles: readonly Role[]): boolean {
  return hasRole(roles, ...ATTENDANCE_ROLES);
}

/** The conference, if the user may take its attendance (the access guard decides). */
export async function attendanceConference(user: CurrentUser, id: string) {
  const access = await conferenceFor(user, id, "attendance.take");
  // Bridge operators take the roll of their own bridge points only (/b/:key/diem-danh), not here.
  if (access.onlyOperatedBridges("attendance.take")) forbidden();
  return invitationConference(access.conference.id);
}

export interface AttendanceData {
  groups: Array<{ id: string; label: string }>;
  bridges: Array<{ id: string; name: string }>;
  rows: AttendeeRow[];
  summary: AttendanceSummary;
}

/** Non-revoked attendees with their current attendance, and the figures per group and bridge point. */
export async function attendanceData(conference: {
  id: string;
  attendeeGroups: Array<{ id: string; heading: string; lines: Array<{ text: string }> }>;
  bridgePoints: Array<{ id: string; name: string }>;
}): Promise<AttendanceData> {
  const attendees = await prisma.attendee.findMany({
    where: { conferenceId: conference.id, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      groupId: true,
      bridgePointId: true,
      rsvp: true,
      walkIn: true,
      substituteFor: { select: { name: true } },
      attendance: { select: { status: true, bridgePointId: true, checkedInAt: true, method: true, absenceReason: true, substituteName: true } },
    },
  });
  const groups = conference.attendeeGroups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) }));
  const bridges = conference.bridgePoints.map((b) => ({ id: b.id, name: b.name }));
  const rows: AttendeeRow[] = attendees.map((a) => ({
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
  }));
  return { groups, bridges, rows, summary: summarize(groups, bridges, rows) };
}

export type RollCallMark =
  | { kind: "IN_PERSON" }
  | { kind: "ONLINE"; bridgePointId: string }
  | { kind: "ABSENT"; reason: string }
  // A bridge point's operator records the substitute at their bridge.
  | { kind: "SUBSTITUTE"; substituteName: string; bridgePointId?: string | null }
  | { kind: "CLEAR" };

export type RollCallResult = { ok: true; message: string } | { ok: false; status: 400 | 404; message: string; field?: string };

const clean = (s: string) => s.replace(/[\r\n\t]+/g, " ").replace(/\s+/g, " ").trim();

/** Reads a roll-call form (status, bridgePointId, absenceReason, substituteName); errors name the field in Vietnamese. */
export function parseRollCallForm(form: FormData): { ok: true; attendeeId: string; mark: RollCallMark } | { ok: false; message: string; field?: string } {
  const attendeeId = String(form.get("attendeeId") ?? "");
  if (!attendeeId) return { ok: false, message: "Thiếu đại biểu cần điểm danh." };
  const status = String(form.get("status") ?? "");
  switch (status) {
    case "IN_PERSON":
      return { ok: true, attendeeId, mark: { kind: "IN_PERSON" } };
    case "ONLINE": {
      const bridgePointId = String(form.get("bridgePointId") ?? "");
      if (!bridgePointId) return { ok: false, field: "bridgePointId", message: "Chọn “Điểm cầu” nơi đại biểu dự trực tuyến." };
      return { ok: true, attendeeId, mark: { kind: "ONLINE", bridgePointId } };
    }
    case "ABSENT": {
      const reason = clean(String(form.get("absenceReason") ?? ""));
      if (!reason) return { ok: false, field: "absenceReason", message: "Nhập “Lý do vắng mặt”." };
      if (reason.length > 500) return { ok: false, field: "absenceReason", message: "“Lý do vắng mặt” dài quá 500 ký tự." };
      return { ok: true, attendeeId, mark: { kind: "ABSENT", reason } };
    }
    case "SUBSTITUTE": {
      const name = clean(String(form.get("substituteName") ?? ""));
      if (!name) return { ok: false, field: "substituteName", message: "Nhập “Họ tên người dự thay”." };
      if (name.length > 200) return { ok: false, field: "substituteName", message: "“Họ tên người dự thay” dài quá 200 ký tự." };
      return { ok: true, attendeeId, mark: { kind: "SUBSTITUTE", substituteName: name } };
    }
    case "CLEAR":
      return { ok: true, attendeeId, mark: { kind: "CLEAR" } };
    default:
      return { ok: false, field: "status", message: "Chọn “Kết quả điểm danh”." };
  }
}

/**
 * Records one roll-call mark. Present marks go through checkIn (method ROLL_CALL), so the scan log and
 * the earliest time stay right; a correction of someone already present changes the place in place.
 * Absent and substitute marks are written directly; CLEAR removes the mark (the scan log stays).
 */
export async function recordRollCall(input: {
  conferenceId: string;
  attendeeId: string;
  mark: RollCallMark;
  /** Null for a bridge operator's link without an account. */
  userId: string | null;
  now?: Date;
}): Promise<RollCallResult> {
  const { conferenceId, attendeeId, mark, userId } = input;
  const now = input.now ?? new Date();
  const attendee = await prisma.attendee.findFirst({ where: { id: attendeeId, conferenceId }, select: { id: true, name: true, revokedAt: true } });
  if (!attendee) return { ok: false, status: 404, message: "Không tìm thấy đại biểu trong hội nghị này." };
  if (attendee.revokedAt) return { ok: false, status: 400, message: `Giấy mời của ${attendee.name} đã chuyển cho người dự thay.` };
  if (mark.kind === "ONLINE") {
    const bridge = await prisma.bridgePoint.findFirst({ where: { id: mark.bridgePointId, conferenceId }, select: { id: true } });
    if (!bridge) return { ok: false, status: 400, message: "Điểm cầu không thuộc hội nghị này.", field: "bridgePointId" };
  }
  if (mark.kind === "CLEAR") {
    await prisma.attendance.deleteMany({ where: { attendeeId, conferenceId } });
    return { ok: true, message: `Đã xóa kết quả điểm danh của ${attendee.name}.` };
  }
  if (mark.kind === "ABSENT" || mark.kind === "SUBSTITUTE") {
    const status: AttendanceStatus = mark.kind;
    const data = {
      status,
      bridgePointId: mark.kind === "SUBSTITUTE" ? (mark.bridgePointId ?? null) : null,
      checkinListId: null,
      checkedInAt: mark.kind === "SUBSTITUTE" ? now : null,
      deviceId: "",
      method: "ROLL_CALL" as CheckinMethod,
      absenceReason: mark.kind === "ABSENT" ? mark.reason : "",
      substituteName: mark.kind === "SUBSTITUTE" ? mark.substituteName : "",
      recordedById: userId,
      updatedAt: now,
    };
    await prisma.attendance.upsert({ where: { attendeeId }, create: { attendeeId, conferenceId, ...data }, update: data });
    return {
      ok: true,
      message: mark.kind === "ABSENT" ? `Đã ghi ${attendee.name} vắng mặt.` : `Đã ghi người dự thay ${mark.substituteName} có mặt thay ${attendee.name}.`,
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
  });
  if (response.result === "rejected") return { ok: false, status: 400, message: response.message };
  if (response.result === "duplicate") {
    // Already present: the organiser corrects where (or how) they attend, keeping the first time.
    await prisma.attendance.update({
      where: { attendeeId },
      data: { status: bridgePointId ? "ONLINE" : "IN_PERSON", bridgePointId, absenceReason: "", substituteName: "", recordedById: userId, updatedAt: now },
    });
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
  return (await prisma.bridgePoint.findUniqueOrThrow({ where: { id: bridgePointId }, select: { posterKey: true } })).posterKey!;
}
