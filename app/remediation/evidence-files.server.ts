import { parseWithZod } from "@conform-to/zod/v4";
import { recordAudit, userActor } from "#app/database/audit.server.ts";
import { forbidden, notFound, type RemediationAccess } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { checkEvidence } from "#app/files/accepted-files.ts";
import { storeEvidence } from "#app/files/file-store.server.ts";
import { requirePlanCapability } from "#app/remediation/access.server.ts";
import { deleteEvidenceSchema, uploadEvidenceSchema, type RemediationOutcome } from "#app/remediation/forms.ts";
import { mayUpdateAction } from "#app/remediation/owner.ts";
import {
  NOT_FOUND_ACTION,
  ONLY_OWNERS,
  auditScope,
  invalid,
  fieldErrorsOf,
  removeFiles,
} from "#app/remediation/shared.server.ts";

// Evidence files of a remediation action: upload (checked, then stored with its row and audit record) and deletion.

async function uploadedFile(value: FormDataEntryValue | null): Promise<{ name: string; data: Uint8Array } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, data: new Uint8Array(await value.arrayBuffer()) };
}

/** A checked evidence file for one action. The file commits with its row and audit record. */
export async function uploadEvidence(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const submission = parseWithZod(form, { schema: uploadEvidenceSchema });
  if (submission.status !== "success") return invalid("upload-evidence", "", fieldErrorsOf(submission.reply().error));
  const { actionId } = submission.value;
  const action = await prisma.remediationAction.findFirst({
    where: { id: actionId, planId: access.plan.id },
    select: { id: true, code: true, ownerOrganizationId: true, ownerUserId: true },
  });
  if (!action) notFound(NOT_FOUND_ACTION);
  if (!mayUpdateAction(access.capabilities, access.user, action)) forbidden(ONLY_OWNERS);
  const file = await uploadedFile(form.get("file"));
  if (!file) return invalid("upload-evidence", actionId, { file: ["Chọn tệp tài liệu kiểm chứng"] });
  const checked = checkEvidence(file.name, file.data);
  if (!checked.ok) return invalid("upload-evidence", actionId, { file: [checked.error] });
  // The file is stored in the same transaction as its row and audit record: all of them or none.
  await prisma.$transaction(async (tx) => {
    const storagePath = await storeEvidence(file.data, file.name, checked.mime, tx);
    const after = { actionId, fileName: file.name.slice(0, 200), mimeType: checked.mime, size: file.data.length };
    const row = await tx.evidenceFile.create({
      data: { ...after, storagePath, uploadedById: access.user.id },
      select: { id: true },
    });
    await recordAudit(tx, userActor(access.user), {
      action: "evidenceFile.create",
      entity: "EvidenceFile",
      entityId: row.id,
      summary: `Tải lên tài liệu kiểm chứng “${after.fileName}” cho nhiệm vụ khắc phục ${action.code}`,
      before: null,
      after,
      ...auditScope(access),
    });
  });
  return { ok: true, intent: "upload-evidence" };
}

/** Removes one evidence file of an action (same people as upload). */
export async function deleteEvidence(access: RemediationAccess, form: FormData): Promise<RemediationOutcome> {
  requirePlanCapability(access, "remediation.update");
  const submission = parseWithZod(form, { schema: deleteEvidenceSchema });
  if (submission.status !== "success") return invalid("delete-evidence", "", fieldErrorsOf(submission.reply().error));
  const file = await prisma.evidenceFile.findFirst({
    where: { id: submission.value.fileId, action: { planId: access.plan.id } },
    select: {
      id: true,
      actionId: true,
      fileName: true,
      mimeType: true,
      size: true,
      storagePath: true,
      action: { select: { code: true, ownerOrganizationId: true, ownerUserId: true } },
    },
  });
  if (!file) notFound("Không tìm thấy tệp.");
  if (!mayUpdateAction(access.capabilities, access.user, file.action)) forbidden(ONLY_OWNERS);
  await prisma.$transaction(async (tx) => {
    await tx.evidenceFile.delete({ where: { id: file.id }, select: { id: true } });
    await recordAudit(tx, userActor(access.user), {
      action: "evidenceFile.delete",
      entity: "EvidenceFile",
      entityId: file.id,
      summary: `Xóa tài liệu kiểm chứng “${file.fileName}” của nhiệm vụ khắc phục ${file.action.code}`,
      before: { actionId: file.actionId, fileName: file.fileName, mimeType: file.mimeType, size: file.size },
      after: null,
      ...auditScope(access),
    });
  });
  await removeFiles([file.storagePath]);
  return { ok: true, intent: "delete-evidence" };
}
