// The forms of the conclusion notice page, one Zod schema each, used by Conform in the browser and on
// the server: the draft (text, conclusions, tasks, recipients, signature), issuing, a task's status.
import { z } from "zod";
import { optionalText as text, requiredText as required } from "#app/lib/form-text.ts";
import { TASK_STATUSES } from "#app/conferences/vocabulary.ts";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";

const id = z.string().max(40).optional();

const date = (label: string) =>
  z
    .string()
    .optional()
    .refine((v) => !v || fromLocalDateValue(v) !== null, `${label} không phải là ngày hợp lệ`);

const NUMBER_REQUIRED = "Nhập số văn bản do văn thư cấp trước khi ban hành (ví dụ 15)";

export const documentNumberSchema = z
  .string({ error: NUMBER_REQUIRED })
  .trim()
  .min(1, NUMBER_REQUIRED)
  .max(20, "Số văn bản dài quá 20 ký tự")
  .regex(/^[0-9A-Za-z.]*$/, "Số văn bản chỉ gồm chữ số (ví dụ 15)");

export const conclusionItemSchema = z.object({
  agendaItemId: id,
  heading: required(500, "Nhập tiêu đề của mục kết luận", "Tiêu đề mục kết luận"),
  text: text(20000, "Nội dung kết luận"),
});

export const conclusionTaskSchema = z.object({
  assignee: required(300, "Nhập cơ quan, đơn vị được giao", "Cơ quan, đơn vị"),
  organizationId: id,
  duties: required(10000, "Nhập nhiệm vụ được giao", "Nhiệm vụ"),
  dueDate: date("Thời hạn"),
  planTaskId: id,
});

export const noticeRecipientSchema = z.object({
  text: required(500, "Nhập nơi nhận", "Nơi nhận"),
  email: z
    .string()
    .trim()
    .max(254, "Địa chỉ thư điện tử dài quá 254 ký tự")
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "Địa chỉ thư điện tử không hợp lệ")
    .transform((v) => v || ""),
});

/** The draft as the organiser writes it (the number and the issue date are given when issuing). */
export const noticeDraftSchema = z.object({
  title: required(1000, "Nhập trích yếu của thông báo", "Trích yếu"),
  documentSymbol: required(30, "Nhập ký hiệu văn bản (ví dụ TB-UBND)", "Ký hiệu"),
  issuePlace: required(100, "Nhập địa danh ban hành", "Địa danh"),
  chairText: text(500, "Người chủ trì"),
  opening: text(5000, "Đoạn mở đầu"),
  closingText: text(5000, "Đoạn kết"),
  items: z.array(conclusionItemSchema).max(50, "Tối đa 50 mục kết luận").default([]),
  tasks: z.array(conclusionTaskSchema).max(100, "Tối đa 100 nhiệm vụ").default([]),
  recipients: z.array(noticeRecipientSchema).max(100, "Tối đa 100 nơi nhận").default([]),
  signAuthority: text(100, "Thẩm quyền ký"),
  signDelegation: text(100, "Dòng ký thay"),
  signerTitle: text(100, "Chức vụ người ký"),
  signerName: text(100, "Họ tên người ký"),
});
export type NoticeDraftValues = z.infer<typeof noticeDraftSchema>;

/** Issuing: the number the clerical office gave and the date of issue. */
export const noticeIssueSchema = z.object({
  documentNumber: documentNumberSchema,
  issuedOn: z
    .string({ error: "Nhập ngày ban hành" })
    .min(1, "Nhập ngày ban hành")
    .refine((v) => fromLocalDateValue(v) !== null, "Ngày ban hành không phải là ngày hợp lệ"),
});
export type NoticeIssueValues = z.infer<typeof noticeIssueSchema>;

/** Following a task after issue. */
export const noticeTaskStatusSchema = z.object({
  taskId: z.string({ error: "Thiếu nhiệm vụ" }).min(1, "Thiếu nhiệm vụ").max(40),
  status: z.enum(TASK_STATUSES, { error: "Trạng thái nhiệm vụ không hợp lệ" }),
});
