import { type AuditEntry } from "#app/database/audit.server.ts";
import { type RemediationAccess } from "#app/auth/guard.server.ts";
import { removeEvidence } from "#app/files/file-store.server.ts";
import { type RemediationOutcome } from "#app/remediation/forms.ts";

// What the remediation writes share: messages, the audit scope of a plan, refusals by field, and the
// removal of evidence files after their rows are gone.

export const NOT_FOUND_ACTION = "Không tìm thấy nhiệm vụ khắc phục.";
export const ONLY_OWNERS = "Chỉ Nội vụ hoặc đơn vị, người được giao nhiệm vụ này mới cập nhật được.";

/** Where an audit row of this plan belongs: its round, and the assessed unit's organisation. */
export function auditScope(access: RemediationAccess): Pick<AuditEntry, "roundId" | "organizationId"> {
  return { roundId: access.plan.roundId, organizationId: access.plan.unitOrganizationId };
}

export function invalid(intent: string, target: string, fieldErrors: Record<string, string[]>): RemediationOutcome {
  return { ok: false, intent, target, fieldErrors };
}

export function fieldErrorsOf(error: Record<string, string[] | null> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error ?? {})) if (messages?.length) out[field || "form"] = messages;
  return out;
}

/** "2024-Q2" → "Quý II/2024", "2024-05" → "Tháng 5/2024". */
export function periodLabel(period: string): string {
  const [year, part] = period.split("-");
  if (part?.startsWith("Q")) return `Quý ${["I", "II", "III", "IV"][Number(part.slice(1)) - 1] ?? part}/${year}`;
  return `Tháng ${Number(part)}/${year}`;
}

// Files are removed after their rows are committed: a file left behind by a failed removal is only
// unused disk space, while answering 500 after a committed deletion would tell the user it failed.
export async function removeFiles(paths: string[]): Promise<void> {
  for (const p of paths) await removeEvidence(p).catch(() => undefined);
}
