import { RSVP_LABEL } from "#app/conferences/vocabulary.ts";
// The attendance report (báo cáo điểm danh) as plain rows, shared by the .xlsx and the PDF.
import { DateTime } from "luxon";
import { TIME_ZONE } from "#app/lib/vietnamese-date.ts";
import { ATTENDANCE_LABEL } from "#app/checkin/types.ts";
import { MAIN_HALL_LABEL, methodLabel, type AttendanceSummary, type AttendeeRow } from "#app/attendance/summary.ts";

export interface ReportRow {
  name: string;
  position: string;
  organization: string;
  group: string;
  /** Where invited: main hall or a bridge point. */
  invitedAt: string;
  rsvp: string;
  /** "Có mặt trực tiếp", "Dự trực tuyến tại điểm cầu", "Vắng mặt", "Người dự thay có mặt", "Chưa điểm danh". */
  status: string;
  /** "07:45 18/01/2024" in Vietnam time; "" when not present. */
  time: string;
  /** Where recorded present. */
  place: string;
  method: string;
  /** The reason for an absence, or the substitute's name. */
  note: string;
}

/** "07:45 18/01/2024" (Asia/Ho_Chi_Minh). */
export function reportTime(iso: string | null): string {
  return iso ? DateTime.fromISO(iso, { zone: TIME_ZONE }).toFormat("HH:mm dd/LL/yyyy") : "";
}

/** Each attendee's line of the report, under the given group label. */
export function reportLiner(
  bridges: Array<{ id: string; name: string }>,
): (r: AttendeeRow, group: string) => ReportRow {
  const bridgeName = new Map(bridges.map((b) => [b.id, b.name]));
  return (r, group) => {
    const a = r.attendance;
    const invitedAt = r.bridgePointId ? (bridgeName.get(r.bridgePointId) ?? MAIN_HALL_LABEL) : MAIN_HALL_LABEL;
    let place = "";
    if (a?.status === "IN_PERSON") place = MAIN_HALL_LABEL;
    else if (a?.status === "ONLINE") place = (a.bridgePointId && bridgeName.get(a.bridgePointId)) || invitedAt;
    else if (a?.status === "SUBSTITUTE") place = invitedAt;
    const note =
      a?.status === "ABSENT"
        ? a.absenceReason && `Lý do: ${a.absenceReason}`
        : a?.status === "SUBSTITUTE"
          ? a.substituteName && `Người dự thay: ${a.substituteName}`
          : r.substituteForName
            ? `Dự thay ${r.substituteForName}`
            : "";
    return {
      name: r.name,
      position: r.position,
      organization: r.organizationName,
      group,
      invitedAt,
      rsvp: r.walkIn ? "Đăng ký tại chỗ" : RSVP_LABEL[r.rsvp],
      status: a ? ATTENDANCE_LABEL[a.status] : "Chưa điểm danh",
      time: a && a.status !== "ABSENT" ? reportTime(a.checkedInAt) : "",
      place,
      method: methodLabel(a?.method),
      note: note || "",
    };
  };
}

export const COUNT_COLUMNS = [
  ["invited", "Được mời"],
  ["confirmed", "Xác nhận tham dự"],
  ["present", "Có mặt"],
  ["inPerson", "Trực tiếp"],
  ["online", "Trực tuyến"],
  ["substitute", "Người dự thay"],
  ["absent", "Vắng mặt"],
  ["notRecorded", "Chưa điểm danh"],
] as const;

/** "Có mặt 15/20 (trực tiếp 7, trực tuyến 7, người dự thay 1); vắng 2; chưa điểm danh 3." */
export function countsSentence(c: AttendanceSummary["total"]): string {
  return `có mặt ${c.present}/${c.invited} (trực tiếp ${c.inPerson}, trực tuyến ${c.online}, người dự thay ${c.substitute}); vắng mặt ${c.absent}; chưa điểm danh ${c.notRecorded}`;
}
