import { describe, expect, it } from "vitest";
import {
  conclusionDocumentSpec,
  conferenceHeld,
  draftWording,
  taskLine,
  type NoticeForDocument,
} from "#app/conclusions/document.ts";
import { noticeIssueSchema } from "#app/conclusions/notice-form.ts";

const d = (s: string) => new Date(`${s}T00:00:00+07:00`);
const notice: NoticeForDocument = {
  status: "DRAFT",
  documentNumber: null,
  documentSymbol: "TB-UBND",
  issuePlace: "Quảng Nam",
  issuedOn: null,
  title: "Kết luận của Chủ tịch UBND tỉnh tại Hội nghị tổng kết",
  opening: "Ngày 18 tháng 01 năm 2024, Chủ tịch UBND tỉnh chủ trì Hội nghị.",
  chairText: "Chủ tịch UBND tỉnh",
  attendanceSummary: "có mặt 18/20 đại biểu, vắng 2 có lý do",
  closingText: "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
  signAuthority: "TL. CHỦ TỊCH",
  signDelegation: "",
  signerTitle: "CHÁNH VĂN PHÒNG",
  signerName: "Nguyễn Văn A",
  issuingBody: { documentName: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", parentDocumentName: null },
  items: [{ heading: "Báo cáo tổng kết", text: "Thống nhất với báo cáo.\n\nCòn hạn chế." }],
  tasks: [{ assignee: "Sở Nội vụ", duties: "Tham mưu kế hoạch", dueDate: d("2024-03-29") }],
  recipients: [{ text: "Như trên;" }, { text: "Lưu: VT." }],
};

describe("the conclusion notice as a document", () => {
  it("marks a draft and leaves its number and date blank", () => {
    const spec = conclusionDocumentSpec(notice);
    expect(spec.documentType).toBe("THÔNG BÁO (DỰ THẢO)");
    expect(spec.header.numberLine).toBe("Số:       /TB-UBND");
    expect(spec.header.placeAndDate).toBe("Quảng Nam, ngày     tháng     năm    ");
    expect(spec.signature).toEqual(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
  });

  it("numbers the conclusions, then the tasks with their deadlines, after the opening and the roll call", () => {
    const spec = conclusionDocumentSpec({
      ...notice,
      status: "ISSUED",
      documentNumber: "12",
      issuedOn: d("2024-01-24"),
    });
    expect(spec.documentType).toBe("THÔNG BÁO");
    expect(spec.header.numberLine).toBe("Số: 12/TB-UBND");
    expect(spec.header.placeAndDate).toBe("Quảng Nam, ngày 24 tháng 01 năm 2024");
    expect(spec.body.map((b) => ("text" in b ? b.text : b.label))).toEqual([
      "Ngày 18 tháng 01 năm 2024, Chủ tịch UBND tỉnh chủ trì Hội nghị.",
      "Tham dự Hội nghị: có mặt 18/20 đại biểu, vắng 2 có lý do.",
      "Sau khi nghe các báo cáo, tham luận và ý kiến phát biểu của đại biểu, Chủ tịch UBND tỉnh kết luận như sau:",
      "1. Báo cáo tổng kết",
      "Thống nhất với báo cáo.",
      "Còn hạn chế.",
      "2. Tổ chức thực hiện",
      "- Sở Nội vụ: Tham mưu kế hoạch. Thời hạn: 29/03/2024.",
      "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
    ]);
    expect(taskLine({ assignee: "Sở Nội vụ;", duties: "Làm việc A;", dueDate: null })).toBe("- Sở Nội vụ: Làm việc A;");
  });

  it("words the draft from the plan", () => {
    const w = draftWording({
      title: "Tổ chức Hội nghị tổng kết công tác CCHC năm 2023",
      chair: "Lãnh đạo Ủy ban nhân dân tỉnh.",
      venue: "Hội trường UBND tỉnh",
      startsAt: new Date("2024-01-18T08:00:00+07:00"),
      organizationName: "UBND tỉnh Quảng Nam",
    });
    expect(w.title).toBe("Kết luận của Lãnh đạo Ủy ban nhân dân tỉnh tại Hội nghị tổng kết công tác CCHC năm 2023");
    expect(w.opening).toBe(
      "Ngày 18 tháng 01 năm 2024, tại Hội trường UBND tỉnh, Lãnh đạo Ủy ban nhân dân tỉnh chủ trì Hội nghị tổng kết công tác CCHC năm 2023.",
    );
  });

  it("may be issued once the meeting was held or has started, never for a cancelled or draft plan", () => {
    const now = new Date("2024-01-20T00:00:00Z");
    const past = new Date("2024-01-18T01:00:00Z");
    const future = new Date("2024-02-01T01:00:00Z");
    expect(conferenceHeld({ status: "HELD", startsAt: future }, now)).toBe(true);
    expect(conferenceHeld({ status: "CLOSED", startsAt: null }, now)).toBe(true);
    expect(conferenceHeld({ status: "INVITATIONS_SENT", startsAt: past }, now)).toBe(true);
    expect(conferenceHeld({ status: "INVITATIONS_SENT", startsAt: future }, now)).toBe(false);
    expect(conferenceHeld({ status: "CANCELLED", startsAt: past }, now)).toBe(false);
    expect(conferenceHeld({ status: "DRAFT", startsAt: past }, now)).toBe(false);
  });

  it("needs a number to issue, with a message naming it", () => {
    const r = noticeIssueSchema.safeParse({ issuedOn: "2024-01-24" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe("Nhập số văn bản do văn thư cấp trước khi ban hành (ví dụ 15)");
  });
});
