import { z } from "zod";
import type { Capability } from "#app/auth/policy.ts";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";

export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;
export const ACTION_STATUS_LABEL = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Đã hoàn thành",
} as const;
export const REPORTING_PERIOD_LABEL = { MONTHLY: "Hằng tháng", QUARTERLY: "Hằng quý" } as const;

/**
 * Every action intent of a remediation plan and the capability it needs on the plan. Intents marked
 * "remediation.update" also pass the row-level owner rule of owner.ts (Nội vụ, who holds
 * "remediation.manage", passes it for every action).
 */
export const REMEDIATION_INTENTS = {
  "edit-plan": "remediation.manage",
  "delete-plan": "remediation.manage",
  "update-action": "remediation.update",
  report: "remediation.update",
  "upload-evidence": "remediation.update",
  "delete-evidence": "remediation.update",
} as const satisfies Record<string, Capability>;

export type RemediationIntent = keyof typeof REMEDIATION_INTENTS;

export function isRemediationIntent(value: unknown): value is RemediationIntent {
  return typeof value === "string" && Object.hasOwn(REMEDIATION_INTENTS, value);
}

export const updateActionSchema = z.object({
  intent: z.literal("update-action"),
  actionId: z.string({ error: "Thiếu nhiệm vụ" }).min(1, "Thiếu nhiệm vụ"),
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
  content: z
    .string({ error: "Nhập nội dung báo cáo" })
    .trim()
    .min(1, "Nhập nội dung báo cáo")
    .max(20000, "Báo cáo dài quá 20.000 ký tự"),
});

export const editPlanSchema = z.object({
  intent: z.literal("edit-plan"),
  title: z
    .string({ error: "Nhập tên kế hoạch" })
    .trim()
    .min(1, "Nhập tên kế hoạch")
    .max(500, "Tên kế hoạch dài quá 500 ký tự"),
  reportingPeriod: z.enum(["MONTHLY", "QUARTERLY"], { error: "Chọn kỳ báo cáo" }),
});

// Deleting a plan removes its actions, reports and evidence: the form asks for an explicit confirmation.
export const deletePlanSchema = z.object({
  intent: z.literal("delete-plan"),
  confirm: z.literal("yes", { error: "Đánh dấu ô xác nhận để xóa kế hoạch" }),
});

export const deleteEvidenceSchema = z.object({
  intent: z.literal("delete-evidence"),
  fileId: z.string({ error: "Thiếu tệp cần xóa" }).min(1, "Thiếu tệp cần xóa"),
});

export const uploadEvidenceSchema = z.object({
  intent: z.literal("upload-evidence"),
  actionId: z.string({ error: "Thiếu nhiệm vụ" }).min(1, "Thiếu nhiệm vụ"),
});

/** What an intent answers: done, or Vietnamese messages per form field (400). */
export type RemediationOutcome =
  | { ok: true; intent: RemediationIntent }
  | { ok: false; intent: string; target: string; fieldErrors: Record<string, string[]> };
