import { z } from "zod";

export const newRoundSchema = z.object({
  title: z
    .string({ error: "Nhập tên đợt đánh giá" })
    .trim()
    .min(1, "Nhập tên đợt đánh giá")
    .max(300, "Tên dài quá 300 ký tự"),
  year: z
    .number({ error: "Nhập năm đánh giá" })
    .int("Năm phải là số nguyên")
    .min(2000, "Năm từ 2000 đến 2100")
    .max(2100, "Năm từ 2000 đến 2100"),
  organizationId: z.string({ error: "Chọn cơ quan tổ chức đánh giá" }).min(1, "Chọn cơ quan tổ chức đánh giá"),
  frameworkId: z.string().optional(),
  previousRoundId: z.string().optional(),
  unitIds: z
    .array(z.string(), { error: "Chọn các đơn vị được đánh giá" })
    .min(1, "Chọn ít nhất một đơn vị được đánh giá"),
});

export type NewRoundValues = z.infer<typeof newRoundSchema>;
