import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { renderAttendancePdf } from "#app/documents/attendance-pdf.server.ts";
import { foreignFonts, pdfFile, wordsOutsideMargins } from "#tests/helpers/pdf-checks.ts";

describe("attendance report PDF", () => {
  it("counts answers and lists each group with sites, reasons and substitutes", async () => {
    const file = pdfFile(
      await renderAttendancePdf({
        header: {
          issuingBody: "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM",
          numberLine: "",
          placeAndDate: "Quảng Nam, ngày 04 tháng 01 năm 2024",
        },
        meeting: "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
        groups: [
          {
            label: "Cấp tỉnh",
            attendees: [
              {
                name: "Lê Văn Dũng",
                position: "Phó Bí thư",
                organization: "Tỉnh ủy",
                site: "dự tại hội trường chính",
                rsvp: "ACCEPTED",
                note: "",
              },
              {
                name: "Phạm Thị Ngọc Ánh",
                position: "",
                organization: "Ban Tổ chức Tỉnh ủy",
                site: "dự tại hội trường chính",
                rsvp: "DECLINED",
                note: "lý do: Trùng lịch công tác",
              },
            ],
          },
          {
            label: "Cấp huyện",
            attendees: [
              {
                name: "Phan Văn Thành",
                position: "Chủ tịch",
                organization: "UBND huyện Thăng Bình",
                site: "dự tại Điểm cầu UBND huyện Thăng Bình",
                rsvp: "SUBSTITUTED",
                note: "người dự thay: Ngô Văn Ẩn",
              },
            ],
          },
        ],
        closing: {
          recipients: ["Lưu: VT."],
          signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
          signerName: "Lê Văn Dũng",
        },
      }),
    );
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain(
      "Tổng số đại biểu được mời: 3; xác nhận tham dự: 1; báo vắng: 1; cử người dự thay: 1; chưa trả lời: 0.",
    );
    expect(text).toContain("1. Cấp tỉnh (2 đại biểu)");
    expect(text).toContain(
      "2. Phạm Thị Ngọc Ánh, Ban Tổ chức Tỉnh ủy: Vắng; dự tại hội trường chính; lý do: Trùng lịch công tác.",
    );
    expect(text).toContain("người dự thay: Ngô Văn Ẩn");
    expect(foreignFonts(file)).toEqual([]);
    expect(wordsOutsideMargins(file)).toEqual([]);
  });
});
