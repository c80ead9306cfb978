import { AGENDA_KIND_LABEL, timeAgenda, type AgendaKind } from "#app/agenda/timing.ts";
import { formatDate, formatTime } from "#app/lib/vietnamese-date.ts";
import type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { renderOfficialDocument, type OfficialHeader } from "#app/documents/pdf.server.ts";

export interface ProgrammeInput {
  header: OfficialHeader;
  /** The meeting's name, e.g. "Hội nghị tổng kết công tác cải cách hành chính năm 2023". */
  meeting: string;
  startsAt: Date;
  venue: string;
  items: Array<{ kind: AgendaKind; title: string; presenter: string; durationMinutes: number }>;
}

/** Chương trình hội nghị: one paragraph per item, "08 giờ 00 – 08 giờ 15: Khai mạc …", presenter in italics. */
export function programmeDocument(input: ProgrammeInput): OfficialDocumentSpec {
  const body: OfficialBlock[] = [
    {
      kind: "paragraph",
      text: `Thời gian: ${formatTime(input.startsAt)}, ${formatDate(input.startsAt)}. Địa điểm: ${input.venue}.`,
      style: "italic",
      align: "center",
      indent: 0,
    },
  ];
  for (const t of timeAgenda(input.startsAt, input.items)) {
    body.push({
      kind: "paragraph",
      label: `${formatTime(t.startsAt)} – ${formatTime(t.endsAt)}: `,
      text: `${AGENDA_KIND_LABEL[t.item.kind]}. ${t.item.title}`,
      indent: 0,
    });
    if (t.item.presenter)
      body.push({ kind: "paragraph", text: `Trình bày: ${t.item.presenter}`, style: "italic", indent: 30 });
  }
  return {
    info: { title: `Chương trình ${input.meeting}`, author: input.header.issuingBody },
    header: input.header,
    documentType: "CHƯƠNG TRÌNH",
    title: input.meeting,
    body,
  };
}

export function renderProgrammePdf(input: ProgrammeInput): Promise<Buffer> {
  return renderOfficialDocument(programmeDocument(input));
}
