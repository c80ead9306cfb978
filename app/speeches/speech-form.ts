import { z } from "zod";

export const SPEECH_STATUS_LABEL = {
  REGISTERED: "Đăng ký",
  APPROVED: "Được chọn",
  REJECTED: "Không chọn",
  DELIVERED: "Đã trình bày",
} as const;
export const SPEECH_KIND_LABEL = { DISCUSSION: "Tham luận", LEADER: "Phát biểu của lãnh đạo" } as const;

const line = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} dài quá ${max} ký tự`)
    .optional()
    .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim());

export const registerSpeechSchema = z.object({
  intent: z.literal("register"),
  kind: z.enum(["DISCUSSION", "LEADER"], { error: "Chọn loại bài" }),
  title: z
    .string({ error: "Nhập tên bài tham luận, phát biểu" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập tên bài tham luận, phát biểu").max(300, "Tên bài dài quá 300 ký tự")),
  speakerName: z
    .string({ error: "Nhập người trình bày" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập người trình bày").max(100, "Tên quá dài")),
  speakerPosition: line(200, "Chức vụ"),
  organizationName: line(200, "Cơ quan"),
  durationMinutes: z
    .number({ error: "Nhập thời lượng (phút)" })
    .int("Thời lượng là số phút nguyên")
    .min(1, "Thời lượng ít nhất 1 phút")
    .max(120, "Thời lượng tối đa 120 phút"),
});

export const speechIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("status"),
    speechId: z.string().min(1),
    status: z.enum(["REGISTERED", "APPROVED", "REJECTED", "DELIVERED"]),
  }),
  z.object({ intent: z.literal("move"), speechId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.object({
    intent: z.literal("draft"),
    speechId: z.string().min(1),
    content: z
      .string({ error: "Nhập nội dung bài phát biểu" })
      .trim()
      .min(1, "Nhập nội dung bài phát biểu")
      .max(100_000, "Bài phát biểu quá dài"),
  }),
]);
