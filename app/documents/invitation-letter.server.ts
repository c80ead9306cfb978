// The invitation letter (giấy mời) as a PDF in the Decree 30 layout, one per
// attendee, or a generic one for "các đồng chí có tên trong thành phần".
// Plain TypeScript: no Remix, no Prisma.
import { DateTime } from "luxon";
import type { AttendanceSite, InvitationAttendee, InvitationConference } from "#app/conferences/invitation.ts";
import { formatDate, formatPlaceAndDate, formatTime, TIME_ZONE } from "#app/lib/vietnamese-date.ts";
import type { OfficialBlock, OfficialDocumentSpec } from "#app/documents/official-document.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";

export interface InvitationLetterInput {
  conference: InvitationConference;
  /** null: a generic letter, addressed to everyone named in the attendee list. */
  attendee: InvitationAttendee | null;
  site: AttendanceSite;
  /** Video link for an attendee at a bridge point; never a passcode. */
  videoLink: string | null;
}

/** Symbol of the letter's number (Số: 12/GM-UBND). */
export const INVITATION_SYMBOL = "GM-UBND";

const VIDEO_LINK_LABEL = "- Đường dẫn tham dự trực tuyến:";

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"] as const;

/** "Thứ Hai" … "Chủ nhật" for the day in Vietnam's time zone. */
export function vietnameseWeekday(date: Date): string {
  return WEEKDAYS[DateTime.fromJSDate(date, { zone: TIME_ZONE }).weekday - 1]!;
}

/** "Số: 12/GM-UBND"; "Số:      /GM-UBND" (blank to fill by hand) while not numbered. */
export function invitationNumberLine(number: string | null): string {
  const n = number?.trim();
  return n ? `Số: ${n}/${INVITATION_SYMBOL}` : `Số:      /${INVITATION_SYMBOL}`;
}

/** "Quảng Nam, ngày 04 tháng 01 năm 2024" from the place and the issue date in Vietnam time. */
export function invitationPlaceAndDate(place: string, issuedOn: Date): string {
  const dt = DateTime.fromJSDate(issuedOn, { zone: TIME_ZONE });
  return formatPlaceAndDate(place.trim(), dt.day, dt.month, dt.year);
}

/** "08 giờ 00, ngày 15 tháng 6 năm 2024 (Thứ Bảy)". */
export function invitationTime(startsAt: Date): string {
  return `${formatTime(startsAt)}, ${formatDate(startsAt)} (${vietnameseWeekday(startsAt)})`;
}

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bUBND\b/gu, "Ủy ban nhân dân"],
  [/\bHĐND\b/gu, "Hội đồng nhân dân"],
];

const LEVEL_WORDS = ["thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường"];
/** Kinds of agency whose own name follows with a capital: "Sở Nội vụ", "Phòng Tài chính - Kế hoạch". */
const AGENCY_WORDS = ["văn phòng", "chi cục", "trung tâm", "sở", "phòng", "ban", "cục", "bộ"];

/**
 * The issuing body as it reads inside a sentence: "Ủy ban nhân dân tỉnh Quảng Nam".
 * Taken from the readable organiser name ("UBND tỉnh Quảng Nam", abbreviations
 * spelt out); when there is none, from the uppercase document name: the agency's
 * own name and the place name after the level word capitalised.
 */
export function issuerInSentence(conference: Pick<InvitationConference, "organizerName" | "issuingBody">): string {
  let name = conference.organizerName.normalize("NFC").replace(/\s+/g, " ").trim();
  if (name) {
    for (const [re, full] of ABBREVIATIONS) name = name.replace(re, full);
    return name;
  }
  let upper = conference.issuingBody.normalize("NFC").replace(/\s+/g, " ").trim();
  for (const [re, full] of ABBREVIATIONS) upper = upper.replace(re, full);
  const words = upper.toLocaleLowerCase("vi").split(" ");
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1);
  const startsWith = (i: number, phrase: string) => {
    const p = phrase.split(" ");
    return p.every((w, k) => words[i + k] === w) ? p.length : 0;
  };
  const out = [...words];
  if (out.length > 0) out[0] = cap(out[0]!);
  const agency = AGENCY_WORDS.map((a) => startsWith(0, a)).find((n) => n > 0);
  let i = agency ?? 0;
  if (agency && i < out.length && !LEVEL_WORDS.some((l) => startsWith(i, l))) out[i] = cap(out[i]!);
  for (; i < words.length; i++) {
    const level = LEVEL_WORDS.map((l) => startsWith(i, l)).find((n) => n > 0);
    if (level) {
      for (let k = i + level; k < out.length; k++) out[k] = cap(out[k]!);
      break;
    }
  }
  return out.join(" ");
}

function sentence(s: string): string {
  const t = s.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!t) return t;
  return /[.!?:;…]$/u.test(t) ? t : `${t}.`;
}

const withoutFinalStop = (s: string) =>
  s
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;]+$/u, "");

/** "Kính gửi: Đồng chí Nguyễn Thị Ánh Tuyết – Trưởng phòng, Sở Nội vụ". */
export function addresseeLine(attendee: InvitationAttendee | null): string {
  if (!attendee) return "Kính gửi: Các đồng chí có tên trong thành phần";
  const name = withoutFinalStop(attendee.name);
  const role = [attendee.position, attendee.organization].map(withoutFinalStop).filter(Boolean).join(", ");
  return `Kính gửi: Đồng chí ${name}${role ? ` – ${role}` : ""}`;
}

/** "Địa điểm: …" for the main hall or a bridge point (named as an online bridge point). */
export function placeLine(site: AttendanceSite): string {
  const name = withoutFinalStop(site.name);
  const address = withoutFinalStop(site.address);
  let where = name;
  if (site.kind === "BRIDGE") {
    where = /^điểm cầu\b/iu.test(name)
      ? name.replace(/^điểm cầu\b\s*/iu, "Điểm cầu trực tuyến ")
      : `Điểm cầu trực tuyến ${name}`;
    where = where.trim();
  }
  return `- Địa điểm: ${[where, address].filter(Boolean).join(", ")}.`;
}

/** The body of the letter as paragraphs, in order (for the PDF, and for text views and tests). */
export function invitationLetterParagraphs(input: InvitationLetterInput): string[] {
  const { conference: c, attendee, site, videoLink } = input;
  const you = attendee ? "Đồng chí" : "các đồng chí";
  const title = withoutFinalStop(c.title);
  const out: string[] = [];
  out.push(`${issuerInSentence(c)} trân trọng kính mời ${you} tham dự ${title}, cụ thể như sau:`);
  if (c.chair.trim()) out.push(`- Chủ trì: ${withoutFinalStop(c.chair)}.`);
  out.push(`- Thời gian: ${invitationTime(c.startsAt)}.`);
  out.push(placeLine(site));
  if (site.kind === "BRIDGE" && videoLink?.trim()) out.push(`${VIDEO_LINK_LABEL} ${videoLink.trim()}`);
  const content = c.content
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[-–•+]\s*/, ""))
    .filter(Boolean);
  if (content.length > 0) {
    out.push(`- Nội dung: ${sentence(content[0]!)}`);
    for (const more of content.slice(1)) out.push(`+ ${sentence(more)}`);
  }
  if (c.preparationNote.trim()) out.push(`- Đề nghị ${you}: ${sentence(c.preparationNote)}`);
  if (attendee?.checkinCode)
    out.push(
      `- Mã điểm danh: ${attendee.checkinCode} (dùng khi tự điểm danh tại điểm cầu hoặc khi không quét được mã QR).`,
    );
  const contact = [
    withoutFinalStop(c.contact.name),
    c.contact.phone.trim() ? `điện thoại ${c.contact.phone.trim()}` : "",
    c.contact.email.trim() ? `thư điện tử ${c.contact.email.trim()}` : "",
  ].filter(Boolean);
  if (contact.length > 0) out.push(`Thông tin liên hệ: ${contact.join(", ")}.`);
  out.push(`Rất mong ${you} tham dự./.`);
  return out;
}

/** The giấy mời as the document model (the PDF and the Word file are drawn from it). */
export function invitationLetterDocument(input: InvitationLetterInput): OfficialDocumentSpec {
  const { conference: c, attendee } = input;
  const title = withoutFinalStop(c.title);
  const body: OfficialBlock[] = [{ kind: "centered", text: addresseeLine(attendee), size: 14, spaceAfter: 12 }];
  for (const p of invitationLetterParagraphs(input)) {
    if (p.startsWith(VIDEO_LINK_LABEL))
      body.push({ kind: "link", label: VIDEO_LINK_LABEL, url: p.slice(VIDEO_LINK_LABEL.length).trim() });
    else body.push({ kind: "paragraph", text: p });
  }
  return {
    info: {
      title: attendee ? `Giấy mời – ${title} – ${attendee.name}` : `Giấy mời – ${title}`,
      author: c.issuingBody,
      subject: `Giấy mời dự ${title}`,
      keywords: "giấy mời, hội nghị, cải cách hành chính",
    },
    header: {
      parentBody: c.parentBody,
      issuingBody: c.issuingBody,
      numberLine: invitationNumberLine(c.invitationNumber),
      placeAndDate: invitationPlaceAndDate(c.issuePlace, c.issuedOn),
    },
    documentType: "GIẤY MỜI",
    title: /^dự\s/iu.test(title) ? title : `Dự ${title}`,
    body,
    recipients: ["Như trên", ...c.recipients.filter((r) => !/^\s*[-–]?\s*như trên\b/iu.test(r))],
    signature: [c.signAuthority, c.signDelegation, c.signerTitle],
    signerName: c.signerName,
  };
}

/** The giấy mời as a PDF (A4, Decree 30 layout, Liberation Serif embedded). */
export function renderInvitationLetter(input: InvitationLetterInput): Promise<Buffer> {
  return renderOfficialDocument(invitationLetterDocument(input));
}
