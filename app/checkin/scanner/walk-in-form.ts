// The walk-in registration form (đăng ký tại chỗ), validated in the browser and again on the server.

import { z } from "zod";
import { emailSchema } from "#app/invitations/attendee-form.ts";

const line = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} dài quá ${max} ký tự`)
    .optional()
    .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim());

export const walkInSchema = z.object({
  name: z
    .string({ error: "Nhập họ và tên" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập họ và tên").max(100, "Họ tên dài quá 100 ký tự")),
  position: line(200, "Chức vụ"),
  organizationName: line(200, "Cơ quan, đơn vị"),
  email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailSchema.optional()),
  groupId: z.string().max(64).optional(),
  deviceId: z.string({ error: "Thiếu mã thiết bị quét" }).min(1, "Thiếu mã thiết bị quét").max(200),
});

export type WalkInValues = z.infer<typeof walkInSchema>;
