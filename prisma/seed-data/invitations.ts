// Demo attendees and bridge points. Seed 001 (Quảng Nam) has its invitations
// sent and some answers in; the 2026 Đà Nẵng conference has attendees who are
// not invited yet, so the demo can send and answer invitations.

export interface SeedBridgePoint {
  name: string;
  hostOrganizationKey?: string;
  address: string;
  isMain?: boolean;
  videoLink: string;
  videoPasscode: string;
}

export interface SeedAttendee {
  name: string;
  position: string;
  organizationName: string;
  /** Index of the plan's attendee group (0-based). */
  group: number;
  email: string;
  phone?: string;
  /** Index into the conference's bridge points; undefined = main hall. */
  bridge?: number;
  rsvp?: "ACCEPTED" | "DECLINED";
  declineReason?: string;
  /** The mail server's last refusal: the invitation gave up after every attempt ("Gửi lại các thư lỗi"). */
  invitationRefused?: string;
}

export interface SeedInvitations {
  planKey: string;
  bridgePoints: SeedBridgePoint[];
  attendees: SeedAttendee[];
  /** Queue the invitation e-mails (sent by the server's outbox worker on start). */
  sendInvitations: boolean;
}

const QN = "quangnam.hoinghi.local";

export const invitations: SeedInvitations[] = [
  {
    planKey: "quang-nam-2024-tong-ket-cchc-2023",
    sendInvitations: true,
    bridgePoints: [
      {
        name: "Điểm cầu UBND tỉnh Quảng Nam",
        hostOrganizationKey: "quang-nam",
        address: "62 Hùng Vương, thành phố Tam Kỳ",
        isMain: true,
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
      {
        name: "Điểm cầu UBND thành phố Hội An",
        hostOrganizationKey: "hoi-an",
        address: "09 Trần Hưng Đạo, thành phố Hội An",
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
      {
        name: "Điểm cầu UBND huyện Núi Thành",
        hostOrganizationKey: "nui-thanh",
        address: "Thị trấn Núi Thành, huyện Núi Thành",
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
      {
        name: "Điểm cầu UBND huyện Thăng Bình",
        hostOrganizationKey: "thang-binh",
        address: "Thị trấn Hà Lam, huyện Thăng Bình",
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
      {
        name: "Điểm cầu UBND huyện Duy Xuyên",
        hostOrganizationKey: "duy-xuyen",
        address: "Thị trấn Nam Phước, huyện Duy Xuyên",
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
      {
        name: "Điểm cầu UBND huyện Đại Lộc",
        hostOrganizationKey: "dai-loc",
        address: "Thị trấn Ái Nghĩa, huyện Đại Lộc",
        videoLink: "https://hop.quangnam.gov.vn/tong-ket-cchc-2023",
        videoPasscode: "QN2024",
      },
    ],
    attendees: [
      {
        name: "Lê Văn Dũng",
        position: "Phó Bí thư Thường trực Tỉnh ủy",
        organizationName: "Tỉnh ủy Quảng Nam",
        group: 0,
        email: "levandung@" + QN,
        rsvp: "ACCEPTED",
      },
      {
        name: "Nguyễn Thị Thu Lan",
        position: "Phó Chủ tịch HĐND tỉnh",
        organizationName: "HĐND tỉnh Quảng Nam",
        group: 0,
        email: "nguyenthithulan@" + QN,
        rsvp: "ACCEPTED",
      },
      {
        name: "Trần Văn Tân",
        position: "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        organizationName: "Ủy ban MTTQ Việt Nam tỉnh Quảng Nam",
        group: 0,
        email: "tranvantan@" + QN,
      },
      {
        name: "Phạm Thị Ngọc Ánh",
        position: "Phó Trưởng Ban Tổ chức Tỉnh ủy",
        organizationName: "Ban Tổ chức Tỉnh ủy",
        group: 0,
        email: "phamthingocanh@" + QN,
        rsvp: "DECLINED",
        declineReason: "Trùng lịch công tác tại Trung ương; đã báo cáo Thường trực Tỉnh ủy.",
      },
      {
        name: "Võ Minh Quang",
        position: "Giám đốc Sở Nội vụ",
        organizationName: "Sở Nội vụ tỉnh Quảng Nam",
        group: 0,
        email: "vominhquang@" + QN,
        rsvp: "ACCEPTED",
      },
      {
        name: "Huỳnh Thị Mỹ Hạnh",
        position: "Trưởng phòng Cải cách hành chính",
        organizationName: "Sở Nội vụ tỉnh Quảng Nam",
        group: 0,
        email: "huynhthimyhanh@" + QN,
        rsvp: "ACCEPTED",
      },
      {
        name: "Đặng Quốc Bảo",
        position: "Chánh Văn phòng UBND tỉnh",
        organizationName: "Văn phòng UBND tỉnh Quảng Nam",
        group: 0,
        email: "dangquocbao@" + QN,
      },
      {
        name: "Ngô Thị Kiều Oanh",
        position: "Phó Giám đốc Sở Thông tin và Truyền thông",
        organizationName: "Sở Thông tin và Truyền thông tỉnh Quảng Nam",
        group: 0,
        email: "ngothikieuoanh@" + QN,
        rsvp: "ACCEPTED",
      },
      {
        name: "Trương Công Hậu",
        position: "Phó Cục trưởng Cục Thuế tỉnh",
        organizationName: "Cục Thuế tỉnh Quảng Nam",
        group: 0,
        email: "truongconghau@" + QN,
      },
      {
        name: "Nguyễn Văn Lành",
        position: "Chủ tịch UBND thành phố",
        organizationName: "UBND thành phố Hội An",
        group: 1,
        email: "nguyenvanlanh@" + QN,
        bridge: 1,
        rsvp: "ACCEPTED",
      },
      {
        name: "Lê Thị Hoài Thương",
        position: "Trưởng phòng Nội vụ",
        organizationName: "UBND thành phố Hội An",
        group: 1,
        email: "lethihoaithuong@" + QN,
        bridge: 1,
      },
      {
        name: "Trần Ngọc Sơn",
        position: "Chủ tịch UBND huyện",
        organizationName: "UBND huyện Núi Thành",
        group: 1,
        email: "tranngocson@" + QN,
        bridge: 2,
        rsvp: "ACCEPTED",
      },
      {
        name: "Hồ Thị Bích Ngọc",
        position: "Phó Trưởng phòng Nội vụ",
        organizationName: "UBND huyện Núi Thành",
        group: 1,
        email: "hothibichngoc@" + QN,
        bridge: 2,
      },
      {
        name: "Phan Văn Thành",
        position: "Chủ tịch UBND huyện",
        organizationName: "UBND huyện Thăng Bình",
        group: 1,
        email: "phanvanthanh@" + QN,
        bridge: 3,
        rsvp: "DECLINED",
        declineReason: "Đi công tác nước ngoài; Phó Chủ tịch UBND huyện dự thay.",
      },
      {
        name: "Vũ Đình Khoa",
        position: "Chủ tịch UBND huyện",
        organizationName: "UBND huyện Duy Xuyên",
        group: 1,
        email: "vudinhkhoa@" + QN,
        bridge: 4,
      },
      {
        name: "Đoàn Thị Quỳnh",
        position: "Chuyên viên theo dõi CCHC",
        organizationName: "UBND huyện Duy Xuyên",
        group: 1,
        email: "doanthiquynh@" + QN,
        bridge: 4,
        rsvp: "ACCEPTED",
      },
      {
        name: "Lương Văn Ẩn",
        position: "Chủ tịch UBND huyện",
        organizationName: "UBND huyện Đại Lộc",
        group: 1,
        email: "luongvanan@" + QN,
        bridge: 5,
      },
      {
        name: "Bùi Thị Yến",
        position: "Chủ tịch UBND xã Cẩm Thanh",
        organizationName: "UBND xã Cẩm Thanh, thành phố Hội An",
        group: 2,
        email: "buithiyen@" + QN,
        bridge: 1,
        invitationRefused:
          "550 5.1.1 <buithiyen@quangnam.hoinghi.local>: Recipient address rejected: User unknown in virtual mailbox table",
      },
      {
        name: "Châu Văn Lực",
        position: "Chủ tịch UBND xã Tam Nghĩa",
        organizationName: "UBND xã Tam Nghĩa, huyện Núi Thành",
        group: 2,
        email: "chauvanluc@" + QN,
        bridge: 2,
        rsvp: "ACCEPTED",
      },
      {
        name: "Tôn Nữ Thị Ửng",
        position: "Công chức Văn phòng - Thống kê",
        organizationName: "UBND xã Bình Dương, huyện Thăng Bình",
        group: 2,
        email: "tonnuthiung@" + QN,
        bridge: 3,
      },
    ],
  },
  {
    planKey: "da-nang-2026-tong-ket-cchc",
    sendInvitations: false,
    bridgePoints: [
      {
        name: "Điểm cầu UBND phường Hải Châu",
        hostOrganizationKey: "da-nang-hai-chau",
        address: "270 Trưng Nữ Vương, phường Hải Châu",
        videoLink: "https://hop.danang.gov.vn/cchc-2026",
        videoPasscode: "DN2026",
      },
      {
        name: "Điểm cầu UBND phường Hội An",
        hostOrganizationKey: "da-nang-hoi-an",
        address: "09 Trần Hưng Đạo, phường Hội An",
        videoLink: "https://hop.danang.gov.vn/cchc-2026",
        videoPasscode: "DN2026",
      },
    ],
    attendees: [
      {
        name: "Nguyễn Hữu Phước",
        position: "Giám đốc Sở Nội vụ",
        organizationName: "Sở Nội vụ thành phố Đà Nẵng",
        group: 0,
        email: "nguyenhuuphuoc@danang.hoinghi.local",
      },
      {
        name: "Trịnh Thị Hồng Nhung",
        position: "Chủ tịch UBND phường Hải Châu",
        organizationName: "UBND phường Hải Châu",
        group: 1,
        email: "trinhthihongnhung@danang.hoinghi.local",
        bridge: 0,
      },
      {
        name: "Mai Xuân Ngữ",
        position: "Chủ tịch UBND phường Hội An",
        organizationName: "UBND phường Hội An",
        group: 1,
        email: "maixuanngu@danang.hoinghi.local",
        bridge: 1,
      },
    ],
  },
];
