import { z } from "zod";
import { fromLocalInputValue } from "#app/lib/vietnamese-date.ts";

// One Zod schema per form of the bridge-point screens; every message names its field.

/** One line of text: line breaks would end up in e-mail headers. */
const line = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} dài quá ${max} ký tự`)
    .optional()
    .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim());

const required = (max: number, label: string) =>
  z
    .string({ error: `Nhập ${label.toLowerCase()}` })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, `Nhập ${label.toLowerCase()}`).max(max, `${label} dài quá ${max} ký tự`));

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(200, `${label} quá dài`)
    .pipe(z.email(`${label} không hợp lệ`))
    .optional()
    .transform((v) => v ?? "");

const phone = z
  .string()
  .trim()
  .max(30, "Số điện thoại liên hệ quá dài")
  .regex(/^[0-9+() .-]*$/, "Số điện thoại liên hệ chỉ gồm chữ số, dấu cách, +, (, ), -")
  .optional()
  .transform((v) => v ?? "");

export const bridgeSchema = z.object({
  name: required(200, "Tên điểm cầu"),
  hostOrganizationId: z.string().optional(),
  address: line(300, "Địa chỉ"),
  room: line(200, "Phòng họp"),
  isMain: z.boolean().optional().default(false),
  videoLink: z
    .string()
    .trim()
    .max(500, "Đường dẫn họp trực tuyến dài quá 500 ký tự")
    .regex(/^https?:\/\/\S+$/i, "Đường dẫn họp trực tuyến phải bắt đầu bằng http:// hoặc https://")
    .optional()
    .transform((v) => v ?? ""),
  videoPasscode: line(100, "Mật khẩu phòng họp"),
  contactName: line(100, "Người phụ trách kỹ thuật"),
  contactPhone: phone,
  contactEmail: optionalEmail("Thư điện tử liên hệ"),
});
export type BridgeValues = z.infer<typeof bridgeSchema>;

export const deleteBridgeSchema = z.object({ confirm: z.literal("yes", { error: "Xác nhận xóa điểm cầu" }) });

/** Bulk creation: one bridge point per child organisation of `parentId`. */
export const bulkBridgeSchema = z.object({
  parentId: z.string({ error: "Chọn cơ quan cấp trên" }).min(1, "Chọn cơ quan cấp trên"),
  onlyAdministrative: z.boolean().optional().default(false),
});

/** Moves the ticked attendees to one bridge point ("" = the main hall). */
export const assignSchema = z.object({
  target: z
    .string()
    .optional()
    .transform((v) => v ?? ""),
  attendeeIds: z.array(z.string().min(1), { error: "Chọn ít nhất một đại biểu" }).min(1, "Chọn ít nhất một đại biểu"),
});

export const scheduleSchema = z.object({
  bridgeTestAt: z
    .string({ error: "Nhập thời gian kiểm tra kết nối" })
    .refine((v) => fromLocalInputValue(v) !== null, "Thời gian kiểm tra kết nối không hợp lệ")
    .transform((v) => fromLocalInputValue(v)!),
  bridgeTestNote: z
    .string()
    .max(1000, "Ghi chú buổi kiểm tra dài quá 1000 ký tự")
    .optional()
    .transform((v) => (v ?? "").trim()),
});

/** "Gửi e-mail đề nghị kiểm tra": the round shown on screen, so a second press of the same round does nothing. */
export const requestTestSchema = z.object({ round: z.number({ error: "Thiếu lượt đề nghị" }).int().min(0) });

const figure = (label: string, max: number) =>
  z
    .number({ error: `Chưa có ${label}: hãy chạy kiểm tra đường truyền` })
    .min(0, `${label} không hợp lệ`)
    .max(max, `${label} không hợp lệ`);

export const connectivityTestSchema = z.object({
  operatorName: required(100, "Họ tên người kiểm tra"),
  latencyMs: figure("độ trễ", 60_000),
  jitterMs: figure("độ dao động", 60_000),
  lossPercent: figure("tỷ lệ mất gói", 100),
  downloadMbps: figure("tốc độ tải xuống", 100_000),
  uploadMbps: figure("tốc độ tải lên", 100_000),
  camera: z.boolean().optional().default(false),
  microphone: z.boolean().optional().default(false),
  screen: z.boolean().optional().default(false),
  sound: z.boolean().optional().default(false),
  backupConnection: z.boolean().optional().default(false),
  notes: z
    .string()
    .max(2000, "Ghi chú dài quá 2000 ký tự")
    .optional()
    .transform((v) => (v ?? "").trim()),
  result: z.enum(["PASSED", "FAILED"], { error: "Chọn kết luận: đạt hoặc lỗi" }),
});
export type ConnectivityTestValues = z.infer<typeof connectivityTestSchema>;
