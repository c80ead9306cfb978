// The words of an error page, shared by the app's error boundary (app/root.tsx) and the page the server
// answers when a render runs out of time (app/http/render-document.server.tsx), so that both say the
// same thing in the same way. Plain TypeScript: the error boundary renders in the browser too.

export const STATUS_TEXT: Record<number, string> = {
  400: "Yêu cầu không hợp lệ",
  403: "Không có quyền truy cập",
  404: "Không tìm thấy trang",
  405: "Thao tác không được hỗ trợ",
  503: "Hệ thống đang quá tải",
};

export const ERROR_TITLE = "Đã xảy ra lỗi";
export const ERROR_DETAIL = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau ít phút.";
export const NOT_FOUND_DETAIL = "Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc bạn không có quyền xem.";
export const BUSY_DETAIL =
  "Máy chủ chưa kịp trả lời trong thời gian cho phép. Thao tác vừa gửi (nếu có) có thể đã được ghi nhận: " +
  "vui lòng tải lại trang sau ít phút và kiểm tra trước khi làm lại.";
export const HOME_LINK = { href: "/conferences", label: "Về danh sách hội nghị" };
