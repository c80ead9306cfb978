import { z } from "zod";
import { optionalText as text, requiredText as required } from "#app/lib/form-text.ts";
import { daysInMonth, fromLocalDateValue, fromLocalInputValue } from "#app/lib/vietnamese-date.ts";
import { CONFERENCE_FORMATS, PLAN_KINDS, TASK_STATUSES } from "#app/conferences/vocabulary.ts";

// One schema for the plan form, used by Conform in the browser and on the server.

const optionalInt = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message).optional();

const id = z.string().max(40).optional();

export const attendeeLineSchema = z.object({
  text: required(1000, "Nhập nội dung dòng thành phần", "Dòng thành phần"),
  organizationId: id,
});

export const attendeeGroupSchema = z.object({
  heading: text(200, "Tiêu đề nhóm"),
  lines: z.array(attendeeLineSchema).max(200, "Tối đa 200 dòng mỗi nhóm").default([]),
});

export const taskSchema = z.object({
  assignee: required(300, "Nhập cơ quan, đơn vị được phân công", "Cơ quan, đơn vị"),
  organizationId: id,
  duties: required(10000, "Nhập nhiệm vụ được giao", "Nhiệm vụ"),
  inlineDuties: z.boolean().optional().default(false),
  dueDate: z
    .string()
    .optional()
    .refine((v) => !v || fromLocalDateValue(v) !== null, "Hạn hoàn thành không phải là ngày hợp lệ"),
  status: z.enum(TASK_STATUSES, { error: "Trạng thái nhiệm vụ không hợp lệ" }).default("NOT_STARTED"),
});

export const SCHEDULE_KINDS = ["EXACT", "TENTATIVE", "NONE"] as const;

export const planFormSchema = z
  .object({
    kind: z.enum(PLAN_KINDS, { error: "Chọn loại kế hoạch" }),
    organizationId: z.string({ error: "Chọn cơ quan ban hành" }).min(1, "Chọn cơ quan ban hành"),
    title: required(500, "Nhập tên (trích yếu) của kế hoạch", "Tên kế hoạch"),
    documentNumber: z
      .string()
      .trim()
      .max(20, "Số văn bản dài quá 20 ký tự")
      .regex(/^[0-9A-Za-z.]*$/, "Số văn bản chỉ gồm chữ số (ví dụ 71), để trống nếu chưa cấp số")
      .optional(),
    documentSymbol: required(40, "Nhập ký hiệu văn bản (ví dụ KH-UBND)", "Ký hiệu").regex(
      /^[A-ZĐ0-9][A-ZĐ0-9&.-]*$/,
      "Ký hiệu chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ KH-UBND",
    ),
    issuePlace: required(100, "Nhập địa danh ghi trên văn bản (ví dụ Quảng Nam)", "Địa danh"),
    issueDay: optionalInt(1, 31, "Ngày ban hành phải từ 1 đến 31"),
    issueMonth: optionalInt(1, 12, "Tháng ban hành phải từ 1 đến 12"),
    issueYear: z
      .number({ error: "Nhập năm ban hành (ví dụ 2024)" })
      .int("Năm ban hành phải là số nguyên")
      .min(2000, "Năm ban hành phải từ 2000 đến 2100")
      .max(2100, "Năm ban hành phải từ 2000 đến 2100"),
    legalBasis: text(20000, "Căn cứ"),
    purposes: text(20000, "Mục đích"),
    requirements: text(20000, "Yêu cầu"),
    content: text(50000, "Nội dung"),
    closing: text(5000, "Đoạn kết"),
    format: z.enum(CONFERENCE_FORMATS, { error: "Chọn hình thức tổ chức" }),
    formatNote: text(2000, "Mô tả hình thức"),
    scheduleKind: z.enum(SCHEDULE_KINDS, { error: "Chọn cách ghi thời gian" }),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
    tentativeMonth: optionalInt(1, 12, "Tháng dự kiến phải từ 1 đến 12"),
    tentativeYear: optionalInt(2000, 2100, "Năm dự kiến phải từ 2000 đến 2100"),
    scheduleNote: text(500, "Ghi chú thời gian"),
    scheduleText: text(1000, "Thời gian theo văn bản"),
    venue: text(1000, "Địa điểm"),
    budgetSource: text(1000, "Kinh phí"),
    chair: text(500, "Chủ trì"),
    attendeeGroups: z.array(attendeeGroupSchema).max(50, "Tối đa 50 nhóm thành phần").default([]),
    tasks: z.array(taskSchema).max(100, "Tối đa 100 nhiệm vụ").default([]),
    recipients: text(5000, "Nơi nhận"),
    signAuthority: text(100, "Dòng thẩm quyền ký"),
    signDelegation: text(100, "Dòng ký thay"),
    signerTitle: required(100, "Nhập chức vụ người ký (ví dụ CHỦ TỊCH)", "Chức vụ người ký"),
    signerName: text(100, "Họ tên người ký"),
    invitationNumber: z
      .string()
      .trim()
      .max(20, "Số giấy mời dài quá 20 ký tự")
      .regex(/^[0-9A-Za-z.]*$/, "Số giấy mời chỉ gồm chữ số")
      .optional(),
    preparationNote: text(2000, "Đề nghị chuẩn bị"),
    contactName: text(100, "Người liên hệ"),
    contactPhone: z
      .string()
      .trim()
      .max(30, "Số điện thoại quá dài")
      .regex(/^[0-9+() .-]*$/, "Số điện thoại chỉ gồm chữ số, dấu cách, +, (, ), -")
      .optional()
      .transform((v) => v ?? ""),
    contactEmail: z
      .string()
      .trim()
      .max(200)
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, "Thư điện tử liên hệ không hợp lệ")
      .transform((v) => v ?? ""),
    useStandardLayout: z.boolean().optional().default(false),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields are invalid, so every error shows at once;
      // hence the defensive checks on values that may be missing.
      const year = typeof v.issueYear === "number" ? v.issueYear : new Date().getFullYear();
      if (v.issueDay && !v.issueMonth) {
        ctx.addIssue({ code: "custom", path: ["issueMonth"], message: "Đã có ngày thì phải có tháng ban hành" });
      }
      if (
        v.issueDay &&
        v.issueMonth &&
        v.issueMonth <= 12 &&
        v.issueDay <= 31 &&
        v.issueDay > daysInMonth(v.issueMonth, year)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["issueDay"],
          message: `Tháng ${v.issueMonth}/${year} không có ngày ${v.issueDay}`,
        });
      }
      if (v.scheduleKind === "EXACT") {
        const start = v.startsAt ? fromLocalInputValue(v.startsAt) : null;
        const end = v.endsAt ? fromLocalInputValue(v.endsAt) : null;
        if (!start) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "Nhập thời gian bắt đầu hợp lệ" });
        if (!end) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Nhập thời gian kết thúc hợp lệ" });
        if (start && end && end <= start) {
          ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Thời gian kết thúc phải sau thời gian bắt đầu" });
        }
      }
      if (v.scheduleKind === "TENTATIVE") {
        if (!v.tentativeMonth)
          ctx.addIssue({ code: "custom", path: ["tentativeMonth"], message: "Nhập tháng dự kiến" });
        if (!v.tentativeYear) ctx.addIssue({ code: "custom", path: ["tentativeYear"], message: "Nhập năm dự kiến" });
      }
      const recipients = splitLines(typeof v.recipients === "string" ? v.recipients : "");
      if (recipients.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["recipients"],
          message: "Nhập nơi nhận, mỗi dòng một nơi, dòng cuối là “Lưu: VT”",
        });
      } else if (!/^Lưu\b/.test(recipients[recipients.length - 1] ?? "")) {
        ctx.addIssue({ code: "custom", path: ["recipients"], message: "Dòng cuối của nơi nhận phải là “Lưu: VT…”" });
      }
      const groups = Array.isArray(v.attendeeGroups) ? v.attendeeGroups : [];
      if (v.kind === "CONFERENCE" && groups.every((g) => !Array.isArray(g?.lines) || g.lines.length === 0)) {
        ctx.addIssue({
          code: "custom",
          path: ["attendeeGroups"],
          message: "Kế hoạch hội nghị cần ít nhất một dòng thành phần tham dự",
        });
      }
    },
    { when: () => true },
  );

export type PlanFormValues = z.infer<typeof planFormSchema>;

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^-\s+/, ""))
    .filter(Boolean);
}
