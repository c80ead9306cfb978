import { RSVP_LABEL, type RsvpStatus } from "#app/conferences/vocabulary.ts";
import type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { renderOfficialDocument, type ClosingBlock, type OfficialHeader } from "#app/documents/pdf.server.ts";

export interface AttendanceInput {
  header: OfficialHeader;
  meeting: string;
  /** Per attendee group, in the plan's order. */
  groups: Array<{
    label: string;
    attendees: Array<{
      name: string;
      position: string;
      organization: string;
      site: string;
      /** The answer to the invitation; its words come from the vocabulary. */
      rsvp: RsvpStatus;
      note: string;
      attendance?: string;
    }>;
  }>;
  /** Check-in figures (issue 6): totals, then per group and per bridge point. */
  checkin?: {
    total: string;
    byGroup: Array<{ label: string; text: string }>;
    byBridge: Array<{ label: string; text: string }>;
  };
  closing: ClosingBlock;
}

/**
 * Báo cáo thành phần tham dự: per group, who was invited, where they attend
 * and their answer (substitutes and reasons for absence included); with the
 * check-in figures (per group and per bridge point) and each attendee's attendance.
 */
export function attendanceDocument(input: AttendanceInput): OfficialDocumentSpec {
  const body: OfficialBlock[] = [];
  const heading = (text: string) => body.push({ kind: "heading", text });
  const labelled = (label: string, text: string) => body.push({ kind: "paragraph", label, text, indent: 0 });
  const all = input.groups.flatMap((g) => g.attendees);
  const count = (rsvp: RsvpStatus) => all.filter((a) => a.rsvp === rsvp).length;
  body.push({
    kind: "paragraph",
    text: `Tổng số đại biểu được mời: ${all.length}; xác nhận tham dự: ${count("ACCEPTED")}; báo vắng: ${count("DECLINED")}; cử người dự thay: ${count("SUBSTITUTED")}; chưa trả lời: ${count("NO_ANSWER")}.`,
  });
  const k = input.checkin;
  if (k) {
    heading("I. KẾT QUẢ ĐIỂM DANH");
    body.push({ kind: "paragraph", text: `Tổng số: ${k.total}.` });
    if (k.byGroup.length) {
      heading("1. Theo thành phần");
      k.byGroup.forEach((l) => labelled(`- ${l.label}: `, `${l.text}.`));
    }
    if (k.byBridge.length) {
      heading("2. Theo điểm cầu");
      k.byBridge.forEach((l) => labelled(`- ${l.label}: `, `${l.text}.`));
    }
    heading("II. DANH SÁCH ĐẠI BIỂU");
  }
  input.groups.forEach((g, gi) => {
    heading(`${gi + 1}. ${g.label} (${g.attendees.length} đại biểu)`);
    g.attendees.forEach((a, i) => {
      const who = [a.name, a.position, a.organization].filter(Boolean).join(", ");
      const attendance = a.attendance ? `; điểm danh: ${a.attendance}` : "";
      labelled(`${i + 1}. ${who}: `, `${RSVP_LABEL[a.rsvp]}; ${a.site}${a.note ? `; ${a.note}` : ""}${attendance}.`);
    });
  });
  return {
    info: { title: `Báo cáo thành phần tham dự – ${input.meeting}`, author: input.header.issuingBody },
    header: input.header,
    documentType: "BÁO CÁO",
    title: `Thành phần tham dự ${input.meeting}`,
    body,
    ...input.closing,
  };
}

export function renderAttendancePdf(input: AttendanceInput): Promise<Buffer> {
  return renderOfficialDocument(attendanceDocument(input));
}
