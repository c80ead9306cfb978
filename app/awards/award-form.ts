import { z } from "zod";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";

export const RECIPIENT_KIND_LABEL = { COLLECTIVE: "Tập thể", INDIVIDUAL: "Cá nhân" } as const;
export const AWARD_STATUS_LABEL = { PROPOSED: "Đề nghị", APPROVED: "Đã duyệt" } as const;

const oneLine = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} dài quá ${max} ký tự`)
    .optional()
    .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim());

export const awardSchema = z.object({
  recipientKind: z.enum(["COLLECTIVE", "INDIVIDUAL"], { error: "Chọn tập thể hay cá nhân" }),
  recipientName: z
    .string({ error: "Nhập tên tập thể hoặc cá nhân" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập tên tập thể hoặc cá nhân").max(200, "Tên dài quá 200 ký tự")),
  organizationName: oneLine(200, "Cơ quan"),
  achievement: oneLine(1000, "Thành tích"),
  form: z
    .string({ error: "Nhập hình thức khen thưởng" })
    .trim()
    .min(1, "Nhập hình thức khen thưởng")
    .max(200, "Hình thức dài quá 200 ký tự"),
  decisionNumber: oneLine(50, "Số quyết định"),
  decisionDate: z
    .string()
    .optional()
    .refine((v) => !v || fromLocalDateValue(v) !== null, "Ngày quyết định không hợp lệ"),
  attendeeId: z.string().optional(),
});

export type AwardValues = z.infer<typeof awardSchema>;
