/** Speeches and discussion papers of the demo conferences, by plan key. */
export const speeches: Record<
  string,
  Array<{
    kind: "DISCUSSION" | "LEADER";
    status: "REGISTERED" | "APPROVED" | "REJECTED" | "DELIVERED";
    speakingOrder: number | null;
    title: string;
    speakerName: string;
    speakerPosition: string;
    organizationName: string;
    durationMinutes: number;
    drafts?: string[];
  }>
> = {
  "quang-nam-2024-tong-ket-cchc-2023": [
    {
      kind: "DISCUSSION",
      status: "APPROVED",
      speakingOrder: 1,
      title: "Kinh nghiệm nâng cao Chỉ số CCHC của thành phố Hội An",
      speakerName: "Nguyễn Văn Lành",
      speakerPosition: "Chủ tịch UBND thành phố",
      organizationName: "UBND thành phố Hội An",
      durationMinutes: 15,
    },
    {
      kind: "DISCUSSION",
      status: "APPROVED",
      speakingOrder: 2,
      title: "Chuyển đổi số trong giải quyết thủ tục hành chính cấp huyện",
      speakerName: "Trần Ngọc Sơn",
      speakerPosition: "Chủ tịch UBND huyện",
      organizationName: "UBND huyện Núi Thành",
      durationMinutes: 15,
    },
    {
      kind: "DISCUSSION",
      status: "REGISTERED",
      speakingOrder: null,
      title: "Nâng cao chất lượng Bộ phận Một cửa cấp xã",
      speakerName: "Lương Văn Ẩn",
      speakerPosition: "Chủ tịch UBND huyện",
      organizationName: "UBND huyện Đại Lộc",
      durationMinutes: 10,
    },
    {
      kind: "LEADER",
      status: "APPROVED",
      speakingOrder: 3,
      title: "Phát biểu chỉ đạo của Phó Chủ tịch UBND tỉnh",
      speakerName: "Hồ Quang Bửu",
      speakerPosition: "Phó Chủ tịch UBND tỉnh",
      organizationName: "UBND tỉnh Quảng Nam",
      durationMinutes: 30,
      drafts: [
        "Kính thưa các đồng chí đại biểu! Năm 2023, công tác cải cách hành chính của tỉnh đạt nhiều kết quả quan trọng…",
        "Kính thưa các đồng chí đại biểu! Năm 2023, công tác cải cách hành chính của tỉnh tiếp tục chuyển biến tích cực; Chỉ số CCHC và Chỉ số hài lòng đều tăng…",
      ],
    },
  ],
  "hai-chau-2026-doi-thoai-sipas": [
    {
      kind: "DISCUSSION",
      status: "DELIVERED",
      speakingOrder: 1,
      title: "Ý kiến của doanh nghiệp về thủ tục đất đai",
      speakerName: "Phan Thị Hoa",
      speakerPosition: "Giám đốc",
      organizationName: "Công ty TNHH Hoa Sen Hải Châu",
      durationMinutes: 10,
    },
    {
      kind: "DISCUSSION",
      status: "REGISTERED",
      speakingOrder: null,
      title: "Kiến nghị về giải quyết hồ sơ hộ tịch trực tuyến",
      speakerName: "Lê Văn Tâm",
      speakerPosition: "Tổ trưởng tổ dân phố",
      organizationName: "Tổ dân phố 12, phường Hải Châu",
      durationMinutes: 10,
    },
  ],
};
