// Demo attendance of seed 001 (Quảng Nam, 18/01/2024, held): most attendees present in the provincial hall
// or online at their bridge point, two absent with reasons, one represented by a substitute, and the scan
// log behind it (a few people scanned twice). Times are local (UTC+7) between 07:30 and 08:05.
// The 2026 Đà Nẵng conference is left unrecorded. Deterministic: no clock, no randomness.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { AttendanceStatus, CheckinMethod, CheckinResponse } from "#app/checkin/types.ts";

const PLAN_KEY = "quang-nam-2024-tong-ket-cchc-2023";
const HALL_LIST = "Cổng chính Hội trường tỉnh";

export interface SeedMark {
  name: string;
  status: AttendanceStatus;
  method: CheckinMethod;
  /** Local "HH:MM" on 18/01/2024; the first accepted check-in. */
  at?: string;
  /** A second scan of the same invitation, refused as a duplicate. */
  againAt?: string;
  absenceReason?: string;
  substituteName?: string;
}

export const attendanceMarks: SeedMark[] = [
  { name: "Lê Văn Dũng", status: "IN_PERSON", method: "SCAN", at: "07:42", againAt: "07:43" },
  { name: "Nguyễn Thị Thu Lan", status: "IN_PERSON", method: "SCAN", at: "07:38" },
  { name: "Trần Văn Tân", status: "IN_PERSON", method: "SCAN", at: "07:51" },
  { name: "Phạm Thị Ngọc Ánh", status: "ABSENT", method: "ROLL_CALL", absenceReason: "Đi công tác" },
  { name: "Võ Minh Quang", status: "IN_PERSON", method: "SCAN", at: "07:31" },
  { name: "Huỳnh Thị Mỹ Hạnh", status: "IN_PERSON", method: "SCAN", at: "07:30", againAt: "07:34" },
  { name: "Đặng Quốc Bảo", status: "IN_PERSON", method: "MANUAL", at: "07:47" },
  { name: "Ngô Thị Kiều Oanh", status: "IN_PERSON", method: "SCAN", at: "07:33" },
  { name: "Trương Công Hậu", status: "ABSENT", method: "ROLL_CALL", absenceReason: "Ốm" },
  { name: "Nguyễn Văn Lành", status: "ONLINE", method: "SCAN", at: "07:49" },
  { name: "Lê Thị Hoài Thương", status: "ONLINE", method: "SELF", at: "07:52", againAt: "07:53" },
  { name: "Trần Ngọc Sơn", status: "ONLINE", method: "SCAN", at: "07:55" },
  { name: "Hồ Thị Bích Ngọc", status: "ONLINE", method: "SELF", at: "07:58" },
  {
    name: "Phan Văn Thành",
    status: "SUBSTITUTE",
    method: "ROLL_CALL",
    at: "07:57",
    substituteName: "Nguyễn Đức Hòa – Phó Chủ tịch UBND huyện Thăng Bình",
  },
  { name: "Vũ Đình Khoa", status: "ONLINE", method: "SCAN", at: "07:56" },
  { name: "Đoàn Thị Quỳnh", status: "ONLINE", method: "SELF", at: "07:44" },
  { name: "Lương Văn Ẩn", status: "ONLINE", method: "ROLL_CALL", at: "08:02" },
  { name: "Bùi Thị Yến", status: "ONLINE", method: "SELF", at: "08:01" },
  { name: "Châu Văn Lực", status: "ONLINE", method: "SCAN", at: "08:04", againAt: "08:05" },
  { name: "Tôn Nữ Thị Ửng", status: "ONLINE", method: "SELF", at: "08:03" },
];

const at = (hhmm: string) => new Date(`2024-01-18T${hhmm}:00+07:00`);
const label = (hhmm: string) => `${hhmm} ngày 18/01/2024`;

/** Attendance and scan log for seed 001's conference. */
export async function seedAttendance(tx: Prisma.TransactionClient, conferenceIdByPlanKey: Map<string, string>) {
  const conferenceId = conferenceIdByPlanKey.get(PLAN_KEY);
  if (!conferenceId) throw new Error(`Seed: unknown plan ${PLAN_KEY}`);
  // One after the other: a transaction is one connection, and pg warns of (and will refuse) a query
  // sent while the previous one is still running on it.
  const attendees = await tx.attendee.findMany({
    where: { conferenceId },
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      bridgePointId: true,
      bridgePoint: { select: { name: true } },
      group: { select: { heading: true, position: true } },
    },
  });
  const lists = await tx.checkinList.findMany({
    where: { conferenceId },
    select: { id: true, name: true, bridgePointId: true },
  });
  let scans = 0;
  for (const [i, m] of attendanceMarks.entries()) {
    const a = attendees.find((x) => x.name === m.name);
    if (!a) throw new Error(`Seed: attendee ${m.name} not in ${PLAN_KEY}`);
    const online = m.status === "ONLINE";
    const list =
      m.method === "SCAN"
        ? (lists.find((l) => (online ? l.bridgePointId === a.bridgePointId : l.name === HALL_LIST)) ?? null)
        : null;
    const bridgePointId = online ? a.bridgePointId : null;
    const deviceId =
      m.method === "SELF"
        ? `self:${a.bridgePointId}`
        : m.method === "SCAN"
          ? `seed-scanner-${list?.bridgePointId ? "bridge" : "hall"}-${(i % 2) + 1}`
          : "";
    const checkedInAt = m.at ? at(m.at) : null;
    await tx.attendance.create({
      data: {
        attendeeId: a.id,
        conferenceId,
        status: m.status,
        bridgePointId,
        checkinListId: list?.id ?? null,
        checkedInAt,
        deviceId,
        method: m.method,
        absenceReason: m.absenceReason ?? "",
        substituteName: m.substituteName ?? "",
        updatedAt: checkedInAt ?? at("08:05"),
      },
    });
    if (!checkedInAt || m.status === "SUBSTITUTE") continue;
    const who = {
      id: a.id,
      name: a.name,
      position: a.position,
      organizationName: a.organizationName,
      group: a.group ? a.group.heading || `Thành phần ${a.group.position + 1}` : "",
    };
    const where = list?.name ?? a.bridgePoint?.name ?? "";
    const accepted: CheckinResponse = {
      result: "accepted",
      message: `Đã điểm danh${online ? ` trực tuyến tại ${a.bridgePoint?.name ?? ""}` : list ? ` tại ${list.name}` : ""}: ${a.name}.`,
      attendee: who,
      checkedInAt: checkedInAt.toISOString(),
      status: m.status,
    };
    const rows: Array<{ when: Date; result: "ACCEPTED" | "DUPLICATE"; response: CheckinResponse }> = [
      { when: checkedInAt, result: "ACCEPTED", response: accepted },
    ];
    if (m.againAt) {
      const duplicate: CheckinResponse = {
        result: "duplicate",
        message: `Đã điểm danh trước đó lúc ${label(m.at!)}${where ? ` (${where})` : ""}.`,
        attendee: who,
        first: { at: checkedInAt.toISOString(), list: where, deviceId, method: m.method },
      };
      rows.push({ when: at(m.againAt), result: "DUPLICATE", response: duplicate });
    }
    for (const [k, r] of rows.entries()) {
      await tx.checkinScan.create({
        data: {
          deviceId,
          nonce: `seed-001-${String(i + 1).padStart(2, "0")}-${k + 1}`,
          conferenceId,
          attendeeId: a.id,
          checkinListId: list?.id ?? null,
          method: m.method,
          scannedAt: r.when,
          receivedAt: r.when,
          result: r.result,
          response: JSON.stringify(r.response),
        },
      });
      scans++;
    }
  }
  return { attendances: attendanceMarks.length, scans };
}
