// Realistic-looking rows for the conference list: titles and states as a
// commune or provincial office would actually produce them, spread over years.

export const STATUSES = ["DRAFT", "ISSUED", "INVITATIONS_SENT", "HELD", "CLOSED", "CANCELLED"] as const;
export type Status = (typeof STATUSES)[number];

const YEARS = [2023, 2024, 2025, 2026] as const;

const TITLES: Array<(year: number, org: string) => string> = [
  (y, o) => `Hội nghị công bố Chỉ số cải cách hành chính năm ${y - 1} của ${o}`,
  (y, o) => `Hội nghị triển khai nhiệm vụ cải cách hành chính năm ${y} của ${o}`,
  (y, o) => `Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm ${y} của ${o}`,
  (y, o) => `Hội nghị tổng kết công tác cải cách hành chính năm ${y} và triển khai nhiệm vụ năm ${y + 1} của ${o}`,
  (y, o) => `Hội nghị đối thoại với Nhân dân về cải cách thủ tục hành chính năm ${y} của ${o}`,
  (y, o) => `Hội nghị tập huấn nghiệp vụ kiểm soát thủ tục hành chính năm ${y} do ${o} tổ chức`,
  (y, o) => `Hội nghị triển khai đo lường sự hài lòng của người dân, tổ chức (SIPAS) năm ${y} tại ${o}`,
  (y, o) => `Hội nghị tuyên truyền dịch vụ công trực tuyến và chuyển đổi số năm ${y} của ${o}`,
];

export interface ConferenceOrg {
  id: string;
  name: string;
  placeName: string;
}

export interface ConferenceRow {
  organizationId: string;
  issuePlace: string;
  issueYear: number;
  issueMonth: number | null;
  issueDay: number | null;
  documentNumber: string | null;
  title: string;
  status: Status;
}

/**
 * Deterministic (index-based, no Math.random) so two runs benchmark the same data.
 * Organisations are walked with a stride coprime to their count so neighbouring
 * rows land on different branches of the tree rather than clustering.
 */
export function conferenceRows(count: number, orgs: ConferenceOrg[]): ConferenceRow[] {
  if (orgs.length === 0) throw new Error("No organisations to attach conferences to");
  const stride = coprimeStride(orgs.length);
  const rows: ConferenceRow[] = [];
  for (let i = 0; i < count; i++) {
    const org = orgs[(i * stride) % orgs.length]!;
    const year = YEARS[i % YEARS.length]!;
    const status = STATUSES[Math.floor(i / YEARS.length) % STATUSES.length]!;
    // Different periods for each cycle so year, status and title combine freely.
    const title = TITLES[Math.floor(i / 24) % TITLES.length]!(year, org.name);
    // Drafts typically have no number and often no full date yet.
    const isDraft = status === "DRAFT";
    rows.push({
      organizationId: org.id,
      issuePlace: org.placeName,
      issueYear: year,
      issueMonth: isDraft && i % 2 === 0 ? null : (Math.floor(i / 7) % 12) + 1,
      issueDay: isDraft ? null : (i % 28) + 1,
      documentNumber: isDraft ? null : String((i % 250) + 1),
      title,
      status,
    });
  }
  return rows;
}

function coprimeStride(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let s = 7; s < n + 7; s++) if (gcd(s, n) === 1) return s;
  return 1;
}
