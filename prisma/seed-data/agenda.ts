import type { AgendaKind } from "#app/agenda/timing.ts";

/** Programmes of the demo conferences, by plan key. */
export const agendas: Record<
  string,
  Array<{ kind: AgendaKind; title: string; presenter: string; durationMinutes: number }>
> = {
  "quang-nam-2024-tong-ket-cchc-2023": [
    {
      kind: "OPENING",
      title: "Tuyên bố lý do, giới thiệu đại biểu; phát biểu khai mạc",
      presenter: "Lãnh đạo Văn phòng UBND tỉnh; Lãnh đạo UBND tỉnh",
      durationMinutes: 15,
    },
    {
      kind: "REPORT",
      title: "Báo cáo tổng kết công tác cải cách hành chính năm 2023, nhiệm vụ trọng tâm năm 2024",
      presenter: "Giám đốc Sở Nội vụ",
      durationMinutes: 30,
    },
    {
      kind: "REPORT",
      title: "Công bố Chỉ số cải cách hành chính và Chỉ số hài lòng (SIPAS) năm 2023",
      presenter: "Phó Giám đốc Sở Nội vụ",
      durationMinutes: 20,
    },
    {
      kind: "DISCUSSION",
      title: "Tham luận: Kinh nghiệm nâng cao Chỉ số CCHC của thành phố Hội An",
      presenter: "Chủ tịch UBND thành phố Hội An",
      durationMinutes: 15,
    },
    {
      kind: "DISCUSSION",
      title: "Tham luận: Chuyển đổi số trong giải quyết thủ tục hành chính cấp huyện",
      presenter: "Chủ tịch UBND huyện Núi Thành",
      durationMinutes: 15,
    },
    { kind: "BREAK", title: "Giải lao", presenter: "", durationMinutes: 15 },
    {
      kind: "AWARDS",
      title: "Trao thưởng cuộc thi “Tìm hiểu, tuyên truyền cải cách hành chính năm 2023”",
      presenter: "Lãnh đạo UBND tỉnh, Sở Nội vụ",
      durationMinutes: 20,
    },
    {
      kind: "DIRECTION",
      title: "Phát biểu chỉ đạo",
      presenter: "Phó Chủ tịch UBND tỉnh Hồ Quang Bửu",
      durationMinutes: 30,
    },
    { kind: "CLOSING", title: "Bế mạc Hội nghị", presenter: "Lãnh đạo UBND tỉnh", durationMinutes: 10 },
  ],
};
