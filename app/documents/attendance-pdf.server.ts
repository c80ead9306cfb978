// Báo cáo thành phần tham dự (the attendance report): one model for the PDF and the Word file. The PDF of a
// large conference is drawn a chunk of attendees at a time on a page flow that writes each page out as it
// fills (`streamPages`), so its memory does not grow with the list.
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { RSVP_LABEL, type RsvpStatus } from "#app/conferences/vocabulary.ts";
import type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { closingOf } from "#app/documents/official-document.ts";
import { drawBlock, OfficialPdf, type ClosingBlock, type OfficialHeader } from "#app/documents/pdf.server.ts";

/** One attendee's line. */
export interface AttendanceLine {
  name: string;
  position: string;
  organization: string;
  site: string;
  /** The answer to the invitation; its words come from the vocabulary. */
  rsvp: RsvpStatus;
  note: string;
  attendance?: string;
}

interface ReportFrame {
  header: OfficialHeader;
  meeting: string;
  /** Check-in figures (issue 6): totals, then per group and per bridge point. */
  checkin?: {
    total: string;
    byGroup: Array<{ label: string; text: string }>;
    byBridge: Array<{ label: string; text: string }>;
  };
  closing: ClosingBlock;
}

export interface AttendanceInput extends ReportFrame {
  /** Per attendee group, in the plan's order. */
  groups: Array<{ label: string; attendees: AttendanceLine[] }>;
}

/** The same report with its lines read chunk by chunk, and the answers counted beforehand. */
export interface AttendanceStreamInput extends ReportFrame {
  answers: Record<RsvpStatus, number>;
  groups: Array<{ label: string; count: number; chunks: AsyncIterable<AttendanceLine[]> }>;
}

function answersOf(input: AttendanceInput): Record<RsvpStatus, number> {
  const answers: Record<RsvpStatus, number> = { NO_ANSWER: 0, ACCEPTED: 0, DECLINED: 0, SUBSTITUTED: 0 };
  for (const g of input.groups) for (const a of g.attendees) answers[a.rsvp]++;
  return answers;
}

function frame(input: ReportFrame, body: OfficialBlock[]): OfficialDocumentSpec {
  return {
    info: { title: `Báo cáo thành phần tham dự – ${input.meeting}`, author: input.header.issuingBody },
    header: input.header,
    documentType: "BÁO CÁO",
    title: `Thành phần tham dự ${input.meeting}`,
    body,
    ...input.closing,
  };
}

/** The answers, the check-in figures and the list's heading: everything above the first group. */
function openingBlocks(input: ReportFrame, answers: Record<RsvpStatus, number>): OfficialBlock[] {
  const body: OfficialBlock[] = [];
  const heading = (text: string) => body.push({ kind: "heading", text });
  const labelled = (label: string, text: string) => body.push({ kind: "paragraph", label, text, indent: 0 });
  const all = Object.values(answers).reduce((a, b) => a + b, 0);
  body.push({
    kind: "paragraph",
    text: `Tổng số đại biểu được mời: ${all}; xác nhận tham dự: ${answers.ACCEPTED}; báo vắng: ${answers.DECLINED}; cử người dự thay: ${answers.SUBSTITUTED}; chưa trả lời: ${answers.NO_ANSWER}.`,
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
  return body;
}

const groupHeading = (index: number, label: string, count: number): OfficialBlock => ({
  kind: "heading",
  text: `${index + 1}. ${label} (${count} đại biểu)`,
});

function lineBlock(a: AttendanceLine, index: number): OfficialBlock {
  const who = [a.name, a.position, a.organization].filter(Boolean).join(", ");
  const attendance = a.attendance ? `; điểm danh: ${a.attendance}` : "";
  return {
    kind: "paragraph",
    label: `${index + 1}. ${who}: `,
    text: `${RSVP_LABEL[a.rsvp]}; ${a.site}${a.note ? `; ${a.note}` : ""}${attendance}.`,
    indent: 0,
  };
}

/**
 * Báo cáo thành phần tham dự: per group, who was invited, where they attend
 * and their answer (substitutes and reasons for absence included); with the
 * check-in figures (per group and per bridge point) and each attendee's attendance.
 */
export function attendanceDocument(input: AttendanceInput): OfficialDocumentSpec {
  const body = openingBlocks(input, answersOf(input));
  input.groups.forEach((g, gi) => {
    body.push(groupHeading(gi, g.label, g.attendees.length));
    g.attendees.forEach((a, i) => body.push(lineBlock(a, i)));
  });
  return frame(input, body);
}

/** Lines drawn between two turns of the event loop: a long report never holds the server for long. */
const LINES_PER_TURN = 250;

/** The report's PDF, drawn as its lines arrive. */
export async function renderAttendanceStreamPdf(input: AttendanceStreamInput): Promise<Buffer> {
  const spec = frame(input, openingBlocks(input, input.answers));
  const pdf = new OfficialPdf(spec.info, { streamPages: true });
  pdf.header(spec.header).documentTitle(spec.documentType, spec.title);
  for (const node of spec.body) drawBlock(pdf, node);
  for (const [gi, g] of input.groups.entries()) {
    drawBlock(pdf, groupHeading(gi, g.label, g.count));
    let i = 0;
    for await (const lines of g.chunks) {
      for (const a of lines) {
        drawBlock(pdf, lineBlock(a, i++));
        if (i % LINES_PER_TURN === 0) await yieldToEvents();
      }
    }
  }
  const closing = closingOf(spec);
  if (closing) pdf.closing(closing);
  return pdf.toBuffer();
}

export function renderAttendancePdf(input: AttendanceInput): Promise<Buffer> {
  return renderAttendanceStreamPdf({
    ...input,
    answers: answersOf(input),
    groups: input.groups.map((g) => ({
      label: g.label,
      count: g.attendees.length,
      chunks: (async function* () {
        yield g.attendees;
      })(),
    })),
  });
}
