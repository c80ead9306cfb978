// The attendance sentence of a conclusion notice, from the roll call's figures: "có mặt 18/20 đại biểu,
// vắng 2 (có lý do)". Plain TypeScript.

export interface NoticeAttendance {
  /** Invited and not revoked. */
  invited: number;
  present: number;
  /** Absent with a reason recorded at the roll call. */
  absentExcused: number;
  /** Absent with no reason, or not recorded. */
  absentUnexcused: number;
}

export function attendanceLine(a: NoticeAttendance): string {
  const parts = [`có mặt ${a.present}/${a.invited} đại biểu`];
  const absent = a.absentExcused + a.absentUnexcused;
  if (absent > 0) {
    if (a.absentUnexcused === 0) parts.push(`vắng ${absent} có lý do`);
    else if (a.absentExcused === 0) parts.push(`vắng ${absent} không có lý do`);
    else parts.push(`vắng ${absent} (${a.absentExcused} có lý do, ${a.absentUnexcused} không có lý do)`);
  }
  return parts.join(", ");
}
