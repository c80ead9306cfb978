import { formatDate, formatPlaceAndDate, formatTime, ndMonth } from "#app/lib/vietnamese-date.ts";
import { parseOutline, standardOutline, type Outline, type OutlineBlock, type PlanField } from "#app/plans/outline.ts";
import type { ConferenceFormat, PlanKind } from "#app/conferences/vocabulary.ts";

/** Everything a plan document is drawn from; plain data, no ORM types. */
export interface PlanDocumentInput {
  kind: PlanKind;
  issuingBody: { documentName: string; parentDocumentName?: string | null };
  documentNumber: string | null;
  documentSymbol: string;
  issuePlace: string;
  issueDay: number | null;
  issueMonth: number | null;
  issueYear: number | null;
  title: string;
  legalBasis: string;
  purposes: string;
  requirements: string;
  content: string;
  closing: string;
  format: ConferenceFormat;
  formatNote: string;
  startsAt: Date | null;
  endsAt: Date | null;
  tentativeMonth: number | null;
  tentativeYear: number | null;
  scheduleNote: string;
  scheduleText: string;
  venue: string;
  budgetSource: string;
  chair: string;
  attendeeGroups: Array<{ heading: string; lines: Array<{ text: string }> }>;
  tasks: Array<{ assignee: string; duties: string; inlineDuties: boolean }>;
  recipients: string[];
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  outline: string | Outline | null;
}

export type BodyNode =
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string; label?: string };

export interface PlanDocument {
  header: {
    parentBody: string | null;
    issuingBody: string;
    numberLine: string;
    placeAndDate: string;
  };
  documentType: string;
  title: string;
  body: BodyNode[];
  recipients: Array<{ text: string; isHeading: boolean }>;
  signature: string[];
  signerName: string;
}

export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

// Decree 30: a People's Committee prints only its own name; a department or
// office prints the body that governs it above its own name.
const LEVELS_UNDER_A_GOVERNING_BODY = new Set(["SO", "PHONG", "CO_QUAN"]);

export function issuingBody(org: {
  documentName: string;
  level: { code: string };
  parent: { documentName: string } | null;
}) {
  return {
    documentName: org.documentName,
    parentDocumentName: LEVELS_UNDER_A_GOVERNING_BODY.has(org.level.code) ? (org.parent?.documentName ?? null) : null,
  };
}

export function numberLine(number: string | null, symbol: string): string {
  return `Số: ${number?.trim() ?? ""}/${symbol}`;
}

/** The schedule as the plan words it. */
export function scheduleText(
  p: Pick<
    PlanDocumentInput,
    "scheduleText" | "startsAt" | "endsAt" | "tentativeMonth" | "tentativeYear" | "scheduleNote"
  >,
): string {
  if (p.scheduleText.trim()) return p.scheduleText.trim();
  const note = p.scheduleNote.trim() ? ` (${p.scheduleNote.trim()})` : "";
  if (p.startsAt) {
    const start = formatTime(p.startsAt);
    if (p.endsAt && formatDate(p.endsAt) === formatDate(p.startsAt)) {
      return `Từ ${start} đến ${formatTime(p.endsAt)}, ${formatDate(p.startsAt)}${note}.`;
    }
    const end = p.endsAt ? ` đến ${formatTime(p.endsAt)}, ${formatDate(p.endsAt)}` : "";
    return `Từ ${start}, ${formatDate(p.startsAt)}${end}${note}.`;
  }
  if (p.tentativeMonth && p.tentativeYear) {
    return `Dự kiến trong tháng ${ndMonth(p.tentativeMonth)}/${p.tentativeYear}${note}.`;
  }
  return note ? note.trim() : "";
}

const FORMAT_SENTENCE: Record<ConferenceFormat, string> = {
  IN_PERSON: "Hội nghị tổ chức trực tiếp.",
  ONLINE: "Hội nghị tổ chức trực tuyến.",
  HYBRID: "Hội nghị tổ chức trực tiếp kết hợp trực tuyến.",
};

function fieldText(p: PlanDocumentInput, field: PlanField): string {
  switch (field) {
    case "purposes":
      return p.purposes;
    case "requirements":
      return p.requirements;
    case "content":
      return p.content;
    case "chair":
      return p.chair;
    case "venue":
      return p.venue;
    case "budget":
      return p.budgetSource;
    case "format":
      return p.formatNote.trim() || FORMAT_SENTENCE[p.format];
    case "schedule":
      return scheduleText(p);
    case "attendees":
    case "tasks":
      return "";
  }
}

export function isFieldFilled(p: PlanDocumentInput, field: PlanField): boolean {
  if (field === "attendees") return p.attendeeGroups.some((g) => g.lines.length > 0 || g.heading.trim());
  if (field === "tasks") return p.tasks.length > 0;
  if (field === "format") return p.kind === "CONFERENCE";
  return fieldText(p, field).trim().length > 0;
}

function textNodes(text: string, label?: string): BodyNode[] {
  const ls = lines(text);
  if (!label) return ls.map((t) => ({ kind: "paragraph", text: t }));
  if (label.endsWith(": ") || label.endsWith(":")) {
    const [first = "", ...rest] = ls;
    return [
      { kind: "paragraph", label: label.endsWith(" ") ? label : `${label} `, text: first },
      ...rest.map((t): BodyNode => ({ kind: "paragraph", text: t })),
    ];
  }
  return [{ kind: "subheading", text: label }, ...ls.map((t): BodyNode => ({ kind: "paragraph", text: t }))];
}

function attendeeNodes(p: PlanDocumentInput, label?: string): BodyNode[] {
  const nodes: BodyNode[] = label ? [{ kind: "subheading", text: label }] : [];
  for (const g of p.attendeeGroups) {
    if (g.heading.trim()) nodes.push({ kind: "subheading", text: `* ${g.heading.trim()}` });
    for (const l of g.lines) nodes.push({ kind: "paragraph", text: `- ${l.text.trim()}` });
  }
  return nodes;
}

function taskNodes(p: PlanDocumentInput, label?: string): BodyNode[] {
  const nodes: BodyNode[] = label ? [{ kind: "subheading", text: label }] : [];
  p.tasks.forEach((t, i) => {
    const n = `${i + 1}. `;
    const [first = "", ...rest] = lines(t.duties);
    const restNodes = rest.map((text): BodyNode => ({ kind: "paragraph", text }));
    if (first.includes(t.assignee.trim())) {
      // The duty sentence already names who carries it out.
      nodes.push({ kind: "paragraph", label: n, text: first }, ...restNodes);
    } else if (t.inlineDuties) {
      nodes.push({ kind: "paragraph", label: `${n}${t.assignee.trim()}: `, text: first }, ...restNodes);
    } else {
      nodes.push({ kind: "subheading", text: `${n}${t.assignee.trim()}` });
      if (first) nodes.push({ kind: "paragraph", text: first }, ...restNodes);
    }
  });
  return nodes;
}

function blockNodes(p: PlanDocumentInput, block: OutlineBlock): BodyNode[] {
  switch (block.type) {
    case "subheading":
      return [{ kind: "subheading", text: block.text }];
    case "text":
      return lines(block.text).map((text) => ({ kind: "paragraph", text }));
    case "field":
      if (!isFieldFilled(p, block.field)) return [];
      if (block.field === "attendees") return attendeeNodes(p, block.label);
      if (block.field === "tasks") return taskNodes(p, block.label);
      return textNodes(fieldText(p, block.field), block.label);
  }
}

export function resolveOutline(p: PlanDocumentInput): Outline {
  const stored = typeof p.outline === "string" ? parseOutline(p.outline) : p.outline;
  return stored ?? standardOutline((f) => isFieldFilled(p, f), p.kind);
}

export function buildPlanDocument(p: PlanDocumentInput): PlanDocument {
  const body: BodyNode[] = lines(p.legalBasis).map((text) => ({ kind: "paragraph", text }));
  for (const section of resolveOutline(p).sections) {
    body.push({ kind: "heading", text: section.heading });
    for (const block of section.blocks) body.push(...blockNodes(p, block));
  }
  for (const text of lines(p.closing)) body.push({ kind: "paragraph", text });

  return {
    header: {
      parentBody: p.issuingBody.parentDocumentName ?? null,
      issuingBody: p.issuingBody.documentName,
      numberLine: numberLine(p.documentNumber, p.documentSymbol),
      placeAndDate: formatPlaceAndDate(p.issuePlace, p.issueDay, p.issueMonth, p.issueYear),
    },
    documentType: "KẾ HOẠCH",
    title: p.title,
    body,
    // A line ending in ":" introduces a part of the list ("Gửi bản điện tử:").
    recipients: p.recipients.map((text) => ({ text: text.trim(), isHeading: text.trim().endsWith(":") })),
    signature: [p.signAuthority, p.signDelegation, p.signerTitle].map((s) => s.trim()).filter(Boolean),
    signerName: p.signerName.trim(),
  };
}

/** The document as plain lines of text, in reading order (for search, tests and exports). */
export function planDocumentText(doc: PlanDocument): string[] {
  const out: string[] = [];
  if (doc.header.parentBody) out.push(doc.header.parentBody);
  out.push(doc.header.issuingBody, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
  out.push(doc.header.numberLine, doc.header.placeAndDate, doc.documentType, doc.title);
  for (const node of doc.body)
    out.push(node.kind === "paragraph" && node.label ? `${node.label}${node.text}` : node.text);
  out.push("Nơi nhận:");
  for (const r of doc.recipients) out.push(r.isHeading ? r.text : `- ${r.text}`);
  out.push(...doc.signature);
  if (doc.signerName) out.push(doc.signerName);
  return out;
}
