import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAwards } from "#app/awards/award-import.ts";
import { renderAwardListPdf } from "#app/documents/award-list-pdf.server.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { foreignFonts, wordsOutsideMargins } from "#tests/helpers/pdf-checks.ts";

const csv = (text: string) => readTable({ fileName: "khen-thuong.csv", data: new TextEncoder().encode(text) });

describe("award list import", () => {
  it("reads collectives and individuals with Vietnamese dates", async () => {
    const result = parseAwards(
      await csv(
        "Loại,Tên,Cơ quan,Thành tích,Hình thức khen thưởng,Số quyết định,Ngày quyết định\nTập thể,UBND xã Bình Lư,,Dẫn đầu chỉ số,Giấy khen của Chủ tịch UBND huyện,12/QĐ-UBND,05/06/2024\n",
      ),
    );
    expect(result).toEqual({
      ok: true,
      awards: [
        {
          recipientKind: "COLLECTIVE",
          recipientName: "UBND xã Bình Lư",
          organizationName: "",
          achievement: "Dẫn đầu chỉ số",
          form: "Giấy khen của Chủ tịch UBND huyện",
          decisionNumber: "12/QĐ-UBND",
          decisionDate: "2024-06-05",
          attendeeId: undefined,
        },
      ],
    });
  });
  it("reports bad rows by row and column and imports nothing", async () => {
    const result = parseAwards(
      await csv(
        "loai,ten,hinh_thuc,ngay_quyet_dinh\nNhóm,A,Giấy khen,\nCá nhân,,Giấy khen,\nCá nhân,C,Giấy khen,31/02/2024\n",
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, column: "loai", message: "“Nhóm” không phải “Tập thể” hay “Cá nhân”" },
        { row: 3, column: "ten", message: "Nhập tên tập thể hoặc cá nhân" },
        { row: 4, column: "ngay_quyet_dinh", message: "Ngày quyết định “31/02/2024” không hợp lệ (dd/mm/yyyy)" },
      ],
    });
  });
});

describe("award list PDF", () => {
  it("lists collectives then individuals with their form of award", async () => {
    const pdf = await renderAwardListPdf({
      header: {
        issuingBody: "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM",
        numberLine: "",
        placeAndDate: "Quảng Nam, ngày 04 tháng 01 năm 2024",
      },
      meeting: "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
      awards: [
        {
          recipientKind: "INDIVIDUAL",
          recipientName: "Tôn Nữ Thị Ửng",
          organizationName: "UBND xã Bình Dương",
          achievement: "",
          form: "Giải Ba cuộc thi",
          decisionNumber: "",
          decisionDate: null,
        },
        {
          recipientKind: "COLLECTIVE",
          recipientName: "UBND thành phố Hội An",
          organizationName: "",
          achievement: "Giải Nhất tập thể",
          form: "Giải Nhất cuộc thi",
          decisionNumber: "05/QĐ-SNV",
          decisionDate: new Date("2024-01-12T00:00:00+07:00"),
        },
      ],
      closing: {
        recipients: ["Lưu: VT."],
        signature: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signerName: "Hồ Quang Bửu",
      },
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-kt-")), "kt.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text.indexOf("I. TẬP THỂ")).toBeLessThan(text.indexOf("II. CÁ NHÂN"));
    expect(text).toContain(
      "1. UBND thành phố Hội An: Giải Nhất cuộc thi. Thành tích: Giải Nhất tập thể (Quyết định số 05/QĐ-SNV ngày 12 tháng 01 năm 2024).",
    );
    expect(text).toContain("1. Tôn Nữ Thị Ửng, UBND xã Bình Dương: Giải Ba cuộc thi.");
    expect(text).toContain("Hồ Quang Bửu");
    expect(foreignFonts(file)).toEqual([]);
    expect(wordsOutsideMargins(file)).toEqual([]);
  });
});
