// Vietnamese labels for the plan's enums, shared by screens and documents.
export const PLAN_KINDS = ["CONFERENCE", "REMEDIATION"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABEL: Record<PlanKind, string> = {
  CONFERENCE: "Kế hoạch tổ chức hội nghị",
  REMEDIATION: "Kế hoạch khắc phục, nâng cao chỉ số",
};

export const CONFERENCE_FORMATS = ["IN_PERSON", "ONLINE", "HYBRID"] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];
export const FORMAT_LABEL: Record<ConferenceFormat, string> = {
  IN_PERSON: "Trực tiếp",
  ONLINE: "Trực tuyến",
  HYBRID: "Trực tiếp kết hợp trực tuyến",
};

export const CONFERENCE_STATUSES = ["DRAFT", "ISSUED", "INVITATIONS_SENT", "HELD", "CLOSED", "CANCELLED"] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const STATUS_LABEL: Record<ConferenceStatus, string> = {
  DRAFT: "Dự thảo",
  ISSUED: "Đã ban hành",
  INVITATIONS_SENT: "Đã gửi giấy mời",
  HELD: "Đã tổ chức",
  CLOSED: "Đã kết thúc",
  CANCELLED: "Đã hủy",
};

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Đã hoàn thành",
  CANCELLED: "Không thực hiện",
};

export const ROLES = [
  "ADMIN",
  "OFFICE",
  "HOME_AFFAIRS",
  "BRIDGE_OPERATOR",
  "CHECKIN_STAFF",
  "IT_SUPPORT",
  "VIEWER",
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Quản trị",
  OFFICE: "Văn phòng",
  HOME_AFFAIRS: "Nội vụ",
  BRIDGE_OPERATOR: "Vận hành điểm cầu",
  CHECKIN_STAFF: "Điểm danh",
  IT_SUPPORT: "Kỹ thuật điểm cầu (CNTT)",
  VIEWER: "Chỉ xem",
};
