// The check-in vocabulary shared by the API, the scanner page, self check-in and roll call.
// Plain TypeScript: safe to import from the browser.

export const SCAN_RESULTS = ["accepted", "duplicate", "rejected"] as const;
export type ScanResultKind = (typeof SCAN_RESULTS)[number];

/** Why a scan was refused. Forged/malformed tokens are decided without any database lookup. */
export const REJECT_REASONS = [
  "malformed",
  "bad-signature",
  "unknown-version",
  "other-conference",
  "unknown-attendee",
  "revoked",
  "cancelled-conference",
  "wrong-list",
  "other-bridge",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_MESSAGE: Record<RejectReason, string> = {
  malformed: "Mã QR không phải giấy mời của hệ thống.",
  "bad-signature": "Mã QR giả mạo hoặc đã bị sửa (chữ ký không hợp lệ).",
  "unknown-version": "Mã QR thuộc phiên bản không hỗ trợ.",
  "other-conference": "Giấy mời của hội nghị khác.",
  "unknown-attendee": "Không tìm thấy đại biểu có giấy mời này.",
  revoked: "Giấy mời đã bị thu hồi (đã cử người dự thay).",
  "cancelled-conference": "Hội nghị đã bị hủy.",
  "wrong-list": "Danh sách điểm danh không thuộc hội nghị này.",
  // Said without the attendee's name: a bridge's scanner or poster only learns about its own people.
  "other-bridge": "Đại biểu không thuộc điểm cầu này: chỉ điểm danh được đại biểu được phân về điểm cầu.",
};

export type CheckinMethod = "SCAN" | "SELF" | "MANUAL" | "WALK_IN" | "ROLL_CALL";
export type AttendanceStatus = "IN_PERSON" | "ONLINE" | "ABSENT" | "SUBSTITUTE";

export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = {
  IN_PERSON: "Có mặt trực tiếp",
  ONLINE: "Dự trực tuyến tại điểm cầu",
  ABSENT: "Vắng mặt",
  SUBSTITUTE: "Người dự thay có mặt",
};

export const METHOD_LABEL: Record<CheckinMethod, string> = {
  SCAN: "Quét QR",
  SELF: "Tự điểm danh tại điểm cầu",
  MANUAL: "Tìm theo tên",
  WALK_IN: "Đăng ký tại chỗ",
  ROLL_CALL: "Điểm danh theo danh sách",
};

export interface ScannedAttendee {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  group: string;
}

/** Where and how an attendee was first recorded present. */
export interface FirstCheckin {
  at: string; // ISO
  list: string; // check-in list name ("" when recorded by roll call)
  deviceId: string;
  method: CheckinMethod;
}

/** The JSON body answered by POST /api/checkin (HTTP 200 for all three results). */
export type CheckinResponse =
  | { result: "accepted"; message: string; attendee: ScannedAttendee; checkedInAt: string; status: AttendanceStatus }
  | { result: "duplicate"; message: string; attendee: ScannedAttendee; first: FirstCheckin }
  | { result: "rejected"; reason: RejectReason; message: string; attendee?: ScannedAttendee };

/** The JSON body POST /api/checkin takes. Either `token` (a scanned QR) or `attendeeId` (picked by name). */
export interface CheckinRequestBody {
  token?: string;
  attendeeId?: string;
  deviceId: string;
  nonce: string;
  scannedAt: string; // ISO 8601, the device's clock when it read the code (offline scans sync later)
  /** Optional: the device's clock when sending; lets the server correct a device clock that is off. */
  sentAt?: string;
}

/** "x / y đã có mặt" of one check-in list. */
export interface ListCounts {
  /** Expected attendees at the list who are present (anywhere). */
  present: number;
  /**
   * Non-revoked attendees expected there: assigned to the list's bridge point, or to the hall (no bridge
   * point, or the main one).
   */
  expected: number;
  /** Recorded present through this list. */
  here: number;
}

/** One attendee found by the scanner's name search. */
export interface SearchHit {
  id: string;
  name: string;
  position: string;
  organizationName: string;
  present: boolean;
  walkIn: boolean;
}
