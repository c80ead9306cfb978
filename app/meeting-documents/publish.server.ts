// Publishing meeting documents: one transaction marks the chosen unpublished documents published, opens
// the next documents round (Conference.documentRound, the DOCUMENTS messages' version) and queues one
// e-mail per person the new documents reach, plus the audit record. A classified document is published
// (listed) but never e-mailed. A second press finds nothing unpublished and sends nothing.
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { queueMessagesIn, type Recipient } from "#app/mailing/queue.server.ts";
import { canSee } from "#app/meeting-documents/audience.ts";
import { accessOf, accessSelect, audienceWhere } from "#app/meeting-documents/audience.server.ts";
import { documentsDeadlineWarning } from "#app/meeting-documents/deadline.ts";
import { documentsLock } from "#app/meeting-documents/documents.server.ts";
import { NOTHING_TO_PUBLISH } from "#app/meeting-documents/document-form.ts";

export function documentsSubject(title: string): string {
  return `[Tài liệu họp] ${meetingName(title)
    .replace(/[\r\n\t]+/g, " ")
    .trim()}`;
}

export type PublishOutcome =
  { ok: true; round: number; published: number; queued: number; warning: string | null } | { ok: false; error: string };

/** Publishes the chosen documents that are not yet published. */
export async function publishDocuments(
  actor: AuditActor,
  conferenceId: string,
  chosen: readonly string[],
  now = new Date(),
): Promise<PublishOutcome> {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, documentsLock(conferenceId));
    const docs = await tx.meetingDocument.findMany({
      where: { conferenceId, publishedAt: null, id: { in: [...chosen] } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { ...accessSelect, title: true, phase: true },
    });
    if (!docs.length) return { ok: false as const, error: NOTHING_TO_PUBLISH };
    const { count } = await tx.meetingDocument.updateMany({
      where: { id: { in: docs.map((d) => d.id) }, publishedAt: null },
      data: { publishedAt: now },
    });
    if (count !== docs.length) return { ok: false as const, error: NOTHING_TO_PUBLISH };
    const c = await tx.conference.update({
      where: { id: conferenceId },
      data: { documentRound: { increment: 1 } },
      select: { documentRound: true, title: true, startsAt: true },
    });
    const mailed = docs
      .filter((d) => !d.classified)
      .map((d) => ({ ...d, access: { ...accessOf(d), published: true } }));
    // Who each new document reaches: attendees of its audience (bridge attendees of BRIDGES documents
    // included), and for BRIDGES documents the bridge point's own contact address.
    const attendees = mailed.length
      ? await tx.attendee.findMany({
          where: { OR: mailed.map((d) => audienceWhere(conferenceId, d.access, d.id)) },
          select: { id: true, email: true, groupId: true, bridgePointId: true },
        })
      : [];
    const bridgeIds = [...new Set(mailed.flatMap((d) => (d.audience === "BRIDGES" ? d.access.bridgePointIds : [])))];
    const bridges = bridgeIds.length
      ? await tx.bridgePoint.findMany({
          where: { conferenceId, id: { in: bridgeIds } },
          select: { id: true, contactEmail: true },
        })
      : [];
    // One message per person; its note names the new documents that person may open.
    const byTitles = new Map<string, Recipient[]>();
    const add = (titles: string[], r: Recipient) => {
      if (!titles.length || !r.toAddress.trim()) return;
      const key = titles.join("\n");
      byTitles.set(key, [...(byTitles.get(key) ?? []), { ...r, toAddress: r.toAddress.trim() }]);
    };
    for (const a of attendees) {
      const viewer = {
        kind: "attendee" as const,
        attendeeId: a.id,
        groupId: a.groupId,
        bridgePointId: a.bridgePointId,
      };
      add(
        mailed.filter((d) => canSee(d.access, viewer)).map((d) => d.title),
        { attendeeId: a.id, toAddress: a.email },
      );
    }
    for (const b of bridges) {
      const viewer = { kind: "bridge" as const, bridgePointId: b.id };
      add(
        mailed.filter((d) => canSee(d.access, viewer)).map((d) => d.title),
        { bridgePointId: b.id, toAddress: b.contactEmail },
      );
    }
    let queued = 0;
    for (const [titles, recipients] of byTitles) {
      const fresh = await queueMessagesIn(tx, {
        conferenceId,
        kind: "DOCUMENTS",
        version: c.documentRound,
        recipients,
        subject: documentsSubject(c.title),
        changeNote: titles,
      });
      queued += fresh.length;
    }
    const warning = docs.some((d) => d.phase === "BEFORE") ? documentsDeadlineWarning(c.startsAt, now) : null;
    await recordAudit(tx, actor, {
      action: "meeting-document.publish",
      entity: "Conference",
      entityId: conferenceId,
      summary: `Công bố ${docs.length} tài liệu họp, đưa ${queued} thư vào hàng đợi gửi (lượt ${c.documentRound})`,
      before: { documentRound: c.documentRound - 1 },
      after: {
        documentRound: c.documentRound,
        documents: docs.map((d) => d.title),
        classified: docs.filter((d) => d.classified).map((d) => d.title),
        queued,
        ...(warning ? { warning } : {}),
      },
      conferenceId,
    });
    return { ok: true as const, round: c.documentRound, published: docs.length, queued, warning };
  });
}
