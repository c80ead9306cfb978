import { OfficialPdf, type ClosingBlock, type OfficialHeader } from "./pdf.ts";

export interface AttendanceInput {
  header: OfficialHeader;
  meeting: string;
  /** Per attendee group, in the plan's order. */
  groups: Array<{
    label: string;
    attendees: Array<{ name: string; position: string; organization: string; site: string; answer: string; note: string }>;
  }>;
  closing: ClosingBlock;
}

/**
 * Báo cáo thành phần tham dự: per group, who was invited, where they attend
 * and their answer (substitutes and reasons for absence included). Check-in
 * figures are added when check-in exists (issue 6).
 */
export function renderAttendancePdf(input: AttendanceInput): Promise<Buffer> {
  const pdf = new OfficialPdf({ title: `Báo cáo thành phần tham dự – ${input.meeting}`, author: input.header.issuingBody });
  pdf.header(input.header).documentTitle("BÁO CÁO", `Thành phần tham dự ${input.meeting}`);
  const all = input.groups.flatMap((g) => g.attendees);
  const count = (answer: string) => all.filter((a) => a.answer === answer).length;
  pdf.paragraph(
    `Tổng số đại biểu được mời: ${all.length}; xác nhận tham dự: ${count("Tham dự")}; báo vắng: ${count("Vắng")}; cử người dự thay: ${count("Cử người thay")}; chưa trả lời: ${count("Chưa trả lời")}.`,
  );
  input.groups.forEach((g, gi) => {
    pdf.heading(`${gi + 1}. ${g.label} (${g.attendees.length} đại biểu)`);
    g.attendees.forEach((a, i) => {
      const who = [a.name, a.position, a.organization].filter(Boolean).join(", ");
      pdf.labelledParagraph(`${i + 1}. ${who}: `, `${a.answer}; ${a.site}${a.note ? `; ${a.note}` : ""}.`, { indent: 0 });
    });
  });
  pdf.closing(input.closing);
  return pdf.toBuffer();
}
