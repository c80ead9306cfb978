// The form of the timed reminders page (conferences.$id.reminders): one Zod schema for scheduling, and
// how its answers become a rule (app/conferences/reminder-schedule.ts). Safe for the browser.

import { z } from "zod";
import { ruleText, REMINDER_REFUSAL } from "#app/conferences/reminder-schedule.ts";
import { fromLocalInputValue } from "#app/lib/vietnamese-date.ts";

export const REMINDER_PRESETS = ["DAY_BEFORE", "MINUTES_BEFORE", "AT"] as const;
export type ReminderPreset = (typeof REMINDER_PRESETS)[number];

export const PRESET_LABEL: Record<ReminderPreset, string> = {
  DAY_BEFORE: "Chiều hôm trước, vào giờ",
  MINUTES_BEFORE: "Trước giờ khai mạc",
  AT: "Vào ngày giờ cố định",
};

/** Which field a time refusal belongs on, for each preset. */
export const TIME_FIELD: Record<ReminderPreset, "dayBeforeTime" | "before" | "at"> = {
  DAY_BEFORE: "dayBeforeTime",
  MINUTES_BEFORE: "before",
  AT: "at",
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_MINUTES = 60 * 24 * 60;

export const reminderSchema = z
  .object({
    preset: z.enum(REMINDER_PRESETS, { error: "Chọn thời điểm nhắc" }),
    dayBeforeTime: z.string().trim().optional(),
    before: z
      .number({ error: "Nhập một số nguyên dương" })
      .int("Nhập một số nguyên dương")
      .min(1, "Ít nhất là 1")
      .optional(),
    beforeUnit: z.enum(["MINUTES", "HOURS"]).default("HOURS"),
    at: z.string().trim().optional(),
    subject: z
      .string({ error: "Nhập tiêu đề thư nhắc" })
      .trim()
      .min(1, "Nhập tiêu đề thư nhắc")
      .max(200, "Tiêu đề dài quá 200 ký tự"),
    body: z
      .string({ error: "Nhập nội dung thư nhắc" })
      .trim()
      .min(1, "Nhập nội dung thư nhắc")
      .max(5000, "Nội dung dài quá 5000 ký tự"),
    audience: z.enum(["ACCEPTED", "NO_ANSWER", "CHOSEN"], { error: "Chọn người nhận" }),
    attendeeIds: z.array(z.string().min(1)).max(5000, "Chọn tối đa 5000 người").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.preset === "DAY_BEFORE" && !HH_MM.test(v.dayBeforeTime ?? ""))
      ctx.addIssue({ code: "custom", path: ["dayBeforeTime"], message: "Nhập giờ dạng HH:MM, ví dụ 16:00" });
    if (v.preset === "MINUTES_BEFORE") {
      if (v.before === undefined)
        ctx.addIssue({ code: "custom", path: ["before"], message: "Nhập số phút hoặc số giờ" });
      else if (v.before * (v.beforeUnit === "HOURS" ? 60 : 1) > MAX_MINUTES)
        ctx.addIssue({ code: "custom", path: ["before"], message: "Không quá 60 ngày trước giờ khai mạc" });
    }
    if (v.preset === "AT" && !fromLocalInputValue(v.at ?? ""))
      ctx.addIssue({ code: "custom", path: ["at"], message: "Chọn ngày và giờ gửi" });
    if (v.audience === "CHOSEN" && !v.attendeeIds?.length)
      ctx.addIssue({ code: "custom", path: ["attendeeIds"], message: REMINDER_REFUSAL.nobody });
  });

export type ReminderValues = z.infer<typeof reminderSchema>;

/** The stored rule and, for a fixed time, that time. */
export function reminderRule(v: ReminderValues): { rule: string; fixedAt: Date | null } {
  switch (v.preset) {
    case "DAY_BEFORE": {
      const [hour, minute] = (v.dayBeforeTime ?? "16:00").split(":").map(Number);
      return { rule: ruleText({ kind: "DAY_BEFORE", hour: hour!, minute: minute! }), fixedAt: null };
    }
    case "MINUTES_BEFORE": {
      const minutes = (v.before ?? 0) * (v.beforeUnit === "HOURS" ? 60 : 1);
      return { rule: ruleText({ kind: "MINUTES_BEFORE", minutes }), fixedAt: null };
    }
    case "AT":
      return { rule: "AT", fixedAt: fromLocalInputValue(v.at ?? "") };
  }
}
