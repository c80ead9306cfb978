/** Award lists of the demo conferences, by plan key (ceremony order). */
export const awards: Record<
  string,
  Array<{
    recipientKind: "COLLECTIVE" | "INDIVIDUAL";
    recipientName: string;
    organizationName: string;
    achievement: string;
    form: string;
    decisionNumber: string;
    decisionDate: string | null;
    approved: boolean;
  }>
> = {
  "quang-nam-2024-tong-ket-cchc-2023": [
    {
      recipientKind: "COLLECTIVE",
      recipientName: "UBND thành phố Hội An",
      organizationName: "",
      achievement: "Giải Nhất tập thể cuộc thi “Tìm hiểu, tuyên truyền cải cách hành chính năm 2023”",
      form: "Giải Nhất cuộc thi",
      decisionNumber: "05/QĐ-SNV",
      decisionDate: "2024-01-12",
      approved: true,
    },
    {
      recipientKind: "COLLECTIVE",
      recipientName: "UBND huyện Núi Thành",
      organizationName: "",
      achievement: "Giải Nhì tập thể cuộc thi",
      form: "Giải Nhì cuộc thi",
      decisionNumber: "05/QĐ-SNV",
      decisionDate: "2024-01-12",
      approved: true,
    },
    {
      recipientKind: "INDIVIDUAL",
      recipientName: "Đoàn Thị Quỳnh",
      organizationName: "UBND huyện Duy Xuyên",
      achievement: "Giải Nhất cá nhân cuộc thi",
      form: "Giải Nhất cuộc thi",
      decisionNumber: "05/QĐ-SNV",
      decisionDate: "2024-01-12",
      approved: true,
    },
    {
      recipientKind: "INDIVIDUAL",
      recipientName: "Tôn Nữ Thị Ửng",
      organizationName: "UBND xã Bình Dương, huyện Thăng Bình",
      achievement: "Giải Ba cá nhân cuộc thi",
      form: "Giải Ba cuộc thi",
      decisionNumber: "",
      decisionDate: null,
      approved: false,
    },
  ],
  "tam-duong-2024-cong-bo-chi-so-cap-xa": [
    {
      recipientKind: "COLLECTIVE",
      recipientName: "UBND thị trấn Tam Đường",
      organizationName: "",
      achievement: "Dẫn đầu Chỉ số cải cách hành chính cấp xã năm 2023",
      form: "Giấy khen của Chủ tịch UBND huyện",
      decisionNumber: "",
      decisionDate: null,
      approved: false,
    },
  ],
};
