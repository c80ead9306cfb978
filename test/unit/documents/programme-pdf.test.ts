import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderProgrammePdf } from "#app/documents/programme-pdf.server.ts";
import { agendas } from "#prisma/seed-data/agenda.ts";
import { foreignFonts, wordsOutsideMargins } from "#tests/helpers/pdf-checks.ts";

describe("programme PDF", () => {
  it("times each item from the start and keeps names with diacritics", async () => {
    const pdf = await renderProgrammePdf({
      header: {
        issuingBody: "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM",
        numberLine: "",
        placeAndDate: "Quảng Nam, ngày 04 tháng 01 năm 2024",
      },
      meeting: "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
      startsAt: new Date("2024-01-18T08:00:00+07:00"),
      venue: "Hội trường UBND tỉnh",
      items: agendas["quang-nam-2024-tong-ket-cchc-2023"]!,
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-ct-")), "ct.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain("CHƯƠNG TRÌNH");
    expect(text).toContain("08 giờ 00 – 08 giờ 15: Khai mạc. Tuyên bố lý do");
    expect(text).toContain("10 giờ 40 – 10 giờ 50: Bế mạc. Bế mạc Hội nghị");
    expect(text).toContain("Phó Chủ tịch UBND tỉnh Hồ Quang Bửu");
    expect(foreignFonts(file)).toEqual([]);
    expect(wordsOutsideMargins(file)).toEqual([]);
  });
});
