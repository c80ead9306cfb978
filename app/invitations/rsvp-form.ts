import { z } from "zod";
import { emailSchema } from "#app/invitations/attendee-form.ts";

// The four answers of an invitation page (/i/:token), one schema per form, named by its `intent`.

const oneLine = (v: string) => v.replace(/[\r\n\t]+/g, " ").trim();

export const acceptSchema = z.object({ intent: z.literal("accept") });

export const declineSchema = z.object({
  intent: z.literal("decline"),
  reason: z
    .string({ error: "Nêu lý do vắng mặt" })
    .trim()
    .min(1, "Nêu lý do vắng mặt")
    .max(500, "Lý do dài quá 500 ký tự"),
});

export const paperSchema = z.object({
  intent: z.literal("paper"),
  title: z
    .string({ error: "Nhập tên bài tham luận" })
    .transform(oneLine)
    .pipe(z.string().min(1, "Nhập tên bài tham luận").max(300, "Tên bài dài quá 300 ký tự")),
  durationMinutes: z
    .number({ error: "Nhập thời lượng (phút)" })
    .int("Thời lượng là số phút nguyên")
    .min(1, "Thời lượng ít nhất 1 phút")
    .max(60, "Thời lượng tối đa 60 phút"),
});

export const substituteSchema = z.object({
  intent: z.literal("substitute"),
  name: z
    .string({ error: "Nhập họ tên người dự thay" })
    .transform(oneLine)
    .pipe(z.string().min(1, "Nhập họ tên người dự thay").max(100)),
  position: z
    .string()
    .max(200)
    .optional()
    .transform((v) => oneLine(v ?? "")),
  email: emailSchema,
});

export const RSVP_SCHEMAS = {
  accept: acceptSchema,
  decline: declineSchema,
  paper: paperSchema,
  substitute: substituteSchema,
} as const;

export type RsvpIntent = keyof typeof RSVP_SCHEMAS;

export function isRsvpIntent(v: unknown): v is RsvpIntent {
  return typeof v === "string" && Object.hasOwn(RSVP_SCHEMAS, v);
}

/** What the invitation page says of the answer on record; null before any. */
export function rsvpStatusText(rsvp: string, declineReason: string): string | null {
  if (rsvp === "ACCEPTED") return "Đồng chí đã xác nhận tham dự.";
  if (rsvp === "DECLINED") return `Đồng chí đã báo vắng${declineReason ? `: ${declineReason}` : "."}`;
  return null;
}
