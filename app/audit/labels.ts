// The one source of the audit trail's Vietnamese words: actions, record types, actor kinds, field
// names and the values of enum fields. Plain data: used by the pages and the .xlsx export.

import { AGENDA_KIND_LABEL } from "#app/agenda/timing.ts";
import { AWARD_STATUS_LABEL, RECIPIENT_KIND_LABEL } from "#app/awards/award-form.ts";
import { NODE_SOURCE_LABEL } from "#app/scoring/framework-forms.ts";
import { READINESS_LABEL } from "#app/bridges/verdict.ts";
import {
  DELIVERY_LABEL,
  FORMAT_LABEL,
  PLAN_KIND_LABEL,
  REMINDER_STATUS_LABEL,
  RSVP_LABEL,
  STATUS_LABEL,
  TASK_STATUS_LABEL,
  NOTICE_STATUS_LABEL,
} from "#app/conferences/vocabulary.ts";
import { ROLE_LABEL } from "#app/auth/roles.ts";
import { SPEECH_KIND_LABEL, SPEECH_STATUS_LABEL } from "#app/speeches/speech-form.ts";
import type { AuditActor } from "#app/database/audit.server.ts";

export const ACTOR_KIND_LABEL: Record<AuditActor["kind"], string> = {
  USER: "Người dùng",
  INVITEE: "Đại biểu (qua giấy mời)",
  BRIDGE: "Điểm cầu (qua đường dẫn)",
  POSTER: "Tự điểm danh tại điểm cầu",
  SCANNER: "Máy quét điểm danh",
  SYSTEM: "Hệ thống",
};

export const ENTITY_LABEL: Record<string, string> = {
  Conference: "Kế hoạch, hội nghị",
  Attendee: "Đại biểu",
  OutboxMessage: "Thư điện tử",
  BridgePoint: "Điểm cầu",
  ConnectivityTest: "Kiểm tra kết nối",
  Speech: "Tham luận, phát biểu",
  MeetingDocument: "Tài liệu họp",
  AgendaItem: "Chương trình hội nghị",
  Award: "Khen thưởng",
  IndexFramework: "Bộ chỉ số",
  FrameworkNode: "Tiêu chí",
  AssessmentRound: "Đợt đánh giá",
  RoundUnit: "Điểm của đơn vị",
  RoundBlock: "Khối xếp hạng",
  FrameworkMapping: "Ánh xạ mã giữa hai bộ chỉ số",
  User: "Người dùng",
  Organization: "Cơ quan, đơn vị",
  // Written by the check-in, attendance and remediation parts of the app.
  CheckinList: "Danh sách điểm danh",
  Attendance: "Điểm danh",
  RemediationPlan: "Kế hoạch khắc phục",
  RemediationAction: "Nhiệm vụ khắc phục",
  EvidenceFile: "Tài liệu kiểm chứng",
  ProgressReport: "Báo cáo tiến độ",
  // Sign-in lockouts of an address or of an e-mail without an account.
  RateLimit: "Giới hạn đăng nhập",
  // issue 14: conclusion
  ConclusionNotice: "Thông báo kết luận",
  ConclusionTask: "Nhiệm vụ theo thông báo kết luận",
  // issue 14: reminders
  ScheduledReminder: "Thư nhắc hẹn giờ",
};

/** Every action the app records, with the kind of record it is about. */
export const ACTION_LABEL: Record<string, string> = {
  "plan.create": "Lập kế hoạch",
  "plan.update": "Sửa kế hoạch",
  "plan.status": "Đổi trạng thái kế hoạch",
  "plan.packet-round": "Chọn đợt đánh giá cho bộ tài liệu",
  "invitation.send": "Gửi giấy mời",
  "invitation.update": "Gửi thông báo thay đổi",
  "invitation.cancel": "Hủy hội nghị, gửi thông báo hủy",
  "invitation.remind": "Gửi thư nhắc trả lời",
  "attendee.create": "Thêm đại biểu",
  "attendee.import": "Thêm đại biểu theo danh sách",
  "attendee.rsvp": "Trả lời giấy mời",
  "attendee.substitute": "Cử người dự thay",
  "attendee.assign-bridge": "Phân đại biểu về điểm cầu",
  "message.sent": "Thư đã gửi đi",
  "message.failed": "Gửi thư không thành công",
  "message.requeue": "Gửi lại thư",
  "message.requeue-failed": "Gửi lại các thư lỗi",
  "bridge.create": "Thêm điểm cầu",
  "bridge.create-many": "Tạo điểm cầu cho các đơn vị trực thuộc",
  "bridge.update": "Sửa điểm cầu",
  "bridge.delete": "Xóa điểm cầu",
  "bridge.test": "Ghi kết quả kiểm tra kết nối",
  "bridge.test-schedule": "Hẹn lịch kiểm tra kết nối",
  "bridge.test-request": "Gửi đề nghị kiểm tra kết nối",
  "speech.create": "Đăng ký tham luận, phát biểu",
  "speech.status": "Đổi trạng thái tham luận",
  "speech.move": "Đổi thứ tự trình bày",
  "speech.draft": "Lưu bản thảo",
  "agenda.create": "Thêm mục chương trình",
  "agenda.update": "Sửa mục chương trình",
  "agenda.delete": "Xóa mục chương trình",
  "agenda.reorder": "Sắp xếp lại chương trình",
  "award.create": "Thêm khen thưởng",
  "award.import": "Nhập danh sách khen thưởng",
  "award.status": "Đổi trạng thái khen thưởng",
  "award.move": "Đổi thứ tự trao thưởng",
  "framework.create": "Nhập bộ chỉ số",
  "framework.node-create": "Thêm tiêu chí",
  "framework.node-update": "Sửa tiêu chí",
  "framework.node-delete": "Xóa tiêu chí",
  "framework.bands": "Sửa thang xếp loại",
  "framework.mapping-create": "Xác nhận ánh xạ mã giữa hai bộ chỉ số",
  "framework.mapping-update": "Sửa ánh xạ mã giữa hai bộ chỉ số",
  "framework.mapping-delete": "Xóa ánh xạ mã giữa hai bộ chỉ số",
  "round.create": "Tạo đợt đánh giá",
  "round.publish": "Công bố kết quả",
  "round.unpublish": "Hủy công bố kết quả",
  "round.block-create": "Thêm khối xếp hạng",
  "round.block-rename": "Đổi tên khối xếp hạng",
  "round.block-reorder": "Đổi thứ tự các khối xếp hạng",
  "round.block-delete": "Xóa khối xếp hạng",
  "roundUnit.placement": "Sửa khối, xếp hạng, đơn vị năm trước của đơn vị",
  "score.import": "Nhập điểm từ tệp",
  "score.update": "Sửa điểm",
  "user.create": "Tạo tài khoản",
  "user.update": "Sửa tài khoản",
  "organization.create": "Thêm cơ quan, đơn vị",
  "organization.update": "Sửa cơ quan, đơn vị",
  "auth.login": "Đăng nhập",
  "auth.logout": "Đăng xuất",
  "auth.lockout": "Tạm khóa đăng nhập do sai nhiều lần",
  "checkin-list.create": "Thêm danh sách điểm danh",
  "checkin-list.rename": "Đổi tên danh sách điểm danh",
  "checkin-list.delete": "Xóa danh sách điểm danh",
  "attendance.scan": "Điểm danh bằng mã QR",
  "attendance.roll-call": "Điểm danh theo danh sách",
  "attendance.self-checkin": "Tự điểm danh tại điểm cầu",
  "attendance.bridge-report": "Điểm cầu báo cáo điểm danh",
  "attendee.walk-in": "Đăng ký đại biểu đến trực tiếp",
  "remediationPlan.create": "Lập kế hoạch khắc phục",
  "remediationPlan.update": "Sửa kế hoạch khắc phục",
  "remediationPlan.delete": "Xóa kế hoạch khắc phục",
  "remediationAction.create": "Thêm nhiệm vụ khắc phục",
  "remediationAction.update": "Cập nhật nhiệm vụ khắc phục",
  "remediationAction.status": "Đổi trạng thái nhiệm vụ khắc phục",
  "progressReport.create": "Báo cáo tiến độ khắc phục",
  "progressReport.update": "Sửa báo cáo tiến độ khắc phục",
  "evidenceFile.create": "Tải lên tài liệu kiểm chứng",
  "evidenceFile.delete": "Xóa tài liệu kiểm chứng",
  // issue 14: conclusion
  "conclusion.create": "Lập dự thảo thông báo kết luận",
  "conclusion.update": "Sửa dự thảo thông báo kết luận",
  "conclusion.issue": "Ban hành thông báo kết luận",
  "conclusion.task-status": "Cập nhật nhiệm vụ theo thông báo kết luận",
  // issue 14: reminders
  "reminder.schedule": "Hẹn giờ thư nhắc",
  "reminder.cancel": "Hủy thư nhắc hẹn giờ",
  "reminder.delete": "Xóa thư nhắc hẹn giờ",
  "reminder.queue": "Gửi thư nhắc hẹn giờ",
  "reminder.skip": "Bỏ qua thư nhắc hẹn giờ",
  "reminder.reschedule": "Dời thư nhắc theo giờ khai mạc mới",
  // issue 14: meetdocs
  "meeting-document.create": "Thêm tài liệu họp",
  "meeting-document.move": "Đổi thứ tự tài liệu họp",
  "meeting-document.delete": "Xóa tài liệu họp",
  "meeting-document.publish": "Công bố tài liệu họp",
};

/** Vietnamese name of an action; an action not in the table shows its code. */
export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABEL[entity] ?? entity;
}

// Enum values in Vietnamese, per record type and field.
const VALUE_LABEL: Record<string, Record<string, Record<string, string>>> = {
  Conference: { status: STATUS_LABEL, kind: PLAN_KIND_LABEL, format: FORMAT_LABEL },
  Attendee: { rsvp: RSVP_LABEL },
  OutboxMessage: { status: DELIVERY_LABEL },
  ScheduledReminder: { status: REMINDER_STATUS_LABEL },
  BridgePoint: { readiness: READINESS_LABEL },
  ConnectivityTest: { readiness: READINESS_LABEL, result: READINESS_LABEL },
  Speech: { status: SPEECH_STATUS_LABEL, kind: SPEECH_KIND_LABEL },
  AgendaItem: { kind: AGENDA_KIND_LABEL },
  Award: { status: AWARD_STATUS_LABEL, recipientKind: RECIPIENT_KIND_LABEL },
  FrameworkNode: { source: NODE_SOURCE_LABEL },
  AssessmentRound: {
    status: { DRAFT: "Dự thảo", PUBLISHED: "Đã công bố" },
    shape: { DETAILED: "Điểm từng tiêu chí", SUMMARY: "Chỉ có điểm tổng" },
  },
  User: { roles: ROLE_LABEL },
  TaskAssignment: { status: TASK_STATUS_LABEL },
  // issue 14: conclusion
  ConclusionNotice: { status: NOTICE_STATUS_LABEL },
  ConclusionTask: { status: TASK_STATUS_LABEL },
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A recorded value as the log shows it: enum values in Vietnamese, dates in Vietnam's time,
 * yes/no, lists joined; `formatDate` is passed in so this file stays free of time-zone code.
 */
export function valueText(entity: string, field: string, value: unknown, formatDate: (d: Date) => string): string {
  if (value === null || value === undefined || value === "") return "(trống)";
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return value.toLocaleString("vi-VN", { maximumFractionDigits: 4 });
  const labels = VALUE_LABEL[entity]?.[field];
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "string" ? (labels?.[v] ?? v) : JSON.stringify(v))).join("; ") || "(trống)";
  if (typeof value === "string") {
    if (labels?.[value]) return labels[value];
    if (ISO_DATE_TIME.test(value)) return formatDate(new Date(value));
    return value;
  }
  return JSON.stringify(value);
}
