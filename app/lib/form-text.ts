// The text fields of the long forms (plan, conclusion notice), one definition each so their messages
// read the same everywhere: "Tên hội nghị dài quá 1.000 ký tự".
import { z } from "zod";

const tooLong = (label: string, max: number) => `${label} dài quá ${max.toLocaleString("vi-VN")} ký tự`;

/** An optional text, trimmed, blank when absent. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, tooLong(label, max))
    .optional()
    .transform((v) => v?.trim() ?? "");

/** A text that must not be blank once trimmed; `message` says what to enter. */
export const requiredText = (max: number, message: string, label: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong(label, max));

/** A confirmation box that must be ticked; `message` asks for it ("Đánh dấu xác nhận …"). */
export const confirmed = (message: string) => z.boolean({ error: message }).refine((v) => v, message);
