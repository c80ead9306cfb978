import { describe, expect, it } from "vitest";
import { buildPlanDocument, planDocumentText, scheduleText, type PlanDocumentInput } from "#app/plans/document.ts";
import { allowedTransitions, canTransition } from "#app/plans/status.ts";

const base: PlanDocumentInput = {
  kind: "CONFERENCE",
  issuingBody: { documentName: "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" },
  documentNumber: "15",
  documentSymbol: "KH-UBND",
  issuePlace: "Đà Nẵng",
  issueDay: 2,
  issueMonth: 12,
  issueYear: 2026,
  title: "Tổ chức Hội nghị công bố Chỉ số CCHC năm 2025",
  legalBasis: "Căn cứ Quyết định số 100/QĐ-UBND;",
  purposes: "",
  requirements: "Bảo đảm thiết thực.",
  content: "",
  closing: "Trên đây là Kế hoạch./.",
  format: "ONLINE",
  formatNote: "",
  startsAt: new Date("2026-12-18T01:00:00Z"),
  endsAt: new Date("2026-12-18T04:30:00Z"),
  tentativeMonth: null,
  tentativeYear: null,
  scheduleNote: "",
  scheduleText: "",
  venue: "",
  budgetSource: "Ngân sách thành phố",
  chair: "",
  attendeeGroups: [{ heading: "Cấp xã", lines: [{ text: "Chủ tịch UBND các xã, phường;" }] }],
  tasks: [
    { assignee: "Sở Nội vụ", duties: "- Chuẩn bị báo cáo.\n- Tham mưu khen thưởng.", inlineDuties: false },
    { assignee: "Văn phòng UBND thành phố", duties: "phát hành giấy mời.", inlineDuties: true },
  ],
  recipients: ["Gửi bản điện tử:", "Các sở, ngành;", "Lưu: VT."],
  signAuthority: "TM. ỦY BAN NHÂN DÂN",
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Nguyễn Văn A",
  outline: null,
};

describe("standard plan layout", () => {
  it("numbers only the parts that are filled in", () => {
    const text = planDocumentText(buildPlanDocument(base));
    expect(text).toEqual(
      expect.arrayContaining([
        "Số: 15/KH-UBND",
        "Đà Nẵng, ngày 02 tháng 12 năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Yêu cầu",
        "II. NỘI DUNG, THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM",
        "1. Thành phần tham dự",
        "* Cấp xã",
        "- Chủ tịch UBND các xã, phường;",
        "2. Hình thức tổ chức: Hội nghị tổ chức trực tuyến.",
        "3. Thời gian: Từ 08 giờ 00 đến 11 giờ 30, ngày 18 tháng 12 năm 2026.",
        "4. Kinh phí thực hiện: Ngân sách thành phố",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
        "- Chuẩn bị báo cáo.",
        "2. Văn phòng UBND thành phố: phát hành giấy mời.",
        "Gửi bản điện tử:",
        "- Các sở, ngành;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "Nguyễn Văn A",
      ]),
    );
    expect(text.indexOf("I. MỤC ĐÍCH, YÊU CẦU")).toBeLessThan(
      text.indexOf("II. NỘI DUNG, THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM"),
    );
    expect(text).not.toContain("1. Mục đích");
  });

  it("words a tentative schedule with its note", () => {
    expect(
      scheduleText({
        ...base,
        startsAt: null,
        endsAt: null,
        tentativeMonth: 1,
        tentativeYear: 2024,
        scheduleNote: "Thời gian cụ thể sẽ có giấy mời",
      }),
    ).toBe("Dự kiến trong tháng 01/2024 (Thời gian cụ thể sẽ có giấy mời).");
  });
});

describe("conference status", () => {
  it("moves forward only, and can be cancelled until it is held", () => {
    expect(allowedTransitions("DRAFT")).toEqual(["ISSUED", "CANCELLED"]);
    expect(canTransition("HELD", "CLOSED")).toBe(true);
    expect(canTransition("CLOSED", "DRAFT")).toBe(false);
    expect(canTransition("HELD", "CANCELLED")).toBe(false);
  });
});
