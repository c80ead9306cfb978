/** Why a conference cannot send calendar entries yet, or null when it can. */
export function cannotInviteReason(c: {
  startsAt: Date | null;
  endsAt: Date | null;
  tentativeMonth: number | null;
  status: string;
}): string | null {
  if (c.status === "CANCELLED") return "Hội nghị đã hủy.";
  if (!c.startsAt || !c.endsAt) {
    return c.tentativeMonth
      ? "Kế hoạch mới dự kiến theo tháng; cần ngày giờ cụ thể (sửa kế hoạch, mục Thời gian) trước khi gửi giấy mời có lịch."
      : "Kế hoạch chưa có ngày giờ tổ chức; hãy nhập thời gian bắt đầu và kết thúc trước khi gửi giấy mời.";
  }
  return null;
}
