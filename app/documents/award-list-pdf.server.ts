import { formatDate } from "#app/lib/vietnamese-date.ts";
import type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { renderOfficialDocument, type ClosingBlock, type OfficialHeader } from "#app/documents/pdf.server.ts";

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
export function awardListDocument(input: AwardListInput): OfficialDocumentSpec {
  const body: OfficialBlock[] = [];
  for (const [kind, heading] of [
    ["COLLECTIVE", "I. TẬP THỂ"],
    ["INDIVIDUAL", "II. CÁ NHÂN"],
  ] as const) {
    const group = input.awards.filter((a) => a.recipientKind === kind);
    if (!group.length) continue;
    body.push({ kind: "heading", text: heading });
    group.forEach((a, i) => {
      const who = a.organizationName ? `${a.recipientName}, ${a.organizationName}` : a.recipientName;
      const decision = [
        a.decisionNumber && `Quyết định số ${a.decisionNumber}`,
        a.decisionDate && formatDate(a.decisionDate),
      ]
        .filter(Boolean)
        .join(" ");
      body.push({
        kind: "paragraph",
        label: `${i + 1}. ${who}: `,
        text: `${a.form}${a.achievement ? `. Thành tích: ${a.achievement}` : ""}${decision ? ` (${decision})` : ""}.`,
        indent: 0,
      });
    });
  }
  return {
    info: { title: `Danh sách khen thưởng – ${input.meeting}`, author: input.header.issuingBody },
    header: input.header,
    documentType: "DANH SÁCH",
    title: `Tập thể, cá nhân được khen thưởng tại ${input.meeting}`,
    body,
    ...input.closing,
  };
}

export function renderAwardListPdf(input: AwardListInput): Promise<Buffer> {
  return renderOfficialDocument(awardListDocument(input));
}
