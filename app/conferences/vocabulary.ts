// The one vocabulary of the conference's enums: every screen, PDF, e-mail and export takes its
// Vietnamese label from here. The value lists come from the Prisma schema, so a new enum value that
// has no label here fails the type check instead of showing its code to a user.
import {
  ConferenceFormat,
  ConferenceStatus,
  DocumentAudience,
  MeetingPhase,
  MessageKind,
  MessageStatus,
  NoticeStatus,
  PlanKind,
  ReminderAudience,
  ReminderStatus,
  RsvpStatus,
  TaskStatus,
} from "#app/generated/prisma/enums.ts";

export {
  ConferenceFormat,
  ConferenceStatus,
  DocumentAudience,
  MeetingPhase,
  MessageKind,
  MessageStatus,
  NoticeStatus,
  PlanKind,
  ReminderAudience,
  ReminderStatus,
  RsvpStatus,
  TaskStatus,
};

export const PLAN_KINDS = Object.values(PlanKind) as [PlanKind, ...PlanKind[]];
export const PLAN_KIND_LABEL: Record<PlanKind, string> = {
  CONFERENCE: "Kế hoạch tổ chức hội nghị",
  REMEDIATION: "Kế hoạch khắc phục, nâng cao chỉ số",
};

export const CONFERENCE_FORMATS = Object.values(ConferenceFormat) as [ConferenceFormat, ...ConferenceFormat[]];
export const FORMAT_LABEL: Record<ConferenceFormat, string> = {
  IN_PERSON: "Trực tiếp",
  ONLINE: "Trực tuyến",
  HYBRID: "Trực tiếp kết hợp trực tuyến",
};

export const CONFERENCE_STATUSES = Object.values(ConferenceStatus) as [ConferenceStatus, ...ConferenceStatus[]];
export const STATUS_LABEL: Record<ConferenceStatus, string> = {
  DRAFT: "Dự thảo",
  ISSUED: "Đã ban hành",
  INVITATIONS_SENT: "Đã gửi giấy mời",
  HELD: "Đã tổ chức",
  CLOSED: "Đã kết thúc",
  CANCELLED: "Đã hủy",
};

export const TASK_STATUSES = Object.values(TaskStatus) as [TaskStatus, ...TaskStatus[]];
export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Đã hoàn thành",
  CANCELLED: "Không thực hiện",
};

/** An attendee's answer to the invitation. */
export const RSVP_LABEL: Record<RsvpStatus, string> = {
  NO_ANSWER: "Chưa trả lời",
  ACCEPTED: "Tham dự",
  DECLINED: "Vắng",
  SUBSTITUTED: "Cử người thay",
};

/** Where an e-mail of the outbox stands. */
export const DELIVERY_LABEL: Record<MessageStatus, string> = {
  QUEUED: "Đang chờ gửi",
  SENDING: "Đang gửi",
  SENT: "Đã gửi",
  FAILED: "Gửi lỗi",
};

/** What an outbox message is. */
export const MESSAGE_KIND_LABEL: Record<MessageKind, string> = {
  INVITATION: "Giấy mời",
  UPDATE: "Thay đổi",
  CANCELLATION: "Hủy",
  REMINDER: "Nhắc trả lời",
  BRIDGE_TEST: "Kiểm tra điểm cầu",
  SCHEDULED_REMINDER: "Nhắc lịch họp",
  DOCUMENTS: "Tài liệu họp",
  CONCLUSION: "Thông báo kết luận",
};

/** A bulk send's messages as sentences count them: "Đã đưa 12 thư báo thay đổi vào hàng đợi gửi." */
export const BULK_MESSAGE_NOUN = {
  INVITATION: "giấy mời",
  UPDATE: "thư báo thay đổi",
  CANCELLATION: "thư báo hủy",
  REMINDER: "thư nhắc trả lời",
} as const satisfies Partial<Record<MessageKind, string>>;

/** Who a meeting document (tài liệu họp) goes to. */
export const DOCUMENT_AUDIENCES = Object.values(DocumentAudience) as [DocumentAudience, ...DocumentAudience[]];
export const DOCUMENT_AUDIENCE_LABEL: Record<DocumentAudience, string> = {
  EVERYONE: "Tất cả đại biểu",
  GROUPS: "Các nhóm đại biểu đã chọn",
  BRIDGES: "Các điểm cầu đã chọn",
  ATTENDEES: "Các đại biểu đã chọn",
  ORGANISERS: "Chỉ ban tổ chức",
};

export const MEETING_PHASES = Object.values(MeetingPhase) as [MeetingPhase, ...MeetingPhase[]];
export const MEETING_PHASE_LABEL: Record<MeetingPhase, string> = {
  BEFORE: "Tài liệu trước cuộc họp",
  AFTER: "Tài liệu sau cuộc họp",
};

export const NOTICE_STATUS_LABEL: Record<NoticeStatus, string> = {
  DRAFT: "Dự thảo",
  ISSUED: "Đã ban hành",
};

/** Who a scheduled reminder goes to, decided when it is sent. */
export const REMINDER_AUDIENCES = Object.values(ReminderAudience) as [ReminderAudience, ...ReminderAudience[]];
export const REMINDER_AUDIENCE_LABEL: Record<ReminderAudience, string> = {
  ACCEPTED: "Đại biểu đã xác nhận tham dự",
  NO_ANSWER: "Đại biểu chưa trả lời",
  CHOSEN: "Những người được chọn",
};

export const REMINDER_STATUS_LABEL: Record<ReminderStatus, string> = {
  SCHEDULED: "Đã hẹn giờ",
  QUEUED: "Đã gửi vào hộp thư",
  CANCELLED: "Đã hủy",
  SKIPPED: "Bỏ qua",
};
