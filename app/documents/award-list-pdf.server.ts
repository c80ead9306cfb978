import { formatDate } from "#app/lib/vietnamese-date.ts";
import { OfficialPdf, type ClosingBlock, type OfficialHeader } from "#app/documents/pdf.server.ts";

export interface AwardListInput {
  header: OfficialHeader;
  meeting: string;
  awards: Array<{
    recipientKind: "COLLECTIVE" | "INDIVIDUAL";
    recipientName: string;
    organizationName: string;
    achievement: string;
    form: string;
    decisionNumber: string;
    decisionDate: Date | null;
  }>;
  closing: ClosingBlock;
}

/** Danh sách khen thưởng: collectives then individuals, in ceremony order within each. */
export function renderAwardListPdf(input: AwardListInput): Promise<Buffer> {
  const pdf = new OfficialPdf({ title: `Danh sách khen thưởng – ${input.meeting}`, author: input.header.issuingBody });
  pdf.header(input.header).documentTitle("DANH SÁCH", `Tập thể, cá nhân được khen thưởng tại ${input.meeting}`);
  for (const [kind, heading] of [
    ["COLLECTIVE", "I. TẬP THỂ"],
    ["INDIVIDUAL", "II. CÁ NHÂN"],
  ] as const) {
    const group = input.awards.filter((a) => a.recipientKind === kind);
    if (!group.length) continue;
    pdf.heading(heading);
    group.forEach((a, i) => {
      const who = a.organizationName ? `${a.recipientName}, ${a.organizationName}` : a.recipientName;
      const decision = [
        a.decisionNumber && `Quyết định số ${a.decisionNumber}`,
        a.decisionDate && formatDate(a.decisionDate),
      ]
        .filter(Boolean)
        .join(" ");
      pdf.labelledParagraph(
        `${i + 1}. ${who}: `,
        `${a.form}${a.achievement ? `. Thành tích: ${a.achievement}` : ""}${decision ? ` (${decision})` : ""}.`,
        { indent: 0 },
      );
    });
  }
  pdf.closing(input.closing);
  return pdf.toBuffer();
}
