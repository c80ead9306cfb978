// Issuing the conclusion notice, in one transaction: the roll call frozen into the notice, the number and
// date set, the Decree 30 PDF rendered and stored (what was issued stays what is sent), one CONCLUSION
// e-mail queued per attendee and per recipient line with an address, and the audit row. Issuing again
// changes nothing and queues nothing.
import type { AuditActor } from "#app/database/audit.server.ts";
import { recordAudit } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import { putFile } from "#app/files/stored-files.server.ts";
import { queueMessagesIn } from "#app/mailing/queue.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { attendanceLine } from "#app/conclusions/attendance-line.ts";
import { conclusionDocumentSpec, conferenceHeld, deadlineWarning } from "#app/conclusions/document.ts";
import type { NoticeIssueValues } from "#app/conclusions/notice-form.ts";
import { auditFields, noticeAttendance, noticeForDocument, readNotice } from "#app/conclusions/notice.server.ts";

export const NOT_HELD = "Hội nghị chưa diễn ra nên chưa ban hành thông báo kết luận.";

/** The one version of a notice's e-mails: a notice is issued once. */
export const CONCLUSION_VERSION = 1;

export type IssueOutcome =
  | { ok: true; message: string; warning: string | null }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/** The PDF's file name: "thong-bao-ket-luan-15-TB-UBND.pdf". */
export function noticeFileName(n: { documentNumber: string | null; documentSymbol: string }): string {
  const number = [n.documentNumber, n.documentSymbol].filter(Boolean).join("-");
  return `thong-bao-ket-luan${number ? `-${number.replace(/[^0-9A-Za-z.-]/g, "")}` : ""}.pdf`;
}

export async function issueNotice(
  actor: AuditActor,
  conferenceId: string,
  v: NoticeIssueValues,
  now = new Date(),
): Promise<IssueOutcome> {
  return prisma.$transaction(
    async (tx) => {
      await serializeOn(tx, `conclusion:${conferenceId}`);
      const notice = await readNotice(tx, conferenceId);
      if (!notice) return { ok: false, formError: "Chưa có dự thảo thông báo kết luận." };
      if (notice.status === "ISSUED") {
        return { ok: true, message: "Thông báo kết luận đã được ban hành trước đó; không gửi lại thư.", warning: null };
      }
      const c = await tx.conference.findUniqueOrThrow({
        where: { id: conferenceId },
        select: { status: true, startsAt: true, endsAt: true, organizationId: true },
      });
      if (!conferenceHeld(c, now)) return { ok: false, formError: NOT_HELD };
      const blank = notice.items.findIndex((i) => !i.text.trim());
      if (blank >= 0) {
        return {
          ok: false,
          formError: `Mục kết luận ${blank + 1} “${notice.items[blank]!.heading}” chưa có nội dung: viết kết luận hoặc xóa mục này.`,
        };
      }
      const issuedOn = fromLocalDateValue(v.issuedOn)!;
      const attendanceSummary = attendanceLine(await noticeAttendance(tx, conferenceId));
      const issued = {
        status: "ISSUED" as const,
        documentNumber: v.documentNumber,
        issuedOn,
        issuedAt: now,
        issuedById: actor.userId,
        attendanceSummary,
      };
      const pdf = await renderOfficialDocument(conclusionDocumentSpec(noticeForDocument({ ...notice, ...issued })));
      const pdfFileId = await putFile(tx, {
        kind: "conclusion-notice",
        name: noticeFileName({ documentNumber: v.documentNumber, documentSymbol: notice.documentSymbol }),
        contentType: "application/pdf",
        bytes: pdf,
      });
      await tx.conclusionNotice.update({ where: { id: notice.id }, data: { ...issued, pdfFileId } });
      const attendees = await tx.attendee.findMany({
        where: { conferenceId, revokedAt: null, email: { not: "" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, email: true },
      });
      const lines = await tx.noticeRecipient.findMany({
        where: { noticeId: notice.id, email: { not: null } },
        orderBy: { position: "asc" },
        select: { id: true, email: true },
      });
      const queued = await queueMessagesIn(tx, {
        conferenceId,
        kind: "CONCLUSION",
        version: CONCLUSION_VERSION,
        attachPdf: true,
        subject: `Thông báo số ${v.documentNumber}/${notice.documentSymbol}: ${meetingName(notice.title)}`,
        recipients: [
          ...attendees.map((a) => ({ attendeeId: a.id, toAddress: a.email.trim() })),
          ...lines.filter((l) => l.email?.trim()).map((l) => ({ noticeRecipientId: l.id, toAddress: l.email!.trim() })),
        ],
      });
      const warning = deadlineWarning(c.endsAt ?? c.startsAt, issuedOn, now);
      await recordAudit(tx, actor, {
        action: "conclusion.issue",
        entity: "ConclusionNotice",
        entityId: notice.id,
        summary: `Ban hành thông báo kết luận số ${v.documentNumber}/${notice.documentSymbol}, gửi ${queued.length} thư`,
        before: auditFields(notice),
        after: { ...auditFields({ ...notice, ...issued, pdfFileId }), messages: queued.length },
        conferenceId,
        organizationId: c.organizationId,
      });
      return {
        ok: true,
        message: `Đã ban hành thông báo kết luận số ${v.documentNumber}/${notice.documentSymbol} và đưa ${queued.length} thư vào hàng đợi gửi.`,
        warning,
      };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}
