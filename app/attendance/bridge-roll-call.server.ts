// A bridge point reports its own attendance (PRODUCT: "bridge sites … report their attendance"): the
// operator, from the bridge's link or signed in, marks each attendee of that bridge present online,
// absent with a reason, or replaced by a substitute. Only this bridge's attendees are shown or marked.
import type { AuditActor } from "#app/database/audit.server.ts";
import { ATTENDANCE_LABEL, type AttendanceStatus } from "#app/checkin/types.ts";
import { KEYSET_ORDER, keysetChunks } from "#app/attendance/attendee-chunks.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { parseRollCallForm, recordRollCall, type RollCallResult } from "#app/attendance/attendance.server.ts";

export interface BridgeRollCallRow {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  status: AttendanceStatus | null;
  label: string;
  detail: string;
}

/** Attendees invited to this bridge point or recorded present there, with their attendance. */
export async function bridgeRollCall(
  bridgePointId: string,
): Promise<{ rows: BridgeRollCallRow[]; present: number; absent: number }> {
  // Read a chunk at a time: each chunk's mark load binds at most one chunk of ids (a bridge point of a
  // national conference may have more attendees than a statement may bind parameters).
  const attendees = [];
  const chunks = keysetChunks((after, take) =>
    prisma.attendee.findMany({
      where: { AND: [{ revokedAt: null, OR: [{ bridgePointId }, { attendance: { bridgePointId } }] }, after] },
      orderBy: [...KEYSET_ORDER],
      take,
      select: {
        id: true,
        createdAt: true,
        name: true,
        position: true,
        organizationName: true,
        attendance: {
          select: { status: true, bridgePointId: true, checkedInAt: true, absenceReason: true, substituteName: true },
        },
      },
    }),
  );
  for await (const rows of chunks) attendees.push(...rows);
  const rows = attendees.map((a): BridgeRollCallRow => {
    const at = a.attendance;
    // Present at another bridge or in the hall: shown, but as recorded elsewhere.
    const elsewhere =
      at && (at.status === "IN_PERSON" || (at.status === "ONLINE" && at.bridgePointId !== bridgePointId));
    let detail = "";
    if (at?.status === "ABSENT") detail = `Lý do: ${at.absenceReason}`;
    else if (at?.status === "SUBSTITUTE") detail = `Người dự thay: ${at.substituteName}`;
    else if (at?.checkedInAt) detail = `Từ ${formatDateTime(at.checkedInAt)}${elsewhere ? " (ở nơi khác)" : ""}`;
    return {
      id: a.id,
      name: a.name,
      position: a.position,
      organizationName: a.organizationName,
      status: at?.status ?? null,
      label: at ? ATTENDANCE_LABEL[at.status] : "Chưa điểm danh",
      detail,
    };
  });
  return {
    rows,
    present: rows.filter((r) => r.status === "ONLINE" || r.status === "IN_PERSON" || r.status === "SUBSTITUTE").length,
    absent: rows.filter((r) => r.status === "ABSENT").length,
  };
}

/**
 * One mark from the bridge's roll-call form: status PRESENT (online at this bridge), ABSENT with a
 * reason, SUBSTITUTE with a name, or CLEAR. An attendee of another bridge is not found; one recorded
 * present in the hall or at another bridge is not changed (409).
 */
export async function recordBridgeMark(input: {
  conferenceId: string;
  bridge: { id: string; name: string };
  form: FormData;
  userId: string | null;
  actor: AuditActor;
}): Promise<RollCallResult & { attendeeId: string }> {
  const { conferenceId, form, userId, actor, bridge } = input;
  const bridgePointId = bridge.id;
  const attendeeId = String(form.get("attendeeId") ?? "");
  const status = String(form.get("status") ?? "");
  if (!["PRESENT", "ABSENT", "SUBSTITUTE", "CLEAR"].includes(status)) {
    return {
      ok: false,
      status: 400,
      field: "status",
      message: "Chọn “Kết quả điểm danh”: có mặt, vắng mặt hoặc người dự thay.",
      attendeeId,
    };
  }
  const own = await prisma.attendee.count({
    where: {
      id: attendeeId,
      conferenceId,
      revokedAt: null,
      OR: [{ bridgePointId }, { attendance: { bridgePointId } }],
    },
  });
  if (!own) return { ok: false, status: 404, message: "Đại biểu này không thuộc điểm cầu.", attendeeId };
  if (status === "PRESENT") form.set("status", "ONLINE");
  form.set("bridgePointId", bridgePointId);
  const parsed = parseRollCallForm(form);
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message, field: parsed.field, attendeeId };
  const mark = parsed.mark.kind === "SUBSTITUTE" ? { ...parsed.mark, bridgePointId } : parsed.mark;
  return { ...(await recordRollCall({ conferenceId, attendeeId, mark, userId, actor, bridge })), attendeeId };
}
