// An invitation's mail data for the compose tests: a conference of UBND tỉnh Quảng Nam, one attendee in the
// main hall (mailData) or at a bridge point (bridgeData), with a real signed token.
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import type { InvitationMailData } from "#app/invitations/types.ts";

const keys = deriveSigningKeys("compose-test-secret");
export const TOKEN = issueToken(keys, conferenceKeyFor("conf_qn_2024")).token;
export const BASE = "https://hoinghi.example.gov.vn";

export function mailData(overrides: Partial<InvitationMailData> = {}): InvitationMailData {
  return {
    kind: "INVITATION",
    messageId: "<inv-att_01-INVITATION-0@hoinghi.local>",
    from: { name: "UBND tỉnh Quảng Nam", address: "vanphong@quangnam.gov.vn" },
    attendee: {
      id: "att_01",
      name: "Nguyễn Thị Ánh",
      position: "Phó Giám đốc",
      organization: "Sở Nội vụ tỉnh Quảng Nam",
      email: "anh.nt@quangnam.gov.vn",
    },
    conference: {
      id: "conf_qn_2024",
      title: "Hội nghị công bố Chỉ số CCHC năm 2023",
      issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
      parentBody: null,
      organizerName: "UBND tỉnh Quảng Nam",
      invitationNumber: "12/GM-UBND",
      issuePlace: "Quảng Nam",
      issuedOn: new Date("2024-01-04T03:00:00Z"),
      chair: "Đồng chí Lê Văn Dũng, Phó Chủ tịch UBND tỉnh",
      content: "Công bố Chỉ số CCHC năm 2023 và Chỉ số SIPAS; khen thưởng tập thể, cá nhân.",
      // 09:00–11:30 Vietnam time on Wednesday 10 January 2024.
      startsAt: new Date("2024-01-10T02:00:00Z"),
      endsAt: new Date("2024-01-10T04:30:00Z"),
      venue: "Hội trường UBND tỉnh, 62 Hùng Vương, Tam Kỳ",
      preparationNote: "Nghiên cứu báo cáo kết quả Chỉ số CCHC gửi kèm.",
      contact: { name: "Trần Văn Bình", phone: "0235 3812 345", email: "binh.tv@quangnam.gov.vn" },
      sequence: 0,
      signAuthority: "TM. ỦY BAN NHÂN DÂN",
      signDelegation: "KT. CHỦ TỊCH",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "Lê Văn Dũng",
      recipients: ["Như trên", "Lưu: VT"],
    },
    site: { kind: "MAIN_HALL", name: "Hội trường UBND tỉnh", address: "62 Hùng Vương, Tam Kỳ" },
    videoLink: null,
    links: { rsvp: `${BASE}/i/${TOKEN}`, pdf: `${BASE}/i/${TOKEN}/letter.pdf`, ics: `${BASE}/i/${TOKEN}/invite.ics` },
    token: TOKEN,
    changeNote: null,
    pdf: null,
    ...overrides,
  };
}

export function bridgeData(overrides: Partial<InvitationMailData> = {}): InvitationMailData {
  return mailData({
    site: { kind: "BRIDGE", name: "Điểm cầu UBND huyện Duy Xuyên", address: "Thị trấn Nam Phước, huyện Duy Xuyên" },
    videoLink: "https://meet.quangnam.gov.vn/hoi-nghi-cchc-2023",
    ...overrides,
  });
}
