// The organisers' side of meeting documents: adding one (its file checked by content and stored with the
// row and the audit record in one transaction), ordering, removing, and the list with read counts.
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { DOCUMENT_AUDIENCE_LABEL, MEETING_PHASE_LABEL } from "#app/conferences/vocabulary.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { putFile } from "#app/files/stored-files.server.ts";
import { audienceNamesSomeone } from "#app/meeting-documents/audience.ts";
import {
  CLASSIFIED_NO_FILE,
  FILE_REQUIRED,
  NO_AUDIENCE,
  type DocumentDraft,
} from "#app/meeting-documents/document-form.ts";
import { checkMeetingDocument } from "#app/meeting-documents/file-check.ts";

export const documentsLock = (conferenceId: string) => `meeting-documents:${conferenceId}`;

export type AddOutcome = { ok: true; id: string } | { ok: false; field: "file" | "audience"; error: string };

/** Keeps only the chosen groups, bridges and attendees that belong to this conference. */
async function ownTargets(conferenceId: string, v: DocumentDraft) {
  const [groups, bridges, attendees] = await Promise.all([
    v.audience === "GROUPS"
      ? prisma.attendeeGroup.findMany({ where: { conferenceId, id: { in: v.groupIds } }, select: { id: true } })
      : [],
    v.audience === "BRIDGES"
      ? prisma.bridgePoint.findMany({ where: { conferenceId, id: { in: v.bridgePointIds } }, select: { id: true } })
      : [],
    v.audience === "ATTENDEES"
      ? prisma.attendee.findMany({
          where: { conferenceId, id: { in: v.attendeeIds }, revokedAt: null },
          select: { id: true },
        })
      : [],
  ]);
  return {
    groupIds: groups.map((g) => g.id),
    bridgePointIds: bridges.map((b) => b.id),
    attendeeIds: attendees.map((a) => a.id),
  };
}

/**
 * Adds a document. A classified (mật) one keeps its title and note only and refuses a file; any other needs
 * a PDF, Word, Excel or PowerPoint file, checked by content; a chosen audience must name someone.
 * Nothing is written when refused.
 */
export async function addDocument(
  actor: AuditActor,
  conferenceId: string,
  v: DocumentDraft,
  file: { name: string; data: Uint8Array } | null,
  maxBytes: number,
): Promise<AddOutcome> {
  if (v.classified && file) return { ok: false, field: "file", error: CLASSIFIED_NO_FILE };
  if (!v.classified && !file) return { ok: false, field: "file", error: FILE_REQUIRED };
  const checked = file ? checkMeetingDocument(file.name, file.data, maxBytes) : null;
  if (checked && !checked.ok) return { ok: false, field: "file", error: checked.error };
  const targets = await ownTargets(conferenceId, v);
  if (!audienceNamesSomeone({ audience: v.audience, ...targets }))
    return { ok: false, field: "audience", error: NO_AUDIENCE };
  const id = await prisma.$transaction(async (tx) => {
    await serializeOn(tx, documentsLock(conferenceId));
    const last = await tx.meetingDocument.aggregate({ where: { conferenceId }, _max: { position: true } });
    const fileName = file ? file.name.replace(/[\r\n\t/\\]+/g, " ").slice(-200) : null;
    const fileId =
      file && checked?.ok
        ? await putFile(tx, {
            kind: "meeting-document",
            name: fileName!,
            contentType: checked.contentType,
            bytes: file.data,
          })
        : null;
    const doc = await tx.meetingDocument.create({
      data: {
        conferenceId,
        position: (last._max.position ?? 0) + 1,
        title: v.title,
        note: v.note,
        classified: v.classified,
        phase: v.phase,
        audience: v.audience,
        fileId,
        fileName: fileId ? fileName : null,
        contentType: fileId && checked?.ok ? checked.contentType : null,
        size: fileId ? file!.data.byteLength : null,
        createdById: actor.userId,
        targets: {
          create: [
            ...targets.groupIds.map((groupId) => ({ groupId })),
            ...targets.bridgePointIds.map((bridgePointId) => ({ bridgePointId })),
            ...targets.attendeeIds.map((attendeeId) => ({ attendeeId })),
          ],
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "meeting-document.create",
      entity: "MeetingDocument",
      entityId: doc.id,
      summary: `Thêm tài liệu họp “${v.title}”${v.classified ? " (mật, không kèm tệp)" : ""}`,
      after: {
        title: v.title,
        note: v.note,
        classified: v.classified,
        phase: MEETING_PHASE_LABEL[v.phase],
        audience: DOCUMENT_AUDIENCE_LABEL[v.audience],
        fileName: fileId ? fileName : null,
        targets: targets.groupIds.length + targets.bridgePointIds.length + targets.attendeeIds.length,
      },
      conferenceId,
    });
    return doc.id;
  });
  return { ok: true, id };
}

/** Moves a document one place up or down; false when it is not this conference's. */
export async function moveDocument(
  actor: AuditActor,
  conferenceId: string,
  documentId: string,
  direction: "up" | "down",
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, documentsLock(conferenceId));
    const ordered = await tx.meetingDocument.findMany({
      where: { conferenceId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true },
    });
    const i = ordered.findIndex((d) => d.id === documentId);
    if (i < 0) return false;
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= ordered.length) return true;
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
    // Positions are renumbered 1..n, so gaps left by removals close as well.
    for (const [k, d] of ordered.entries())
      await tx.meetingDocument.update({ where: { id: d.id }, data: { position: k + 1 } });
    await recordAudit(tx, actor, {
      action: "meeting-document.move",
      entity: "MeetingDocument",
      entityId: documentId,
      summary: `Chuyển tài liệu “${ordered[j]!.title}” ${direction === "up" ? "lên trước" : "xuống sau"} “${ordered[i]!.title}”`,
      before: { position: i + 1 },
      after: { position: j + 1 },
      conferenceId,
    });
    return true;
  });
}

/** Removes a document with its file and read receipts; false when it is not this conference's. */
export async function deleteDocument(actor: AuditActor, conferenceId: string, documentId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, documentsLock(conferenceId));
    const doc = await tx.meetingDocument.findFirst({
      where: { id: documentId, conferenceId },
      select: { title: true, fileId: true, fileName: true, publishedAt: true, classified: true },
    });
    if (!doc) return false;
    await tx.meetingDocument.delete({ where: { id: documentId } });
    if (doc.fileId) await tx.storedFile.delete({ where: { id: doc.fileId } });
    await recordAudit(tx, actor, {
      action: "meeting-document.delete",
      entity: "MeetingDocument",
      entityId: documentId,
      summary: `Xóa tài liệu họp “${doc.title}”`,
      before: {
        title: doc.title,
        fileName: doc.fileName,
        published: doc.publishedAt !== null,
        classified: doc.classified,
      },
      after: null,
      conferenceId,
    });
    return true;
  });
}
