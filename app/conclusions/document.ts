// The conclusion notice (thông báo kết luận) as text: the draft's wording taken from the conference, and
// the notice as an OfficialDocumentSpec in the Decree 30 layout, rendered to PDF by
// app/documents/pdf.server.ts (and to Word by the same spec). Plain TypeScript.
import type { OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { CONCLUSION_WORKING_DAYS, conclusionDeadline, localDate } from "#app/lib/working-days.ts";
import { formatDate, formatPlaceAndDate } from "#app/lib/vietnamese-date.ts";

const DECISION = "Quyết định số 45/2018/QĐ-TTg";

const trimEnd = (s: string) => s.trim().replace(/[.;,:]+$/, "");

/** "18/01/2024" from "2024-01-18". */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

/** The draft's wording, from the plan: title, chair and opening paragraph. */
export function draftWording(c: {
  title: string;
  chair: string;
  venue: string;
  startsAt: Date | null;
  organizationName: string;
}) {
  const meeting = meetingName(c.title.trim());
  const chair = trimEnd(c.chair) || "Lãnh đạo Ủy ban nhân dân";
  const when = c.startsAt ? `${formatDate(c.startsAt).replace(/^n/, "N")}, ` : "";
  const where = c.venue.trim() ? `tại ${trimEnd(c.venue)}, ` : "";
  return {
    title: `Kết luận của ${chair} tại ${meeting}`,
    chairText: chair,
    opening: `${when}${where}${chair} chủ trì ${meeting}.`.replace(/^./, (x) => x.toUpperCase()),
    closingText: `Văn phòng ${c.organizationName.trim()} thông báo để các cơ quan, đơn vị, địa phương liên quan biết, thực hiện./.`,
  };
}

export interface NoticeForDocument {
  status: "DRAFT" | "ISSUED";
  documentNumber: string | null;
  documentSymbol: string;
  issuePlace: string;
  issuedOn: Date | null;
  title: string;
  opening: string;
  chairText: string;
  attendanceSummary: string;
  closingText: string;
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  issuingBody: { documentName: string; parentDocumentName: string | null };
  items: Array<{ heading: string; text: string }>;
  tasks: Array<{ assignee: string; duties: string; dueDate: Date | null }>;
  recipients: Array<{ text: string }>;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** "- Sở Nội vụ: … Thời hạn: trước ngày 29/03/2024." */
export function taskLine(t: { assignee: string; duties: string; dueDate: Date | null }): string {
  const due = t.dueDate ? ` Thời hạn: ${shortDate(localDate(t.dueDate))}.` : "";
  const duties = t.duties.trim().replace(/\s*\r?\n\s*/g, " ");
  return `- ${trimEnd(t.assignee)}: ${duties}${/[.;!?]$/.test(duties) ? "" : "."}${due}`;
}

/** The notice in the Decree 30 layout; a draft says so in its type line and keeps its number blank. */
export function conclusionDocumentSpec(n: NoticeForDocument): OfficialDocumentSpec {
  const draft = n.status === "DRAFT";
  const number = n.documentNumber?.trim() || (draft ? " ".repeat(6) : "");
  const day = n.issuedOn ? localDate(n.issuedOn) : null;
  const [y, m, d] = day ? day.split("-").map(Number) : [null, null, null];
  const body: OfficialDocumentSpec["body"] = lines(n.opening).map((text) => ({ kind: "paragraph", text }));
  if (n.attendanceSummary.trim())
    body.push({ kind: "paragraph", text: `Tham dự Hội nghị: ${trimEnd(n.attendanceSummary)}.` });
  body.push({
    kind: "paragraph",
    text: `Sau khi nghe các báo cáo, tham luận và ý kiến phát biểu của đại biểu, ${n.chairText.trim() || "đồng chí chủ trì"} kết luận như sau:`,
  });
  n.items.forEach((item, i) => {
    body.push({ kind: "heading", text: `${i + 1}. ${trimEnd(item.heading)}` });
    for (const text of lines(item.text)) body.push({ kind: "paragraph", text });
  });
  if (n.tasks.length) {
    body.push({ kind: "heading", text: `${n.items.length + 1}. Tổ chức thực hiện` });
    for (const t of n.tasks) body.push({ kind: "paragraph", text: taskLine(t) });
  }
  for (const text of lines(n.closingText)) body.push({ kind: "paragraph", text });
  return {
    info: {
      title: `${draft ? "Dự thảo thông báo" : `Thông báo số ${number}/${n.documentSymbol}`}: ${n.title}`,
      author: n.issuingBody.documentName,
      createdAt: n.issuedOn ?? undefined,
    },
    header: {
      parentBody: n.issuingBody.parentDocumentName,
      issuingBody: n.issuingBody.documentName,
      numberLine: `Số: ${number}/${n.documentSymbol}`,
      placeAndDate: formatPlaceAndDate(n.issuePlace, d, m, y),
    },
    documentType: draft ? "THÔNG BÁO (DỰ THẢO)" : "THÔNG BÁO",
    title: n.title,
    body,
    recipients: n.recipients.map((r) => ({ text: r.text.trim(), isHeading: r.text.trim().endsWith(":") })),
    signature: [n.signAuthority, n.signDelegation, n.signerTitle].map((s) => s.trim()).filter(Boolean),
    signerName: n.signerName.trim(),
  };
}

/**
 * The five-working-day rule, as a warning: when the notice is due and, once issued (or today, for a
 * draft past its day), how late. Null when the meeting has no time.
 */
export function deadlineWarning(meetingEnd: Date | null, issuedOn: Date | null, now: Date): string | null {
  if (!meetingEnd) return null;
  const d = conclusionDeadline(meetingEnd, issuedOn ?? now);
  const due = `Thông báo kết luận cần ban hành chậm nhất ngày ${shortDate(d.due)} (0${CONCLUSION_WORKING_DAYS} ngày làm việc sau cuộc họp, ${DECISION})`;
  if (d.late === 0) return `${due}.`;
  return issuedOn
    ? `${due}; đã ban hành muộn ${d.late} ngày làm việc.`
    : `${due}; đến hôm nay đã quá hạn ${d.late} ngày làm việc.`;
}

/** Whether the notice may be issued: the meeting took place (marked held, or started and not cancelled nor a draft). */
export function conferenceHeld(c: { status: string; startsAt: Date | null }, now: Date): boolean {
  if (c.status === "HELD" || c.status === "CLOSED") return true;
  if (c.status === "CANCELLED" || c.status === "DRAFT") return false;
  return !!c.startsAt && c.startsAt.getTime() <= now.getTime();
}
