import { z } from "zod";
import { fromLocalDateValue } from "../lib/vietnamese-date.ts";

export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;
export const ACTION_STATUS_LABEL = { NOT_STARTED: "Chưa thực hiện", IN_PROGRESS: "Đang thực hiện", DONE: "Đã hoàn thành" } as const;

export const updateActionSchema = z.object({
  intent: z.literal("update-action"),
  actionId: z.string().min(1),
  ownerOrganizationId: z.string().optional(),
  ownerUserId: z.string().optional(),
  solution: z.string().trim().max(5000, "Giải pháp dài quá 5.000 ký tự").optional().default(""),
  deadline: z
    .string()
    .optional()
    .refine((v) => !v || fromLocalDateValue(v) !== null, "Thời hạn không phải là ngày hợp lệ"),
  status: z.enum(ACTION_STATUSES, { error: "Chọn trạng thái" }),
});

export const reportSchema = z.object({
  intent: z.literal("report"),
  period: z.string({ error: "Chọn kỳ báo cáo" }).regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, "Kỳ báo cáo không hợp lệ"),
  content: z.string({ error: "Nhập nội dung báo cáo" }).trim().min(1, "Nhập nội dung báo cáo").max(20000, "Báo cáo dài quá 20.000 ký tự"),
});

export const periodSchema = z.object({ intent: z.literal("period"), reportingPeriod: z.enum(["MONTHLY", "QUARTERLY"]) });

export const remediationIntentSchema = z.discriminatedUnion("intent", [updateActionSchema, reportSchema, periodSchema]);
